"""Mapping of failed responses and broken streams to azure-core exceptions, in one place."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import datetime, timezone
from typing import Any, Dict, Iterator, Mapping, MutableMapping, Optional, Type

from azure.core.exceptions import (
    ClientAuthenticationError,
    DecodeError,
    HttpResponseError,
    IncompleteReadError,
    ODataV4Format,
    ResourceExistsError,
    ResourceNotFoundError,
    ResourceNotModifiedError,
)

from .._exceptions import (
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
    ServiceErrorDetails,
)
from .retry import retry_after_seconds

__all__ = [
    "ResponseSnapshot",
    "error_map_with",
    "exception_type",
    "invalid_json_error",
    "odata_text",
    "malformed_event_error",
    "not_found_message",
    "raise_for_status",
    "stream_error_event",
    "truncated_stream_error",
    "undecodable_event_error",
]

_MAX_SHOWN_EVENT = 200
_CONTENT_FILTER_CODES = frozenset({"content_filter", "responsibleaipolicyviolation"})
_CONTEXT_LENGTH_CODES = frozenset({"context_length_exceeded"})
_CONTEXT_LENGTH_TEXT = re.compile(r"maximum context length|context[ _]length|context window", re.IGNORECASE)
_CONTEXT_LENGTH_STATUSES = frozenset({400, 413, 422})

ERROR_MAP: Mapping[int, Type[HttpResponseError]] = {
    401: ClientAuthenticationError,
    404: ResourceNotFoundError,
    409: ResourceExistsError,
    304: ResourceNotModifiedError,
}


def error_map_with(overrides: Optional[Mapping[int, Type[HttpResponseError]]]) -> MutableMapping[int, Any]:
    """Return the status-to-exception map of every operation, updated with a caller's ``error_map``.

    :param overrides: The per-call ``error_map`` keyword, if any.
    :type overrides: Mapping[int, type] or None
    :return: The merged map.
    :rtype: MutableMapping[int, type]
    """
    merged: Dict[int, Any] = dict(ERROR_MAP)
    merged.update(overrides or {})
    return merged


def raise_for_status(response: Any, error_map: Mapping[int, Any]) -> None:
    """Raise the exception for a non-200 response whose body has been read.

    ``error_map`` (azure-core's 401/404/409/304 classes, and a caller's entries) wins; other statuses
    get the class of their cause (``exception_type``). A message with no service code loses
    azure-core's ``(None)``/``Code: None`` parts.

    :param response: The HTTP response (sync or async, body already read).
    :type response: ~azure.core.rest.HttpResponse or ~azure.core.rest.AsyncHttpResponse
    :param error_map: Status code to exception class.
    :type error_map: Mapping[int, type]
    :raises ~azure.core.exceptions.HttpResponseError: Or a subclass, for any status but 200.
    """
    status = response.status_code
    if status == 200:
        return
    body = _error_object(response)
    error_class = error_map.get(status) or exception_type(status, body)
    error = error_class(response=response)
    _add_details(error, body, response.headers)
    raise error


def exception_type(status: Optional[int], body: Optional[Mapping[str, Any]]) -> Type[HttpResponseError]:
    """Return the exception class for an error answer that no ``error_map`` entry covers.

    :param status: The HTTP status (None for an error event inside a stream).
    :type status: int or None
    :param body: The service's error object (the value of ``"error"``, or the whole JSON body).
    :type body: Mapping[str, Any] or None
    :return: ``RateLimitError`` (429), ``ContentFilterError`` (code ``content_filter`` or inner code
     ``ResponsibleAIPolicyViolation``), ``ContextLengthExceededError``, ``PermissionDeniedError`` (403),
     ``InternalServerError`` (5xx), else ``HttpResponseError``.
    :rtype: type[~azure.core.exceptions.HttpResponseError]
    """
    codes = _codes(body or {})
    if status == 429:
        return RateLimitError
    if codes & _CONTENT_FILTER_CODES:
        return ContentFilterError
    if _is_context_length(status, codes, body or {}):
        return ContextLengthExceededError
    if status == 403:
        return PermissionDeniedError
    if status is not None and status >= 500:
        return InternalServerError
    return HttpResponseError


def _codes(body: Mapping[str, Any]) -> frozenset[str]:
    inner = body.get("innererror")
    values = [body.get("code"), inner.get("code") if isinstance(inner, Mapping) else None]
    return frozenset(str(value).lower() for value in values if value is not None)


def _is_context_length(status: Optional[int], codes: frozenset[str], body: Mapping[str, Any]) -> bool:
    if codes & _CONTEXT_LENGTH_CODES:
        return True
    message = body.get("message")
    return status in _CONTEXT_LENGTH_STATUSES and isinstance(message, str) and bool(_CONTEXT_LENGTH_TEXT.search(message))


def _error_object(response: Any) -> Optional[Mapping[str, Any]]:
    """The service's error object of a JSON error body (``{"error": {...}}`` or a flat object), or None."""
    try:
        parsed = json.loads(response.text())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    if not isinstance(parsed, dict):
        return None
    inner = parsed.get("error")
    return inner if isinstance(inner, dict) else parsed


def _add_details(error: HttpResponseError, body: Optional[Mapping[str, Any]], headers: Mapping[str, str]) -> None:
    if isinstance(error, ServiceErrorDetails):
        error._error_body = body  # pylint: disable=protected-access  # set once, where the body is parsed
    if isinstance(error, RateLimitError):
        error.retry_after = retry_after_seconds(headers, datetime.now(timezone.utc))
    _drop_missing_code(error)


def _drop_missing_code(error: HttpResponseError) -> None:
    """Turn azure-core's ``(None) <message>\nCode: None\nMessage: <message>`` into ``<message>``."""
    odata = error.error
    if odata is None or error.message != str(odata):
        return
    error.message = odata_text(odata)
    error.args = (error.message,) + error.args[1:]


def odata_text(odata: Any) -> str:
    """Return azure-core's text of a parsed error object, without the ``(None)``/``Code: None`` parts when
    the service sent no code.

    :param odata: The parsed error object.
    :type odata: ~azure.core.exceptions.ODataV4Format
    :return: ``str(odata)``, or ``<message>`` plus the target/details/inner error lines.
    :rtype: str
    """
    if getattr(odata, "code", None) is not None or not getattr(odata, "message", None):
        return str(odata)
    details = odata.message_details()
    repeated = f"Code: None\nMessage: {odata.message}"
    rest = details[len(repeated) :] if details.startswith(repeated) else "\n" + details
    return f"{odata.message}{rest}"


def stream_error_event(payload: Mapping[str, Any]) -> HttpResponseError:
    """Build the exception for an event of a chat stream that carries a top-level ``error`` object.

    :param payload: The event's parsed JSON.
    :type payload: Mapping[str, Any]
    :return: An exception whose message carries the service's code and message.
    :rtype: ~azure.core.exceptions.HttpResponseError
    """
    body = payload["error"]
    try:
        error: Optional[ODataV4Format] = ODataV4Format(dict(payload))
    except (AttributeError, TypeError, ValueError):
        error = None
    shown = odata_text(error) if error is not None else json.dumps(body)
    status = body.get("status") if isinstance(body, dict) else None
    status = status if isinstance(status, int) else None
    error_class = exception_type(status, body if isinstance(body, dict) else None)
    exception = error_class(message=f"The service reported an error in the stream: {shown}")
    exception.error = error
    exception.status_code = status
    if isinstance(exception, ServiceErrorDetails):
        exception._error_body = body if isinstance(body, dict) else None  # pylint: disable=protected-access
    return exception


def truncated_stream_error(detail: str) -> IncompleteReadError:
    """Build the exception for a stream that ended before the service finished it.

    :param detail: What was missing.
    :type detail: str
    :return: The exception.
    :rtype: ~azure.core.exceptions.IncompleteReadError
    """
    return IncompleteReadError(message=f"The chat completions stream ended early: {detail}.")


def malformed_event_error(data: str, cause: Exception) -> DecodeError:
    """Build the exception for an event whose data is not the JSON it should be.

    :param data: The event's data.
    :type data: str
    :param cause: The parse error.
    :type cause: Exception
    :return: The exception, naming the (shortened) event data.
    :rtype: ~azure.core.exceptions.DecodeError
    """
    shown = _shortened(data)
    return DecodeError(message=f"Could not parse a chat completions stream event as JSON ({cause}): {shown!r}")


def invalid_json_error(response: Any, cause: Exception) -> DecodeError:
    """Build the exception for a successful response whose body is not valid JSON, as 1.0.0b9 raised it.

    :param response: The response (or a :class:`ResponseSnapshot` of it).
    :type response: ~azure.core.rest.HttpResponse or ~azure.core.rest.AsyncHttpResponse or ResponseSnapshot
    :param cause: The parser's error.
    :type cause: Exception
    :return: A ``DecodeError`` with the status code, reason and response, whose message starts
     ``JSON is invalid: <parser message>`` (``str()`` adds the body, as azure-core does).
    :rtype: ~azure.core.exceptions.DecodeError
    """
    error = DecodeError(message=f"JSON is invalid: {cause}", response=response, error=cause)
    error.__cause__ = cause
    return error


def undecodable_event_error(data: Optional[str], position: int, cause: BaseException) -> DecodeError:
    """Build the exception for an event that could not be decoded for an unexpected reason (say, JSON
    nested too deeply for the recursion limit, or no memory left), chained to that reason.

    :param data: The event's data, when the failure happened after the event was framed.
    :type data: str or None
    :param position: The 1-based number of the event in the stream (0 when unknown).
    :type position: int
    :param cause: What decoding raised.
    :type cause: BaseException
    :return: The exception, naming the event and the cause's type.
    :rtype: ~azure.core.exceptions.DecodeError
    """
    where = f"event {position}" if position else "an event"
    if data is not None:
        where += f" {_shortened(data)!r}"
    error = DecodeError(
        message=f"Could not decode {where} of the chat completions stream ({type(cause).__name__}: {cause})"
    )
    error.__cause__ = cause
    return error


class ResponseSnapshot:
    """What an exception needs of a read response after the response object itself was let go.

    The embeddings parser drops the response before it builds the values (to free the transport's copies
    of a large body); should the body then turn out not to be JSON, the ``DecodeError`` gets this:
    status code, reason, headers, request and the body (the parser's document).

    :param response: The read response.
    :type response: ~azure.core.rest.HttpResponse or ~azure.core.rest.AsyncHttpResponse
    :param body: The body, as bytes or as the decoded text.
    :type body: bytes or str
    """

    def __init__(self, response: Any, body: Any) -> None:
        self.status_code: int = response.status_code
        self.reason: str = response.reason
        self.headers: Any = response.headers
        self.content_type: Optional[str] = response.headers.get("Content-Type")
        self.request: Any = response.request
        self._body = body

    @property
    def content(self) -> bytes:
        """The body as bytes."""
        return self._body.encode("utf-8") if isinstance(self._body, str) else bytes(self._body)

    def text(self, encoding: Optional[str] = None) -> str:
        """The body as text (invalid bytes replaced).

        :param encoding: The encoding of a bytes body (default UTF-8).
        :type encoding: str or None
        :return: The text.
        :rtype: str
        """
        if isinstance(self._body, str):
            return self._body
        return bytes(self._body).decode(encoding or "utf-8-sig", "replace")


def _shortened(data: str) -> str:
    return data if len(data) <= _MAX_SHOWN_EVENT else data[:_MAX_SHOWN_EVENT] + "..."


@contextlib.contextmanager
def not_found_message(message: str) -> Iterator[None]:
    """Give a ``ResourceNotFoundError`` raised in the block a message saying what is not supported.

    Both ``.message`` and ``str()`` of the exception show the new text; its type and other fields
    are unchanged.

    :param message: The new message.
    :type message: str
    :return: A context manager.
    :rtype: Iterator[None]
    """
    try:
        yield
    except ResourceNotFoundError as error:
        error.message = message
        error.args = (message,) + error.args[1:]
        raise
