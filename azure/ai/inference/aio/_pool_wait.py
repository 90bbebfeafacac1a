"""A call never waits for a free connection beyond its timeouts (async only).

aiohttp's connector holds at most ``limit`` connections (100 by default); when responses and streams
still open hold all of them, a new request waits for one to be released, and azure-core's aiohttp
transport sets no bound on that wait (only on connecting and reading). This policy, placed after the
deadline policy, bounds it by the attempt's ``connection_timeout`` (already clamped to the call's
``timeout``): aiohttp's public tracing signals ``on_connection_queued_start``/``_end`` (a trace config
added once to the transport's session) start and stop a timer of the calling task, whose expiry cancels
the wait, which then ends as ``ServiceRequestTimeoutError`` naming the pool. Transports other than
azure-core's ``AioHttpTransport`` are left alone.
"""

from __future__ import annotations

import asyncio
import contextvars
import sys
from typing import Any, Optional

from azure.core.pipeline import PipelineRequest, PipelineResponse
from azure.core.pipeline.policies import AsyncHTTPPolicy

from .._sansio.deadline import ATTEMPT_TIMEOUTS_KEY, pool_wait_bound, pool_wait_error

__all__ = ["AsyncPoolWaitPolicy"]


class _PoolWait:
    """The timer of one attempt's wait for a free connection: its expiry cancels the waiting task."""

    def __init__(self, seconds: float) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        self._seconds = seconds
        self._expires_at: Optional[float] = None
        self._timer: Optional[asyncio.TimerHandle] = None
        self.expired = False

    def queued(self) -> None:
        """The attempt waits for a connection: start the timer (a second wait gets the time left)."""
        if self._expires_at is None:
            self._expires_at = self._loop.time() + self._seconds
        if self._timer is None and self._task is not None:
            self._timer = self._loop.call_at(self._expires_at, self._expire)

    def dequeued(self) -> None:
        """The attempt got its connection (or stopped waiting): stop the timer."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        self._timer = None
        self.expired = True
        if self._task is not None:
            self._task.cancel()

    def uncancel(self) -> bool:
        """Withdraw the timer's cancellation; return whether another one is pending (then re-raise it)."""
        uncancel = getattr(self._task, "uncancel", None)  # Python 3.11+
        return bool(uncancel is not None and uncancel() > 0)


_CURRENT_WAIT: contextvars.ContextVar[Optional[_PoolWait]] = contextvars.ContextVar(
    "azure_ai_inference_pool_wait", default=None
)
_TRACE_CONFIG: Any = None  # the one aiohttp.TraceConfig, made when first needed (aiohttp is optional)


async def _on_queued_start(*_: Any) -> None:
    wait = _CURRENT_WAIT.get()
    if wait is not None:
        wait.queued()


async def _on_queued_end(*_: Any) -> None:
    wait = _CURRENT_WAIT.get()
    if wait is not None:
        wait.dequeued()


def _trace_config(aiohttp: Any) -> Any:
    global _TRACE_CONFIG  # pylint: disable=global-statement
    if _TRACE_CONFIG is None:
        config = aiohttp.TraceConfig()
        config.on_connection_queued_start.append(_on_queued_start)
        config.on_connection_queued_end.append(_on_queued_end)
        config.freeze()
        _TRACE_CONFIG = config
    return _TRACE_CONFIG


async def _watched_session(transport: Any) -> Any:
    """The transport's aiohttp session, opened and with the trace config; None for other transports."""
    aiohttp = sys.modules.get("aiohttp")
    if aiohttp is None:
        return None  # no aiohttp imported: the transport is not azure-core's aiohttp one
    from azure.core.pipeline.transport import AioHttpTransport  # pylint: disable=import-outside-toplevel

    if not isinstance(transport, AioHttpTransport):
        return None
    await transport.open()  # as its send() does first: creates the session of a transport that owns it
    session = transport.session
    configs = getattr(session, "trace_configs", None)
    if not isinstance(configs, list):
        return None
    config = _trace_config(aiohttp)
    if config not in configs:
        configs.append(config)
    return session


class AsyncPoolWaitPolicy(AsyncHTTPPolicy):  # type: ignore[type-arg]
    """Bounds an attempt's wait for a free connection of aiohttp's pool (see the module docstring)."""

    async def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        """Send the request; a wait for a connection longer than ``connection_timeout`` ends the attempt.

        :param request: The request.
        :type request: ~azure.core.pipeline.PipelineRequest
        :return: The response.
        :rtype: ~azure.core.pipeline.PipelineResponse
        :raises ~azure.core.exceptions.ServiceRequestTimeoutError: When no connection became free in time.
        """
        transport: Any = request.context.transport
        session = await _watched_session(transport)
        if session is None:
            return await self.next.send(request)
        configured = request.context.options.get("connection_timeout", transport.connection_config.timeout)
        seconds, bound = pool_wait_bound(request.context.get(ATTEMPT_TIMEOUTS_KEY), configured)
        if seconds is None:
            return await self.next.send(request)
        wait = _PoolWait(seconds)
        token = _CURRENT_WAIT.set(wait)
        try:
            return await self.next.send(request)
        except asyncio.CancelledError:
            if not wait.expired or wait.uncancel():
                raise
            raise pool_wait_error(bound, getattr(session.connector, "limit", None)) from None
        finally:
            wait.dequeued()
            _CURRENT_WAIT.reset(token)
