"""A raw-socket HTTP/1.1 client that keeps chunk boundaries and reports how a response ended."""

from __future__ import annotations

import select
import socket
from dataclasses import dataclass, field
from types import TracebackType
from typing import Callable, List, Optional, Tuple, Type

TIMEOUT = 10.0


@dataclass
class RawResponse:
    """What arrived: status line, header pairs, body pieces (HTTP chunks, or one piece), and the ending."""

    status: int = 0
    reason: str = ""
    headers: List[Tuple[str, str]] = field(default_factory=list)
    chunks: List[bytes] = field(default_factory=list)
    complete: bool = False
    error: Optional[BaseException] = None

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    def header(self, name: str) -> Optional[str]:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


def request_bytes(method: str, target: str, body: bytes = b"", headers: Tuple[Tuple[str, str], ...] = ()) -> bytes:
    """An HTTP/1.1 request with ``Content-Length`` (and the emulator key)."""
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "api-key: emulator-key"]
    lines += [f"{name}: {value}" for name, value in headers] + [f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class RawConnection:
    """One TCP connection to the emulator; responses are parsed by hand, errors recorded not raised."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.stream = self.sock.makefile("rb", buffering=0)  # unbuffered: select() sees all pending data

    def __enter__(self) -> RawConnection:
        return self

    def __exit__(
        self, kind: Optional[Type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        self.close()

    def close(self) -> None:
        self.stream.close()
        self.sock.close()

    def send(self, method: str, target: str, body: bytes = b"", headers: Tuple[Tuple[str, str], ...] = ()) -> None:
        self.sock.sendall(request_bytes(method, target, body, headers))

    def read_response(self, *, max_chunks: Optional[int] = None, with_body: bool = True) -> RawResponse:
        """Read a response (stopping after ``max_chunks`` chunks of a chunked body, if given)."""
        response = RawResponse()
        self._guarded(response, lambda: self._read_head(response))
        if response.error is None and with_body:
            self.read_more(response, max_chunks=max_chunks)
        return response

    def read_more(self, response: RawResponse, *, max_chunks: Optional[int] = None) -> None:
        """Continue reading the body of ``response``."""
        self._guarded(response, lambda: self._read_body(response, max_chunks))

    def readable_within(self, wait: float) -> bool:
        """Whether more data (or EOF) is available within ``wait`` seconds."""
        readable, _, _ = select.select([self.sock], [], [], wait)
        return bool(readable)

    def _guarded(self, response: RawResponse, action: Callable[[], None]) -> None:
        try:
            action()
        except (ConnectionError, OSError) as error:
            response.error = error

    def _read_head(self, response: RawResponse) -> None:
        status_line = self.stream.readline()
        if not status_line:
            raise ConnectionAbortedError("connection closed before the status line")
        _, status, reason = status_line.decode("latin-1").rstrip("\r\n").split(" ", 2)
        response.status, response.reason = int(status), reason
        while True:
            line = self.stream.readline().decode("latin-1").rstrip("\r\n")
            if not line:
                return
            name, _, value = line.partition(":")
            response.headers.append((name, value.strip()))

    def _read_body(self, response: RawResponse, max_chunks: Optional[int]) -> None:
        if (response.header("transfer-encoding") or "").lower() == "chunked":
            self._read_chunks(response, max_chunks)
            return
        expected = int(response.header("content-length") or 0)
        response.chunks.append(b"")
        response.complete = self._read_exact(expected, response) == expected

    def _read_chunks(self, response: RawResponse, max_chunks: Optional[int]) -> None:
        target = None if max_chunks is None else len(response.chunks) + max_chunks
        while target is None or len(response.chunks) < target:
            size_line = self.stream.readline()
            if not size_line:
                return
            size = int(size_line.strip(), 16)
            if size == 0:
                response.complete = self.stream.readline() == b"\r\n"
                return
            response.chunks.append(b"")
            if self._read_exact(size, response) < size:
                return
            self.stream.readline()

    def _read_exact(self, size: int, response: RawResponse) -> int:
        """Read up to ``size`` bytes into the last chunk of ``response`` (kept if an error interrupts)."""
        while len(response.chunks[-1]) < size:
            piece = self.stream.read(size - len(response.chunks[-1]))
            if not piece:
                break
            response.chunks[-1] += piece
        return len(response.chunks[-1])
