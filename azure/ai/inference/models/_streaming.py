"""The two stream shells of ``complete(stream=True)``: bytes from the response into the shared decoder.

Decoding, accumulation and the end-of-stream rules live in ``BaseStreamingChatCompletions`` and
``_sansio``; the two shells only read chunks, close the response and read the same except for
``async``/``await``.
"""

from __future__ import annotations

import contextlib
import warnings
from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING, Any, AsyncIterator, Deque, Iterator, Optional, Type

from .._sansio.streaming import ChatStreamDecoder, choice_text, closed_stream_error, read_error
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

    def _receive(self, chunk: Optional[bytes]) -> bool:
        """Decode a chunk (``None``: end of body) and queue its updates (the decoder accumulates them); True when
        the stream is over."""
        self._pending.extend(self._decoder.feed(chunk) if chunk is not None else self._decoder.flush())
        return self._decoder.done

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


class StreamingChatCompletions(BaseStreamingChatCompletions):
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

    :param response: The HTTP response whose body is the server-sent event stream.
    :type response: ~azure.core.rest.HttpResponse
    :keyword output_type: The pydantic model class given as ``response_format`` (``complete()`` sets
     it): ``get_final_completion()`` then sets each choice's ``message.parsed``. Default None.
    :paramtype output_type: type or None
    """

    def __init__(self, response: HttpResponse, *, output_type: Optional[type] = None) -> None:
        self._response = response
        self._chunks: Iterator[bytes] = response.iter_bytes()
        super().__init__(output_type)

    def __iter__(self) -> StreamingChatCompletions:
        return self

    def __next__(self) -> StreamingChatCompletionsUpdate:
        while not self._pending:  # read chunks until one completes an update (inline: a call less per chunk)
            if self._decoder.done and self._at_end():
                raise StopIteration
            try:
                chunk: Optional[bytes] = next(self._chunks)
            except StopIteration:  # the end of the body
                chunk = None
            except Exception as error:  # the transport failed: that error ends the stream
                self._fail(error)
                chunk = None
            except BaseException:  # interrupted (e.g. KeyboardInterrupt): the stream cannot go on
                self.close()
                raise
            if self._receive(chunk):
                self._release()
        return self._pending.popleft()

    @property
    def text_stream(self) -> Iterator[str]:
        """An iterator over the text deltas (``delta.content``) of choice 0, empty ones skipped.

        It reads this stream: each update it consumes is also part of ``get_final_completion()``.

        :rtype: Iterator[str]
        """
        return self._texts()

    def _texts(self) -> Iterator[str]:
        for update in self:
            text = choice_text(update)
            if text:
                yield text

    def get_final_completion(self) -> ChatCompletions:
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
        """
        for _ in self:
            pass
        return self._final_completion()

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
        self._stop_early(self._response)
        self._release()

    def _release(self) -> None:
        if not self._released:
            self._released = True
            self._response.close()
            close_chunks = getattr(self._chunks, "close", None)
            # Read elsewhere at this moment (another task or thread): closing the response ends that read.
            with contextlib.suppress(RuntimeError, ValueError):
                if close_chunks is not None:
                    close_chunks()

    def __del__(self) -> None:
        # CPython runs this as soon as the last reference goes (say, after ``break`` in a for loop over
        # ``complete(stream=True)``): close quietly, as a warning would fire in that common idiom.
        if not getattr(self, "_released", True):
            with contextlib.suppress(Exception):  # nothing can be done about a failure here
                self._release()


class AsyncStreamingChatCompletions(BaseStreamingChatCompletions):
    """Async iterator over the ``StreamingChatCompletionsUpdate`` objects of a streamed chat completion.

    The response is closed at the end of the stream (``[DONE]``), on any error, and by ``aclose()``
    or the end of an ``async with`` block; use one of those when you stop early. A stream
    garbage-collected before it was closed emits a ``ResourceWarning``.

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

    def __aiter__(self) -> AsyncStreamingChatCompletions:
        return self

    async def __anext__(self) -> StreamingChatCompletionsUpdate:
        while not self._pending:  # read chunks until one completes an update (inline: a coroutine less per chunk)
            if self._decoder.done and self._at_end():
                raise StopAsyncIteration
            try:
                chunk: Optional[bytes] = await self._chunks.__anext__()
            except StopAsyncIteration:  # the end of the body
                chunk = None
            except Exception as error:  # the transport failed: that error ends the stream
                self._fail(error)
                chunk = None
            except BaseException:  # interrupted (e.g. cancelled): the stream cannot go on
                await self.aclose()
                raise
            if self._receive(chunk):
                await self._release()
        return self._pending.popleft()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """An async iterator over the text deltas (``delta.content``) of choice 0, empty ones skipped.

        It reads this stream: each update it consumes is also part of ``get_final_completion()``.

        :rtype: AsyncIterator[str]
        """
        return self._texts()

    async def _texts(self) -> AsyncIterator[str]:
        async for update in self:
            text = choice_text(update)
            if text:
                yield text

    async def get_final_completion(self) -> ChatCompletions:
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
        """
        async for _ in self:
            pass
        return self._final_completion()

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
        self._stop_early(self._response)
        await self._release()

    async def _release(self) -> None:
        if not self._released:
            self._released = True
            await self._response.close()
            close_chunks = getattr(self._chunks, "aclose", None)
            # Read elsewhere at this moment (another task or thread): closing the response ends that read.
            with contextlib.suppress(RuntimeError, ValueError):
                if close_chunks is not None:
                    await close_chunks()

    def __del__(self) -> None:
        # No await is possible here, so the response cannot be closed: say so, as unclosed files do.
        if not getattr(self, "_released", True):
            message = f"unclosed {self!r}: use 'async with' or 'await stream.aclose()'"
            warnings.warn(message, ResourceWarning, source=self)
