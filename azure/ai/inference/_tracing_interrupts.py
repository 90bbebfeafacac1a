"""End azure-core's HTTP span when a call is interrupted (cancelled task, ``KeyboardInterrupt``).

``DistributedTracingPolicy`` starts a span in ``on_request`` and ends it in ``on_response`` or
``on_exception``; azure-core's pipeline calls ``on_exception`` for an ``Exception`` only, so a call
cancelled before its headers arrive (``asyncio.CancelledError``, a ``BaseException``) leaves that span
open for ever. The policies here sit right after it in the pipeline and end its span for those
interruptions, once; every other outcome stays azure-core's.
"""

from __future__ import annotations

import sys
from typing import Any

from azure.core.pipeline import PipelineRequest, PipelineResponse
from azure.core.pipeline.policies import AsyncHTTPPolicy, DistributedTracingPolicy, HTTPPolicy

__all__ = ["AsyncEndSpanOnInterruptPolicy", "EndSpanOnInterruptPolicy"]


def end_interrupted_span(
    tracing: DistributedTracingPolicy, request: PipelineRequest[Any]  # type: ignore[type-arg]
) -> None:
    """End the span ``tracing`` started for ``request`` (if any) with the exception being handled.

    :param tracing: The pipeline's tracing policy.
    :type tracing: ~azure.core.pipeline.policies.DistributedTracingPolicy
    :param request: The request whose call was interrupted.
    :type request: ~azure.core.pipeline.PipelineRequest
    """
    if request.context.get(tracing.TRACING_CONTEXT):
        try:
            tracing.end_span(request, exc_info=sys.exc_info())
        finally:
            request.context[tracing.TRACING_CONTEXT] = None  # ended: nothing may end it again


class EndSpanOnInterruptPolicy(HTTPPolicy):  # type: ignore[type-arg]
    """Sync pipeline: ends the span of ``tracing`` when the rest of the pipeline raises a ``BaseException``
    that is not an ``Exception``.

    :param tracing: The ``DistributedTracingPolicy`` just before this policy in the pipeline.
    :type tracing: ~azure.core.pipeline.policies.DistributedTracingPolicy
    """

    def __init__(self, tracing: DistributedTracingPolicy) -> None:  # type: ignore[type-arg]
        super().__init__()
        self._tracing = tracing

    def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        """Send the request on; end the HTTP span if an interruption comes back.

        :param request: The request.
        :type request: ~azure.core.pipeline.PipelineRequest
        :return: The response.
        :rtype: ~azure.core.pipeline.PipelineResponse
        """
        try:
            return self.next.send(request)
        except Exception:  # azure-core's tracing policy ends the span itself
            raise
        except BaseException:
            end_interrupted_span(self._tracing, request)
            raise


class AsyncEndSpanOnInterruptPolicy(AsyncHTTPPolicy):  # type: ignore[type-arg]
    """Async pipeline: ends the span of ``tracing`` when the rest of the pipeline raises a ``BaseException``
    that is not an ``Exception`` (for example ``asyncio.CancelledError``).

    :param tracing: The ``DistributedTracingPolicy`` just before this policy in the pipeline.
    :type tracing: ~azure.core.pipeline.policies.DistributedTracingPolicy
    """

    def __init__(self, tracing: DistributedTracingPolicy) -> None:  # type: ignore[type-arg]
        super().__init__()
        self._tracing = tracing

    async def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        """Send the request on; end the HTTP span if an interruption comes back.

        :param request: The request.
        :type request: ~azure.core.pipeline.PipelineRequest
        :return: The response.
        :rtype: ~azure.core.pipeline.PipelineResponse
        """
        try:
            return await self.next.send(request)
        except Exception:  # azure-core's tracing policy ends the span itself
            raise
        except BaseException:
            end_interrupted_span(self._tracing, request)
            raise
