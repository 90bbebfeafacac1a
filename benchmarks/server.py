"""The benchmark server: a tiny HTTP/1.1 server on 127.0.0.1 with keep-alive and chunked SSE.

It answers every request with a response prepared once at start-up, chosen by the first path segment
(``/chat/...``, ``/stream/...``, ``/e1/...``; see ``responses.ROUTES``), so that its per-request work
is a header scan and one ``write``. Run it as ``python -m benchmarks.server``: it prints its port on
the first line of stdout and stops when its stdin closes or after ``--max-seconds``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
from typing import Dict, List, Optional

from . import responses

__all__ = ["build_responses", "main"]

_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nNOT FOUND"
_CONTENT_LENGTH = b"\r\ncontent-length:"


def _json_response(body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


def _chunked_sse_response(events: List[bytes]) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunks = [b"%x\r\n%s\r\n" % (len(event), event) for event in events]
    return head + b"".join(chunks) + b"0\r\n\r\n"


def build_responses() -> Dict[bytes, bytes]:
    """Build every route's complete HTTP response (status line, headers and body).

    :return: Route name (bytes) -> response bytes.
    :rtype: dict[bytes, bytes]
    """
    built = {}
    for route, kind in responses.ROUTES.items():
        if kind == "json":
            built[route.encode()] = _json_response(responses.json_body(route))
        else:
            built[route.encode()] = _chunked_sse_response(responses.sse_events(route))
    return built


def _content_length(head: bytes) -> int:
    start = head.lower().find(_CONTENT_LENGTH)
    if start < 0:
        return 0
    end = head.find(b"\r\n", start + 2)
    return int(head[start + len(_CONTENT_LENGTH) : end if end >= 0 else None])


def _route_of(head: bytes) -> bytes:
    target = head.split(b" ", 2)[1]
    return target.split(b"/", 2)[1].split(b"?", 1)[0]


class _Connection(asyncio.Protocol):
    """One keep-alive connection: parse request heads, skip bodies, write the prepared response."""

    def __init__(self, prepared: Dict[bytes, bytes]) -> None:
        self._prepared = prepared
        self._buffer = b""
        self._transport: Optional[asyncio.Transport] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while self._answer_one():
            pass

    def _answer_one(self) -> bool:
        head_end = self._buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return False
        head = self._buffer[:head_end]
        request_end = head_end + 4 + _content_length(head)
        if len(self._buffer) < request_end:
            return False
        self._buffer = self._buffer[request_end:]
        assert self._transport is not None
        self._transport.write(self._prepared.get(_route_of(head), _NOT_FOUND))
        return True


async def _serve(max_seconds: float) -> None:
    loop = asyncio.get_running_loop()
    prepared = build_responses()
    server = await loop.create_server(lambda: _Connection(prepared), "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    stop = asyncio.Event()
    threading.Thread(target=_wait_for_stdin_eof, args=(loop, stop), daemon=True).start()
    print(port, flush=True)
    async with server:
        try:
            await asyncio.wait_for(stop.wait(), timeout=max_seconds)
        except asyncio.TimeoutError:
            print("benchmark server: --max-seconds reached, stopping", file=sys.stderr)


def _wait_for_stdin_eof(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    sys.stdin.read()
    loop.call_soon_threadsafe(stop.set)


def main(argv: Optional[List[str]] = None) -> None:
    """Serve until stdin closes (the benchmark runner holds it open) or ``--max-seconds`` pass.

    :param argv: Command-line arguments.
    :type argv: list[str] or None
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-seconds", type=float, default=1800.0)
    asyncio.run(_serve(parser.parse_args(argv).max_seconds))


if __name__ == "__main__":
    main()
