"""The per-attempt half of ``timeout`` as a deadline: a policy placed after the retry policy clamps each
attempt's connection and read timeouts to the time left (the rules live in ``_sansio/deadline.py``).
Works in the sync and the async pipeline alike."""

from __future__ import annotations

from typing import Any

from azure.core.pipeline import PipelineRequest
from azure.core.pipeline.policies import SansIOHTTPPolicy

from ._sansio.deadline import ATTEMPT_TIMEOUTS_KEY, DEADLINE_KEY, Deadline

__all__ = ["DeadlinePolicy"]


class DeadlinePolicy(SansIOHTTPPolicy):  # type: ignore[type-arg]
    """Clamps ``connection_timeout`` and ``read_timeout`` of every attempt to the call's remaining time.

    Does nothing for a call whose retry policy set no deadline (a caller's own ``retry_policy``).
    """

    def on_request(self, request: PipelineRequest[Any]) -> None:
        """Clamp this attempt's timeouts; raise at once when the deadline has passed.

        :param request: The request about to be sent.
        :type request: ~azure.core.pipeline.PipelineRequest
        :raises ~azure.core.exceptions.ServiceResponseTimeoutError: When no time is left.
        """
        deadline = request.context.get(DEADLINE_KEY)
        if not isinstance(deadline, Deadline):
            return
        if deadline.remaining() <= 0:
            error = deadline.expired_error(sent=True, during="before an attempt")
            setattr(error, "deadline_expired", True)  # never retried (see _retry.py)
            raise error
        options = request.context.options
        config = getattr(request.context.transport, "connection_config", None)
        attempt = deadline.attempt_timeouts(options, config, request.context.get(ATTEMPT_TIMEOUTS_KEY))
        for option, _, clamped in attempt:
            if clamped is not None:
                options[option] = clamped
        request.context[ATTEMPT_TIMEOUTS_KEY] = attempt
