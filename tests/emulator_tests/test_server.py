"""Lifecycle, keep-alive and clean shutdown of the emulator's HTTP server."""

from __future__ import annotations

import http.client
import socket
import threading
import time

import pytest

from tests.emulator import Emulator, Fault, Reply

from .conftest import JsonClient, chat_target, user
from .rawhttp import RawConnection


def test_start_binds_loopback_port_before_returning():
    with Emulator() as emulator:
        with RawConnection(emulator.port) as connection:
            connection.send("GET", "/info?api-version=1")
            assert connection.read_response().status == 200
        assert emulator.url == f"http://127.0.0.1:{emulator.port}"
        assert emulator.port > 0


def test_start_and_stop_are_idempotent():
    emulator = Emulator()
    assert emulator.start() is emulator
    port = emulator.port
    emulator.start()
    assert emulator.port == port
    emulator.stop()
    emulator.stop()
    with pytest.raises(RuntimeError, match="not running"):
        _ = emulator.url


def test_stopped_emulator_refuses_restart():
    emulator = Emulator()
    emulator.start()
    emulator.stop()
    with pytest.raises(RuntimeError, match="cannot be restarted"):
        emulator.start()


def test_stop_before_start_does_nothing():
    emulator = Emulator()
    emulator.stop()
    with pytest.raises(RuntimeError, match="not running"):
        _ = emulator.port


def test_keep_alive_serves_two_requests_on_one_connection(emu, client):
    first = client.post(chat_target(), {"messages": [user("hi")]})
    socket_after_first = client.connection.sock
    second = client.post(chat_target(), {"messages": [user("hello")]})
    assert first[0] == second[0] == 200
    assert client.connection.sock is socket_after_first
    assert [request.connection for request in emu.requests] == [1, 1]


def test_connection_close_request_gets_connection_close_header(emu):
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/info?api-version=1", headers=(("Connection", "close"),))
        response = connection.read_response()
        assert response.header("connection") == "close"
        assert connection.stream.read(1) == b""


def test_separate_connections_are_numbered_in_accept_order(emu):
    for _ in range(2):
        with RawConnection(emu.port) as connection:
            connection.send("GET", "/info?api-version=1")
            assert connection.read_response().status == 200
    assert [request.connection for request in emu.requests] == [1, 2]


def test_head_request_gets_headers_without_body(emu):
    with RawConnection(emu.port) as connection:
        connection.send("HEAD", "/info?api-version=1")
        response = connection.read_response(with_body=False)
        assert response.status == 405
        assert int(response.header("content-length") or 0) > 0
        assert response.header("allow") == "GET"
        assert not connection.readable_within(0.1)


def test_chunked_request_body_is_recorded_whole(emu):
    with RawConnection(emu.port) as connection:
        head = "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        connection.sock.sendall(head.encode() + b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
        assert connection.read_response().status == 401
    assert emu.last_request.body == b"abcde"


def test_stop_closes_idle_keep_alive_connections(emu):
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/info?api-version=1")
        assert connection.read_response().status == 200
        emu.stop()
        assert connection.stream.read(1) == b""


def test_stop_returns_promptly_with_a_stalled_stream_open():
    threads_before = set(threading.enumerate())
    emulator = Emulator().start()
    emulator.script(Reply.sse([{"n": 1}, {"n": 2}], fault=Fault.STALL_BODY))
    with RawConnection(emulator.port) as connection:
        connection.send("POST", chat_target(), b"{}")
        response = connection.read_response(max_chunks=1)
        assert response.chunks == [b'data: {"n": 1}\n\n']
        started = time.monotonic()
        emulator.stop()
        assert time.monotonic() - started < 2.0
        connection.read_more(response)
        assert response.complete is False
    assert set(threading.enumerate()) == threads_before


def test_stop_leaves_no_threads_after_many_connections():
    threads_before = set(threading.enumerate())
    with Emulator() as emulator:
        clients = [http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=10) for _ in range(5)]
        for json_client in clients:
            json_client.request("GET", "/info?api-version=1", headers={"api-key": "emulator-key"})
            assert json_client.getresponse().read().startswith(b'{"model_name"')
        for json_client in clients:
            json_client.close()
    assert set(threading.enumerate()) == threads_before


def test_many_sequential_requests_are_fast(emu, client):
    started = time.monotonic()
    for _ in range(300):
        status, _ = client.post(chat_target(), {"messages": [user("What is the capital of France?")]})
        assert status == 200
    assert time.monotonic() - started < 10.0
    assert len(emu.requests) == 300


def test_request_with_truncated_body_is_not_recorded():
    emulator = Emulator().start()
    with RawConnection(emulator.port) as connection:
        connection.sock.sendall(b"POST /chat/completions HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc")
        connection.sock.shutdown(socket.SHUT_WR)
        assert connection.stream.read(1) == b""
    emulator.stop()
    assert emulator.requests == []


def test_burst_of_concurrent_connections_is_accepted(emu):
    connections = [RawConnection(emu.port) for _ in range(100)]
    try:
        for connection in connections:
            connection.send("GET", "/info?api-version=1")
        statuses = {connection.read_response().status for connection in connections}
    finally:
        for connection in connections:
            connection.close()
    assert statuses == {200}
    assert len({request.connection for request in emu.requests}) == 100
