"""The emulator's ``Fault.STALL_BEFORE_RESPONSE``: a server that reads the request and never answers."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.emulator import Emulator, Fault, Reply
from tests.emulator_tests.rawhttp import RawConnection

CHAT_TARGET = "/chat/completions?api-version=2024-05-01-preview"


@pytest.fixture
def own_emulator() -> Iterator[Emulator]:
    """A private emulator, so that a test may stop it with a reply still stalled."""
    with Emulator() as server:
        yield server


def test_stall_before_response_sends_nothing_until_release_stalls(own_emulator):
    own_emulator.script(Reply(json={"n": 1}, fault=Fault.STALL_BEFORE_RESPONSE))
    with RawConnection(own_emulator.port) as connection:
        connection.send("POST", CHAT_TARGET, b'{"messages": []}')
        assert not connection.readable_within(0.1)
        own_emulator.release_stalls()
        response = connection.read_response()
    assert (response.status, response.body, response.complete) == (200, b'{"n": 1}', True)
    assert own_emulator.last_request.body == b'{"messages": []}'


def test_stall_before_response_then_stop_closes_without_a_byte():
    emulator = Emulator().start()
    emulator.script(Reply(json={"n": 1}, fault=Fault.STALL_BEFORE_RESPONSE))
    with RawConnection(emulator.port) as connection:
        connection.send("POST", CHAT_TARGET, b'{"messages": []}')
        emulator.stop()
        response = connection.read_response()
    assert (response.status, response.body) == (0, b"")
    assert isinstance(response.error, ConnectionError)

