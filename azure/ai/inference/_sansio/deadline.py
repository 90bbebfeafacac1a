"""``timeout`` as the deadline of a whole call, and the messages of the timeouts that fire.

azure-core's ``timeout`` is a budget checked between attempts: one attempt still waits up to
``read_timeout`` (300 s by default). Here the deadline also bounds each attempt: its connection and
read timeouts are clamped to the time left, and a wait between retries that would pass the deadline
ends the call at once. The clock is passed in, so every rule is unit-tested without waiting.
"""

from __future__ import annotations

from typing import Callable, List, Mapping, Optional, Tuple

from azure.core.exceptions import (
    AzureError,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseError,
    ServiceResponseTimeoutError,
)

from .retry import is_mislabelled_read_timeout

__all__ = [
    "ATTEMPT_TIMEOUTS_KEY",
    "DEADLINE_KEY",
    "AttemptTimeouts",
    "Deadline",
    "explain_timeout",
    "pool_wait_bound",
    "pool_wait_error",
]

DEADLINE_KEY = "azure.ai.inference.deadline"
"""Key of the call's ``Deadline`` in the pipeline context (set by the retry policy)."""
ATTEMPT_TIMEOUTS_KEY = "azure.ai.inference.attempt_timeouts"
"""Key of the last attempt's effective ``(connection_timeout, read_timeout)`` in the pipeline context."""
_OPTIONS = (("connection_timeout", "timeout"), ("read_timeout", "read_timeout"))

AttemptTimeouts = List[Tuple[str, Optional[float], Optional[float]]]
"""Per transport timeout option: ``(option, configured seconds or None, clamped seconds)``."""


class Deadline:
    """The moment a call must be over, on ``clock`` (seconds, monotonic).

    :param timeout: The ``timeout`` the caller gave (or the client's default), in seconds.
    :type timeout: float
    :param expires_at: The clock's value at the deadline.
    :type expires_at: float
    :param clock: The clock.
    :type clock: Callable[[], float]
    """

    __slots__ = ("clock", "expires_at", "timeout")

    def __init__(self, timeout: float, expires_at: float, clock: Callable[[], float]) -> None:
        self.timeout = timeout
        self.expires_at = expires_at
        self.clock = clock

    @classmethod
    def start(cls, timeout: float, clock: Callable[[], float]) -> Deadline:
        """Start the deadline of a call that may last ``timeout`` seconds from now.

        :param timeout: The call's ``timeout``, in seconds.
        :type timeout: float
        :param clock: The clock (``time.monotonic`` outside tests).
        :type clock: Callable[[], float]
        :return: The deadline.
        :rtype: Deadline
        """
        return cls(float(timeout), clock() + float(timeout), clock)

    def remaining(self) -> float:
        """Seconds left before the deadline (0 or less once it has passed).

        :rtype: float
        """
        return self.expires_at - self.clock()

    def attempt_timeouts(self, options: Mapping[str, object], config: object, previous: object = None) -> AttemptTimeouts:
        """Return, per transport timeout, ``(option, configured, clamped)`` for the next attempt.

        :param options: The call's pipeline options (a per-call ``read_timeout`` wins).
        :type options: Mapping[str, object]
        :param config: The transport's ``connection_config`` (its ``timeout`` and ``read_timeout``).
        :type config: object
        :param previous: The previous attempt's result, whose configured values are kept (the options
         then hold clamped ones).
        :type previous: list or None
        :return: ``connection_timeout`` and ``read_timeout``, each clamped to the time left.
        :rtype: list[tuple[str, float or None, float or None]]
        """
        left = max(self.remaining(), 0.0)
        configured_before = {option: configured for option, configured, _ in previous} if isinstance(previous, list) else {}
        clamped: AttemptTimeouts = []
        for option, attribute in _OPTIONS:
            if option in configured_before:
                configured = configured_before[option]
            else:
                configured = _number(options.get(option, getattr(config, attribute, None)))
            clamped.append((option, configured, left if configured is None else min(configured, left)))
        return clamped

    def expired_error(self, *, sent: bool, during: str = "") -> AzureError:
        """The error of a call whose deadline has passed.

        :keyword sent: Whether the request had been sent (``ServiceResponseTimeoutError``) or not
         (``ServiceRequestTimeoutError``, while connecting).
        :paramtype sent: bool
        :keyword during: What was under way, for the message (e.g. ``"the wait before a retry"``).
        :paramtype during: str
        :return: The exception, whose message names the deadline.
        :rtype: ~azure.core.exceptions.AzureError
        """
        kind = "Response timeout" if sent else "Request timeout"
        where = f" ({during})" if during else ""
        message = (
            f"{kind}: the call did not complete within its timeout of {self.timeout:g} s{where}. `timeout` bounds "
            "the whole call (every attempt, the waits between retries, a stream's response headers)."
        )
        return ServiceResponseTimeoutError(message) if sent else ServiceRequestTimeoutError(message)


def explain_timeout(
    error: AzureError, deadline: Optional[Deadline], attempt: Optional[AttemptTimeouts]
) -> Tuple[AzureError, List[str]]:
    """Return the error to raise for a failed call, and notes naming the timeout that fired.

    A transport timeout (or azure-core's own "Response timeout") becomes a message naming the deadline
    when the deadline has passed or had shortened the attempt's timeout; otherwise the transport's
    timeout keeps its class with one message for sync and async, naming the timeout and its value.
    azure-core's requests transport reports some read timeouts as ``ServiceRequestError``: they
    become ``ServiceResponseTimeoutError`` as with aiohttp. Other errors are returned unchanged.

    :param error: What the pipeline raised.
    :type error: ~azure.core.exceptions.AzureError
    :param deadline: The call's deadline, if the retry policy set one.
    :type deadline: Deadline or None
    :param attempt: The last attempt's ``(option, configured, clamped)`` timeouts, if known.
    :type attempt: list[tuple[str, float or None, float or None]] or None
    :return: The error to raise (``error`` itself or a new one to chain to it) and notes to add.
    :rtype: tuple[~azure.core.exceptions.AzureError, list[str]]
    """
    phase = _timeout_phase(error)
    if phase is None or getattr(error, "pool_exhausted", False):
        return error, []
    sent = phase == "read_timeout"
    if deadline is not None and getattr(error, "deadline_expired", False):
        return error, [_deadline_note(deadline)]
    if deadline is not None and (deadline.remaining() <= 0 or _clamped(attempt, phase) or _budget_spent(error)):
        return deadline.expired_error(sent=sent), [_deadline_note(deadline)]
    value = next((configured for option, configured, _ in attempt or () if option == phase), None)
    shown = f"{phase}={value:g} s" if value is not None else phase
    what = "no response data arrived" if sent else "no connection was made"
    message = f"{'Read' if sent else 'Connection'} timed out: {what} within {shown} (per attempt)."
    if isinstance(error, (ServiceResponseTimeoutError, ServiceRequestTimeoutError)) and str(error) == message:
        return error, []
    replaced = ServiceResponseTimeoutError(message) if sent else ServiceRequestTimeoutError(message)
    return replaced, [f"Timeout that fired: {shown} (raise it per call or on the client)."]


def pool_wait_bound(attempt: Optional[AttemptTimeouts], configured: Optional[float]) -> Tuple[Optional[float], str]:
    """Return how long an attempt may wait for a free connection of the pool, and what set that bound.

    :param attempt: The attempt's ``(option, configured, clamped)`` timeouts, when a deadline clamped them.
    :type attempt: list[tuple[str, float or None, float or None]] or None
    :param configured: The attempt's ``connection_timeout`` otherwise (the option or the transport's).
    :type configured: float or None
    :return: The seconds (None: no bound) and the name of the bound, for the message.
    :rtype: tuple[float or None, str]
    """
    for option, configured_before, clamped in attempt or ():
        if option == "connection_timeout" and clamped is not None:
            if configured_before is None or clamped < configured_before:
                return clamped, "the call's timeout"
            return clamped, f"connection_timeout={clamped:g} s"
    if configured is None:
        return None, "connection_timeout"
    return configured, f"connection_timeout={configured:g} s"


def pool_wait_error(bound: str, limit: Optional[int]) -> ServiceRequestTimeoutError:
    """The error of an attempt that waited for a free connection of its pool longer than ``bound`` allows.

    Marked ``pool_exhausted``: not retried (the connections are held by the caller's own responses).

    :param bound: What bounded the wait (from ``pool_wait_bound``).
    :type bound: str
    :param limit: The pool's size (aiohttp's connector ``limit``), if known.
    :type limit: int or None
    :return: The exception.
    :rtype: ~azure.core.exceptions.ServiceRequestTimeoutError
    """
    size = f"all {limit} connections of the client's pool" if limit else "every connection of the client's pool"
    error = ServiceRequestTimeoutError(
        f"Connection pool timeout: no connection became free within {bound}; {size} are in use (by responses "
        "or streams not yet closed). Close streams you no longer read ('async with' or 'await stream.aclose()'), "
        "or give the transport a larger pool (aiohttp.TCPConnector(limit=...))."
    )
    setattr(error, "pool_exhausted", True)
    return error


def _timeout_phase(error: AzureError) -> Optional[str]:
    """``read_timeout``/``connection_timeout`` for the timeout errors of the transports, else None."""
    if isinstance(error, ServiceRequestTimeoutError):
        return "connection_timeout"
    if isinstance(error, ServiceResponseTimeoutError):
        return "read_timeout"
    if isinstance(error, (ServiceRequestError, ServiceResponseError)) and is_mislabelled_read_timeout(error):
        return "read_timeout"
    return None


def _deadline_note(deadline: Deadline) -> str:
    return f"Timeout that fired: timeout={deadline.timeout:g} s (the deadline of the whole call)."


def _budget_spent(error: AzureError) -> bool:
    """Whether ``error`` is azure-core's own check of the ``timeout`` budget between attempts."""
    return str(error) in ("Response timeout", "Request timeout")


def _clamped(attempt: Optional[AttemptTimeouts], phase: str) -> bool:
    for option, configured, clamped in attempt or ():
        if option == phase and clamped is not None and (configured is None or clamped < configured):
            return True
    return False


def _number(value: object) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
