"""Retry decisions for inference calls: which statuses and errors to retry, and how long to wait.

The sync and async retry policies (``azure/ai/inference/_retry.py``) call these pure functions; every
input (headers, the current time, a random fraction, an exception) is passed in, so the rules are
unit-tested without a socket, a clock or a random generator.
"""

from __future__ import annotations

import email.utils
import math
from datetime import datetime, timezone
from typing import Iterator, List, Mapping, Optional, Set

from azure.core.exceptions import (
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
)

__all__ = [
    "RETRY_AFTER_MAX_SECONDS",
    "RETRY_STATUS_CODES",
    "backoff_seconds",
    "capped_retry_after",
    "failed_before_response",
    "is_mislabelled_read_timeout",
    "retry_after_seconds",
]

RETRY_STATUS_CODES = frozenset({408, 409, 429, 500, 502, 503, 504})
"""Statuses retried for every method, POST included: the service was busy, throttled or failing."""

RETRY_AFTER_MAX_SECONDS = 60.0
"""The longest server-requested wait that is obeyed; a longer one falls back to the backoff."""

_RETRY_AFTER_MS_HEADERS = ("retry-after-ms", "x-ms-retry-after-ms")
_MAX_EXPONENT = 64
_MAX_CAUSES = 32


def retry_after_seconds(headers: Mapping[str, str], now: datetime) -> Optional[float]:
    """Return the wait the server asked for, in seconds, or None when it asked for none.

    ``retry-after-ms`` and then ``x-ms-retry-after-ms`` (milliseconds, the more precise) win over
    ``Retry-After`` (seconds or an HTTP date). Header names are matched case-insensitively; a value
    that does not parse, is negative or is not finite counts as absent; a date in the past means 0.

    :param headers: The response headers.
    :type headers: Mapping[str, str]
    :param now: The current time (timezone-aware), to turn an HTTP date into a wait.
    :type now: ~datetime.datetime
    :return: The wait in seconds, or None.
    :rtype: float or None
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    for name in _RETRY_AFTER_MS_HEADERS:
        milliseconds = _non_negative_number(lowered.get(name))
        if milliseconds is not None:
            return milliseconds / 1000.0
    value = lowered.get("retry-after")
    if value is None:
        return None
    seconds = _non_negative_number(value)
    return seconds if seconds is not None else _seconds_until(value, now)


def _non_negative_number(value: Optional[str]) -> Optional[float]:
    if value is None:
        return None
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _seconds_until(http_date: str, now: datetime) -> Optional[float]:
    try:
        moment = email.utils.parsedate_to_datetime(http_date.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # no zone (or "-0000"): HTTP dates are in GMT
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - now).total_seconds())


def capped_retry_after(seconds: Optional[float], cap: float = RETRY_AFTER_MAX_SECONDS) -> Optional[float]:
    """Return the server-requested wait when it is obeyed (at most ``cap`` seconds), else None.

    :param seconds: The wait the server asked for, if any.
    :type seconds: float or None
    :param cap: The longest wait obeyed.
    :type cap: float
    :return: ``seconds`` when not above ``cap``; None otherwise (the caller falls back to backoff).
    :rtype: float or None
    """
    return seconds if seconds is not None and seconds <= cap else None


def backoff_seconds(
    retry_number: int, *, factor: float, maximum: float, fraction: float, exponential: bool = True
) -> float:
    """Return the wait before a retry: exponential backoff with full jitter.

    Exponential mode waits ``fraction * min(maximum, factor * 2 ** (retry_number - 1))``: a uniformly
    random point below the exponential ceiling when ``fraction`` is uniform in [0, 1) ("full jitter").
    Fixed mode waits exactly ``min(maximum, factor)``.

    :param retry_number: 1 for the first retry, 2 for the second, and so on.
    :type retry_number: int
    :keyword factor: The backoff factor in seconds (azure-core's ``retry_backoff_factor``).
    :paramtype factor: float
    :keyword maximum: The longest wait (azure-core's ``retry_backoff_max``).
    :paramtype maximum: float
    :keyword fraction: A random fraction in [0, 1).
    :paramtype fraction: float
    :keyword exponential: False for azure-core's fixed retry mode.
    :paramtype exponential: bool
    :return: The wait in seconds (0 before a first attempt, i.e. for ``retry_number`` < 1).
    :rtype: float
    """
    if retry_number < 1:
        return 0.0
    if not exponential:
        return max(0.0, min(maximum, factor))
    ceiling = factor * 2.0 ** min(retry_number - 1, _MAX_EXPONENT)
    return max(0.0, fraction * min(maximum, ceiling))


def failed_before_response(error: BaseException) -> bool:
    """Return whether a transport error shows that no response had started to arrive.

    True for a connection that could not be made (refused, DNS, connect timeout) and for one that
    was reset or closed before the status line (a stale keep-alive connection, a crashed server).
    False for read timeouts (the service may still be working on the request), for errors in the
    middle of a body, and for errors raised by a policy rather than the transport (no cause).

    :param error: The error raised by the pipeline.
    :type error: BaseException
    :return: Whether sending the request again cannot replace a response already under way.
    :rtype: bool
    """
    causes = list(_causes(error))
    if not causes:
        return False
    if isinstance(error, ServiceRequestTimeoutError):
        return True
    if any(_is_timeout(cause) for cause in causes):
        return False
    if isinstance(error, ServiceRequestError):
        return True
    return isinstance(error, ServiceResponseError) and any(isinstance(cause, ConnectionError) for cause in causes)


def is_mislabelled_read_timeout(error: BaseException) -> bool:
    """Return whether a ``ServiceRequestError`` is in fact a read timeout.

    azure-core's requests transport reports a read timeout of a non-streamed body as
    ``ServiceRequestError``; the sync retry policy re-raises it as ``ServiceResponseTimeoutError``,
    as the async transport does.

    :param error: The error raised by the pipeline.
    :type error: BaseException
    :return: Whether ``error`` is a ``ServiceRequestError`` caused by a read timeout.
    :rtype: bool
    """
    if not isinstance(error, ServiceRequestError) or isinstance(error, ServiceRequestTimeoutError):
        return False
    return any(_is_timeout(cause) for cause in _causes(error))


def _is_timeout(error: BaseException) -> bool:
    # Transport timeouts are not all builtin TimeoutError subclasses (urllib3's ReadTimeoutError,
    # aiohttp's ServerTimeoutError on Python 3.9), but all have "Timeout" in their class name.
    return isinstance(error, TimeoutError) or "Timeout" in type(error).__name__


def _causes(error: BaseException) -> Iterator[BaseException]:
    """Yield the errors behind ``error``: azure-core's ``inner_exception``, chained and wrapped ones."""
    seen: Set[int] = {id(error)}
    pending: List[BaseException] = list(_direct_causes(error))
    while pending and len(seen) <= _MAX_CAUSES:
        cause = pending.pop(0)
        if id(cause) in seen:
            continue
        seen.add(id(cause))
        yield cause
        pending.extend(_direct_causes(cause))


def _direct_causes(error: BaseException) -> List[BaseException]:
    linked = [getattr(error, "inner_exception", None), error.__cause__, error.__context__]
    linked.append(getattr(error, "reason", None))  # urllib3's MaxRetryError
    linked.extend(error.args)  # requests and urllib3 wrap the underlying error as an argument
    return [cause for cause in linked if isinstance(cause, BaseException)]
