"""The recorder: method, raw target, path, decoded query, headers in order, raw body."""

from __future__ import annotations

import pytest

from tests.emulator import RecordedRequest

from .conftest import JsonClient
from .rawhttp import RawConnection


def test_recorded_fields_keep_order_case_and_raw_bytes(emu):
    body = b'{"b": 1, "a": "\xc3\xa9"}'
    headers = (("X-First", "1"), ("x-second", "two"), ("X-First", "again"))
    with RawConnection(emu.port) as connection:
        connection.send("POST", "/models/chat/completions?z=1&a=%20b&api-version=2024-05-01-preview&e=", body, headers)
        connection.read_response()
    request = emu.last_request
    assert request.method == "POST"
    assert request.target == "/models/chat/completions?z=1&a=%20b&api-version=2024-05-01-preview&e="
    assert request.path == "/models/chat/completions"
    assert request.query == [("z", "1"), ("a", " b"), ("api-version", "2024-05-01-preview"), ("e", "")]
    assert request.headers == [
        ("Host", "127.0.0.1"),
        ("api-key", "emulator-key"),
        ("X-First", "1"),
        ("x-second", "two"),
        ("X-First", "again"),
        ("Content-Length", str(len(body))),
    ]
    assert request.body == body


def test_header_lookup_is_case_insensitive_and_returns_the_first_value():
    request = RecordedRequest.parse("GET", "/", [("X-A", "1"), ("x-a", "2")], b"")
    assert request.header("x-A") == "1"
    assert request.header("missing") is None


def test_json_preserves_key_order_and_text_decodes_utf8():
    request = RecordedRequest.parse("POST", "/", [], '{"z": 1, "a": "é"}'.encode())
    assert list(request.json()) == ["z", "a"]
    assert request.text() == '{"z": 1, "a": "é"}'


def test_query_value_returns_the_first_decoded_value():
    request = RecordedRequest.parse("GET", "/p?x=1&x=2&y=a%2Fb", [], b"")
    assert (request.query_value("x"), request.query_value("y"), request.query_value("z")) == ("1", "a/b", None)


def test_requests_is_an_ordered_snapshot(emu, client):
    client.call("GET", "/info?api-version=1")
    snapshot = emu.requests
    client.call("POST", "/embeddings?api-version=1", {"input": ["x"]})
    assert [r.path for r in snapshot] == ["/info"]
    assert [r.path for r in emu.requests] == ["/info", "/embeddings"]


def test_last_request_without_requests_raises_assertion_error(emu):
    with pytest.raises(AssertionError, match="not received any request"):
        _ = emu.last_request


def test_get_without_body_records_empty_bytes(emu, client):
    client.call("GET", "/info?api-version=1")
    assert emu.last_request.body == b""
    assert emu.last_request.method == "GET"
