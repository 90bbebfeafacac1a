"""The two stream shells of ``complete(stream=True)``: bytes from the response into the shared decoder.

Decoding, accumulation and the end-of-stream rules live in ``BaseStreamingChatCompletions`` and
``_sansio``; the two shells only read chunks, close the response and read the same except for
``async``/``await``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
import warnings
from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING, Any, AsyncIterator, Awaitable, Deque, Generic, Iterator, Optional, Type

from azure.core.exceptions import ServiceResponseError, ServiceResponseTimeoutError

from .._sansio.drain import CLOSED_CLIENT_READ_SECONDS, DrainBudget
from .._sansio.streaming import ChatStreamDecoder, choice_text, closed_stream_error, read_error
from .._types import ParsedT
from .._sansio.structured_output import attach_parsed

if TYPE_CHECKING:
    from azure.core.rest import AsyncHttpResponse, HttpResponse

    from ._models import StreamingChatCompletionsUpdate
    from ._patch import ChatCompletions

__all__ = ["AsyncStreamingChatCompletions", "BaseStreamingChatCompletions", "StreamingChatCompletions"]


class BaseStreamingChatCompletions:
    """What the sync and async streams share: the decoder, the updates decoded but not yet returned,
    the accumulator behind ``get_final_completion()`` and the rules for the end of the stream."""

    def __init__(self, output_type: Optional[type] = None) -> None:
        self._decoder = ChatStreamDecoder()
        self._output_type = output_type
        self._pending: Deque[StreamingChatCompletionsUpdate] = deque()
        self._released = False
        self._read_in_progress = False
        self._drainable = False  # the events ended before the body: read its rest to keep the connection

    def _receive(self, chunk: Optional[bytes]) -> bool:
        """Decode a chunk (``None``: end of body) and queue its updates (the decoder accumulates them); True when
        the stream is over."""
        if chunk is None:
            self._pending.extend(self._decoder.flush())
            return True
        self._pending.extend(self._decoder.feed(chunk))
        if self._decoder.done:
            self._drainable = True
            return True
        return False

    def _fail(self, error: Exception) -> None:
        """Record a failed read of the body as the end of the stream."""
        self._decoder.fail(read_error(error))

    def _at_end(self) -> bool:
        """Whether iteration is over, once the pending updates are returned; raises what ended the stream.

        Callers may skip it while the decoder is not ``done``: an error ends the stream (``done``) too.
        """
        if self._decoder.error is not None:
            raise self._decoder.error
        return self._decoder.done

    def _final_completion(self) -> ChatCompletions:
        """The accumulated completion, with ``message.parsed`` when a pydantic class was requested."""
        completion = self._decoder.accumulator.result()
        return completion if self._output_type is None else attach_parsed(completion, self._output_type)

    def _stop_early(self, response: Any) -> None:
        """On close: unless every update was returned, later use raises ``StreamClosedError``."""
        if self._pending or not self._decoder.done:
            self._pending.clear()
            self._decoder.fail(closed_stream_error(response))


class StreamingChatCompletions(BaseStreamingChatCompletions, Generic[ParsedT]):
    """Iterator over the ``StreamingChatCompletionsUpdate`` objects of a streamed chat completion.

    The response is closed at the end of the stream (``[DONE]``), on any error, and by ``close()``
    or the end of a ``with`` block; use one of those when you stop early. A stream dropped without
    being closed closes its response when it is garbage-collected.

    Errors end the stream after the updates received before them: an error event from the service
    raises ``HttpResponseError`` (its message carries the service's code and message), malformed
    event data raises ``DecodeError``, and a body that ends early (connection lost, no ``[DONE]`` and
    no ``finish_reason``) raises ``IncompleteReadError``; a read timeout raises
    ``ServiceResponseTimeoutError``. Every error is an ``azure.core.exceptions.AzureError`` and is
    raised again if the stream is used again. Using a stream closed before its end raises
    ``StreamClosedError``.

    Closing the client leaves the stream open, but a read waiting in another thread ends at once and
    later reads wait at most a second for data, so a silent server cannot make it hang.

    :param response: The HTTP response whose body is the server-sent event stream.
    :type response: ~azure.core.rest.HttpResponse
    :keyword output_type: The pydantic model class given as ``response_format`` (``complete()`` sets
     it): ``get_final_completion()`` then sets each choice's ``message.parsed``. Default None.
    :paramtype output_type: type or None
    """

    def __init__(self, response: HttpResponse, *, output_type: Optional[type] = None) -> None:
        self._response = response
        self._chunks: Iterator[bytes] = _arriving_chunks(response)
        super().__init__(output_type)

    def __iter__(self) -> StreamingChatCompletions[ParsedT]:
        return self

    def __next__(self) -> StreamingChatCompletionsUpdate:
        while not self._pending:  # read chunks until one completes an update (inline: a call less per chunk)
            if self._decoder.done and self._at_end():
                raise StopIteration
            self._read_in_progress = True
            try:
                chunk: Optional[bytes] = next(self._chunks)
            except StopIteration:  # the end of the body
                chunk = None
            except Exception as error:  # the transport failed: that error ends the stream
                self._fail(error)
                chunk = None
            except BaseException:  # interrupted (e.g. KeyboardInterrupt): the stream cannot go on
                self._read_in_progress = False
                self.close()
                raise
            self._read_in_progress = False
            if self._receive(chunk):
                self._release()
        return self._pending.popleft()

    @property
    def text_stream(self) -> Iterator[str]:
        """An iterator over the text deltas (``delta.content``) of choice 0, empty ones skipped.

        It reads this stream: each update it consumes is also part of ``get_final_completion()``.

        :rtype: Iterator[str]

        .. admonition:: Example:

            .. literalinclude:: ../../samples/sample_chat_completions_stream_helpers.py
                :start-after: [START stream_text_stream]
                :end-before: [END stream_text_stream]
                :language: python
                :dedent: 12
                :caption: Print the text as it arrives.
        """
        return self._texts()

    def _texts(self) -> Iterator[str]:
        for update in self:
            text = choice_text(update)
            if text:
                yield text

    def get_final_completion(self) -> ChatCompletions[ParsedT]:
        """Read the rest of the stream and return the completion built from all its updates.

        Updates you already iterated are included, so iterating first and calling this afterwards
        works, and so are the events the stream does not yield (such as Azure OpenAI's first event,
        which carries only ``prompt_filter_results``). Every field the service streamed is kept, by
        one rule:

        * text streamed in fragments is concatenated: per choice ``delta.content``,
          ``reasoning_content``, ``reasoning`` and ``refusal`` (into ``message``), each tool call's
          ``function.arguments``, the ``text`` and ``summary`` of ``reasoning_details`` items;
        * list items with an integer ``index`` are merged with the item of the same index (tool
          calls, ``reasoning_details``; tool calls without ``index`` by ``id``, else into the last
          call); other list items (``annotations``, ``logprobs.content``) are appended;
        * objects (``content_filter_results``, ``x_groq``, ...) are merged key by key by these rules;
          any other field (``finish_reason``, ``system_fingerprint``, ``service_tier``, ...) is its
          last non-null value, and a field that was null in every event is left out;
        * ``id``, ``created`` and ``model`` come from the first event with a non-empty value,
          ``usage`` from the last event that has it; ``object`` is ``"chat.completion"``; a choice's
          ``role`` is ``"assistant"`` and its ``content`` ``None`` when no event carried one.

        Top-level fields (``prompt_filter_results``, ``system_fingerprint``, ``x_groq``, ...) are
        kept on the completion, the delta fields on the choice's ``message``, the other fields of a
        choice (``content_filter_results``, ``logprobs``, ...) on the choice.

        With a pydantic model class as ``response_format``, each choice's ``message.parsed`` is set
        (and the same errors are raised) as by the non-streaming call.

        :return: The whole completion, as a non-streaming call would have returned it.
        :rtype: ~azure.ai.inference.models.ChatCompletions
        :raises ~azure.core.exceptions.AzureError: The error that ended the stream (see the class).
        :raises ~azure.ai.inference.models.StructuredOutputError: With a pydantic ``response_format``, if
         a choice cannot be parsed (``ContentRefusalError``, ``LengthFinishReasonError``,
         ``StructuredOutputValidationError``).
        :raises ~azure.core.exceptions.StreamClosedError: If the stream was closed before its end.

        .. admonition:: Example:

            .. literalinclude:: ../../samples/sample_chat_completions_stream_helpers.py
                :start-after: [START stream_get_final_completion]
                :end-before: [END stream_get_final_completion]
                :language: python
                :dedent: 12
                :caption: The whole answer after reading the text.
        """
        for _ in self:
            pass
        return self._final_completion()

    def __enter__(self) -> StreamingChatCompletions[ParsedT]:
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
        self._stop_early(self._response)
        self._release()

    def _release(self) -> None:
        if not self._released:
            self._released = True
            try:
                if self._drainable:
                    self._drain()
            finally:
                self._response.close()
            close_chunks = getattr(self._chunks, "close", None)
            # Read elsewhere at this moment (another task or thread): closing the response ends that read.
            with contextlib.suppress(RuntimeError, ValueError):
                if close_chunks is not None:
                    close_chunks()

    def _client_closed(self) -> None:
        """The client was closed (its transport keeps this connection open): end a read waiting in another
        thread now, and bound later reads, so that a silent server cannot make the stream hang. The
        stream stays open (B17.3): what the server sends in time is still delivered."""
        sock = _socket_of(self._response)
        if self._released or sock is None:
            return
        if not self._read_in_progress:
            _bound_reads(self._response, CLOSED_CLIENT_READ_SECONDS)
            return
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked read, which fails as a broken connection

    def _drain(self) -> None:
        """Read the rest of the body within a small budget, so that the connection goes back to the pool."""
        budget = DrainBudget()
        _bound_reads(self._response, budget.max_seconds)
        with contextlib.suppress(Exception):  # a timeout, a broken body: closing the response drops the connection
            self._read_rest(budget)

    def _read_rest(self, budget: DrainBudget) -> None:
        for chunk in self._chunks:  # at the end of the body the transport releases the connection
            if not budget.allows(chunk):
                return  # too much or too slow: closing the response drops the connection instead

    def __del__(self) -> None:
        # CPython runs this as soon as the last reference goes (say, after ``break`` in a for loop over
        # ``complete(stream=True)``): close quietly, as a warning would fire in that common idiom.
        if not getattr(self, "_released", True):
            with contextlib.suppress(Exception):  # nothing can be done about a failure here
                self._release()


class AsyncStreamingChatCompletions(BaseStreamingChatCompletions, Generic[ParsedT]):
    """Async iterator over the ``StreamingChatCompletionsUpdate`` objects of a streamed chat completion.

    The response is closed at the end of the stream (``[DONE]``), on any error, and by ``aclose()``
    or the end of an ``async with`` block; use one of those when you stop early. A stream
    garbage-collected before it was closed closes its connection then (so the pool gets it back) and
    emits a ``ResourceWarning``.

    Errors end the stream after the updates received before them: an error event from the service
    raises ``HttpResponseError`` (its message carries the service's code and message), malformed
    event data raises ``DecodeError``, and a body that ends early (connection lost, no ``[DONE]`` and
    no ``finish_reason``) raises ``IncompleteReadError``; a read timeout raises
    ``ServiceResponseTimeoutError``. Every error is an ``azure.core.exceptions.AzureError`` and is
    raised again if the stream is used again. Using a stream closed before its end raises
    ``StreamClosedError``.

    :param response: The HTTP response whose body is the server-sent event stream.
    :type response: ~azure.core.rest.AsyncHttpResponse
    :keyword output_type: The pydantic model class given as ``response_format`` (``complete()`` sets
     it): ``get_final_completion()`` then sets each choice's ``message.parsed``. Default None.
    :paramtype output_type: type or None
    """

    def __init__(self, response: AsyncHttpResponse, *, output_type: Optional[type] = None) -> None:
        self._response = response
        self._chunks: AsyncIterator[bytes] = response.iter_bytes()
        super().__init__(output_type)

    def __aiter__(self) -> AsyncStreamingChatCompletions[ParsedT]:
        return self

    async def __anext__(self) -> StreamingChatCompletionsUpdate:
        while not self._pending:  # read chunks until one completes an update (inline: a coroutine less per chunk)
            if self._decoder.done and self._at_end():
                raise StopAsyncIteration
            self._read_in_progress = True
            try:
                chunk: Optional[bytes] = await self._chunks.__anext__()
            except StopAsyncIteration:  # the end of the body
                chunk = None
            except Exception as error:  # the transport failed: that error ends the stream
                self._fail(error)
                chunk = None
            except BaseException:  # interrupted (e.g. cancelled): the stream cannot go on
                self._read_in_progress = False
                await self.aclose()
                raise
            self._read_in_progress = False
            if self._receive(chunk):
                await self._release()
        return self._pending.popleft()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """An async iterator over the text deltas (``delta.content``) of choice 0, empty ones skipped.

        It reads this stream: each update it consumes is also part of ``get_final_completion()``.

        :rtype: AsyncIterator[str]

        .. admonition:: Example:

            .. literalinclude:: ../../samples/async_samples/sample_chat_completions_stream_helpers_async.py
                :start-after: [START stream_text_stream_async]
                :end-before: [END stream_text_stream_async]
                :language: python
                :dedent: 12
                :caption: Print the text as it arrives.
        """
        return self._texts()

    async def _texts(self) -> AsyncIterator[str]:
        async for update in self:
            text = choice_text(update)
            if text:
                yield text

    async def get_final_completion(self) -> ChatCompletions[ParsedT]:
        """Read the rest of the stream and return the completion built from all its updates.

        Updates you already iterated are included, so iterating first and calling this afterwards
        works, and so are the events the stream does not yield (such as Azure OpenAI's first event,
        which carries only ``prompt_filter_results``). Every field the service streamed is kept, by
        one rule:

        * text streamed in fragments is concatenated: per choice ``delta.content``,
          ``reasoning_content``, ``reasoning`` and ``refusal`` (into ``message``), each tool call's
          ``function.arguments``, the ``text`` and ``summary`` of ``reasoning_details`` items;
        * list items with an integer ``index`` are merged with the item of the same index (tool
          calls, ``reasoning_details``; tool calls without ``index`` by ``id``, else into the last
          call); other list items (``annotations``, ``logprobs.content``) are appended;
        * objects (``content_filter_results``, ``x_groq``, ...) are merged key by key by these rules;
          any other field (``finish_reason``, ``system_fingerprint``, ``service_tier``, ...) is its
          last non-null value, and a field that was null in every event is left out;
        * ``id``, ``created`` and ``model`` come from the first event with a non-empty value,
          ``usage`` from the last event that has it; ``object`` is ``"chat.completion"``; a choice's
          ``role`` is ``"assistant"`` and its ``content`` ``None`` when no event carried one.

        Top-level fields (``prompt_filter_results``, ``system_fingerprint``, ``x_groq``, ...) are
        kept on the completion, the delta fields on the choice's ``message``, the other fields of a
        choice (``content_filter_results``, ``logprobs``, ...) on the choice.

        With a pydantic model class as ``response_format``, each choice's ``message.parsed`` is set
        (and the same errors are raised) as by the non-streaming call.

        :return: The whole completion, as a non-streaming call would have returned it.
        :rtype: ~azure.ai.inference.models.ChatCompletions
        :raises ~azure.core.exceptions.AzureError: The error that ended the stream (see the class).
        :raises ~azure.ai.inference.models.StructuredOutputError: With a pydantic ``response_format``, if
         a choice cannot be parsed (``ContentRefusalError``, ``LengthFinishReasonError``,
         ``StructuredOutputValidationError``).
        :raises ~azure.core.exceptions.StreamClosedError: If the stream was closed before its end.

        .. admonition:: Example:

            .. literalinclude:: ../../samples/async_samples/sample_chat_completions_stream_helpers_async.py
                :start-after: [START stream_get_final_completion_async]
                :end-before: [END stream_get_final_completion_async]
                :language: python
                :dedent: 12
                :caption: The whole answer after reading the text.
        """
        async for _ in self:
            pass
        return self._final_completion()

    async def __aenter__(self) -> AsyncStreamingChatCompletions[ParsedT]:
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
        self._stop_early(self._response)
        await self._release()

    async def _release(self) -> None:
        if not self._released:
            self._released = True
            try:
                if self._drainable:
                    await self._drain()
            finally:
                await self._response.close()
            close_chunks = getattr(self._chunks, "aclose", None)
            # Read elsewhere at this moment (another task or thread): closing the response ends that read.
            with contextlib.suppress(RuntimeError, ValueError):
                if close_chunks is not None:
                    await close_chunks()

    def _client_closed(self) -> None:
        """The client was closed: nothing to do, closing aiohttp's session ends this connection too."""

    async def _drain(self) -> None:
        """Read the rest of the body within a small budget, so that the connection goes back to the pool."""
        budget = DrainBudget()
        with contextlib.suppress(Exception):  # a timeout, a broken body: closing the response drops the connection
            await _within(budget.max_seconds, self._read_rest(budget))

    async def _read_rest(self, budget: DrainBudget) -> None:
        async for chunk in self._chunks:  # at the end of the body the transport releases the connection
            if not budget.allows(chunk):
                return  # too much or too slow: closing the response drops the connection instead

    def __del__(self) -> None:
        # No await is possible here: close the transport's response directly, so that its connection goes
        # back to the pool, and warn, as unclosed files do.
        if not getattr(self, "_released", True):
            self._released = True
            _close_now(self._response)
            message = f"unclosed {self!r}: use 'async with' or 'await stream.aclose()'"
            warnings.warn(message, ResourceWarning, source=self)


def _arriving_chunks(response: HttpResponse) -> Iterator[bytes]:
    """The body's bytes as they arrive. ``iter_bytes()`` does so for a chunked body (a chunk at a time), but
    a close-delimited one (no ``Transfer-Encoding``, no ``Content-Length``: SSE as some proxies send it)
    is read by the requests transport in blocks of 4 KB, each waiting until it is full or the body ends;
    such a body is read with ``read1`` of the transport's raw response instead, when it has one."""
    raw = getattr(getattr(response, "internal_response", None), "raw", None)
    read1 = getattr(raw, "read1", None)
    headers = getattr(response, "headers", None) or {}
    if read1 is None or "transfer-encoding" in headers or "content-length" in headers:
        return response.iter_bytes()
    return _read1_chunks(read1, response.block_size)  # type: ignore[attr-defined]


def _read1_chunks(read1: Any, block_size: int) -> Iterator[bytes]:
    while True:
        try:
            chunk = read1(block_size, decode_content=True)
        except Exception as error:  # the transport's own errors, as azure-core maps them for iter_bytes()
            raise _transport_error(error) from error
        if not chunk:
            return
        yield chunk


def _transport_error(error: Exception) -> Exception:
    if isinstance(error, TimeoutError) or type(error).__name__ == "ReadTimeoutError":
        return ServiceResponseTimeoutError(error, error=error)
    return ServiceResponseError(error, error=error)


def _bound_reads(response: Any, seconds: float) -> None:
    """Bound each later blocking read of a sync response to ``seconds``, when the transport exposes its
    socket. Not restored: the connection is either closed or back in the pool, and urllib3 sets the
    socket's timeout again whenever it reuses a connection."""
    sock = _socket_of(response)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.settimeout(seconds)


def _socket_of(response: Any) -> Any:
    """The socket of a sync response's connection when the transport exposes it (requests:
    ``internal_response.raw.connection.sock``), else None."""
    internal = getattr(response, "internal_response", None)
    sock = getattr(getattr(getattr(internal, "raw", None), "connection", None), "sock", None)
    return sock if hasattr(sock, "settimeout") and hasattr(sock, "shutdown") else None


async def _within(seconds: float, work: Awaitable[None]) -> None:
    """Await ``work``; ``TimeoutError`` after ``seconds``."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            await work
    else:  # pragma: no cover - Python 3.9 and 3.10
        await asyncio.wait_for(work, seconds)


def _close_now(response: Any) -> None:
    """Close an async response without awaiting (in a finalizer): its transport response's ``close()`` is
    synchronous for aiohttp; anything else is left to the transport's own finalizer."""
    internal = getattr(response, "internal_response", None)
    close = getattr(internal, "close", None)
    if close is None or asyncio.iscoroutinefunction(close):
        return
    with contextlib.suppress(Exception):  # nothing can be done about a failure in a finalizer
        close()
