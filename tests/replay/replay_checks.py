"""Comparisons of what the SDK sent and returned with a recorded exchange (see ``recordings.py``)."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.emulator import RecordedRequest
from tests.replay.recordings import PEER_B64, Exchange, has_placeholder

BASE64_TEXT = re.compile(r"[A-Za-z0-9+/]+={0,2}")
COMPARED_HEADERS = ("accept", "content-type", "extra-parameters")
"""Request headers compared by value; ``api-key`` and ``Authorization`` are compared by presence."""


def assert_recorded_json(actual: Any, expected: Any, where: str = "$") -> None:
    """Assert ``actual`` equals recorded ``expected``: same keys in the same order, same values and
    JSON types; a string with a ``{{PEER_B64:...}}`` placeholder matches any base64 text there."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        assert list(actual) == list(expected), f"{where}: keys differ"
        for key, value in expected.items():
            assert_recorded_json(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r}"
        for index, (item, expected_item) in enumerate(zip(actual, expected)):
            assert_recorded_json(item, expected_item, f"{where}[{index}]")
    elif isinstance(expected, str) and PEER_B64.search(expected):
        _assert_placeholder_match(actual, expected, where)
    else:
        assert (type(actual), actual) == (type(expected), expected), where


def _assert_placeholder_match(actual: Any, expected: str, where: str) -> None:
    prefix, suffix = PEER_B64.split(expected, maxsplit=1)
    assert isinstance(actual, str) and actual.startswith(prefix) and actual.endswith(suffix), where
    assert BASE64_TEXT.fullmatch(actual[len(prefix) : len(actual) - len(suffix)]), f"{where}: not base64"


def assert_request_matches(received: RecordedRequest, exchange: Exchange, *, json_encoded: bool = True) -> None:
    """Assert the SDK's request equals the recorded one: method, path after the host, query, the
    headers that matter, auth presence, and the JSON body key by key in order.

    With ``json_encoded`` (the SDK serialized the body) and no placeholder in the recording, the bytes
    must also be ``json.dumps`` of the recorded body, as the original SDK produced them. (The recorded
    ``Content-Length`` is not compared: the recorder's sanitizers changed some bodies after it was taken.)
    """
    assert (received.method, received.path, received.query) == (exchange.method, exchange.path, exchange.query)
    for name in COMPARED_HEADERS:
        assert received.header(name) == exchange.request_header(name), name
    assert (received.header("api-key") is None) == (exchange.request_header("api-key") is None)
    assert (received.header("authorization") or "").startswith("Bearer ")
    if exchange.request_body is None:
        assert received.body == b""
        return
    assert_recorded_json(received.json(), exchange.request_body)
    if json_encoded and not has_placeholder(exchange.request_body):
        assert received.body == json.dumps(exchange.request_body).encode("utf-8")


def assert_result_matches(result: Any, exchange: Exchange) -> None:
    """Assert a returned model holds exactly the recorded response JSON (keys in order)."""
    assert_recorded_json(result.as_dict(), exchange.response_body)


def client_for(clients: Any, kind: str, exchange: Exchange, **kwargs: Any) -> Any:
    """A client of ``kind`` (``chat``, ``embeddings``, ``image_embeddings``) of the test's flavor, for
    the emulator plus the recorded endpoint path, with the recorded api-version."""
    endpoint = clients.endpoint + exchange.endpoint_path
    return getattr(clients, kind)(endpoint=endpoint, api_version=exchange.api_version, **kwargs)
