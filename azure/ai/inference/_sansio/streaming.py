"""Chat completions stream decoding: SSE events to ``StreamingChatCompletionsUpdate`` objects, no I/O.

Rules: events are framed by the SSE rules, and a ``data:`` line that is a whole JSON document (or
``[DONE]``) is an event of its own even without a blank line after it (the line-per-event framing
1.0.0b9 read); ``[DONE]`` ends the stream; an event whose JSON has a top-level ``error`` object (or whose
type is ``error``) ends it with the service's error; events with empty ``choices`` and no ``usage``
are skipped, as are events without data; a body that ends without ``[DONE]`` is complete only if a
choice received a ``finish_reason``. The decoder never raises: the first error is kept in ``error``
and ends the stream, after the updates decoded before it.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Tuple

from azure.core.exceptions import (
    AzureError,
    HttpResponseError,
    IncompleteReadError,
    ServiceResponseError,
    StreamClosedError,
)

from .. import models as _models
from .._model_base import wire_mapping
from .accumulator import ChatCompletionsAccumulator
from .errors import malformed_event_error, stream_error_event, truncated_stream_error, undecodable_event_error
from .json_parser import loads
from .sse import ServerSentEvent, SSEDecoder

__all__ = ["ChatStreamDecoder", "choice_text", "closed_stream_error", "read_error"]

_DONE = "[DONE]"


class ChatStreamDecoder:
    """Incremental decoder: ``feed(bytes) -> updates``, ``flush()`` at the end of the body.

    ``done`` becomes True after ``[DONE]``, after an error, after ``fail()`` or after ``flush()``;
    from then on the decoder ignores its input. ``error`` is the exception that ended the stream, if
    any: an ``HttpResponseError`` for an error event, a ``DecodeError`` for malformed event data, an
    ``IncompleteReadError`` for a body that ended early. ``accumulator`` holds every event decoded so
    far, those not yielded included, for ``get_final_completion()`` (and for the end-of-stream rule:
    was a ``finish_reason`` received).
    """

    def __init__(self) -> None:
        self._sse = SSEDecoder(self._is_whole_event)
        self._parsed: List[Tuple[str, Any]] = []  # data lines parsed by _is_whole_event, and their values, in order
        self.accumulator = ChatCompletionsAccumulator()
        self._event_count = 0
        self.done = False
        self.error: Optional[Exception] = None

    def feed(self, chunk: bytes) -> List[_models.StreamingChatCompletionsUpdate]:
        """Decode the next chunk of the response body.

        :param chunk: Bytes as received from the network.
        :type chunk: bytes
        :return: The updates completed by this chunk (those before an error, if it holds one).
        :rtype: list[~azure.ai.inference.models.StreamingChatCompletionsUpdate]
        """
        if self.done:
            return []
        return self._updates(self._framed(chunk), at_end=False)

    def flush(self) -> List[_models.StreamingChatCompletionsUpdate]:
        """Finish decoding at the end of the response body; ``done`` is True afterwards.

        A body that ended inside an event, or without ``[DONE]`` before any choice received a
        ``finish_reason``, leaves an ``IncompleteReadError`` in ``error``.

        :return: The last updates, if the body ended without a blank line after them.
        :rtype: list[~azure.ai.inference.models.StreamingChatCompletionsUpdate]
        """
        if self.done:
            return []
        updates = self._updates(self._framed(None), at_end=True)
        if not self.done and not self.accumulator.finished:
            detail = "the connection closed before the final event" if self._event_count else "no event was received"
            self.fail(truncated_stream_error(detail + " (no [DONE] and no finish_reason)"))
        self.done = True
        return updates

    def fail(self, error: Exception) -> None:
        """End the stream with ``error`` unless an earlier error already ended it.

        :param error: Why the stream ended (for example a transport error, or the stream was closed).
        :type error: Exception
        """
        if self.error is None:
            self.error = error
        self.done = True

    def _framed(self, chunk: Optional[bytes]) -> List[ServerSentEvent]:
        """The events completed by ``chunk`` (``None``: the end of the body); none after a failure, which ends
        the stream (any exception: a stream never ends as if it were complete after one)."""
        try:
            return self._sse.feed(chunk) if chunk is not None else self._sse.flush()
        except Exception as error:  # pylint: disable=broad-exception-caught
            self.fail(undecodable_event_error(None, self._event_count + 1, error))
            return []

    def _updates(self, events: List[ServerSentEvent], at_end: bool) -> List[_models.StreamingChatCompletionsUpdate]:
        """The updates of ``events``; an unexpected exception (say, ``RecursionError`` for JSON nested too
        deeply, or ``MemoryError``) ends the stream with a ``DecodeError`` after the updates before it."""
        updates: List[_models.StreamingChatCompletionsUpdate] = []
        before = self._event_count
        try:
            self._decode_into(updates, events, at_end)
        except Exception as error:  # pylint: disable=broad-exception-caught
            data = events[self._event_count - before - 1].data if self._event_count > before else None
            self.fail(undecodable_event_error(data, self._event_count, error))
        return updates

    def _decode_into(
        self, updates: List[_models.StreamingChatCompletionsUpdate], events: List[ServerSentEvent], at_end: bool
    ) -> None:
        wrap = _models.StreamingChatCompletionsUpdate._from_wire  # pylint: disable=protected-access
        add = self.accumulator.add
        for event in events:
            self._event_count += 1
            payload = self._payload_of(event, at_end)
            if payload is None:
                if self.done:
                    break
                continue
            add(payload)  # every event is part of the final completion, yielded or not
            if not payload.get("choices") and not payload.get("usage"):
                continue  # neither choices nor usage: not yielded (B10.4)
            updates.append(wrap(payload))  # deserialize() without its check: the payload is a dict

    def _payload_of(self, event: ServerSentEvent, at_end: bool) -> Optional[Dict[str, Any]]:
        """The JSON object of an event; None without data, or (with ``done`` set) at ``[DONE]`` or an error."""
        data = event.data
        if data == _DONE or event.event == "error" or not data or data.isspace():
            self._special(event)
            return None
        parsed = self._parsed
        try:
            payload = parsed.pop(0)[1] if parsed and parsed[0][0] == data else loads(data)
        except ValueError as error:
            self.fail(self._unparsable(data, error, at_end))
            return None
        if isinstance(payload, dict) and payload.get("error") is None:
            return payload
        self.fail(stream_error_event(payload) if isinstance(payload, dict) else self._not_an_object(data, at_end))
        return None

    def _is_whole_event(self, data: str) -> bool:
        """Whether the first ``data:`` line of an event is a whole event: ``[DONE]`` or a JSON document.

        The parsed value is kept for ``_payload_of``, so the line is parsed once.
        """
        if data == _DONE:
            return True
        try:
            self._parsed.append((data, loads(data)))
        except (ValueError, RecursionError):  # not (yet) a whole document: the event may go on (or is malformed)
            return False
        return True

    def _special(self, event: ServerSentEvent) -> None:
        """``[DONE]`` ends the stream, an event of type ``error`` ends it with its error, one without data is skipped."""
        if event.data == _DONE:
            self.done = True
        elif event.event == "error":
            self.fail(_error_event(event.data))

    def _not_an_object(self, data: str, at_end: bool) -> Exception:
        return self._unparsable(data, TypeError("expected a JSON object"), at_end)

    def _unparsable(self, data: str, cause: Exception, at_end: bool) -> Exception:
        if at_end and self._sse.truncated:
            error: Exception = truncated_stream_error("the last event was cut off")
        else:
            error = malformed_event_error(data, cause)
        error.__cause__ = cause
        return error


def _error_event(data: str) -> Exception:
    """The service error of an event of type ``error``, whatever its data."""
    try:
        payload: Any = json.loads(data)
    except ValueError:
        payload = {"message": data}
    if not isinstance(payload, dict):
        payload = {"message": data}
    return stream_error_event(payload if payload.get("error") is not None else {"error": payload})


def choice_text(update: Mapping[str, Any], index: int = 0) -> str:
    """The text delta of one choice of an update (``""`` when it has none).

    :param update: The update (a model or its wire dict).
    :type update: ~azure.ai.inference.models.StreamingChatCompletionsUpdate or Mapping[str, Any]
    :param index: The choice index.
    :type index: int
    :return: ``delta.content`` of the choice with that index, or ``""``.
    :rtype: str
    """
    data = wire_mapping(update)
    choices = data.get("choices") if data is not None else None
    if not isinstance(choices, (list, tuple)):
        return ""
    for choice in choices:
        choice = wire_mapping(choice)
        if choice is not None and choice.get("index", 0) == index:
            delta = wire_mapping(choice.get("delta"))
            content = delta.get("content") if delta is not None else None
            return content if isinstance(content, str) else ""
    return ""


def read_error(error: Exception) -> AzureError:
    """The exception a user gets when reading the stream's bytes failed: always an ``AzureError``.

    A body cut off by the peer is reported by azure-core as ``IncompleteReadError`` (aiohttp) or a
    plain ``HttpResponseError`` (requests); both become an ``IncompleteReadError`` saying the stream
    ended early. Other azure-core errors (e.g. ``ServiceResponseTimeoutError``) are kept; anything
    else is wrapped in a ``ServiceResponseError``.

    :param error: What the transport raised.
    :type error: Exception
    :return: The exception to raise, chained to ``error``.
    :rtype: ~azure.core.exceptions.AzureError
    """
    mapped: AzureError
    if _is_broken_body(error):
        mapped = truncated_stream_error(f"the connection broke ({error})")
    elif isinstance(error, AzureError):
        return error
    else:
        mapped = ServiceResponseError(f"Reading the chat completions stream failed: {error!r}", error=error)
    mapped.__cause__ = error
    return mapped


def _is_broken_body(error: Exception) -> bool:
    # The exact type: subclasses of HttpResponseError (e.g. DecodeError) mean something else.
    exact_type = type(error) is HttpResponseError  # pylint: disable=unidiomatic-typecheck
    return exact_type or isinstance(error, IncompleteReadError)


def closed_stream_error(response: Any) -> StreamClosedError:
    """The exception for using a stream closed before it was read to its end.

    :param response: The stream's HTTP response.
    :type response: ~azure.core.rest.HttpResponse or ~azure.core.rest.AsyncHttpResponse
    :return: A ``StreamClosedError`` that says what happened.
    :rtype: ~azure.core.exceptions.StreamClosedError
    """
    error = StreamClosedError(response)
    error.message = (
        "The chat completions stream was closed before it was read to its end (close()/aclose(), the end "
        f"of a with block, or an interruption), so it cannot be read any more. {error.message}"
    )
    error.args = (error.message,)
    return error
