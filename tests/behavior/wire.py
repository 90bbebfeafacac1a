"""Assertions on what the emulator received, shared by the behaviour, wire-example and replay tests.

The helpers compare the parts of a request that make up the contract (WIRE.md): method, path, query,
the headers that matter and the JSON body, key by key and in order.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any, Dict, List, Optional, Sequence, Tuple

from azure.core.credentials import AccessToken
from azure.core.exceptions import HttpResponseError, ODataV4Format

from tests.emulator import RecordedRequest

ENTRA_TOKEN = "test-entra-token"
"""The bearer token the test emulator accepts besides its key."""

REQUEST_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")
"""A UUID1, as azure-core generates for ``x-ms-client-request-id``."""

SDK_USER_AGENT = re.compile(r"^azsdk-python-ai-inference/1\.0\.0b10 Python/\d+\.\d+\.\d+ \([^)]+\)$")
"""The SDK's own User-Agent: moniker, version, Python version and a platform part that varies."""

CHAT_RESPONSE: Dict[str, Any] = {
    "id": "chatcmpl-abc123",
    "object": "chat.completion",
    "created": 1717171717,
    "model": "mock-chat-model",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {
                "role": "assistant",
                "content": "Paris is the capital of France. \u4f60\u597d",
                "tool_calls": None,
            },
        }
    ],
    "usage": {"prompt_tokens": 23, "completion_tokens": 9, "total_tokens": 32},
    "system_fingerprint": "fp_mock",
}
"""The W1 response body."""

EMBEDDINGS_RESPONSE: Dict[str, Any] = {
    "id": "emb-1",
    "object": "list",
    "model": "mock-embed-model",
    "data": [
        {"object": "embedding", "index": 0, "embedding": [0.0123, -0.0456, 0.0789]},
        {"object": "embedding", "index": 1, "embedding": [0.5, 0.25, -0.125]},
    ],
    "usage": {"prompt_tokens": 6, "total_tokens": 6},
}
"""The W7 response body."""

MODEL_INFO_RESPONSE: Dict[str, Any] = {
    "model_name": "mock-model",
    "model_type": "chat-completion",
    "model_provider_name": "MockProvider",
}
"""The W10 response body."""


def ordered(value: Any) -> Any:
    """``value`` with every JSON object turned into a list of ``(key, value)`` pairs, so that ``==``
    also compares key order."""
    if isinstance(value, dict):
        return [(key, ordered(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [ordered(item) for item in value]
    return value


def assert_json_equal_in_order(actual: Any, expected: Any) -> None:
    """Assert two parsed JSON values are equal, including the order of the keys of every object."""
    assert actual == expected
    assert ordered(actual) == ordered(expected)


def assert_body(request: RecordedRequest, expected: str) -> None:
    """Assert the request body is exactly ``expected`` (UTF-8), byte for byte."""
    assert request.body.decode("utf-8") == expected


def assert_json_body(request: RecordedRequest, expected: Any) -> None:
    """Assert the request body parses to ``expected``, keys in the same order."""
    assert_json_equal_in_order(request.json(), expected)


def assert_target(
    request: RecordedRequest, method: str, path: str, query: Sequence[Tuple[str, str]] = ()
) -> None:
    """Assert method, path and the ordered query pairs of ``request``."""
    assert (request.method, request.path, request.query) == (method, path, list(query))


def api_version_query(version: str = "2024-05-01-preview") -> List[Tuple[str, str]]:
    """The query of every SDK operation: just ``api-version``."""
    return [("api-version", version)]


def header_names(request: RecordedRequest) -> List[str]:
    """The lower-cased names of the request's headers, in arrival order."""
    return [name.lower() for name, _ in request.headers]


def assert_key_auth(request: RecordedRequest, key: str) -> None:
    """B2.1: a key credential sends the key twice, as ``api-key`` and as a bearer token."""
    assert request.header("api-key") == key
    assert request.header("authorization") == f"Bearer {key}"


def assert_token_auth(request: RecordedRequest, token: str) -> None:
    """B2.3: a token credential sends only ``Authorization: Bearer <token>``."""
    assert request.header("authorization") == f"Bearer {token}"
    assert request.header("api-key") is None


def assert_json_post_headers(request: RecordedRequest, extra_parameters: Optional[str] = None) -> None:
    """The headers of a POST operation that matter: JSON in and out, ``extra-parameters``, the SDK's
    user agent and a client request id."""
    assert request.header("accept") == "application/json"
    assert request.header("content-type") == "application/json"
    assert request.header("extra-parameters") == extra_parameters
    assert SDK_USER_AGENT.match(request.header("user-agent") or "")
    assert REQUEST_ID.match(request.header("x-ms-client-request-id") or "")


def odata_error(error: HttpResponseError) -> ODataV4Format:
    """The parsed OData error of an exception (asserting there is one)."""
    assert error.error is not None
    return error.error


def json_text(value: Any) -> str:
    """The SDK's JSON text of ``value``: default separators, ASCII escapes, no sorting."""
    return json.dumps(value)


class TokenSource:
    """A ``get_token`` function for ``clients.token_credential``: returns ``token`` (valid for an hour)
    and records the scopes and keyword arguments of every call."""

    def __init__(self, token: str = ENTRA_TOKEN) -> None:
        self.token = token
        self.calls: List[Tuple[Tuple[str, ...], Dict[str, Any]]] = []

    def __call__(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls.append((scopes, kwargs))
        return AccessToken(self.token, int(time.time()) + 3600)


_DICT_FORMS = (
    'expected {"type": "text"}, {"type": "json_object"} or '
    '{"type": "json_schema", "json_schema": {"name": ..., "schema": {...}}}'
)


def unsupported_response_format_message(value: Any) -> str:
    """The whole ``ValueError`` message for an unsupported ``response_format`` (B5.8); dicts add the forms."""
    message = f"Unsupported `response_format` {value}"
    return f"{message}: {_DICT_FORMS}" if isinstance(value, dict) else message
