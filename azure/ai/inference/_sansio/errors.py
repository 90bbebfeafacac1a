"""Mapping of failed responses and broken streams to azure-core exceptions, in one place."""

from __future__ import annotations

import contextlib
import json
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
    map_error,
)

__all__ = [
    "error_map_with",
    "malformed_event_error",
    "not_found_message",
    "raise_for_status",
    "stream_error_event",
    "truncated_stream_error",
    "undecodable_event_error",
]

_MAX_SHOWN_EVENT = 200

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
    """Raise the azure-core exception for a non-200 response whose body has been read.

    :param response: The HTTP response (sync or async, body already read).
    :type response: ~azure.core.rest.HttpResponse or ~azure.core.rest.AsyncHttpResponse
    :param error_map: Status code to exception class.
    :type error_map: Mapping[int, type]
    :raises ~azure.core.exceptions.HttpResponseError: Or the mapped subclass, for any status but 200.
    """
    if response.status_code == 200:
        return
    map_error(status_code=response.status_code, response=response, error_map=error_map)
    raise HttpResponseError(response=response)


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
    shown = str(error) if error is not None else json.dumps(body)
    exception = HttpResponseError(message=f"The service reported an error in the stream: {shown}")
    exception.error = error
    status = body.get("status") if isinstance(body, dict) else None
    exception.status_code = status if isinstance(status, int) else None
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
