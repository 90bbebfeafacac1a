"""Compatibility guard: patterns of real code written for 1.0.0b9 keep working, sync and aio (issue 14).

Each test is one such pattern, run against the emulator through the public API: a test base that passes
unrelated settings to every constructor, a ``raw_request_hook`` that compares the body with the expected
JSON text, a ``logging_enable=True`` client whose requests still carry the real credentials, streams
that send one ``data:`` line per event, an HTML page answered with 200, and azure-core's span names.
"""

from __future__ import annotations

import contextlib
import json
import logging
from typing import Any, Dict, Iterator, List

import pytest
from azure.core.exceptions import DecodeError, HttpResponseError
from azure.core.settings import settings

from azure.ai.inference.models import ImageEmbeddingInput, UserMessage
from tests.emulator import Reply
from tests.sse_streams import chunk, delta
from tests.flavors import EMULATOR_KEY, ClientFactory, collect, resolve

QUESTION = [UserMessage("How many feet are in a mile?")]
EXPECTED_CHAT_BODY = '{"messages": [{"role": "user", "content": "How many feet are in a mile?"}], "temperature": 0.5}'
TEST_BASE_SETTINGS = {"azure_ai_chat_endpoint": "https://elsewhere.example", "azure_ai_chat_key": "k"}


# --- a test base that builds every client with the suite's settings -------------------------------


@pytest.mark.parametrize("factory", ["chat", "embeddings", "image_embeddings"])
async def test_constructors_take_unrelated_settings_through_kwargs(clients, emulator, factory):
    client = getattr(clients, factory)(logging_enable=True, **TEST_BASE_SETTINGS)
    info = await resolve(client.get_model_info())
    assert info.model_name == "emulator-model"
    assert [request.path for request in emulator.requests] == ["/info"]


# --- a raw_request_hook that compares the body with the expected JSON text -------------------------


async def test_request_hook_sees_the_json_body_as_text(clients, emulator):
    seen: List[Any] = []
    client = clients.chat(raw_request_hook=lambda request: seen.append(request.http_request))
    await resolve(client.complete(messages=QUESTION, temperature=0.5))
    (http_request,) = seen
    assert http_request.data == EXPECTED_CHAT_BODY
    assert json.loads(http_request.data)["temperature"] == 0.5  # string operations work on it
    received = emulator.last_request
    assert received.body == EXPECTED_CHAT_BODY.encode("ascii")
    assert (received.header("content-length"), received.header("content-type")) == (
        str(len(EXPECTED_CHAT_BODY)),
        "application/json",
    )


async def test_request_hook_sees_a_dict_body_as_text(clients, emulator):
    seen: List[Any] = []
    body = {"input": ["caf\u00e9"], "model": "m"}
    await resolve(clients.embeddings().embed(body, raw_request_hook=lambda request: seen.append(request.http_request)))
    assert seen[0].data == '{"input": ["caf\\u00e9"], "model": "m"}'
    assert emulator.last_request.json() == body


# --- logging_enable=True: redaction is for the log, not for the request -----------------------------


async def test_logging_enable_leaves_the_real_credentials_on_the_request(clients, emulator, caplog):
    before: List[Dict[str, str]] = []
    after: List[Dict[str, str]] = []
    client = clients.chat(
        logging_enable=True,
        raw_request_hook=lambda request: before.append(dict(request.http_request.headers)),
        raw_response_hook=lambda response: after.append(dict(response.http_request.headers)),
    )
    with caplog.at_level(logging.DEBUG):
        await resolve(client.complete(messages=QUESTION))
    for headers in (before[0], after[0]):
        assert (headers["api-key"], headers["Authorization"]) == (EMULATOR_KEY, f"Bearer {EMULATOR_KEY}")
    assert emulator.last_request.header("api-key") == EMULATOR_KEY
    assert not any(EMULATOR_KEY in record.getMessage() for record in caplog.records)


# --- servers that send one data: line per event ------------------------------------------------------


def _line_per_event_chunks(newline: bytes, blank_lines: bool) -> List[bytes]:
    events = [chunk([delta({"role": "assistant", "content": ""})]), chunk([delta({"content": "5,280"})])]
    events += [chunk([delta({"content": " feet"})]), chunk([delta({}, "stop")])]
    separator = newline * 2 if blank_lines else newline
    return [b"data: " + json.dumps(event).encode() + separator for event in events] + [b"data: [DONE]" + separator]


@pytest.mark.parametrize("blank_lines", [False, True], ids=["no-blank-lines", "blank-lines"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["LF", "CRLF"])
async def test_line_per_event_streams_give_one_update_per_line(clients, emulator, newline, blank_lines):
    emulator.script(Reply(chunks=_line_per_event_chunks(newline, blank_lines)))
    stream = await resolve(clients.chat().complete(messages=QUESTION, stream=True))
    updates = await collect(stream)
    assert [update.choices[0].delta.content for update in updates] == ["", "5,280", " feet", None]
    assert updates[-1].choices[0].finish_reason == "stop"


async def test_line_per_event_stream_in_one_piece_with_crlf(clients, emulator):
    body = b"".join(_line_per_event_chunks(b"\r\n", blank_lines=False))
    emulator.script(Reply(chunks=[body]))
    stream = await resolve(clients.chat().complete(messages=QUESTION, stream=True))
    final = await resolve(stream.get_final_completion())
    assert (final.choices[0].message.content, final.choices[0].finish_reason) == ("5,280 feet", "stop")


# --- an HTML page answered with 200 (a proxy's error page) -------------------------------------------


async def test_an_html_page_with_status_200_raises_an_azure_core_error(clients, emulator):
    emulator.script(Reply(body=b"<html><body>Gateway error</body></html>", headers={"Content-Type": "text/html"}))
    with pytest.raises(HttpResponseError) as raised:  # what code written for 1.0.0b9 catches
        await resolve(clients.chat().complete(messages=QUESTION))
    assert type(raised.value) is DecodeError
    assert raised.value.message.startswith("JSON is invalid: Expecting value: line 1 column 1 (char 0)")
    assert (raised.value.status_code, raised.value.response.text()) == (200, "<html><body>Gateway error</body></html>")


# --- azure-core's span names ---------------------------------------------------------------------------


class RecordedSpan:
    """A minimal azure-core tracing plugin: records the name of every span that ends."""

    ended: List[str] = []

    def __init__(self, span: Any = None, name: str = "span", kind: Any = None, **kwargs: Any) -> None:
        self.name, self.span_instance = name, self

    def __enter__(self) -> "RecordedSpan":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.finish()

    def finish(self) -> None:
        RecordedSpan.ended.append(self.name)

    def add_attribute(self, key: str, value: Any) -> None:
        return None

    def set_http_attributes(self, request: Any, response: Any = None) -> None:
        return None

    def to_header(self) -> Dict[str, str]:
        return {}

    @classmethod
    def change_context(cls, span: Any) -> Any:
        return contextlib.nullcontext()

    @classmethod
    def get_current_span(cls) -> None:
        return None


@pytest.fixture
def span_names() -> Iterator[List[str]]:
    """Turns azure-core tracing on with the recording plugin; yields the names of the spans that ended."""
    RecordedSpan.ended = []
    settings.tracing_implementation.set_value(RecordedSpan)
    settings.tracing_enabled.set_value(True)
    try:
        yield RecordedSpan.ended
    finally:
        settings.tracing_implementation.unset_value()
        settings.tracing_enabled.unset_value()


async def _run(clients: ClientFactory, operation: str) -> None:
    if operation == "complete":
        await resolve(clients.chat().complete(messages=QUESTION))
    elif operation == "stream":
        await collect(await resolve(clients.chat().complete(messages=QUESTION, stream=True)))
    elif operation.endswith(".embed"):
        client = clients.embeddings() if operation.startswith("Embeddings") else clients.image_embeddings()
        item = "x" if operation.startswith("Embeddings") else ImageEmbeddingInput(image="data:image/png;base64,AA==")
        await resolve(client.embed(input=[item]))
    elif operation == "load_client":
        client = await clients.load_client()
        await resolve(client.get_model_info())  # cached: a span, no request
    else:
        factory = {"ChatCompletionsClient": "chat", "EmbeddingsClient": "embeddings"}.get(operation.split(".")[0])
        await resolve(getattr(clients, factory or "image_embeddings")().get_model_info())


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        ("complete", ["POST"]),
        ("stream", ["POST"]),
        ("EmbeddingsClient.embed", ["POST", "EmbeddingsClient.embed"]),
        ("ImageEmbeddingsClient.embed", ["POST", "ImageEmbeddingsClient.embed"]),
        ("ChatCompletionsClient.get_model_info", ["GET", "ChatCompletionsClient.get_model_info"]),
        ("EmbeddingsClient.get_model_info", ["GET", "EmbeddingsClient.get_model_info"]),
        ("ImageEmbeddingsClient.get_model_info", ["GET", "ImageEmbeddingsClient.get_model_info"]),
        ("load_client", ["GET", "ChatCompletionsClient.get_model_info", "ChatCompletionsClient.get_model_info"]),
    ],
)
async def test_span_names_are_the_public_client_names(clients, emulator, span_names, operation, expected):
    """T-5.2: ``<ClassName>.<method>``, sync and aio, never a base or mixin class (ModelInfoMixin)."""
    await _run(clients, operation)
    assert span_names == expected
