"""What a client's ``close()`` must reach: whether it was closed, and the streams it handed out.

azure-core's transports close idle connections on ``close()``; a connection in use by a stream stays
open (requests), and a read on it waits for data that may never come. Closing the client therefore
tells each stream still open (which then ends a read in progress, and bounds later reads: B17.3 keeps
the stream itself open), shuts down the sockets of sync calls still waiting for their response headers
(registered by the connections of ``_connections.py``), and the retry policy allows no retry once the
client is closed (the retry would only meet a closed transport).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from typing import Any, Optional, TypeVar

__all__ = ["AwaitingHeaders", "ClientLifetime"]

_StreamT = TypeVar("_StreamT")


class AwaitingHeaders:
    """The connections of one client that are waiting for response headers (held weakly)."""

    def __init__(self) -> None:
        self._connections: weakref.WeakSet[Any] = weakref.WeakSet()
        self._lock = threading.Lock()  # calls in many threads add and discard while close() looks
        self._interrupted = False

    def add(self, connection: Any) -> None:
        """Remember a connection that starts waiting for its response headers.

        :param connection: The urllib3 connection.
        :type connection: ~urllib3.connection.HTTPConnection
        """
        with self._lock:
            self._connections.add(connection)
            interrupted = self._interrupted
        if interrupted:  # close() ran after the request was sent but before this wait began
            _shut_down(connection)

    def discard(self, connection: Any) -> None:
        """Forget a connection whose wait for headers is over.

        :param connection: The urllib3 connection.
        :type connection: ~urllib3.connection.HTTPConnection
        """
        with self._lock:
            self._connections.discard(connection)

    def interrupt(self) -> None:
        """Shut down the socket of every connection still waiting: the blocked read fails at once."""
        with self._lock:
            self._interrupted = True
            waiting = list(self._connections)
        for connection in waiting:
            _shut_down(connection)


def _shut_down(connection: Any) -> None:
    """Shut down a urllib3 connection's socket, so that a blocked read on it fails at once."""
    sock: Optional[socket.socket] = getattr(connection, "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class ClientLifetime:
    """The closed flag of one client and the streams it handed out (held weakly)."""

    def __init__(self) -> None:
        self.closed = False
        self._streams: weakref.WeakSet[Any] = weakref.WeakSet()
        self.awaiting_headers = AwaitingHeaders()

    def tracked(self, stream: _StreamT) -> _StreamT:
        """Remember a stream, to tell it if the client is closed first; returns it.

        :param stream: A ``StreamingChatCompletions`` or ``AsyncStreamingChatCompletions``.
        :type stream: any
        :return: ``stream``.
        :rtype: any
        """
        self._streams.add(stream)
        return stream

    def close(self) -> None:
        """Mark the client closed and tell every stream it handed out."""
        self.closed = True
        for stream in list(self._streams):
            stream._client_closed()  # pylint: disable=protected-access
        self.awaiting_headers.interrupt()
