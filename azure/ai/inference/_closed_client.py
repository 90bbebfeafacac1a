"""No retry after a client is closed, whatever the retry policy.

Once ``close()`` broke a call's connection, what the transport raises is not always an ``AzureError``:
aiohttp retries a ``GET`` on its closed session by itself and fails an assertion. A policy right after
the retry policy turns whatever an attempt raises once the client is closed (and any attempt started
after it, in a call started before it) into an ``AzureError`` noting the close, chained to the cause. The clients' own retry policy
asks the ``ClientLifetime`` before a retry; a caller's ``retry_policy`` (azure-core's ``RetryPolicy``,
say) does not, and would retry into the closed transport (``ValueError``). For such a policy the error
is wrapped in a carrier that is not an ``AzureError``, which retry policies let through, and a second
policy right before the retry policy raises the ``AzureError`` it carries.
"""

from __future__ import annotations

from typing import Any, NoReturn, Tuple

from azure.core.exceptions import AzureError, ServiceRequestError
from azure.core.pipeline import PipelineRequest, PipelineResponse
from azure.core.pipeline.policies import AsyncHTTPPolicy, HTTPPolicy

from ._lifetime import ClientLifetime
from ._sansio.notes import add_notes

__all__ = ["CLOSED_CLIENT_NOTE", "closed_client_error", "closed_client_policies"]

_STARTED_CLOSED_KEY = "azure.ai.inference.started_after_close"
CLOSED_CLIENT_NOTE = "The client was closed (close()) while this call was in flight; it was not retried."


def closed_client_error(error: AzureError) -> AzureError:
    """Note on ``error`` that the client was closed; chain it to the transport's error if not chained yet.

    :param error: The error of a call whose client was closed.
    :type error: ~azure.core.exceptions.AzureError
    :return: ``error``.
    :rtype: ~azure.core.exceptions.AzureError
    """
    if error.__cause__ is None and isinstance(error.inner_exception, BaseException):
        error.__cause__ = error.inner_exception  # the transport's broken connection, as aiohttp's is
    if CLOSED_CLIENT_NOTE not in getattr(error, "__notes__", ()):
        add_notes(error, [CLOSED_CLIENT_NOTE])
    return error


class _NotRetried(Exception):
    """Carries an ``AzureError`` past a retry policy (which retries ``AzureError`` s only)."""

    def __init__(self, error: AzureError) -> None:
        super().__init__(str(error))
        self.error = error


class _GuardRules:
    """What the guard raises once its client is closed."""

    def __init__(self, lifetime: ClientLifetime, *, carry: bool) -> None:
        super().__init__()
        self._lifetime = lifetime
        self._carry = carry

    def _guards(self, request: PipelineRequest[Any]) -> bool:
        """Whether this attempt is guarded: its call started before the close (a call started after it
        meets azure-core's closed transport: ``ValueError``, B17.2). Raises for a retry after the close."""
        if request.context.setdefault(_STARTED_CLOSED_KEY, self._lifetime.closed):
            return False
        if self._lifetime.closed:
            self._raise(ServiceRequestError("The client was closed: the call's next attempt was not sent."))
        return True

    def _closed(self, error: Exception) -> None:
        """Raise the error for ``error`` if the client is closed (else return, to re-raise ``error``)."""
        if not self._lifetime.closed:
            return
        if isinstance(error, AzureError):
            self._raise(error)
        message = f"The client was closed while this call was in flight ({type(error).__name__})."
        self._raise(ServiceRequestError(message, error=error))

    def _raise(self, error: AzureError) -> NoReturn:
        closed_client_error(error)
        if self._carry:
            raise _NotRetried(error)
        raise error


class _Guard(_GuardRules, HTTPPolicy):  # type: ignore[type-arg]
    """Right after the retry policy: an error once the client is closed becomes an ``AzureError`` (carried
    past a caller's retry policy)."""

    def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        if not self._guards(request):
            return self.next.send(request)
        try:
            return self.next.send(request)
        except Exception as error:  # pylint: disable=broad-except
            self._closed(error)
            raise


class _Unwrap(HTTPPolicy):  # type: ignore[type-arg]
    """Right before a caller's retry policy: raises the ``AzureError`` that ``_Guard`` carried."""

    def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        try:
            return self.next.send(request)
        except _NotRetried as carrier:
            raise carrier.error from carrier.error.__cause__


class _AsyncGuard(_GuardRules, AsyncHTTPPolicy):  # type: ignore[type-arg]
    """Async ``_Guard``."""

    async def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        if not self._guards(request):
            return await self.next.send(request)
        try:
            return await self.next.send(request)
        except Exception as error:  # pylint: disable=broad-except
            self._closed(error)
            raise


class _AsyncUnwrap(AsyncHTTPPolicy):  # type: ignore[type-arg]
    """Async ``_Unwrap``."""

    async def send(self, request: PipelineRequest[Any]) -> PipelineResponse[Any, Any]:
        try:
            return await self.next.send(request)
        except _NotRetried as carrier:
            raise carrier.error from carrier.error.__cause__


def closed_client_policies(lifetime: ClientLifetime, *, is_async: bool, caller_retry_policy: bool) -> Tuple[Any, Any]:
    """Return the policies to put before and after the retry policy (see the module docstring).

    :param lifetime: The client's lifetime.
    :type lifetime: ClientLifetime
    :keyword bool is_async: Whether the pipeline is async.
    :keyword bool caller_retry_policy: Whether the retry policy is a caller's (else the clients' own, which
     never retries once the client is closed: no carrier, no policy before it).
    :return: The policy before the retry policy (or None) and the one after it.
    :rtype: tuple
    """
    guard = (_AsyncGuard if is_async else _Guard)(lifetime, carry=caller_retry_policy)
    if not caller_retry_policy:
        return None, guard
    return (_AsyncUnwrap() if is_async else _Unwrap()), guard
