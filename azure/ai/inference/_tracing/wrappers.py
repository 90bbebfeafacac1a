"""The four thin shells: traced sync call, traced async call, traced sync stream, traced async stream.

Each shell ends its span exactly once: a call in ``finally`` (unless a stream took the span over), a
stream when it reaches its end, raises, is closed, or is garbage-collected. A traced stream is the
returned stream object itself, re-classed to a subclass that adds the tracing hooks: it keeps its
response, decoder and every method of the stream classes, and no second reader of the response exists.
"""

from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple, Type, TypeVar, cast

from ..models import AsyncStreamingChatCompletions, StreamingChatCompletions, StreamingChatCompletionsUpdate
from .operations import ChatStreamTrace, Operation
from .spans import TracedCall

__all__ = ["AsyncTracedStream", "TracedStream", "traced_async_call", "traced_sync_call"]

_TracedT = TypeVar("_TracedT")
_TRACED_SUBCLASSES: Dict[Tuple[type, type], type] = {}


def traced_sync_call(original: Callable[..., Any], operation: Operation) -> Callable[..., Any]:
    """Wrap a sync client method (``complete`` or ``embed``) in a span.

    :param original: The method to wrap.
    :type original: Callable[..., Any]
    :param operation: What the calls record.
    :type operation: Operation
    :return: The traced method (same name and docstring).
    :rtype: Callable[..., Any]
    """

    @functools.wraps(original)
    def traced(self: Any, *args: Any, **kwargs: Any) -> Any:
        call = operation.start(self, args, kwargs)
        if call is None:
            return original(self, *args, **kwargs)
        try:
            with call.current():
                result = original(self, *args, **kwargs)
            return operation.finish(call, result, adopt_sync_stream)
        except BaseException as error:
            call.record_error(error)
            raise
        finally:
            call.end_unless_handed_off()

    return traced


def traced_async_call(original: Callable[..., Awaitable[Any]], operation: Operation) -> Callable[..., Awaitable[Any]]:
    """Wrap an async client method (``complete`` or ``embed``) in a span.

    :param original: The coroutine function to wrap.
    :type original: Callable[..., Awaitable[Any]]
    :param operation: What the calls record.
    :type operation: Operation
    :return: The traced coroutine function (same name and docstring).
    :rtype: Callable[..., Awaitable[Any]]
    """

    @functools.wraps(original)
    async def traced(self: Any, *args: Any, **kwargs: Any) -> Any:
        call = operation.start(self, args, kwargs)
        if call is None:
            return await original(self, *args, **kwargs)
        try:
            with call.current():
                result = await original(self, *args, **kwargs)
            return operation.finish(call, result, adopt_async_stream)
        except BaseException as error:
            call.record_error(error)
            raise
        finally:
            call.end_unless_handed_off()

    return traced


class TracedStream(StreamingChatCompletions):
    """A ``StreamingChatCompletions`` whose updates feed its span; made by ``adopt_sync_stream``."""

    _trace: ChatStreamTrace
    _reading = False

    def __next__(self) -> StreamingChatCompletionsUpdate:
        self._reading = True  # the base class closes the response itself at the end of the data
        try:
            update = super().__next__()
        except StopIteration:
            self._trace.finish(completed=True)
            raise
        except BaseException as error:
            self._trace.fail(error)
            raise
        finally:
            self._reading = False
        self._trace.add(update)
        return update

    def close(self) -> None:
        try:
            super().close()
        finally:
            if not self._reading:
                self._trace.finish(completed=False)

    def __del__(self) -> None:
        _finish_abandoned(self, super())


class AsyncTracedStream(AsyncStreamingChatCompletions):
    """An ``AsyncStreamingChatCompletions`` whose updates feed its span; made by ``adopt_async_stream``."""

    _trace: ChatStreamTrace
    _reading = False

    async def __anext__(self) -> StreamingChatCompletionsUpdate:
        self._reading = True  # the base class closes the response itself at the end of the data
        try:
            update = await super().__anext__()
        except StopAsyncIteration:
            self._trace.finish(completed=True)
            raise
        except BaseException as error:
            self._trace.fail(error)
            raise
        finally:
            self._reading = False
        self._trace.add(update)
        return update

    async def aclose(self) -> None:
        try:
            await super().aclose()
        finally:
            if not self._reading:
                self._trace.finish(completed=False)

    def __del__(self) -> None:
        _finish_abandoned(self, super())


def adopt_sync_stream(result: Any, call: TracedCall) -> Optional[TracedStream]:
    """Turn a returned ``StreamingChatCompletions`` into a ``TracedStream`` (the same object); else None."""
    return _adopt(result, StreamingChatCompletions, TracedStream, call)


def adopt_async_stream(result: Any, call: TracedCall) -> Optional[AsyncTracedStream]:
    """Turn a returned ``AsyncStreamingChatCompletions`` into an ``AsyncTracedStream`` (the same object); else None."""
    return _adopt(result, AsyncStreamingChatCompletions, AsyncTracedStream, call)


def _adopt(result: Any, stream_class: type, traced_class: Type[_TracedT], call: TracedCall) -> Optional[_TracedT]:
    if not isinstance(result, stream_class):
        return None
    stream: Any = result
    stream.__class__ = _traced_class(traced_class, type(stream))
    stream._trace = ChatStreamTrace(call)  # pylint: disable=protected-access
    return cast(_TracedT, stream)


def _traced_class(traced_class: type, stream_class: type) -> type:
    """The traced class for a stream class: the hooks stay in front of any subclass's own methods."""
    if issubclass(traced_class, stream_class):
        return traced_class
    key = (traced_class, stream_class)
    if key not in _TRACED_SUBCLASSES:
        _TRACED_SUBCLASSES[key] = type(stream_class.__name__, key, {})
    return _TRACED_SUBCLASSES[key]


def _finish_abandoned(stream: Any, base: Any) -> None:
    """End the span of a stream dropped without being closed or read to its end, then run the base's ``__del__``."""
    trace = getattr(stream, "_trace", None)
    if trace is not None:
        trace.finish(completed=False)
    base_finalizer = getattr(base, "__del__", None)
    if base_finalizer is not None:
        base_finalizer()
