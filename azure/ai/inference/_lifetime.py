"""What a client's ``close()`` must reach: whether it was closed, and the streams it handed out.

azure-core's transports close idle connections on ``close()``; a connection in use by a stream stays
open (requests), and a read on it waits for data that may never come. Closing the client therefore
tells each stream still open (which then ends a read in progress, and bounds later reads: B17.3 keeps
the stream itself open), and the retry policy allows no retry once the client is closed (the retry
would only meet a closed transport).
"""

from __future__ import annotations

import weakref
from typing import Any, TypeVar

__all__ = ["ClientLifetime"]

_StreamT = TypeVar("_StreamT")


class ClientLifetime:
    """The closed flag of one client and the streams it handed out (held weakly)."""

    def __init__(self) -> None:
        self.closed = False
        self._streams: weakref.WeakSet[Any] = weakref.WeakSet()

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
