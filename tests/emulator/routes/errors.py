"""Error replies, shaped like the real service's (see shared/recordings/azure-ai-inference)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from ..script import Reply

AUTH_FAILED_MESSAGE = "Auth token validation failed. Please provide a valid key or a valid AAD token"
EXTRA_INPUTS_MESSAGE = "Extra inputs are not permitted"


class ServiceError(Exception):
    """Raised inside a route to answer with ``reply`` (an error response) instead."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def unauthorized() -> Reply:
    """401 exactly as the real Model Inference service answers a bad key or token."""
    body = {"statusCode": 401, "message": AUTH_FAILED_MESSAGE}
    return Reply(401, json=body, headers=[("x-ms-error-reason", "Invalid JWT.")])


def resource_not_found() -> Reply:
    """404 of Azure OpenAI / OpenAI-style endpoints (e.g. their missing ``/info`` route)."""
    return Reply(404, json={"error": {"code": "404", "message": "Resource not found"}})


def model_route_not_found() -> Reply:
    """404 of a Model Inference endpoint for a route its model does not serve (plain text)."""
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("ms-azureml-model-error-reason", "model_error"),
        ("ms-azureml-model-error-statuscode", "404"),
    ]
    return Reply(404, body=b"NOT FOUND", headers=headers)


def method_not_allowed(method: str, path: str, allowed: str) -> Reply:
    """405 with an ``Allow`` header."""
    message = f"The method {method} is not allowed for {path}; use {allowed}."
    return _error_reply(405, "MethodNotAllowed", message, [("Allow", allowed)])


def missing_api_version() -> Reply:
    """400 for a Model Inference / Azure OpenAI request without the ``api-version`` query parameter."""
    message = "Missing required query parameter 'api-version' (for example ?api-version=2024-05-01-preview)."
    return _error_reply(400, "MissingApiVersionParameter", message)


def bad_request(message: str) -> Reply:
    """400 for a body that is not a JSON object."""
    return _error_reply(400, "Bad Request", message, status_in_body=True)


def invalid_input(details: Sequence[Dict[str, Any]], message: Optional[str] = None) -> Reply:
    """422 in the service's (pydantic-style) validation error shape; message from the first detail."""
    message = message or (str(details[0]["msg"]) if details else "Invalid input")
    body = {"error": {"code": "Invalid input", "message": message, "status": 422, "details": list(details)}}
    return Reply(422, json=body, headers=[("x-ms-error-code", "Invalid input")])


def detail(kind: str, location: Sequence[Any], message: str) -> Dict[str, Any]:
    """One validation detail: ``{"type", "loc": ["body", ...], "msg"}``."""
    return {"type": kind, "loc": ["body", *location], "msg": message}


def extra_inputs(names: List[str]) -> Reply:
    """422 for body parameters the REST API does not define (``extra-parameters`` absent/``error``)."""
    return invalid_input([detail("extra_forbidden", [name], EXTRA_INPUTS_MESSAGE) for name in names])


def internal_error(error: BaseException) -> Reply:
    """500 when the emulator itself failed (a bug in the emulator, reported in the message)."""
    return _error_reply(500, "InternalServerError", f"Emulator failure: {error!r}")


def _error_reply(
    status: int, code: str, message: str, headers: Sequence[Any] = (), *, status_in_body: bool = False
) -> Reply:
    error: Dict[str, Any] = {"code": code, "message": message}
    if status_in_body:
        error["status"] = status
    return Reply(status, json={"error": error}, headers=[("x-ms-error-code", code), *headers])


CONTENT_FILTER_TRIGGER = "[content-filter]"
"""A user message containing this text is refused by the emulated content filter (HTTP 400)."""
CONTEXT_LENGTH_TRIGGER = "[context-length]"
"""A user message containing this text is refused as too long for the model's context (HTTP 400)."""

FILTER_RESULTS: Dict[str, Any] = {
    "hate": {"filtered": False, "severity": "safe"},
    "jailbreak": {"filtered": True, "detected": True},
    "self_harm": {"filtered": False, "severity": "safe"},
    "sexual": {"filtered": False, "severity": "safe"},
    "violence": {"filtered": False, "severity": "safe"},
}
"""The per-category results of the emulated content filter (a jailbreak attempt was detected)."""
REQUEST_ID = "emulated-request-0001"
"""The ``x-request-id``/``apim-request-id`` of the emulated error answers below."""


def content_filter_azure_openai() -> Reply:
    """400 as Azure OpenAI refuses a filtered prompt: ``innererror.content_filter_result`` (singular)."""
    error = {
        "message": "The response was filtered due to the prompt triggering Azure OpenAI's content management "
        "policy. Please modify your prompt and retry. To learn more about our content filtering policies "
        "please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
        "type": None,
        "param": "prompt",
        "code": "content_filter",
        "status": 400,
        "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": FILTER_RESULTS},
    }
    headers = [("apim-request-id", REQUEST_ID), ("x-request-id", REQUEST_ID), ("x-ms-region", "Sweden Central")]
    return Reply(400, json={"error": error}, headers=headers)


def content_filter_model_inference() -> Reply:
    """400 as Azure AI Model Inference (``/models``) refuses a filtered prompt: the results under
    ``innererror.content_filter_results`` (plural), ``x-ms-error-code: content_filter``."""
    error = {
        "code": "content_filter",
        "message": "The response was filtered due to the prompt triggering Microsoft's content management policy. "
        "Please modify your prompt and retry.",
        "param": "prompt",
        "status": 400,
        "details": [],
        "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_results": FILTER_RESULTS},
    }
    headers = [("x-ms-error-code", "content_filter"), ("x-request-id", REQUEST_ID)]
    return Reply(400, json={"error": error}, headers=headers)


def context_length_exceeded(tokens: int) -> Reply:
    """400 as OpenAI-style services answer a prompt longer than the model's context window."""
    error = {
        "message": f"This model's maximum context length is 128000 tokens. However, your messages resulted in "
        f"{tokens} tokens. Please reduce the length of the messages.",
        "type": "invalid_request_error",
        "param": "messages",
        "code": "context_length_exceeded",
    }
    return Reply(400, json={"error": error}, headers=[("x-request-id", REQUEST_ID)])
