"""The sync clients' default transport: azure-core's ``RequestsTransport`` on a session whose connections
the client can reach while a call waits for its response headers (sync only).

The requests transport exposes a call's socket only once the response exists, so a call waiting for
its headers could not be ended by ``close()`` from another thread: it waited for its read timeout. The
session here is the one azure-core would build (environment settings, urllib3 retries off), with an
adapter whose connection pools make connections that register themselves while they wait for headers;
``ClientLifetime.close()`` shuts those sockets down, and the call fails at once as a broken connection
(``ServiceResponseError``). A caller's own ``transport=`` or ``session=`` is used as given.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Type

import requests
from azure.core.pipeline.transport import RequestsTransport
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.util.retry import Retry

from ._lifetime import AwaitingHeaders

__all__ = ["watched_requests_transport"]

_REGISTRY_KEYWORD = "azure_ai_inference_awaiting_headers"


class _WatchedHTTPConnection(HTTPConnection):
    """A urllib3 connection that is registered in its client's ``AwaitingHeaders`` while it waits for headers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._awaiting_headers: Optional[AwaitingHeaders] = kwargs.pop(_REGISTRY_KEYWORD, None)
        super().__init__(*args, **kwargs)

    def getresponse(self) -> Any:
        """Wait for the response headers, reachable by the client's ``close()`` meanwhile.

        :return: urllib3's response.
        :rtype: ~urllib3.response.HTTPResponse
        """
        registry = self._awaiting_headers
        if registry is not None:
            registry.add(self)
        try:
            return super().getresponse()
        finally:
            if registry is not None:
                registry.discard(self)


class _WatchedHTTPSConnection(_WatchedHTTPConnection, HTTPSConnection):
    """The TLS variant of ``_WatchedHTTPConnection``."""


_WATCHED: Dict[type, Type[HTTPConnection]] = {
    HTTPConnection: _WatchedHTTPConnection,
    HTTPSConnection: _WatchedHTTPSConnection,
}


class _WatchedAdapter(requests.adapters.HTTPAdapter):
    """requests' adapter whose pools make ``_WatchedHTTPConnection`` s for one client."""

    def __init__(self, awaiting_headers: AwaitingHeaders, **kwargs: Any) -> None:
        self._awaiting_headers = awaiting_headers
        super().__init__(**kwargs)

    def get_connection_with_tls_context(self, *args: Any, **kwargs: Any) -> Any:
        """requests' method, with the pool's connections watched (see the module docstring).

        :return: The urllib3 connection pool for the request.
        :rtype: ~urllib3.connectionpool.HTTPConnectionPool
        """
        pool = super().get_connection_with_tls_context(*args, **kwargs)
        watched = _WATCHED.get(pool.ConnectionCls)
        if watched is not None:  # a pool with a connection class of its own is left alone
            pool.ConnectionCls = watched
            pool.conn_kw[_REGISTRY_KEYWORD] = self._awaiting_headers
        return pool


def watched_requests_transport(awaiting_headers: AwaitingHeaders, **kwargs: Any) -> RequestsTransport:
    """Return the transport azure-core would build from ``kwargs``, with watched connections.

    :param awaiting_headers: The client's registry of connections waiting for headers.
    :type awaiting_headers: AwaitingHeaders
    :return: A ``RequestsTransport`` owning its session.
    :rtype: ~azure.core.pipeline.transport.RequestsTransport
    """
    session = requests.Session()
    session.trust_env = kwargs.get("use_env_settings", True)
    adapter = _WatchedAdapter(awaiting_headers, max_retries=Retry(total=False, redirect=False, raise_on_status=False))
    for prefix in ("http://", "https://"):
        session.mount(prefix, adapter)
    return RequestsTransport(**kwargs, session=session, session_owner=True)
