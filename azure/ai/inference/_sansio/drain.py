"""How much of a stream's body is read after its end (``[DONE]``, an error) to keep the connection, no I/O.

A stream whose events are over usually has a few bytes of body left: the chunked terminator, sent by
many servers in a write of its own after ``data: [DONE]``. Closing the response before they are read
tears the connection down (the next call opens a new one: a TCP and TLS handshake). Reading them first
gives the connection back to the pool. The rest is read only within a small budget of bytes and time,
so that a server that keeps sending (or goes silent) after the end costs a closed connection, not a wait.
"""

from __future__ import annotations

import time
from typing import Callable

__all__ = ["CLOSED_CLIENT_READ_SECONDS", "DRAIN_MAX_BYTES", "DRAIN_MAX_SECONDS", "DrainBudget"]

DRAIN_MAX_BYTES = 64 * 1024
DRAIN_MAX_SECONDS = 0.25
CLOSED_CLIENT_READ_SECONDS = 1.0
"""How long a read of a stream may wait once its client is closed (the stream stays open, B17.3)."""


class DrainBudget:
    """The bytes and the time left for reading the rest of a body after the end of its stream.

    :keyword max_bytes: The most bytes to read.
    :paramtype max_bytes: int
    :keyword max_seconds: The most time to spend, from the budget's creation.
    :paramtype max_seconds: float
    :keyword clock: The monotonic clock (seconds).
    :paramtype clock: Callable[[], float]
    """

    def __init__(
        self,
        *,
        max_bytes: int = DRAIN_MAX_BYTES,
        max_seconds: float = DRAIN_MAX_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_seconds = max_seconds
        self._bytes_left = max_bytes
        self._clock = clock
        self._deadline = clock() + max_seconds

    def allows(self, chunk: bytes) -> bool:
        """Count a chunk read; whether reading may go on (False: close the connection instead).

        :param chunk: The bytes just read.
        :type chunk: bytes
        :return: True while both the bytes and the time are within the budget.
        :rtype: bool
        """
        self._bytes_left -= len(chunk)
        return self._bytes_left >= 0 and self._clock() < self._deadline

    def seconds_left(self) -> float:
        """The time left (never negative).

        :return: Seconds.
        :rtype: float
        """
        return max(0.0, self._deadline - self._clock())
