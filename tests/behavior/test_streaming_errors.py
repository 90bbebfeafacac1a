"""Errors inside a stream, against the emulator: error events, broken connections, early ends; sync and aio.

Whatever the transport (requests or aiohttp), the user gets an ``azure.core.exceptions.AzureError``:
a body cut off by the peer (RST or FIN mid-body) is an ``IncompleteReadError`` saying the stream ended
early, a read timeout is azure-core's ``ServiceResponseTimeoutError``.
"""

from __future__ import annotations

import json
from typing import Any, List, Optional, Tuple

import pytest
from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    DecodeError,
    HttpResponseError,
    IncompleteReadError,
    ResourceExistsError,
    ResourceNotFoundError,
    ResourceNotModifiedError,
    ServiceResponseTimeoutError,
)

from azure.ai.inference import ContentFilterError, InternalServerError
from azure.ai.inference.models import UserMessage
from tests.emulator import Fault, Reply
from tests.flavors import resolve
from tests.sse_streams import W2_EVENTS, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
ERROR_EVENT = {"error": {"code": "content_filter", "message": "The response was filtered.", "status": 400}}


async def open_stream(clients: Any, **client_options: Any) -> Any:
    chat = clients.chat(**client_options)
    return await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))


class TeapotError(HttpResponseError):
    """A caller's own exception type for ``error_map``."""


async def drain(stream: Any) -> Tuple[List[Any], Optional[BaseException]]:
    """Every update until the stream ends, and the exception that ended it (if any)."""
    updates: List[Any] = []
    try:
        if hasattr(stream, "__aiter__"):
            async for update in stream:
                updates.append(update)
        else:
            for update in stream:
                updates.append(update)
    except Exception as error:  # the test inspects it
        return updates, error
    return updates, None


def contents(updates: List[Any]) -> List[Any]:
    return [update.choices[0].delta.content for update in updates if update.choices]


async def test_error_event_mid_stream_raises_after_the_earlier_updates(clients, emulator):
    emulator.script(Reply.sse([*W2_FRAMES[:3], event_bytes(ERROR_EVENT), W2_FRAMES[4]]))
    stream = await open_stream(clients)
    updates, error = await drain(stream)
    assert contents(updates) == ["", "Hello", " 世界"]
    assert type(error) is ContentFilterError and isinstance(error, HttpResponseError)
    assert "content_filter" in error.message and "The response was filtered." in error.message
    assert error.error is not None and (error.error.code, error.status_code) == ("content_filter", 400)
    assert stream._response.is_closed is True


async def test_b10_5_fixed_updates_before_an_error_in_the_same_chunk_are_delivered(clients, emulator):
    """B10.5 (changed, see CHANGELOG): updates parsed from a chunk are delivered, in order, before its error."""
    emulator.script(Reply(chunks=[W2_FRAMES[0] + W2_FRAMES[1] + event_bytes(ERROR_EVENT)]))
    updates, error = await drain(await open_stream(clients))
    assert contents(updates) == ["", "Hello"]
    assert isinstance(error, HttpResponseError) and "content_filter" in str(error)


@pytest.mark.parametrize("fault", [Fault.RESET_MID_BODY, Fault.CLOSE_MID_BODY], ids=["reset", "close"])
async def test_connection_dropped_mid_event_raises_incomplete_read(clients, emulator, fault):
    cut = len(W2_FRAMES[1]) // 2
    chunks = [W2_FRAMES[0], W2_FRAMES[1][:cut], W2_FRAMES[1][cut:]]
    emulator.script(Reply(chunks=chunks, fault=fault, fault_after_chunks=2))
    stream = await open_stream(clients)
    updates, error = await drain(stream)
    assert contents(updates) == [""]
    assert type(error) is IncompleteReadError and isinstance(error, AzureError)
    assert error.message.startswith("The chat completions stream ended early: the connection broke")
    assert isinstance(error.__cause__, HttpResponseError)
    assert stream._response.is_closed is True


async def test_stream_without_done_or_finish_reason_raises_incomplete_read(clients, emulator):
    emulator.script(Reply.sse(W2_FRAMES[:3], done=False))
    stream = await open_stream(clients)
    updates, error = await drain(stream)
    assert contents(updates) == ["", "Hello", " 世界"]
    assert type(error) is IncompleteReadError
    assert "ended early" in error.message and "no [DONE] and no finish_reason" in error.message
    assert stream._response.is_closed is True


async def test_stream_without_done_after_a_finish_reason_is_complete(clients, emulator):
    emulator.script(Reply.sse(W2_FRAMES, done=False))
    stream = await open_stream(clients)
    final = await resolve(stream.get_final_completion())
    assert (final.choices[0].message.content, final.usage.total_tokens) == ("Hello 世界", 14)


async def test_malformed_event_data_raises_decode_error_naming_the_event(clients, emulator):
    emulator.script(Reply.sse([W2_FRAMES[1], "{not json"]))
    updates, error = await drain(await open_stream(clients))
    assert contents(updates) == ["Hello"]
    assert type(error) is DecodeError
    assert "'{not json'" in error.message


async def test_stalled_body_raises_the_read_timeout(clients, emulator):
    emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=2))
    try:
        stream = await open_stream(clients, read_timeout=0.5)
        updates, error = await drain(stream)
    finally:
        emulator.release_stalls()
    assert contents(updates) == ["", "Hello"]
    assert isinstance(error, ServiceResponseTimeoutError)
    assert stream._response.is_closed is True


async def test_error_is_raised_again_by_get_final_completion(clients, emulator):
    emulator.script(Reply.sse([W2_FRAMES[1], event_bytes(ERROR_EVENT)]))
    stream = await open_stream(clients)
    _, error = await drain(stream)
    with pytest.raises(HttpResponseError) as again:
        await resolve(stream.get_final_completion())
    assert again.value is error


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, HttpResponseError),
        (401, ClientAuthenticationError),
        (404, ResourceNotFoundError),
        (409, ResourceExistsError),
        (418, TeapotError),
        (500, InternalServerError),
    ],
)
async def test_b10_12_error_answer_to_a_streaming_request_is_read_whole_and_mapped_like_b12(
    clients, emulator, status, exception
):
    """B10.12, B12.1: the error body of a streaming request is read to its end (here in two HTTP chunks) and
    mapped like a non-streaming one: the same exception types, per-call ``error_map``, message and fields."""
    body = json.dumps({"error": {"code": f"E{status}", "message": f"failure {status}"}}).encode()
    emulator.script(Reply(status, chunks=[body[:20], body[20:]], headers={"Content-Type": "application/json"}))
    chat = clients.chat(retry_total=0)
    with pytest.raises(HttpResponseError) as raised:
        await resolve(chat.complete(messages=[UserMessage("x")], stream=True, error_map={418: TeapotError}))
    error = raised.value
    assert (type(error), error.status_code) == (exception, status)
    assert error.message == f"(E{status}) failure {status}\nCode: E{status}\nMessage: failure {status}"
    assert error.response.text() == body.decode()
    assert len(emulator.requests) == 1


async def test_b10_12_not_modified_answer_to_a_streaming_request_is_mapped(clients, emulator):
    """B10.12, B12.1: 304 (no body) to a streaming request -> ResourceNotModifiedError, as without streaming."""
    emulator.script(Reply(304))
    with pytest.raises(ResourceNotModifiedError) as raised:
        await open_stream(clients)
    assert raised.value.message == "Operation returned an invalid status 'Not Modified'"


async def test_malformed_choices_reach_the_user_and_the_stream_goes_on(clients, emulator):
    """An event whose ``choices`` or ``tool_calls`` is not a list is returned as received; the text stream and
    the final completion skip it (both raised ``TypeError`` before)."""
    odd_choices = dict(W2_EVENTS[1], choices=5)
    odd_tool_calls = dict(W2_EVENTS[2], choices=[{"index": 0, "delta": {"content": "!", "tool_calls": 7}}])
    frames = [W2_FRAMES[1], event_bytes(odd_choices), event_bytes(odd_tool_calls), *W2_FRAMES[4:]]
    emulator.script(Reply.sse(frames))
    updates, error = await drain(await open_stream(clients))
    assert error is None
    assert [update["choices"] for update in updates[:3]] == [
        W2_EVENTS[1]["choices"], 5, [{"index": 0, "delta": {"content": "!", "tool_calls": 7}}]
    ]  # fmt: skip
    emulator.script(Reply.sse(frames))
    stream = await open_stream(clients)
    texts = stream.text_stream
    assert ([text async for text in texts] if clients.is_async else list(texts)) == ["Hello", "!"]
    emulator.script(Reply.sse(frames))
    final = await resolve((await open_stream(clients)).get_final_completion())
    assert (final.choices[0].message.content, final.choices[0].finish_reason) == ("Hello!", "stop")
