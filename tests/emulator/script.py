"""Scripted replies: what the emulator sends instead of the emulated service, including faults."""

from __future__ import annotations

import enum
import functools
import http
import json as _json
import threading
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Sequence, Tuple, Union

HeaderInput = Union[Mapping[str, str], Sequence[Tuple[str, str]], None]

SSE_CONTENT_TYPE = "text/event-stream; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"


class Fault(enum.Enum):
    """A transport fault the emulator injects while sending a :class:`Reply`.

    How much is sent before the fault is set on the reply: ``fault_after_chunks`` HTTP chunks for
    ``chunks`` replies, ``fault_after_bytes`` body bytes (default: half the body) otherwise.
    """

    RESET_BEFORE_RESPONSE = "reset-before-response"
    """Read the whole request, then abort the connection (TCP RST) before any response byte."""
    STALL_BEFORE_RESPONSE = "stall-before-response"
    """Read the whole request, then send nothing (socket kept open) until ``Emulator.release_stalls()``
    (the whole reply is then sent) or ``Emulator.stop()`` (closed): a server that never answers."""
    STALL_IN_HEADERS = "stall-in-headers"
    """Read the whole request, send the status line and the first header, then nothing (socket kept
    open) until ``Emulator.release_stalls()`` (the rest is then sent) or ``Emulator.stop()`` (closed):
    slow headers."""
    RESET_MID_BODY = "reset-mid-body"
    """Send the status line, headers and part of the body, then abort the connection (TCP RST)."""
    STALL_BODY = "stall-body"
    """Send the status line, headers and part of the body, then send nothing more (socket kept open)
    until ``Emulator.release_stalls()`` (the rest is then sent) or ``Emulator.stop()`` (closed)."""
    CLOSE_MID_BODY = "close-mid-body"
    """Send the status line, headers and part of the body, then close cleanly (TCP FIN): a truncated
    body (a chunked body lacks its terminating zero-size chunk)."""


@dataclass(frozen=True)
class Reply:
    """One HTTP response to send, given by a test or produced by the emulated service.

    Exactly one of ``json`` (any JSON value except ``None``; ``json.dumps`` default separators),
    ``body`` (raw bytes, sent with ``Content-Length``) or ``chunks`` (each non-empty element sent and
    flushed as its own HTTP chunk, ``Transfer-Encoding: chunked``) may be given; none means an empty
    body. ``headers`` are added to the defaults, replacing a default of the same name (case-insensitive).

    Write patterns of a ``chunks`` reply: by default the zero-size chunk that ends the body is a write
    of its own (after the last chunk, as many servers send ``[DONE]`` and the end of the body);
    ``end_in_last_write`` sends it in the same write as the last chunk; ``end_delay`` (seconds) spaces
    the two writes, as a real server's writes are (the client has read the last chunk before the end
    of the body arrives). ``close_delimited`` sends the
    chunks as raw writes without ``Transfer-Encoding`` or ``Content-Length`` and ends the body by
    closing the connection (as some proxies send SSE).
    """

    status: int = 200
    json: Any = None
    body: Optional[bytes] = None
    chunks: Optional[Sequence[bytes]] = None
    headers: HeaderInput = None
    reason: Optional[str] = None
    fault: Optional[Fault] = None
    fault_after_chunks: int = 1
    fault_after_bytes: Optional[int] = None
    end_in_last_write: bool = False
    end_delay: float = 0.0
    close_delimited: bool = False

    def __post_init__(self) -> None:
        given = [name for name in ("json", "body", "chunks") if getattr(self, name) is not None]
        if len(given) > 1:
            raise ValueError(f"Reply takes only one of json/body/chunks, got {given}")
        if (self.end_in_last_write or self.end_delay or self.close_delimited) and self.chunks is None:
            raise ValueError("end_in_last_write, end_delay and close_delimited apply to chunks replies only")
        if self.fault is not None and not isinstance(self.fault, Fault):
            raise TypeError(f"Reply fault must be a Fault, got {self.fault!r}")

    @classmethod
    def sse(
        cls,
        events: Sequence[Any],
        *,
        done: bool = True,
        chunk_size: Optional[int] = None,
        **reply_fields: Any,
    ) -> Reply:
        """Build a Server-Sent Events reply, one HTTP chunk per event.

        Each event becomes ``data: <payload>\\n\\n``: a ``str`` is used as the payload verbatim,
        ``bytes`` are the whole event frame verbatim, anything else is ``json.dumps``-ed.
        ``done`` appends ``data: [DONE]\\n\\n``. ``chunk_size`` re-cuts the whole stream into
        chunks of that many bytes (cutting through lines and UTF-8 characters).

        :param events: The events to send, in order.
        :keyword reply_fields: Other :class:`Reply` fields (``status``, ``headers``, ``fault``, ...).
        :return: A ``chunks`` reply.
        """
        frames = [encode_sse_event(event) for event in events]
        if done:
            frames.append(b"data: [DONE]\n\n")
        if chunk_size is not None:
            frames = cut_into_chunks(b"".join(frames), chunk_size)
        return cls(chunks=frames, **reply_fields)

    @property
    def is_chunked(self) -> bool:
        """Whether the reply is sent in pieces: ``Transfer-Encoding: chunked``, or close-delimited."""
        return self.chunks is not None

    def phrase(self) -> str:
        """The HTTP reason phrase: ``reason`` or the standard phrase of ``status``."""
        if self.reason is not None:
            return self.reason
        try:
            return http.HTTPStatus(self.status).phrase
        except ValueError:
            return "Unknown"

    def content(self) -> bytes:
        """The body of a non-chunked reply."""
        return self._encoded_content

    @functools.cached_property
    def _encoded_content(self) -> bytes:
        if self.json is not None:
            return _json.dumps(self.json).encode("utf-8")
        return bytes(self.body) if self.body is not None else b""

    def body_chunks(self) -> List[bytes]:
        """The chunks of a chunked reply (empty elements dropped: they would end the body)."""
        return [bytes(chunk) for chunk in self.chunks or () if chunk]

    def header_list(self) -> List[Tuple[str, str]]:
        """The response headers: defaults for the body kind, overridden/extended by ``headers``."""
        defaults = self._default_headers()
        extra = list(self.headers.items()) if isinstance(self.headers, Mapping) else list(self.headers or ())
        overridden = {name.lower() for name, _ in extra}
        return [(n, v) for n, v in defaults if n.lower() not in overridden] + extra

    def _default_headers(self) -> List[Tuple[str, str]]:
        if self.close_delimited:
            return [("Content-Type", SSE_CONTENT_TYPE), ("Connection", "close")]
        if self.is_chunked:
            return [("Content-Type", SSE_CONTENT_TYPE), ("Transfer-Encoding", "chunked")]
        headers = [("Content-Length", str(len(self.content())))]
        if self.json is not None or self.body:
            headers.insert(0, ("Content-Type", JSON_CONTENT_TYPE))
        return headers


def encode_sse_event(event: Any) -> bytes:
    """Frame one SSE event: ``data: <payload>\\n\\n`` (see :meth:`Reply.sse`)."""
    if isinstance(event, bytes):
        return event
    payload = event if isinstance(event, str) else _json.dumps(event)
    return b"data: " + payload.encode("utf-8") + b"\n\n"


def cut_into_chunks(data: bytes, chunk_size: int) -> List[bytes]:
    """Split ``data`` into consecutive pieces of ``chunk_size`` bytes (the last may be shorter)."""
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, got {chunk_size}")
    return [data[start : start + chunk_size] for start in range(0, len(data), chunk_size)]


class ScriptQueue:
    """Thread-safe FIFO of scripted replies, each optionally limited to paths ending with a suffix."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: List[Tuple[Optional[str], Reply]] = []

    def add(self, replies: Sequence[Reply], path: Optional[str]) -> None:
        """Queue ``replies`` for requests whose path ends with ``path`` (any path if ``None``)."""
        for reply in replies:
            if not isinstance(reply, Reply):
                raise TypeError(f"script() takes Reply objects, got {reply!r}")
        with self._lock:
            self._entries.extend((path, reply) for reply in replies)

    def take(self, path: str) -> Optional[Reply]:
        """Remove and return the first queued reply that applies to ``path``, if any."""
        with self._lock:
            for position, (suffix, reply) in enumerate(self._entries):
                if suffix is None or path.endswith(suffix):
                    del self._entries[position]
                    return reply
        return None

    def clear(self) -> None:
        """Forget every queued reply."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
