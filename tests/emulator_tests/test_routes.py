"""Routing, prefixes, authentication, api-version and request validation of the emulated service."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

import pytest

from .conftest import API_VERSION, JsonClient, user

CHAT = f"/chat/completions?api-version={API_VERSION}"
CHAT_BODY = {"messages": [user("What is the capital of France?")]}
IMAGE = "data:image/png;base64,iVBORw0KGgo="
BODIES: Dict[str, Dict[str, Any]] = {
    "/chat/completions": CHAT_BODY,
    "/embeddings": {"input": ["first phrase"]},
    "/images/embeddings": {"input": [{"image": IMAGE}]},
}
OBJECTS = {"/chat/completions": "chat.completion", "/embeddings": "list", "/images/embeddings": "list"}
PREFIXES = ["", "/models", "/mt/chat-completion", "/openai/deployments/gpt-4o", "/v1", "/openai/v1"]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("route", sorted(BODIES))
def test_post_routes_answer_under_every_prefix(client, prefix, route):
    status, body = client.post(f"{prefix}{route}?api-version={API_VERSION}", BODIES[route])
    assert (status, body["object"]) == (200, OBJECTS[route])


@pytest.mark.parametrize("prefix", ["/v1", "/openai/v1"])
def test_openai_style_routes_need_no_api_version(client, prefix):
    status, body = client.post(f"{prefix}/chat/completions", CHAT_BODY)
    assert (status, body["choices"][0]["message"]["content"]) == (200, "The capital of France is Paris.")


@pytest.mark.parametrize("prefix", ["", "/models", "/mt/embeddings", "/openai/deployments/d"])
def test_missing_api_version_is_a_400_explaining_it(emu, client, prefix):
    status, headers, data = client.call("POST", f"{prefix}/chat/completions", CHAT_BODY)
    error = json.loads(data)["error"]
    assert (status, error["code"], headers["x-ms-error-code"]) == (400, "MissingApiVersionParameter", error["code"])
    assert "api-version" in error["message"]


def test_any_api_version_value_is_accepted_and_recorded(emu, client):
    status, _ = client.post("/chat/completions?api-version=1999-01-01", CHAT_BODY)
    assert status == 200
    assert emu.last_request.query_value("api-version") == "1999-01-01"


def _info(model_type: Optional[str]) -> Dict[str, str]:
    typed = {"model_type": model_type} if model_type else {}
    return {"model_name": "emulator-model", **typed, "model_provider_name": "Emulator"}


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("", _info("chat-completion")),
        ("/models", _info("chat-completion")),
        ("/mt/embeddings", _info("embeddings")),
        ("/mt/-", _info(None)),
    ],
)
def test_info_answers_model_info_with_optional_model_type_override(client, prefix, expected):
    status, _, data = client.call("GET", f"{prefix}/info?api-version={API_VERSION}")
    assert (status, json.loads(data)) == (200, expected)


@pytest.mark.parametrize("prefix", ["/openai/deployments/gpt-4o", "/v1", "/openai/v1"])
def test_info_on_openai_style_endpoints_is_the_real_aoai_404(client, prefix):
    status, headers, data = client.call("GET", f"{prefix}/info?api-version={API_VERSION}")
    assert (status, data) == (404, b'{"error": {"code": "404", "message": "Resource not found"}}')
    assert headers["content-type"] == "application/json"


def test_unknown_route_on_model_inference_endpoint_is_plain_text_404(client):
    status, headers, data = client.call("POST", f"/completions?api-version={API_VERSION}", {"prompt": "x"})
    assert (status, data, headers["content-type"]) == (404, b"NOT FOUND", "text/plain; charset=utf-8")
    assert headers["ms-azureml-model-error-statuscode"] == "404"


def test_unknown_route_on_azure_openai_endpoint_is_json_404(client):
    status, _, data = client.call("POST", f"/openai/deployments/d/audio?api-version={API_VERSION}", {})
    assert (status, json.loads(data)["error"]["message"]) == (404, "Resource not found")


@pytest.mark.parametrize("method, route, allowed", [("GET", "/chat/completions", "POST"), ("POST", "/info", "GET"),
                                                   ("DELETE", "/embeddings", "POST")])
def test_wrong_method_is_405_with_allow_header(client, method, route, allowed):
    status, headers, data = client.call(method, f"{route}?api-version={API_VERSION}", {} if method == "POST" else None)
    assert (status, headers["allow"], json.loads(data)["error"]["code"]) == (405, allowed, "MethodNotAllowed")


@pytest.mark.parametrize(
    "headers",
    [{"api-key": "emulator-key"}, {"api-key": "", "Authorization": "Bearer emulator-key"},
     {"api-key": "", "Authorization": "Bearer entra-token"}, {"api-key": "emulator-key", "Authorization": "Bearer x"}],
)
def test_valid_key_or_token_is_accepted(client, headers):
    status, _, _ = client.call("POST", CHAT, CHAT_BODY, headers)
    assert status == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"api-key": "wrong"},
        {"api-key": "", "Authorization": "Bearer wrong"},
        {"api-key": "", "Authorization": "emulator-key"},
    ],
)
def test_bad_credentials_get_the_real_401_body(client, headers):
    status, response_headers, data = client.call("POST", CHAT, CHAT_BODY, headers)
    message = "Auth token validation failed. Please provide a valid key or a valid AAD token"
    expected = {"statusCode": 401, "message": message}
    assert (status, json.loads(data)) == (401, expected)
    assert response_headers["content-type"] == "application/json"


def test_unknown_body_parameter_is_422_in_service_style(client):
    status, headers, data = client.call("POST", CHAT, {**CHAT_BODY, "top_k": 4})
    assert status == 422
    assert headers["x-ms-error-code"] == "Invalid input"
    assert json.loads(data) == {
        "error": {
            "code": "Invalid input",
            "message": "Extra inputs are not permitted",
            "status": 422,
            "details": [{"type": "extra_forbidden", "loc": ["body", "top_k"], "msg": "Extra inputs are not permitted"}],
        }
    }


@pytest.mark.parametrize("mode, expected", [("pass-through", 200), ("drop", 200), ("error", 422), ("bogus", 422)])
def test_extra_parameters_header_controls_unknown_parameters(client, mode, expected):
    body = {**CHAT_BODY, "safe_prompt": True, "n": 2}
    status, _, data = client.call("POST", CHAT, body, {"extra-parameters": mode})
    assert status == expected
    if mode == "pass-through":
        assert len(json.loads(data)["choices"]) == 2
    if mode == "drop":
        assert len(json.loads(data)["choices"]) == 1


@pytest.mark.parametrize("route", ["/embeddings", "/images/embeddings"])
def test_unknown_embeddings_parameter_is_422(client, route):
    status, body = client.post(f"{route}?api-version={API_VERSION}", {**BODIES[route], "truncate": "END"})
    assert (status, body["error"]["details"][0]["loc"]) == (422, ["body", "truncate"])


@pytest.mark.parametrize("route, field", [("/chat/completions", "messages"), ("/embeddings", "input"),
                                          ("/images/embeddings", "input")])
def test_missing_required_field_is_422_naming_it(client, route, field):
    status, body = client.post(f"{route}?api-version={API_VERSION}", {"model": "m"})
    error = body["error"]
    assert (status, error["message"]) == (422, f"Field required: '{field}'")
    assert error["details"] == [{"type": "missing", "loc": ["body", field], "msg": "Field required"}]


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"\xff"])
def test_invalid_json_body_is_400(client, raw):
    status, _, data = client.call("POST", CHAT, raw=raw)
    error = json.loads(data)["error"]
    assert (status, error["status"]) == (400, 400)
    assert "JSON" in error["message"]


@pytest.mark.parametrize(
    "body, location",
    [
        ({"messages": []}, ["body", "messages"]),
        ({"messages": [{"role": "robot", "content": "x"}]}, ["body", "messages", 0, "role"]),
        ({**CHAT_BODY, "max_tokens": "5"}, ["body", "max_tokens"]),
        ({**CHAT_BODY, "response_format": "json"}, ["body", "response_format"]),
    ],
)
def test_malformed_chat_options_are_422(client, body, location):
    status, response = client.post(CHAT, body)
    assert (status, response["error"]["details"][0]["loc"]) == (422, location)


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/v1/chat/completions", 200),
        ("/openai/v1/chat/completions", 200),
        (f"/openai/deployments/gpt-4o/chat/completions?api-version={API_VERSION}", 200),
        (CHAT, 422),
    ],
)
def test_openai_only_chat_parameters_are_known_on_openai_routes_only(client, target, expected):
    body = {**CHAT_BODY, "max_completion_tokens": 50, "reasoning_effort": "low", "parallel_tool_calls": False}
    status, _, data = client.call("POST", target, body)
    assert (status, json.loads(data).get("object")) == (expected, "chat.completion" if expected == 200 else None)
