"""B7: the body overloads ``complete(body)`` / ``embed(body)``: sent as given, content type, streaming."""

from __future__ import annotations

import io
import json

import pytest
from azure.core.exceptions import DecodeError

from azure.ai.inference.models import ChatCompletions, EmbeddingsResult, StreamingChatCompletionsUpdate, UserMessage
from tests.behavior.wire import CHAT_RESPONSE, assert_body
from tests.emulator import Reply
from tests.flavors import close_stream, collect, resolve

BODY = {"messages": [{"role": "user", "content": "hi"}], "temperature": 0.1}
STICKY = {"temperature": 0.9, "model": "ctor-model", "model_extras": {"top_k": 5}}
SSE_EVENT = {
    "id": "s",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "delta": {"content": "x"}, "finish_reason": None}],
}


@pytest.mark.parametrize("how", ["positional", "keyword"])
async def test_complete_body_ignores_keywords_and_defaults(clients, emulator, how):
    """B7.1: with ``body`` every keyword and sticky default is ignored; no ``extra-parameters``."""
    client = clients.chat(**STICKY)
    if how == "positional":
        await resolve(client.complete(BODY, seed=1, model_extras={"x": 1}))
    else:
        await resolve(client.complete(body=BODY, seed=1))
    assert_body(emulator.last_request, json.dumps(BODY))
    assert emulator.last_request.header("extra-parameters") is None


async def test_complete_body_keeps_the_callers_key_order_and_unknown_keys(clients, emulator):
    """B7.1: a dict body is serialized with its keys as given (unknown keys too)."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    body = {"temperature": 0.1, "zeta": [1], "messages": [UserMessage("hi")]}
    await resolve(clients.chat().complete(body))
    expected = '{"temperature": 0.1, "zeta": [1], "messages": [{"role": "user", "content": "hi"}]}'
    assert_body(emulator.last_request, expected)


@pytest.mark.parametrize("kind", ["bytes", "BytesIO"])
async def test_complete_body_bytes_are_sent_unmodified(clients, emulator, kind):
    """B7.1: a bytes or ``io.IOBase`` body is sent byte for byte."""
    raw = b'{\n  "messages": [{"role": "user", "content": "hi"}]\n}'
    result = await resolve(clients.chat(**STICKY).complete(raw if kind == "bytes" else io.BytesIO(raw)))
    assert isinstance(result, ChatCompletions)
    assert emulator.last_request.body == raw
    assert emulator.last_request.header("extra-parameters") is None


async def test_complete_body_from_an_open_file(clients, emulator, tmp_path):
    """B7.1: an open binary file is sent as read."""
    path = tmp_path / "body.json"
    path.write_bytes(json.dumps(BODY).encode())
    with path.open("rb") as file:
        await resolve(clients.chat().complete(file))
    assert emulator.last_request.body == path.read_bytes()


@pytest.mark.parametrize("factory", ["embeddings", "image_embeddings"])
async def test_embed_body_ignores_keywords_and_defaults(clients, emulator, factory):
    """B7.1 (W7): ``embed({"input": ["raw"], "foo": 1})`` -> that body, no defaults, no header."""
    emulator.script(Reply(json={"id": "e", "data": [], "model": "m", "usage": {"prompt_tokens": 1, "total_tokens": 1}}))
    client = getattr(clients, factory)(dimensions=3, model_extras={"truncate": "END"})
    result = await resolve(client.embed({"input": ["raw"], "foo": 1}, dimensions=5))
    assert isinstance(result, EmbeddingsResult)
    assert_body(emulator.last_request, '{"input": ["raw"], "foo": 1}')
    assert emulator.last_request.header("extra-parameters") is None


async def test_embed_body_bytes_are_sent_unmodified(clients, emulator):
    """B7.1: bytes for ``embed`` too."""
    await resolve(clients.embeddings().embed(b'{"input":["x"]}'))
    assert emulator.last_request.body == b'{"input":["x"]}'


@pytest.mark.parametrize("body", [BODY, json.dumps(BODY).encode()], ids=["dict", "bytes"])
async def test_content_type_keyword_applies_to_body_forms(clients, emulator, body):
    """B7.2: ``content_type=`` sets Content-Type for either body kind."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    await resolve(clients.chat().complete(body, content_type="application/json; charset=utf-8"))
    assert emulator.last_request.header("content-type") == "application/json; charset=utf-8"


async def test_body_stream_true_enables_streaming_over_the_keyword(clients, emulator):
    """B7.3 (kept): a bool ``"stream"`` in a dict body decides streaming, overriding ``stream=``."""
    stream = await resolve(clients.chat().complete({**BODY, "stream": True}, stream=False))
    updates = await collect(stream)
    await close_stream(stream)
    assert isinstance(updates[0], StreamingChatCompletionsUpdate)
    assert emulator.last_request.json()["stream"] is True


async def test_body_stream_false_disables_streaming_over_the_keyword(clients, emulator):
    """B7.3 (kept): ``{"stream": false}`` in the body wins over ``stream=True``."""
    result = await resolve(clients.chat().complete({**BODY, "stream": False}, stream=True))
    assert isinstance(result, ChatCompletions)


async def test_non_bool_body_stream_leaves_the_decision_to_the_keyword(clients, emulator):
    """B7.3 (kept): ``"stream": "yes"`` never enables streaming by itself."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    result = await resolve(clients.chat().complete({**BODY, "stream": "yes"}))
    assert isinstance(result, ChatCompletions)
    assert result.id == "chatcmpl-abc123"


async def test_bytes_body_streams_with_the_stream_keyword(clients, emulator):
    """B7.3 (kept): ``complete(b"...", stream=True)`` streams."""
    emulator.script(Reply.sse([SSE_EVENT]))
    stream = await resolve(clients.chat().complete(json.dumps({**BODY, "stream": True}).encode(), stream=True))
    updates = await collect(stream)
    await close_stream(stream)
    assert [update.choices[0].delta.content for update in updates] == ["x"]


async def test_bytes_body_with_stream_true_but_no_keyword_fails_to_parse(clients, emulator):
    """B7.3 (kept): a bytes body asking to stream, without ``stream=True``, is parsed as JSON and fails (B9.2)."""
    emulator.script(Reply.sse([SSE_EVENT]))
    with pytest.raises(DecodeError, match="^JSON is invalid: Expecting value"):
        await resolve(clients.chat().complete(json.dumps({**BODY, "stream": True}).encode()))
    assert emulator.last_request.json()["stream"] is True
