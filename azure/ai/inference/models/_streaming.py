"""The two stream shells of ``complete(stream=True)``: bytes from the response into the shared decoder."""

from __future__ import annotations

from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING, AsyncIterator, Deque, Iterator, List, Optional, Type

from azure.core.exceptions import StreamClosedError

from .._sansio.streaming import ChatStreamDecoder

if TYPE_CHECKING:
    from azure.core.rest import AsyncHttpResponse, HttpResponse

    from ._models import StreamingChatCompletionsUpdate

__all__ = ["AsyncStreamingChatCompletions", "BaseStreamingChatCompletions", "StreamingChatCompletions"]


class BaseStreamingChatCompletions:
    """State shared by the sync and async iterators: the decoder and the updates decoded but not yet
    returned."""

    def __init__(self) -> None:
        self._decoder = ChatStreamDecoder()
        self._pending: Deque[StreamingChatCompletionsUpdate] = deque()
        self._closed = False

    def _check_open(self, response: object) -> None:
        if self._closed and not self._decoder.done:
            raise StreamClosedError(response)  # type: ignore[arg-type]


class StreamingChatCompletions(BaseStreamingChatCompletions):
    """Iterator over the ``StreamingChatCompletionsUpdate`` objects of a streamed chat completion.

    Use it in a ``with`` block (or call ``close()``) so that the HTTP response is closed when you stop
    early; it is closed automatically at the end of the stream or on an error.

    :param response: The HTTP response whose body is the server-sent event stream.
    :type response: ~azure.core.rest.HttpResponse
    """

    def __init__(self, response: HttpResponse) -> None:
        super().__init__()
        self._response = response
        self._chunks: Iterator[bytes] = response.iter_bytes()

    def __iter__(self) -> StreamingChatCompletions:
        return self

    def __next__(self) -> StreamingChatCompletionsUpdate:
        while not self._pending:
            self._check_open(self._response)
            if self._decoder.done:
                raise StopIteration
            self._pending.extend(self._read())
        return self._pending.popleft()

    def _read(self) -> List[StreamingChatCompletionsUpdate]:
        try:
            try:
                chunk = next(self._chunks)
            except StopIteration:
                return self._decoder.flush()
            return self._decoder.feed(chunk)
        except BaseException:
            self.close()
            raise
        finally:
            if self._decoder.done:
                self.close()

    def __enter__(self) -> StreamingChatCompletions:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc_val: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP response. Safe to call more than once."""
        self._closed = True
        self._response.close()


class AsyncStreamingChatCompletions(BaseStreamingChatCompletions):
    """Async iterator over the ``StreamingChatCompletionsUpdate`` objects of a streamed chat completion.

    Use it in an ``async with`` block (or call ``aclose()``) so that the HTTP response is closed when
    you stop early; it is closed automatically at the end of the stream or on an error.

    :param response: The HTTP response whose body is the server-sent event stream.
    :type response: ~azure.core.rest.AsyncHttpResponse
    """

    def __init__(self, response: AsyncHttpResponse) -> None:
        super().__init__()
        self._response = response
        self._chunks: AsyncIterator[bytes] = response.iter_bytes()

    def __aiter__(self) -> AsyncStreamingChatCompletions:
        return self

    async def __anext__(self) -> StreamingChatCompletionsUpdate:
        while not self._pending:
            self._check_open(self._response)
            if self._decoder.done:
                raise StopAsyncIteration
            self._pending.extend(await self._read())
        return self._pending.popleft()

    async def _read(self) -> List[StreamingChatCompletionsUpdate]:
        try:
            try:
                chunk = await self._chunks.__anext__()
            except StopAsyncIteration:
                return self._decoder.flush()
            return self._decoder.feed(chunk)
        except BaseException:
            await self.aclose()
            raise
        finally:
            if self._decoder.done:
                await self.aclose()

    async def __aenter__(self) -> AsyncStreamingChatCompletions:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc_val: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP response. Safe to call more than once."""
        self._closed = True
        await self._response.close()
