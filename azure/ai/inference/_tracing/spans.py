"""One traced call: its OpenTelemetry span, its events and errors, and its metrics when it ends.

Nothing here may break the caller's call: a failure of the instrumentation itself is logged and
the call goes on (``logged_failures``).
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any, ContextManager, Dict, Iterator, Mapping, Optional

from azure.core.settings import settings
from azure.core.tracing import SpanKind
from opentelemetry import trace
from opentelemetry.trace import Status, StatusCode

from .attributes import CallFacts, error_type
from .events import EventClock, to_json
from .metrics import record_operation

__all__ = ["TracedCall", "logged_failures", "start_call"]

_LOGGER = logging.getLogger(__name__)


@contextlib.contextmanager
def logged_failures() -> Iterator[None]:
    """Log and swallow an exception of the instrumentation, so that the traced call itself goes on."""
    try:
        yield
    except Exception:  # pylint: disable=broad-except  # tracing must never fail the user's call
        _LOGGER.warning("azure-ai-inference tracing failed; the call itself is not affected", exc_info=True)


def start_call(facts: CallFacts) -> Optional[TracedCall]:
    """Start the span of a call, if azure-core has a tracing implementation (checked on every call).

    :param facts: The call's span name and request attributes.
    :type facts: CallFacts
    :return: The traced call, or None when the call is not traced.
    :rtype: TracedCall or None
    """
    span_type = settings.tracing_implementation()
    if span_type is None:
        return None
    span = span_type(name=facts.span_name, kind=SpanKind.CLIENT)
    if not isinstance(span.span_instance, trace.Span):
        span.finish()
        return None
    return TracedCall(facts, span.span_instance)


class TracedCall:
    """The span of one call, from its start to its single end."""

    def __init__(self, facts: CallFacts, span: trace.Span) -> None:
        self.facts = facts
        self.handed_off = False
        """Set when a stream took over the span: the stream ends it."""
        self._span = span
        self._attributes: Dict[str, Any] = {}
        self._clock = EventClock()
        self._started = time.perf_counter()
        self._ended = False
        self.set_attributes(facts.request_attributes)

    @property
    def ended(self) -> bool:
        """Whether the span has ended."""
        return self._ended

    def set_attributes(self, attributes: Mapping[str, Any]) -> None:
        """Set span attributes (None values are skipped).

        :param attributes: The attributes.
        :type attributes: Mapping[str, Any]
        """
        for key, value in attributes.items():
            if value is not None:
                self._attributes[key] = value
                self._span.set_attribute(key, value)

    def add_event(self, name: str, payload: Any) -> None:
        """Add a 1.0.0b9-style event: ``gen_ai.system`` and the JSON payload as ``gen_ai.event.content``.

        :param name: The event name.
        :type name: str
        :param payload: The payload (serialised to JSON).
        :type payload: Any
        """
        attributes = {self.facts.system[0]: self.facts.system[1], "gen_ai.event.content": to_json(payload)}
        self._span.add_event(name, attributes, timestamp=self._clock.next(time.time_ns()))

    def current(self) -> ContextManager[Any]:
        """Make the span the current one (errors are recorded by ``record_error``, not by OpenTelemetry).

        :return: A context manager.
        :rtype: ContextManager
        """
        return trace.use_span(self._span, end_on_exit=False, record_exception=False, set_status_on_exception=False)

    def record_error(self, error: BaseException) -> None:
        """Record an exception event, ERROR status with ``str(error)`` and ``error.type``.

        :param error: The exception raised by the call or by the stream.
        :type error: BaseException
        """
        if self._ended:
            return
        with logged_failures():
            self._span.record_exception(error)
            self._span.set_status(Status(StatusCode.ERROR, str(error)))
            self.set_attributes({"error.type": error_type(error)})

    def end(self) -> None:
        """End the span and record the call's metrics; later calls do nothing."""
        if self._ended:
            return
        self._ended = True
        try:
            with logged_failures():
                record_operation(self._attributes, time.perf_counter() - self._started)
        finally:
            self._span.end()

    def end_unless_handed_off(self) -> None:
        """End the span unless a stream took it over."""
        if not self.handed_off:
            self.end()
