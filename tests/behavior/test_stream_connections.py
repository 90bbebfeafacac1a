"""Streams give their connection back (issue 19, item 1) and never end as complete after a failure (item 2).

Against the emulator, sync and aio. The emulator numbers the TCP connections it accepts, so "the calls
reused one connection" is a count of distinct numbers among the requests it recorded.
"""

from __future__ import annotations

import gc
import json
import time
from typing import Any, Dict, List

import pytest
from azure.core.exceptions import AzureError, DecodeError, HttpResponseError

from azure.ai.inference.models import UserMessage
from tests.emulator import Emulator, Fault, Reply
from tests.flavors import ClientFactory, close_stream, collect, resolve
from tests.sse_streams import W2_EVENTS, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
CALLS = 12
WRITE_PATTERNS: Dict[str, Dict[str, Any]] = {
    "done-and-end-in-two-writes": {"end_delay": 0.002},
    "done-and-end-in-one-write": {"end_in_last_write": True},
}


def connections_used(emulator: Emulator) -> int:
    return len({request.connection for request in emulator.requests})


async def stream_once(chat: Any) -> Any:
    return await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))


async def read_text(stream: Any) -> str:
    final = await resolve(stream.get_final_completion())
    return str(final.choices[0].message.content)


@pytest.mark.parametrize("pattern", sorted(WRITE_PATTERNS))
async def test_streams_read_to_done_reuse_one_connection(clients: ClientFactory, emulator: Emulator, pattern: str) -> None:
    chat = clients.chat()
    texts = []
    for _ in range(CALLS):
        emulator.script(Reply.sse(W2_FRAMES, **WRITE_PATTERNS[pattern]))
        stream = await stream_once(chat)
        texts.append(await read_text(stream))
        assert stream._response.is_closed is True  # B10.7 stays fixed: nothing is left open
    assert texts == ["Hello 世界"] * CALLS
    assert len(emulator.requests) == CALLS
    assert connections_used(emulator) == 1


@pytest.mark.parametrize(
    "reply",
    [
        Reply.sse(W2_FRAMES, done=False, end_delay=0.002),  # finish_reason, then the end of the body
        Reply.sse([W2_EVENTS[1], {"error": {"code": "boom", "message": "failed"}}], end_delay=0.002),
        Reply.sse([W2_EVENTS[1], "{not json"], end_delay=0.002),
    ],
    ids=["finish-then-end-of-body", "error-event", "malformed-event"],
)
async def test_streams_ended_otherwise_reuse_one_connection(clients: ClientFactory, emulator: Emulator, reply: Reply) -> None:
    chat = clients.chat()
    for _ in range(CALLS):
        emulator.script(reply)
        stream = await stream_once(chat)
        try:
            await collect(stream)
        except HttpResponseError:
            pass  # the error event and the malformed event end their streams so; the connection is kept
        assert stream._response.is_closed is True
    assert connections_used(emulator) == 1


async def test_close_after_the_end_keeps_the_connection(clients: ClientFactory, emulator: Emulator) -> None:
    chat = clients.chat()
    for _ in range(CALLS):
        emulator.script(Reply.sse(W2_FRAMES, end_delay=0.002))
        stream = await stream_once(chat)
        assert len(await collect(stream)) == 5
        await close_stream(stream)
    assert connections_used(emulator) == 1


async def test_a_silent_server_after_done_costs_the_connection_not_a_wait(clients: ClientFactory, emulator: Emulator) -> None:
    """The body stays open after ``[DONE]``: the stream ends within the drain budget, the connection is closed."""
    chat = clients.chat()
    emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=len(W2_FRAMES) + 1))
    started = time.monotonic()
    try:
        stream = await stream_once(chat)
        assert await read_text(stream) == "Hello 世界"
        elapsed = time.monotonic() - started
    finally:
        emulator.release_stalls()
    assert stream._response.is_closed is True
    assert elapsed < 5.0  # the drain budget is 0.25 s; the read timeout (300 s) is not waited for
    emulator.script(Reply.sse(W2_FRAMES))
    assert await read_text(await stream_once(chat)) == "Hello 世界"
    assert connections_used(emulator) == 2


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


async def test_a_deeply_nested_event_ends_the_stream_with_a_decode_error(clients: ClientFactory, emulator: Emulator) -> None:
    """Item 2: JSON nested beyond the recursion limit is a ``DecodeError`` naming the event, raised again by
    ``get_final_completion()``; the answer is never returned truncated."""
    deep = json.dumps(W2_EVENTS[2])[:-1] + ', "deep": ' + nested(100_000) + "}"
    emulator.script(Reply.sse([W2_EVENTS[0], W2_EVENTS[1], deep, *W2_EVENTS[3:]]))
    stream = await stream_once(clients.chat())
    updates: List[Any] = []
    # The parser reaches the recursion limit on purpose: a garbage collection at that depth would run
    # other tests' finalizers with no stack left, and pytest would report their RecursionError here.
    gc.collect()
    gc.disable()
    try:
        with pytest.raises(DecodeError) as raised:
            if clients.is_async:
                async for update in stream:
                    updates.append(update)
            else:
                for update in stream:
                    updates.append(update)
    finally:
        gc.enable()
    assert [update.choices[0].delta.content for update in updates] == ["", "Hello"]
    assert '{"id": "chatcmpl-s1", "object": "chat.completion.chunk"' in str(raised.value)  # names the event
    assert isinstance(raised.value.__cause__, (RecursionError, ValueError))  # the JSON parser's own error
    with pytest.raises(DecodeError) as again:
        await resolve(stream.get_final_completion())
    assert again.value is raised.value
    assert isinstance(again.value, AzureError)
    assert stream._response.is_closed is True


async def next_update(stream: Any) -> Any:
    return await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)


async def test_a_close_delimited_stream_delivers_each_event_as_it_arrives(clients: ClientFactory, emulator: Emulator) -> None:
    """Item 7: a body without chunked framing or Content-Length (ended by closing the connection, as some
    proxies send SSE) yields each event as soon as its bytes arrive, not after 4 KB or the end of the body."""
    emulator.script(Reply.sse(W2_FRAMES, close_delimited=True, fault=Fault.STALL_BODY, fault_after_chunks=2))
    stream = await resolve(
        clients.chat().complete(messages=[UserMessage("Say hello")], stream=True, read_timeout=10)
    )
    try:
        first, second = await next_update(stream), await next_update(stream)  # while the server is silent
    finally:
        emulator.release_stalls()
    assert (first.choices[0].delta.role, second.choices[0].delta.content) == ("assistant", "Hello")
    assert [update.choices[0].delta.content for update in await collect(stream) if update.choices] == [" 世界", None]
    assert stream._response.is_closed is True


async def test_a_close_delimited_stream_cut_before_its_end_is_incomplete(clients: ClientFactory, emulator: Emulator) -> None:
    emulator.script(Reply.sse(W2_FRAMES[:3], done=False, close_delimited=True))
    stream = await stream_once(clients.chat())
    with pytest.raises(AzureError, match="ended early"):
        await collect(stream)
    assert stream._response.is_closed is True
