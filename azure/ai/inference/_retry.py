"""The retry policies of the clients: azure-core's ``RetryPolicy``/``AsyncRetryPolicy`` with rules for
inference calls (the decisions themselves live in ``_sansio/retry.py``).

Compared with azure-core's defaults: POST requests are retried on 408, 409, 429, 500, 502, 503 and 504
and on connection errors raised before any response byte (never after a response has started, so a
consumed stream is never replayed); waits use exponential backoff with full jitter; ``Retry-After``,
``retry-after-ms`` and ``x-ms-retry-after-ms`` are obeyed up to 60 seconds, longer requests fall back
to the backoff. Every azure-core knob keeps its meaning (``retry_total``, ``retry_backoff_factor``,
``retry_backoff_max``, ``retry_mode``, ``retry_on_status_codes``, ``retry_on_methods``, ...), except
``timeout``, which is the deadline of the whole call: each attempt's connection and read timeouts are
clamped to the time left (``_deadline.DeadlinePolicy``) and a wait between retries that would pass the
deadline ends the call at once (see ``_sansio/deadline.py``).
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Union

from azure.core.exceptions import AzureError
from azure.core.pipeline import PipelineRequest, PipelineResponse
from azure.core.pipeline.policies import AsyncRetryPolicy, RetryMode, RetryPolicy
from azure.core.rest import AsyncHttpResponse, HttpRequest, HttpResponse

from ._closed_client import closed_client_error
from ._lifetime import ClientLifetime
from ._sansio import retry
from ._sansio.deadline import ATTEMPT_TIMEOUTS_KEY, DEADLINE_KEY, Deadline, explain_timeout
from ._sansio.notes import add_notes

if TYPE_CHECKING:
    from azure.core.pipeline.policies._retry import RetryPolicyBase  # the public policies' shared base
    from azure.core.pipeline.transport import AsyncHttpTransport, HttpTransport

    _RulesBase = RetryPolicyBase
else:
    _RulesBase = object

__all__ = ["AsyncInferenceRetryPolicy", "InferenceRetryPolicy"]

_AnyPipelineMessage = Union[PipelineRequest[Any], PipelineResponse[Any, Any]]


class _InferenceRetryRules(_RulesBase):
    """What to retry and how long to wait; shared by the sync and the async policy."""

    RETRY_AFTER_MAX: float = retry.RETRY_AFTER_MAX_SECONDS
    """The longest ``Retry-After`` obeyed, in seconds; a longer one falls back to the backoff."""

    def __init__(self, **kwargs: Any) -> None:
        self._lifetime: Optional[ClientLifetime] = kwargs.pop("client_lifetime", None)
        extra_status_codes = set(kwargs.get("retry_on_status_codes") or ())
        super().__init__(**kwargs)
        self._retry_on_status_codes = set(retry.RETRY_STATUS_CODES) | extra_status_codes
        self._random: Callable[[], float] = random.random
        self._clock: Callable[[], float] = time.monotonic

    def is_retry(self, settings: Dict[str, Any], response: PipelineResponse[Any, Any]) -> bool:
        """Return whether a response is retried: a retried status, or any error with ``Retry-After``.

        :param dict settings: The retry settings of this call.
        :param response: The response received.
        :type response: ~azure.core.pipeline.PipelineResponse
        :return: Whether to send the request again.
        :rtype: bool
        """
        status = response.http_response.status_code
        if status < 400 or not settings["total"]:
            return False
        if status in self._retry_on_status_codes:
            return True
        return self._respect_retry_after_header and _requested_wait(response) is not None

    def get_retry_after(self, response: PipelineResponse[Any, Any]) -> Optional[float]:
        """Return the server-requested wait in seconds, or None when absent or above ``RETRY_AFTER_MAX``.

        :param response: The response received.
        :type response: ~azure.core.pipeline.PipelineResponse
        :return: The wait to obey, or None to use the backoff.
        :rtype: float or None
        """
        return retry.capped_retry_after(_requested_wait(response), self.RETRY_AFTER_MAX)

    def get_backoff_time(self, settings: Dict[str, Any]) -> float:
        """Return the backoff before the next retry: exponential with full jitter (fixed if so configured).

        :param dict settings: The retry settings of this call.
        :return: The wait in seconds.
        :rtype: float
        """
        return retry.backoff_seconds(
            len(settings["history"]),
            factor=settings["backoff"],
            maximum=settings["max_backoff"],
            fraction=self._random(),
            exponential=self.retry_mode != RetryMode.Fixed,
        )

    def _is_method_retryable(self, settings: Dict[str, Any], request: Any, response: Any = None) -> bool:
        # Errors of every method reach increment(), which knows the error and decides.
        return True

    def increment(
        self,
        settings: Dict[str, Any],
        response: Optional[_AnyPipelineMessage] = None,
        error: Optional[Exception] = None,
    ) -> bool:
        """Count an attempt; after an error, allow a retry only if the request may be sent again.

        Methods in ``retry_on_methods`` (azure-core's idempotent ones) are retried after any error as
        azure-core does; others (POST) only after a connection error raised before any response byte.
        Nothing is retried after an error once the client is closed.

        :param dict settings: The retry settings of this call.
        :param response: The request (after an error) or the response.
        :type response: ~azure.core.pipeline.PipelineRequest or ~azure.core.pipeline.PipelineResponse
        :param error: The error raised by the pipeline, if any.
        :type error: Exception
        :return: Whether a retry is allowed.
        :rtype: bool
        """
        if response is not None:
            settings["deadline"] = response.context.get(DEADLINE_KEY)
        if error is not None and (getattr(error, "deadline_expired", False) or getattr(error, "pool_exhausted", False)):
            return False
        if error is not None and self._lifetime is not None and self._lifetime.closed:
            return False  # the client's close() broke the connection: a retry would meet a closed transport
        if error is not None and response is not None:
            method = response.http_request.method.upper()
            if method not in settings["methods"] and not retry.failed_before_response(error):
                return False
        return super().increment(settings, response=response, error=error)

    def _wait_time(self, settings: Dict[str, Any], response: Optional[PipelineResponse[Any, Any]]) -> float:
        """The wait before the next attempt; raises the deadline's timeout when the wait would pass it."""
        requested = self.get_retry_after(response) if response is not None else None
        seconds = requested if requested is not None else self.get_backoff_time(settings)
        deadline = settings.get("deadline")
        if isinstance(deadline, Deadline) and seconds >= deadline.remaining():
            during = f"the {seconds:g} s wait before retry {len(settings['history'])} would pass it, so no retry was sent"
            raise _marked(deadline.expired_error(sent=True, during=during))
        return seconds

    def _start_deadline(self, request: PipelineRequest[Any]) -> None:
        timeout = request.context.options.get("timeout", self.timeout)
        if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
            request.context[DEADLINE_KEY] = Deadline.start(timeout, self._clock)

    def _explained(self, error: AzureError, request: PipelineRequest[Any]) -> AzureError:
        """The error to raise for a failed call: timeouts name the timeout that fired (see ``explain_timeout``)."""
        mapped, notes = explain_timeout(error, request.context.get(DEADLINE_KEY), request.context.get(ATTEMPT_TIMEOUTS_KEY))
        add_notes(mapped, notes)
        if self._lifetime is not None and self._lifetime.closed:
            closed_client_error(mapped)
        return mapped


def _marked(error: AzureError) -> AzureError:
    """Mark a deadline error so that ``increment`` never retries it."""
    setattr(error, "deadline_expired", True)
    return error


def _requested_wait(response: PipelineResponse[Any, Any]) -> Optional[float]:
    return retry.retry_after_seconds(response.http_response.headers, datetime.now(timezone.utc))


class InferenceRetryPolicy(_InferenceRetryRules, RetryPolicy[HttpRequest, HttpResponse]):
    """The sync clients' retry policy (see the module docstring); keyword arguments as ``RetryPolicy``."""

    def send(self, request: PipelineRequest[HttpRequest]) -> PipelineResponse[HttpRequest, HttpResponse]:
        """Send the request with retries within the call's deadline; timeouts name the one that fired.

        :param request: The request.
        :type request: ~azure.core.pipeline.PipelineRequest
        :return: The response.
        :rtype: ~azure.core.pipeline.PipelineResponse
        :raises ~azure.core.exceptions.AzureError: When the last attempt fails; a read timeout is a
         ``ServiceResponseTimeoutError``, a connection timeout a ``ServiceRequestTimeoutError``.
        """
        self._start_deadline(request)
        try:
            return super().send(request)
        except AzureError as error:
            mapped = self._explained(error, request)
            if mapped is error:
                raise
            raise mapped from error

    def sleep(
        self,
        settings: Dict[str, Any],
        transport: HttpTransport[HttpRequest, HttpResponse],
        response: Optional[PipelineResponse[HttpRequest, HttpResponse]] = None,
    ) -> None:
        """Close the discarded response, then wait ``Retry-After`` (if obeyed) or the backoff.

        :param dict settings: The retry settings of this call.
        :param transport: The transport, whose ``sleep`` waits.
        :type transport: ~azure.core.pipeline.transport.HttpTransport
        :param response: The response that is retried, if any.
        :type response: ~azure.core.pipeline.PipelineResponse
        """
        if response is not None:
            response.http_response.close()
        self._pause(transport, self._wait_time(settings, response))

    def _pause(self, transport: HttpTransport[HttpRequest, HttpResponse], seconds: float) -> None:
        """The one place that waits between attempts (tests replace it to record the waits)."""
        if seconds > 0:
            transport.sleep(seconds)


class AsyncInferenceRetryPolicy(_InferenceRetryRules, AsyncRetryPolicy[HttpRequest, AsyncHttpResponse]):
    """The async clients' retry policy (see the module docstring); keyword arguments as ``AsyncRetryPolicy``."""

    async def send(self, request: PipelineRequest[HttpRequest]) -> PipelineResponse[HttpRequest, AsyncHttpResponse]:
        """Send the request with retries within the call's deadline; timeouts name the one that fired.

        :param request: The request.
        :type request: ~azure.core.pipeline.PipelineRequest
        :return: The response.
        :rtype: ~azure.core.pipeline.PipelineResponse
        :raises ~azure.core.exceptions.AzureError: When the last attempt fails; a read timeout is a
         ``ServiceResponseTimeoutError``, a connection timeout a ``ServiceRequestTimeoutError``.
        """
        self._start_deadline(request)
        try:
            return await super().send(request)
        except AzureError as error:
            mapped = self._explained(error, request)
            if mapped is error:
                raise
            raise mapped from error

    async def sleep(
        self,
        settings: Dict[str, Any],
        transport: AsyncHttpTransport[HttpRequest, AsyncHttpResponse],
        response: Optional[PipelineResponse[HttpRequest, AsyncHttpResponse]] = None,
    ) -> None:
        """Close the discarded response, then wait ``Retry-After`` (if obeyed) or the backoff.

        :param dict settings: The retry settings of this call.
        :param transport: The transport, whose ``sleep`` waits.
        :type transport: ~azure.core.pipeline.transport.AsyncHttpTransport
        :param response: The response that is retried, if any.
        :type response: ~azure.core.pipeline.PipelineResponse
        """
        if response is not None:
            await response.http_response.close()
        await self._pause(transport, self._wait_time(settings, response))

    async def _pause(self, transport: AsyncHttpTransport[HttpRequest, AsyncHttpResponse], seconds: float) -> None:
        """The one place that waits between attempts (tests replace it to record the waits)."""
        if seconds > 0:
            await transport.sleep(seconds)
