"""The request recorder: every request the emulator receives, kept for assertions."""

from __future__ import annotations

import json as _json
import threading
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class RecordedRequest:
    """One HTTP request as received.

    ``target`` is the raw request target (path and query, not decoded); ``path`` is the target without
    the query (not decoded); ``query`` holds the decoded query pairs in order (blank values kept);
    ``headers`` holds the header pairs in arrival order with their original case; ``body`` is the raw
    body; ``connection`` numbers the TCP connection the request came on (1 for the first accepted).
    """

    method: str
    target: str
    path: str
    query: List[Tuple[str, str]]
    headers: List[Tuple[str, str]]
    body: bytes
    connection: int = 0

    @classmethod
    def parse(
        cls, method: str, target: str, headers: List[Tuple[str, str]], body: bytes, connection: int = 0
    ) -> RecordedRequest:
        """Build a record from the request line parts, the header pairs and the raw body."""
        path, _, query = target.partition("?")
        pairs = parse_qsl(query, keep_blank_values=True)
        return cls(method, target, path, pairs, headers, body, connection)

    def header(self, name: str) -> Optional[str]:
        """The first value of header ``name`` (case-insensitive), or ``None``."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def query_value(self, name: str) -> Optional[str]:
        """The first value of query parameter ``name`` (case-sensitive), or ``None``."""
        return next((value for key, value in self.query if key == name), None)

    def json(self) -> Any:
        """The body parsed as JSON (object key order preserved)."""
        return _json.loads(self.body)

    def text(self) -> str:
        """The body decoded as UTF-8."""
        return self.body.decode("utf-8")


class Recorder:
    """Thread-safe, ordered list of :class:`RecordedRequest`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._requests: List[RecordedRequest] = []

    def append(self, request: RecordedRequest) -> None:
        """Record ``request`` (in arrival order)."""
        with self._lock:
            self._requests.append(request)
            self._arrived.notify_all()

    def wait_for(self, count: int, timeout: float) -> bool:
        """Block until at least ``count`` requests are recorded; False if ``timeout`` seconds pass first."""
        with self._lock:
            return self._arrived.wait_for(lambda: len(self._requests) >= count, timeout)

    def snapshot(self) -> List[RecordedRequest]:
        """A copy of the requests recorded so far."""
        with self._lock:
            return list(self._requests)

    def last(self) -> RecordedRequest:
        """The most recent request; ``AssertionError`` when none was received."""
        with self._lock:
            if not self._requests:
                raise AssertionError("the emulator has not received any request")
            return self._requests[-1]

    def clear(self) -> None:
        """Forget every recorded request."""
        with self._lock:
            self._requests.clear()
