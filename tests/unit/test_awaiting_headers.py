"""``AwaitingHeaders``: ``close()`` shuts down the sockets of sync calls waiting for response headers,
including a call that starts its wait just after ``close()`` ran (the request already sent)."""

from __future__ import annotations

import socket
from typing import Iterator, Tuple

import pytest

from azure.ai.inference._lifetime import AwaitingHeaders


class Connection:
    """What ``AwaitingHeaders`` reads of a urllib3 connection: its socket (and a weak reference)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock


@pytest.fixture
def pair() -> Iterator[Tuple[socket.socket, socket.socket]]:
    client, server = socket.socketpair()
    client.settimeout(5)
    yield client, server
    client.close()
    server.close()


def test_interrupt_shuts_down_a_waiting_connection(pair: Tuple[socket.socket, socket.socket]) -> None:
    client, _ = pair
    registry = AwaitingHeaders()
    connection = Connection(client)  # held by the call while it waits (the registry holds it weakly)
    registry.add(connection)
    registry.interrupt()
    assert client.recv(1) == b""  # the blocked read of the headers ends at once


def test_a_wait_that_begins_after_interrupt_is_shut_down_at_once(pair: Tuple[socket.socket, socket.socket]) -> None:
    client, _ = pair
    registry = AwaitingHeaders()
    registry.interrupt()
    registry.add(Connection(client))  # the request was sent before close(), the wait starts after
    assert client.recv(1) == b""


def test_a_discarded_connection_is_left_alone(pair: Tuple[socket.socket, socket.socket]) -> None:
    client, server = pair
    registry = AwaitingHeaders()
    connection = Connection(client)
    registry.add(connection)
    registry.discard(connection)
    registry.interrupt()
    server.sendall(b"x")
    assert client.recv(1) == b"x"
