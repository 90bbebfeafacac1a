"""The per-connection HTTP/1.1 handler: read a request, record it, write the chosen :class:`Reply`."""

from __future__ import annotations

import socket
import struct
import time
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

from .recorder import RecordedRequest
from .script import Fault, Reply

if TYPE_CHECKING:
    from .server import EmulatorHTTPServer

_MID_BODY_FAULTS = (Fault.RESET_MID_BODY, Fault.STALL_BODY, Fault.CLOSE_MID_BODY)
_CHUNKED_END = b"0\r\n\r\n"


class EmulatorRequestHandler(BaseHTTPRequestHandler):
    """Serves requests on one keep-alive connection until the client or ``Emulator.stop()`` closes it."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: EmulatorHTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        """Silenced: the emulator logs nothing per request."""

    def do_GET(self) -> None:
        """Every method is handled the same way: record, then reply (405 comes from the routes)."""
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        headers = [(str(name), str(value)) for name, value in self.headers.items()]
        connection = self.server.connection_number(self.request)
        request = RecordedRequest.parse(self.command, self.path, headers, body, connection)
        reply = self.server.emulator_reply(request)
        self._write_reply(reply)

    def _read_body(self) -> Optional[bytes]:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._read_chunked_body()
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        if not length.strip().isdigit():
            self.send_error(400, "Invalid Content-Length")
            return None
        body = self.rfile.read(int(length))
        if len(body) < int(length):  # the client (or Emulator.stop) closed the connection mid-body
            self.close_connection = True
            return None
        return body

    def _read_chunked_body(self) -> bytes:
        parts: List[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()

    def _write_reply(self, reply: Reply) -> None:
        if reply.fault is Fault.RESET_BEFORE_RESPONSE:
            self._abort_connection()
            return
        if reply.fault is Fault.STALL_BEFORE_RESPONSE and not self.server.wait_for_stall_release():
            self.close_connection = True
            return
        head = self._head(reply)
        if reply.fault is Fault.STALL_IN_HEADERS:
            head = self._send_part_of_head(head)
            if head is None:
                return
        parts, end = self._body_parts(reply) if self.command != "HEAD" else ([], b"")
        if reply.fault in _MID_BODY_FAULTS and self.command != "HEAD":
            self._send_with_fault(reply, head, parts, end)
        elif reply.is_chunked:
            pieces = [head, *parts[:-1], parts[-1] + end] if reply.end_in_last_write and parts else [head, *parts, end]
            for piece in pieces:
                if piece is end and reply.end_delay:
                    time.sleep(reply.end_delay)  # a write pattern of real servers, not a synchronisation
                self._send(piece)  # one write per HTTP chunk (TCP_NODELAY is set)
        else:
            self._send(head + b"".join(parts))

    def _send_part_of_head(self, head: bytes) -> Optional[bytes]:
        """Send the status line and the first header, wait for the stall's release; the rest of the head
        (None when the emulator stopped instead)."""
        cut = head.index(b"\r\n", head.index(b"\r\n") + 2) + 2
        self._send(head[:cut])
        if not self.server.wait_for_stall_release():
            self.close_connection = True
            return None
        return head[cut:]

    def _head(self, reply: Reply) -> bytes:
        lines = [f"HTTP/1.1 {reply.status} {reply.phrase()}", f"Date: {self.date_time_string()}"]
        lines += [f"{name}: {value}" for name, value in reply.header_list()]
        if self.close_connection:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _body_parts(self, reply: Reply) -> Tuple[List[bytes], bytes]:
        if reply.close_delimited:
            self.close_connection = True  # the end of the body is the end of the connection
            return reply.body_chunks(), b""
        if reply.is_chunked:
            return [b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in reply.body_chunks()], _CHUNKED_END
        content = reply.content()
        if reply.fault in (None, Fault.STALL_BEFORE_RESPONSE):
            return [content], b""
        cut = len(content) // 2 if reply.fault_after_bytes is None else reply.fault_after_bytes
        return [content[:cut], content[cut:]], b""

    def _send_with_fault(self, reply: Reply, head: bytes, parts: List[bytes], end: bytes) -> None:
        sent = reply.fault_after_chunks if reply.is_chunked else 1
        release = self.server.stall_release()
        self._send(head + b"".join(parts[:sent]))
        if reply.fault is Fault.STALL_BODY and self.server.wait_for_stall_release(release):
            self._send(b"".join(parts[sent:]) + end)
        elif reply.fault is Fault.RESET_MID_BODY:
            self._abort_connection()
        else:
            self.close_connection = True

    def _send(self, data: bytes) -> None:
        if data:
            self.wfile.write(data)

    def _abort_connection(self) -> None:
        """Close with SO_LINGER 0 so that the kernel sends a TCP RST instead of a FIN."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()
        self.connection.close()

    def handle_one_request(self) -> None:
        """Like the base class, but a connection closed under us ends quietly and other failures (e.g. an
        unsendable scripted reply) are kept in ``Emulator.errors``; the connection is closed either way."""
        try:
            super().handle_one_request()
        except OSError:
            self.close_connection = True
        except Exception as error:  # noqa: BLE001 - reported through Emulator.errors
            self.close_connection = True
            self.server.record_error(error)

