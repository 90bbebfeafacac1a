"""Broken and unusual responses, sync and aio: each ends in its documented exception (or a correct result)
after the documented number of requests."""

from __future__ import annotations

from typing import Any, Callable, List

import pytest
from azure.core.exceptions import DecodeError, HttpResponseError, IncompleteReadError

from azure.ai.inference.models import ImageEmbeddingInput, UserMessage

from tests.emulator import Fault, Reply
from tests.flavors import ClientFactory, collect, resolve

QUESTION = [UserMessage("What is the capital of France?")]
CHUNK = {
    "id": "c1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}, "finish_reason": None}],
}
OPERATION_PATHS = {
    "complete": "/chat/completions",
    "embed": "/embeddings",
    "image_embed": "/images/embeddings",
    "get_model_info": "/info",
}


def _client(clients: ClientFactory, operation: str) -> Any:
    if operation == "embed":
        return clients.embeddings()
    return clients.image_embeddings() if operation == "image_embed" else clients.chat()


async def _call(client: Any, operation: str) -> Any:
    if operation == "complete":
        return await resolve(client.complete(messages=QUESTION))
    if operation == "embed":
        return await resolve(client.embed(input=["hello"]))
    if operation == "image_embed":
        return await resolve(client.embed(input=[ImageEmbeddingInput(image="data:image/png;base64,iVBORw0KGgo=")]))
    return await resolve(client.get_model_info())


async def _watched_call(clients: ClientFactory, record_waits: Callable[[Any], Any], operation: str) -> Any:
    """Call ``operation`` on a new client whose retries wait for nothing; return the result."""
    client = _client(clients, operation)
    record_waits(client)
    return await _call(client, operation)


async def _stream(clients: ClientFactory) -> Any:
    return await resolve(clients.chat().complete(messages=QUESTION, stream=True))


async def _drain(stream: Any, received: List[Any]) -> None:
    if hasattr(stream, "__aiter__"):
        async for update in stream:
            received.append(update)
    else:
        received.extend(stream)


@pytest.mark.parametrize("operation", list(OPERATION_PATHS))
@pytest.mark.parametrize("body", [b'{"id": "x", ', b"", b"<html>Bad gateway</html>"], ids=["cut", "empty", "html"])
async def test_unparsable_200_body_raises_decode_error_not_retried(clients, emulator, record_waits, operation, body):
    """B9.2: azure-core's DecodeError (an HttpResponseError), as 1.0.0b9; see tests/behavior/test_response_bodies.py."""
    emulator.script(Reply(body=body), path=OPERATION_PATHS[operation])
    with pytest.raises(DecodeError, match="^JSON is invalid: "):
        await _watched_call(clients, record_waits, operation)
    assert len(emulator.requests) == 1


@pytest.mark.parametrize("operation", list(OPERATION_PATHS))
@pytest.mark.parametrize(("body", "kind"), [(b"[]", "list"), (b'"ok"', "str"), (b"null", "null"), (b"42", "int")])
async def test_200_body_that_is_not_a_json_object_raises_decode_error(
    clients, emulator, record_waits, operation, body, kind
):
    emulator.script(Reply(body=body), path=OPERATION_PATHS[operation])
    with pytest.raises(DecodeError) as raised:
        await _watched_call(clients, record_waits, operation)
    assert raised.value.message == f"The service answered with a JSON {kind} where a JSON object was expected."
    assert len(emulator.requests) == 1


@pytest.mark.parametrize("operation", ["complete", "embed", "image_embed"])
async def test_body_reset_midway_raises_http_response_error_without_retry(clients, emulator, record_waits, operation):
    emulator.script(Reply(json={"id": "x" * 200}, fault=Fault.RESET_MID_BODY), path=OPERATION_PATHS[operation])
    with pytest.raises(HttpResponseError):
        await _watched_call(clients, record_waits, operation)
    assert len(emulator.requests) == 1


@pytest.mark.parametrize("operation", ["complete", "embed", "get_model_info"])
async def test_body_closed_midway_raises_incomplete_read(clients, emulator, record_waits, operation):
    attempts = 4 if operation == "get_model_info" else 1  # azure-core retries a GET after any error
    cut = Reply(json={"id": "x" * 200}, fault=Fault.CLOSE_MID_BODY)
    emulator.script(*[cut] * attempts, path=OPERATION_PATHS[operation])
    with pytest.raises(IncompleteReadError):
        await _watched_call(clients, record_waits, operation)
    assert len(emulator.requests) == attempts


async def test_get_model_info_recovers_from_a_body_reset_midway(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(json={"model_name": "x" * 200}, fault=Fault.RESET_MID_BODY), path="/info")
    info = await resolve(chat.get_model_info())
    assert info.model_name == "emulator-model"
    assert (len(emulator.requests), len(waits)) == (2, 1)


async def test_stream_ending_without_done_raises_incomplete_read_after_its_updates(clients, emulator):
    emulator.script(Reply.sse([CHUNK, CHUNK], done=False))
    received: List[Any] = []
    with pytest.raises(IncompleteReadError, match="ended early"):
        await _drain(await _stream(clients), received)
    assert [update.choices[0].delta.content for update in received] == ["Par", "Par"]


async def test_stream_cut_inside_the_http_framing_raises_http_response_error(clients, emulator):
    emulator.script(Reply.sse([CHUNK, CHUNK, CHUNK], fault=Fault.CLOSE_MID_BODY, fault_after_chunks=2))
    received: List[Any] = []
    with pytest.raises(HttpResponseError):
        await _drain(await _stream(clients), received)
    assert len(received) <= 2
    assert len(emulator.requests) == 1


async def test_stream_reset_midway_raises_http_response_error(clients, emulator):
    emulator.script(Reply.sse([CHUNK, CHUNK, CHUNK], fault=Fault.RESET_MID_BODY, fault_after_chunks=2))
    received: List[Any] = []
    with pytest.raises(HttpResponseError):
        await _drain(await _stream(clients), received)
    assert len(emulator.requests) == 1


async def test_stream_event_with_broken_json_raises_decode_error(clients, emulator):
    emulator.script(Reply.sse([CHUNK, '{"id": "c2", "choices": [']))
    received: List[Any] = []
    with pytest.raises(DecodeError, match="Could not parse"):
        await _drain(await _stream(clients), received)
    assert [update.id for update in received] == ["c1"]


async def test_stream_error_event_raises_http_response_error(clients, emulator):
    emulator.script(Reply.sse([CHUNK, {"error": {"code": "content_filter", "message": "filtered"}}]))
    received: List[Any] = []
    with pytest.raises(HttpResponseError, match="filtered"):
        await _drain(await _stream(clients), received)
    assert [update.id for update in received] == ["c1"]


async def test_empty_200_stream_raises_incomplete_read(clients, emulator):
    emulator.script(Reply(headers={"Content-Type": "text/event-stream"}))
    with pytest.raises(IncompleteReadError, match="no event was received"):
        await collect(await _stream(clients))


async def test_huge_completion_is_returned_whole(clients, emulator, record_waits):
    content = "Paris " * 2_000_000  # 12 MB of text
    completion = {
        "id": "big",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
    }
    emulator.script(Reply(json=completion))
    result = await _watched_call(clients, record_waits, "complete")
    assert len(result.choices[0].message.content) == len(content)


async def test_huge_embedding_is_returned_whole(clients, emulator, record_waits):
    vector = [0.125] * 500_000
    emulator.script(Reply(json={"id": "e", "model": "m", "data": [{"index": 0, "embedding": vector}]}))
    result = await _watched_call(clients, record_waits, "embed")
    assert (len(result.data[0].embedding), result.data[0].embedding[-1]) == (500_000, 0.125)


async def test_long_stream_delivers_every_update(clients, emulator):
    events = [dict(CHUNK, id=f"c{number}") for number in range(5_000)]
    emulator.script(Reply.sse(events, chunk_size=8192))
    updates = await collect(await _stream(clients))
    assert [update.id for update in updates] == [f"c{number}" for number in range(5_000)]
