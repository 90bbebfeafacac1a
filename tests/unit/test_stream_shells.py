"""The two stream shells over fake responses (no sockets): end, close, errors, final completion, mirror."""

from __future__ import annotations

import ast
import asyncio
import gc
import inspect
import re
from typing import Any, AsyncIterator, Dict, Iterator, List, Optional

import pytest
from azure.core.exceptions import HttpResponseError, IncompleteReadError, ServiceResponseError, StreamClosedError

from azure.ai.inference.models import AsyncStreamingChatCompletions, StreamingChatCompletions
from azure.ai.inference.models import _streaming
from tests.flavors import close_stream, collect, resolve
from tests.sse_streams import W2_BODY, W2_EVENTS, W2_YIELDED, chunk, delta, event_bytes


class FakeResponse:
    """Just what a stream uses of ``azure.core.rest.HttpResponse``: ``iter_bytes``, ``close``, ``request``."""

    request = "<HttpRequest [POST], url: 'http://127.0.0.1/chat/completions'>"

    def __init__(self, chunks: List[Any]) -> None:
        self.chunks = chunks
        self.is_closed = False
        self.chunks_read = 0

    def _next(self) -> Optional[bytes]:
        if self.chunks_read == len(self.chunks):
            return None
        item = self.chunks[self.chunks_read]
        self.chunks_read += 1
        if isinstance(item, BaseException):
            raise item
        return bytes(item)

    def iter_bytes(self) -> Iterator[bytes]:
        while (item := self._next()) is not None:
            yield item

    def close(self) -> None:
        self.is_closed = True


class AsyncFakeResponse(FakeResponse):
    async def iter_bytes(self) -> AsyncIterator[bytes]:  # type: ignore[override]
        while (item := self._next()) is not None:
            yield item

    async def close(self) -> None:  # type: ignore[override]
        self.is_closed = True


@pytest.fixture(params=["sync", "aio"])
def open_stream(request):
    """Builds a stream of the flavor over fake response chunks; returns (stream, response)."""

    def build(chunks: List[Any]) -> Any:
        if request.param == "sync":
            response: FakeResponse = FakeResponse(chunks)
            return StreamingChatCompletions(response=response), response  # type: ignore[arg-type]
        response = AsyncFakeResponse(chunks)
        return AsyncStreamingChatCompletions(response=response), response  # type: ignore[arg-type]

    return build


async def next_update(stream: Any) -> Any:
    return await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)


def error_frame(code: str = "server_error", message: str = "boom") -> bytes:
    return event_bytes({"error": {"code": code, "message": message}})


async def test_done_ends_iteration_and_closes_the_response_b10_7_fixed(open_stream):
    """B10.7 (changed, see CHANGELOG): ``[DONE]`` ends the iteration and closes the response; the rest of
    the body is read first (issue 19: so that the connection can be reused), but never decoded."""
    stream, response = open_stream([W2_BODY, b"data: {not decoded}\n\n", b"data: [DONE]\n\n"])
    assert [dict(update) for update in await collect(stream)] == W2_YIELDED
    assert response.is_closed is True
    assert response.chunks_read == 3
    assert await collect(stream) == []  # B10.6: the end is sticky


async def test_done_stops_reading_the_rest_beyond_the_drain_budget(open_stream):
    """A body that goes on after ``[DONE]`` is read within the budget only, then the response is closed."""
    rest = [b"x" * 40_000, b"x" * 40_000, b"never read"]
    stream, response = open_stream([W2_BODY, *rest])
    assert [dict(update) for update in await collect(stream)] == W2_YIELDED
    assert response.is_closed is True
    assert response.chunks_read == 3  # 80,000 bytes exceed the 64 KiB budget at the second chunk


async def test_done_then_a_broken_rest_of_the_body_still_ends_the_stream_cleanly(open_stream):
    stream, response = open_stream([W2_BODY, ConnectionResetError("reset after [DONE]")])
    assert [dict(update) for update in await collect(stream)] == W2_YIELDED
    assert response.is_closed is True
    assert (await resolve(stream.get_final_completion())).choices[0].message.content == "Hello 世界"


async def test_final_completion_after_iterating_includes_every_update(open_stream):
    stream, _ = open_stream([W2_BODY[:100], W2_BODY[100:]])
    first = await next_update(stream)
    assert first.choices[0].delta.role == "assistant"
    result = await resolve(stream.get_final_completion())
    assert result.choices[0].message.content == "Hello 世界"
    assert result.usage.total_tokens == 14
    again = await resolve(stream.get_final_completion())
    assert again == result and again is not result


async def test_text_stream_yields_the_non_empty_text_deltas_of_choice_zero(open_stream):
    extra = event_bytes(chunk([delta({"content": "other"}, index=1)]))
    stream, response = open_stream([extra + W2_BODY])
    texts = stream.text_stream
    got = [text async for text in texts] if hasattr(texts, "__aiter__") else list(texts)
    assert got == ["Hello", " 世界"]
    assert response.is_closed is True
    assert (await resolve(stream.get_final_completion())).choices[1].message.content == "other"


async def test_service_error_comes_after_earlier_updates_and_is_raised_again(open_stream):
    stream, response = open_stream([event_bytes(W2_EVENTS[1]) + error_frame("rate_limit", "slow down"), b"unread"])
    assert (await next_update(stream)).choices[0].delta.content == "Hello"
    assert response.is_closed is True  # closed as soon as the error arrived
    with pytest.raises(HttpResponseError, match="rate_limit") as first:
        await next_update(stream)
    with pytest.raises(HttpResponseError) as second:
        await resolve(stream.get_final_completion())
    assert second.value is first.value
    assert response.chunks_read == 2  # the rest of the body was read (to keep the connection), not decoded


async def test_transport_error_becomes_an_azure_error_and_closes(open_stream):
    stream, response = open_stream([event_bytes(W2_EVENTS[1]), OSError("socket gone")])
    assert (await next_update(stream)).choices[0].delta.content == "Hello"
    with pytest.raises(ServiceResponseError, match="socket gone") as raised:
        await next_update(stream)
    assert isinstance(raised.value.__cause__, OSError)
    assert response.is_closed is True


async def test_broken_body_from_the_transport_is_an_early_end(open_stream):
    stream, response = open_stream([event_bytes(W2_EVENTS[1]), HttpResponseError("Response ended prematurely")])
    with pytest.raises(IncompleteReadError, match="ended early"):
        await collect(stream)
    assert response.is_closed is True


async def test_body_ending_without_done_or_finish_reason_raises(open_stream):
    stream, response = open_stream([event_bytes(W2_EVENTS[1])])
    with pytest.raises(IncompleteReadError, match="ended early"):
        await resolve(stream.get_final_completion())
    assert response.is_closed is True


async def test_close_before_the_end_makes_later_use_raise_stream_closed(open_stream):
    """B10.8: ``close()`` twice is harmless; B10.9 (changed, see CHANGELOG): later use raises StreamClosedError."""
    stream, response = open_stream([event_bytes(W2_EVENTS[0]) + event_bytes(W2_EVENTS[1]), W2_BODY])
    await next_update(stream)
    await close_stream(stream)
    assert response.is_closed is True
    with pytest.raises(StreamClosedError, match="closed before it was read to its end"):
        await next_update(stream)
    with pytest.raises(StreamClosedError):
        await resolve(stream.get_final_completion())
    await close_stream(stream)  # closing twice is harmless
    assert response.chunks_read == 1


async def test_close_after_the_end_keeps_the_final_completion(open_stream):
    stream, _ = open_stream([W2_BODY])
    await collect(stream)
    await close_stream(stream)
    assert await collect(stream) == []
    assert (await resolve(stream.get_final_completion())).choices[0].message.content == "Hello 世界"


async def test_context_manager_closes_on_exit(open_stream):
    """B10.8: ``with`` / ``async with`` return the stream itself and close the response on exit."""
    stream, response = open_stream([W2_BODY])
    if hasattr(stream, "__aenter__"):
        async with stream as entered:
            assert entered is stream
            await entered.__anext__()
    else:
        with stream as entered:
            assert entered is stream
            next(entered)
    assert response.is_closed is True


def test_sync_interrupt_closes_the_response_and_ends_the_stream():
    response = FakeResponse([KeyboardInterrupt()])
    stream = StreamingChatCompletions(response)  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        next(stream)
    assert response.is_closed is True
    with pytest.raises(StreamClosedError):
        next(stream)


async def test_async_cancellation_closes_the_response_and_ends_the_stream():
    response = AsyncFakeResponse([asyncio.CancelledError()])
    stream = AsyncStreamingChatCompletions(response)  # type: ignore[arg-type]
    with pytest.raises(asyncio.CancelledError):
        await stream.__anext__()
    assert response.is_closed is True
    with pytest.raises(StreamClosedError):
        await stream.__anext__()


def test_sync_stream_dropped_unclosed_closes_its_response_quietly():
    response = FakeResponse([event_bytes(W2_EVENTS[0]), W2_BODY])
    stream = StreamingChatCompletions(response)  # type: ignore[arg-type]
    next(stream)
    del stream
    gc.collect()
    assert response.is_closed is True


async def test_async_stream_dropped_unclosed_warns():
    response = AsyncFakeResponse([event_bytes(W2_EVENTS[0]), W2_BODY])
    stream = AsyncStreamingChatCompletions(response)  # type: ignore[arg-type]
    await stream.__anext__()
    chunks = stream._chunks
    with pytest.warns(ResourceWarning, match="unclosed <azure.ai.inference.models._streaming.AsyncStreaming"):
        del stream
        gc.collect()
    await chunks.aclose()  # type: ignore[attr-defined]
    assert response.is_closed is False


async def test_streams_read_to_the_end_or_closed_do_not_warn(open_stream, recwarn):
    ended, _ = open_stream([W2_BODY])
    closed, _ = open_stream([W2_BODY])
    await collect(ended)
    await close_stream(closed)
    del ended, closed
    gc.collect()
    assert [w for w in recwarn if issubclass(w.category, ResourceWarning)] == []


# The two shells read the same, method by method, once async spellings are turned into sync ones.
_ASYNC_TO_SYNC = [
    (r"\bAsyncStreamingChatCompletions\b", "StreamingChatCompletions"),
    (r"\bAsyncHttpResponse\b", "HttpResponse"),
    (r"\bAsyncIterator\b", "Iterator"),
    (r"\bStopAsyncIteration\b", "StopIteration"),
    (r"\bawait self\._chunks\.__anext__\(\)", "next(self._chunks)"),
    (r"\basync (def|for|with)\b", r"\1"),
    (r"\bawait ", ""),
    (r"\baclose\b", "close"),
    (r"__aiter__", "__iter__"),
    (r"__anext__", "__next__"),
    (r"__aenter__", "__enter__"),
    (r"__aexit__", "__exit__"),
]


def _methods(cls: type) -> Dict[str, str]:
    tree = ast.parse(inspect.getsource(cls))
    methods = {}
    for node in tree.body[0].body:  # type: ignore[attr-defined]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if ast.get_docstring(node) is not None:
                node.body = node.body[1:]
            methods[node.name] = ast.unparse(node)
    return methods


def test_async_shell_mirrors_the_sync_shell():
    sync_methods = _methods(_streaming.StreamingChatCompletions)
    aio_methods = {}
    for name, text in _methods(_streaming.AsyncStreamingChatCompletions).items():
        for pattern, replacement in _ASYNC_TO_SYNC:
            text = re.sub(pattern, replacement, text)
            name = re.sub(pattern, replacement, name)
        aio_methods[name] = text
    names = sync_methods.keys() | aio_methods.keys()
    differing = sorted(name for name in names if sync_methods.get(name) != aio_methods.get(name))
    # __del__: sync closes quietly, async cannot await: it closes the transport's response and warns.
    # _drain: the time bound of the reads after the end is the socket's timeout (sync), asyncio's (async).
    # __init__: the sync shell reads a close-delimited body with read1 (requests waits for 4 KB blocks).
    # _client_closed: the sync shell ends or bounds its reads itself; closing aiohttp's session does it for aio.
    assert differing == ["__del__", "__init__", "_client_closed", "_drain"]


async def test_aclose_from_another_task_ends_a_pending_read_with_stream_closed():
    started, release = asyncio.Event(), asyncio.Event()

    class PausingResponse(AsyncFakeResponse):
        async def iter_bytes(self) -> AsyncIterator[bytes]:  # type: ignore[override]
            yield event_bytes(W2_EVENTS[0])
            started.set()
            await release.wait()
            yield event_bytes(W2_EVENTS[1])

    response = PausingResponse([])
    stream = AsyncStreamingChatCompletions(response)  # type: ignore[arg-type]
    await stream.__anext__()
    reader = asyncio.ensure_future(stream.__anext__())
    await started.wait()
    await stream.aclose()
    assert response.is_closed is True
    release.set()
    with pytest.raises(StreamClosedError):
        await reader
    await stream._chunks.aclose()  # type: ignore[attr-defined]
