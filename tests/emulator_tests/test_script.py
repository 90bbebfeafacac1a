"""Scripted replies: FIFO order, path filter, body kinds, headers, SSE helper and every fault."""

from __future__ import annotations

import http.client
import json
from typing import Optional, Tuple

import pytest

from tests.emulator import Emulator, Fault, Reply

from .conftest import JsonClient, chat_target, user
from .rawhttp import RawConnection, RawResponse


def test_scripted_replies_are_used_in_fifo_order_then_the_service_answers(emu, client):
    emu.script(Reply(json={"n": 1}), Reply(500, json={"n": 2}))
    emu.script(Reply(201, json={"n": 3}))
    results = [client.call("POST", chat_target(), {"messages": [user("hi")]}) for _ in range(4)]
    assert [(status, json.loads(body).get("n")) for status, _, body in results[:3]] == [(200, 1), (500, 2), (201, 3)]
    assert json.loads(results[3][2])["object"] == "chat.completion"
    assert emu.pending_replies == 0


def test_path_filter_skips_requests_on_other_paths(emu, client):
    emu.script(Reply(418, json={"scripted": True}), path="/embeddings")
    chat_status, _ = client.post(chat_target(), {"messages": [user("hi")]})
    embed_status, body = client.post("/embeddings?api-version=1", {"input": ["x"]})
    assert (chat_status, embed_status, body) == (200, 418, {"scripted": True})


def test_scripted_reply_bypasses_auth_and_routing(emu, client):
    emu.script(Reply(json=[1, 2]))
    status, _, body = client.call("GET", "/nowhere", headers={"api-key": "wrong"})
    assert (status, body) == (200, b"[1, 2]")


def test_clear_forgets_pending_replies_and_requests(emu, client):
    emu.script(Reply(500))
    assert client.call("POST", chat_target(), {"messages": [user("hi")]})[0] == 500
    emu.script(Reply(500))
    emu.clear()
    assert emu.pending_replies == 0
    assert emu.requests == []
    assert client.post(chat_target(), {"messages": [user("hi")]})[0] == 200


def test_json_reply_uses_default_separators_and_content_length(emu):
    emu.script(Reply(json={"a": [1, "é"]}))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response()
    assert response.body == b'{"a": [1, "\\u00e9"]}'
    assert response.header("content-type") == "application/json"
    assert response.header("content-length") == str(len(response.body))


def test_body_reply_headers_override_defaults_and_reason_is_sent(emu):
    headers = [("Content-Type", "text/plain"), ("x-ms-error-code", "Boom"), ("Retry-After", "0")]
    emu.script(Reply(503, body=b"plain failure", headers=headers, reason="Busy"))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response()
    assert (response.status, response.reason, response.body) == (503, "Busy", b"plain failure")
    assert [name for name, _ in response.headers if name.lower() == "content-type"] == ["Content-Type"]
    assert response.header("content-type") == "text/plain"
    assert response.header("x-ms-error-code") == "Boom"


def test_dict_headers_are_accepted(emu):
    emu.script(Reply(json={}, headers={"Retry-After": "1"}))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        assert connection.read_response().header("retry-after") == "1"


def test_chunks_reply_sends_each_element_as_one_http_chunk(emu):
    emu.script(Reply(chunks=[b"ab", b"", b"cde"]))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response()
    assert response.chunks == [b"ab", b"cde"]
    assert response.complete is True
    assert response.header("transfer-encoding") == "chunked"
    assert response.header("content-type") == "text/event-stream; charset=utf-8"


def test_sse_helper_frames_events_byte_exact():
    reply = Reply.sse([{"a": 1}, "[raw text]", b"event: x\n\n"])
    assert reply.chunks == [b'data: {"a": 1}\n\n', b"data: [raw text]\n\n", b"event: x\n\n", b"data: [DONE]\n\n"]


def test_sse_helper_without_done_and_recut_into_fixed_size_chunks():
    reply = Reply.sse([{"t": "世界"}], done=False, chunk_size=7, status=201)
    assert reply.chunks is not None
    assert b"".join(reply.chunks) == 'data: {"t": "\\u4e16\\u754c"}\n\n'.encode()
    assert [len(chunk) for chunk in reply.chunks] == [7, 7, 7, 7, 1]
    assert reply.status == 201


def test_reply_rejects_two_body_kinds_and_non_fault_values():
    with pytest.raises(ValueError, match="only one of"):
        Reply(json={}, body=b"x")
    with pytest.raises(TypeError, match="Fault"):
        Reply(fault="reset")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Reply objects"):
        Emulator().script({"status": 200})  # type: ignore[arg-type]


def _faulted(
    emu: Emulator, reply: Reply, *, max_chunks: Optional[int] = None, with_body: bool = True
) -> Tuple[RawConnection, RawResponse]:
    emu.script(reply)
    connection = RawConnection(emu.port)
    connection.send("POST", chat_target(), b'{"messages": []}')
    return connection, connection.read_response(max_chunks=max_chunks, with_body=with_body)


def test_reset_before_response_sends_no_byte_and_resets(emu):
    connection, response = _faulted(emu, Reply(json={"x": 1}, fault=Fault.RESET_BEFORE_RESPONSE))
    with connection:
        assert isinstance(response.error, ConnectionResetError)
        assert (response.status, response.headers) == (0, [])
    assert emu.last_request.body == b'{"messages": []}'


def test_reset_mid_body_sends_the_first_chunk_then_resets(emu):
    chunks = [b"data: 1\n\n", b"data: 2\n\n", b"data: 3\n\n"]
    connection, response = _faulted(emu, Reply(chunks=chunks, fault=Fault.RESET_MID_BODY))
    with connection:
        assert response.status == 200
        assert response.chunks == [b"data: 1\n\n"]
        assert isinstance(response.error, ConnectionResetError)


def test_reset_mid_body_after_two_chunks(emu):
    chunks = [b"a", b"b", b"c"]
    connection, response = _faulted(emu, Reply(chunks=chunks, fault=Fault.RESET_MID_BODY, fault_after_chunks=2))
    with connection:
        assert response.chunks == [b"a", b"b"]
        assert isinstance(response.error, ConnectionResetError)


def test_close_mid_body_ends_cleanly_without_terminating_chunk(emu):
    connection, response = _faulted(emu, Reply(chunks=[b"a", b"b"], fault=Fault.CLOSE_MID_BODY))
    with connection:
        assert (response.chunks, response.complete, response.error) == ([b"a"], False, None)
        assert connection.stream.read(1) == b""


def test_close_mid_body_on_content_length_body_sends_half_by_default(emu):
    connection, response = _faulted(emu, Reply(body=b"0123456789", fault=Fault.CLOSE_MID_BODY))
    with connection:
        assert response.header("content-length") == "10"
        assert (response.body, response.complete, response.error) == (b"01234", False, None)


def test_reset_mid_body_on_json_body_honours_fault_after_bytes(emu):
    reply = Reply(json={"abc": 1}, fault=Fault.RESET_MID_BODY, fault_after_bytes=3)
    connection, response = _faulted(emu, reply)
    with connection:
        assert response.body == b'{"a'
        assert isinstance(response.error, ConnectionResetError)


def test_stall_body_holds_the_rest_until_release_stalls(emu):
    connection, response = _faulted(emu, Reply(chunks=[b"a", b"b", b"c"], fault=Fault.STALL_BODY), max_chunks=1)
    with connection:
        assert response.chunks == [b"a"]
        assert not connection.readable_within(0.1)
        emu.release_stalls()
        connection.read_more(response)
        assert (response.chunks, response.complete) == ([b"a", b"b", b"c"], True)


def test_stall_body_then_stop_closes_the_connection():
    emulator = Emulator().start()
    connection, response = _faulted(emulator, Reply(body=b"abcdef", fault=Fault.STALL_BODY), with_body=False)
    with connection:
        emulator.stop()
        connection.read_more(response)
        assert (response.body, response.complete) == (b"abc", False)


def test_http_client_sees_incomplete_read_on_close_mid_body(emu):
    emu.script(Reply(body=b"0123456789", fault=Fault.CLOSE_MID_BODY))
    connection = http.client.HTTPConnection("127.0.0.1", emu.port, timeout=10)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        with pytest.raises(http.client.IncompleteRead):
            response.read()
    finally:
        connection.close()


def test_unsendable_reply_closes_the_connection_and_is_reported(emu):
    emu.script(Reply(json={}, headers=[("X-Bad", "\u4e16")]))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        response = connection.read_response()
    assert isinstance(response.error, ConnectionAbortedError)
    assert [type(error) for error in emu.errors] == [UnicodeEncodeError]


def test_stall_before_response_sends_nothing_until_released(emu):
    emu.script(Reply(json={"ok": 1}, fault=Fault.STALL_BEFORE_RESPONSE))
    with RawConnection(emu.port) as connection:
        connection.send("GET", "/")
        assert connection.readable_within(0.1) is False
        emu.release_stalls()
        response = connection.read_response()
        assert (response.status, response.body) == (200, b'{"ok": 1}')


def test_stall_before_response_then_stop_closes_without_response():
    emulator = Emulator().start()
    emulator.script(Reply(json={}, fault=Fault.STALL_BEFORE_RESPONSE))
    with RawConnection(emulator.port) as connection:
        connection.send("GET", "/")
        emulator.stop()
        response = connection.read_response()
        assert response.status == 0
        assert isinstance(response.error, (ConnectionAbortedError, ConnectionResetError))
