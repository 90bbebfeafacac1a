"""Write patterns of chunked replies (issue 19): the end of the body in the last write or after a delay,
close-delimited SSE; and ``wait_for_requests``."""

from __future__ import annotations

import pytest

from tests.emulator import Emulator, Reply

from .rawhttp import RawConnection

FRAMES = [b"data: 1\n\n", b"data: 2\n\n", b"data: [DONE]\n\n"]


def read_to_eof(connection: RawConnection) -> bytes:
    data = b""
    while True:
        piece = connection.stream.read(4096)
        if not piece:
            return data
        data += piece


def test_close_delimited_reply_has_no_framing_and_ends_with_the_connection(emu: Emulator) -> None:
    emu.script(Reply(chunks=FRAMES, close_delimited=True))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response(with_body=False)
        body = read_to_eof(connection)
    assert response.status == 200
    assert (response.header("transfer-encoding"), response.header("content-length")) == (None, None)
    assert response.header("connection") == "close"
    assert response.header("content-type") == "text/event-stream; charset=utf-8"
    assert body == b"".join(FRAMES)


def test_end_delay_sends_the_end_of_the_body_in_a_later_write(emu: Emulator) -> None:
    emu.script(Reply(chunks=FRAMES, end_delay=1.0), Reply(json={"next": True}))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response(max_chunks=len(FRAMES))
        end_pending = not connection.readable_within(0)
        connection.read_more(response)
        connection.send("GET", "/")  # the connection is kept
        follow_up = connection.read_response()
    assert end_pending is True
    assert (response.chunks, response.complete) == (FRAMES, True)
    assert follow_up.body == b'{"next": true}'


def test_end_in_last_write_keeps_the_body_and_the_connection(emu: Emulator) -> None:
    emu.script(Reply(chunks=FRAMES, end_in_last_write=True), Reply(json={"next": True}))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response()
        connection.send("GET", "/")
        follow_up = connection.read_response()
    assert (response.chunks, response.complete) == (FRAMES, True)
    assert follow_up.body == b'{"next": true}'
    assert len({request.connection for request in emu.requests}) == 1


@pytest.mark.parametrize("field", ["end_in_last_write", "end_delay", "close_delimited"])
def test_write_patterns_apply_to_chunked_replies_only(field: str) -> None:
    with pytest.raises(ValueError, match="chunks replies only"):
        Reply(json={}, **{field: 1})  # type: ignore[arg-type]


def test_wait_for_requests_returns_once_they_arrived_and_fails_after_its_timeout(emu: Emulator) -> None:
    with pytest.raises(AssertionError, match="received 0 requests, not 1"):
        emu.wait_for_requests(1, timeout=0.01)
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        connection.read_response()
    emu.wait_for_requests(1, timeout=0.01)
    assert len(emu.requests) == 1
