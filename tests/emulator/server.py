"""The emulator: a threaded HTTP/1.1 server on 127.0.0.1 with a recorder and scripted replies."""

from __future__ import annotations

import itertools
import selectors
import socket
import socketserver
import threading
from http.server import ThreadingHTTPServer
from types import TracebackType
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple, Type

from .handler import EmulatorRequestHandler
from .recorder import RecordedRequest, Recorder
from .script import Reply, ScriptQueue
from .service import EmulatedService, ServiceSettings

_JOIN_TIMEOUT = 10.0


class EmulatorHTTPServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` that tracks its connections and threads so that ``close_all`` can end them.

    The accept loop (``serve_until_closed``) waits on the listening socket and a wake-up socket pair,
    so stopping needs no polling interval.
    """

    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024  # listen backlog: bursts of concurrent connects (aiohttp opens up to 100 at once)

    def __init__(self, address: Tuple[str, int], emulator: Emulator) -> None:
        self.emulator = emulator
        self._lock = threading.Lock()
        self._connections: Dict[socket.socket, int] = {}
        self._connection_threads: Set[threading.Thread] = set()
        self._numbers = itertools.count(1)
        self._stall_release = threading.Event()
        self._closing = False
        self._wake_reader, self._wake_writer = socket.socketpair()
        try:
            super().__init__(address, EmulatorRequestHandler)
        except BaseException:
            self._close_wake_sockets()
            raise

    def server_bind(self) -> None:
        """Bind without the base class's reverse DNS lookup (``getfqdn``), which can be slow."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def emulator_reply(self, request: RecordedRequest) -> Reply:
        """Record ``request`` and return the reply chosen by the emulator."""
        return self.emulator._reply_for(request)  # noqa: SLF001 - the server is the emulator's part

    def serve_until_closed(self) -> None:
        """Accept connections until ``close_all`` (each served on its own daemon thread)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while not any(key.fileobj is self._wake_reader for key, _ in selector.select()):
                self._accept_one()

    def _accept_one(self) -> None:
        try:
            connection, address = self.get_request()
        except OSError:
            return
        with self._lock:
            if self._closing:
                connection.close()
                return
            self._connections[connection] = next(self._numbers)
            thread = threading.Thread(target=self._serve_connection, args=(connection, address), daemon=True)
            self._connection_threads.add(thread)
        thread.start()

    def _serve_connection(self, connection: socket.socket, address: Any) -> None:
        try:
            self.process_request_thread(connection, address)
        finally:
            with self._lock:
                self._connection_threads.discard(threading.current_thread())

    def connection_number(self, connection: socket.socket) -> int:
        """The 1-based number of an accepted connection (0 when no longer tracked)."""
        with self._lock:
            return self._connections.get(connection, 0)

    def shutdown_request(self, request: Any) -> None:
        """Close a finished connection and stop tracking it."""
        with self._lock:
            self._connections.pop(request, None)
        super().shutdown_request(request)

    def record_error(self, error: BaseException) -> None:
        """Keep an unexpected handler failure for ``Emulator.errors`` (ignored while closing)."""
        if not self._closing:
            self.emulator._errors.append(error)  # noqa: SLF001 - the server is the emulator's part

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Silenced: a client vanishing or ``close_all`` ending a connection is not an error here."""

    def stall_release(self) -> threading.Event:
        """The event the next ``release_stalls`` sets: take it before the client can see a stalled reply's
        first part, so that a release made as soon as the client saw it is not missed."""
        with self._lock:
            return self._stall_release

    def wait_for_stall_release(self, release: Optional[threading.Event] = None) -> bool:
        """Block a stalled reply until ``release_stalls`` (the one that sets ``release``, by default the
        next one) or ``close_all``; ``False`` when closing."""
        (release or self.stall_release()).wait()
        return not self._closing

    def release_stalls(self) -> None:
        """Let every currently stalled reply continue; later stalls wait again."""
        with self._lock:
            release, self._stall_release = self._stall_release, threading.Event()
        release.set()

    def close_all(self) -> None:
        """Stop accepting, close the listening socket and every connection, join every thread."""
        with self._lock:
            self._closing = True
            connections, self._connections = list(self._connections), {}
            release = self._stall_release
        self._wake_writer.send(b"\0")
        release.set()
        for connection in connections:
            _shut_down(connection)

    def join_threads(self, threads: Iterable[threading.Thread]) -> None:
        """Join the accept thread and every connection thread, then close the remaining sockets."""
        with self._lock:
            pending: List[threading.Thread] = [*threads, *self._connection_threads]
        for thread in pending:
            thread.join(_JOIN_TIMEOUT)
        self.server_close()
        self._close_wake_sockets()

    def _close_wake_sockets(self) -> None:
        self._wake_reader.close()
        self._wake_writer.close()


def _shut_down(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class Emulator:
    """The local service emulator (see ``tests/emulator/README.md``).

    :param api_key: The accepted key (``api-key`` header or ``Authorization: Bearer``); ``None``
        disables authentication.
    :param model_type: ``model_type`` answered by ``GET /info`` (overridable by a ``/mt/<type>`` prefix).
    :param model_name: ``model_name`` of ``/info`` and the default ``model`` of responses.
    :param accepted_tokens: More bearer tokens to accept (e.g. Entra ID test tokens).
    :param model_provider_name: ``model_provider_name`` of ``/info``.
    :param host: Interface to bind (127.0.0.1 by default).
    :param port: Port to bind (0: any free port).
    """

    def __init__(
        self,
        api_key: Optional[str] = "emulator-key",
        model_type: str = "chat-completion",
        model_name: str = "emulator-model",
        *,
        accepted_tokens: Iterable[str] = (),
        model_provider_name: str = "Emulator",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        settings = ServiceSettings(api_key, frozenset(accepted_tokens), model_name, model_type, model_provider_name)
        self.service = EmulatedService(settings)
        self._address = (host, port)
        self._recorder = Recorder()
        self._script = ScriptQueue()
        self._lock = threading.Lock()
        self._server: Optional[EmulatorHTTPServer] = None
        self._thread: Optional[threading.Thread] = None
        self._stopped = False
        self._errors: List[BaseException] = []

    def start(self) -> Emulator:
        """Bind and listen (before the serving thread starts: no start-up race); idempotent."""
        with self._lock:
            if self._server is not None:
                return self
            if self._stopped:
                raise RuntimeError("a stopped Emulator cannot be restarted; create a new one")
            self._server = EmulatorHTTPServer(self._address, self)
            self._thread = threading.Thread(
                target=self._server.serve_until_closed, name=f"emulator-{self.port}", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close every connection (stalled and keep-alive ones too), join all threads; idempotent."""
        with self._lock:
            server, thread, self._stopped = self._server, self._thread, True
            self._server = self._thread = None
        if server is not None:
            server.close_all()
            server.join_threads([thread] if thread is not None else [])

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self, kind: Optional[Type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (after ``start``)."""
        return int(self._running_server().server_address[1])

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:43125`` (after ``start``)."""
        return f"http://{self._running_server().server_name}:{self.port}"

    @property
    def requests(self) -> List[RecordedRequest]:
        """A snapshot of every request received, in arrival order."""
        return self._recorder.snapshot()

    @property
    def last_request(self) -> RecordedRequest:
        """The most recent request; ``AssertionError`` if none was received."""
        return self._recorder.last()

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> None:
        """Block until at least ``count`` requests have been received (an event, not a polling loop);
        ``AssertionError`` after ``timeout`` seconds."""
        if not self._recorder.wait_for(count, timeout):
            raise AssertionError(f"the emulator received {len(self.requests)} requests, not {count}, in {timeout} s")

    def clear(self) -> None:
        """Forget the recorded requests, the pending scripted replies and the recorded ``errors``."""
        self._recorder.clear()
        self._script.clear()
        self._errors.clear()

    def script(self, *replies: Reply, path: Optional[str] = None) -> None:
        """Queue ``replies``: each next request (whose path ends with ``path``, if given) gets the next one
        instead of the emulated service's answer. When none applies, the emulated service answers."""
        self._script.add(replies, path)

    @property
    def pending_replies(self) -> int:
        """How many scripted replies are still queued."""
        return len(self._script)

    @property
    def errors(self) -> List[BaseException]:
        """Unexpected failures while serving (e.g. a scripted reply that could not be sent); empty normally."""
        return list(self._errors)

    def release_stalls(self) -> None:
        """Let replies stalled by ``Fault.STALL_BODY`` send the rest of their body."""
        if self._server is not None:
            self._server.release_stalls()

    def _reply_for(self, request: RecordedRequest) -> Reply:
        self._recorder.append(request)
        scripted = self._script.take(request.path)
        return scripted if scripted is not None else self.service.respond(request)

    def _running_server(self) -> EmulatorHTTPServer:
        server = self._server
        if server is None:
            raise RuntimeError("the Emulator is not running; call start() first")
        return server
