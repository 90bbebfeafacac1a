"""The pure parts of issue 16: the class by cause, the message without ``Code: None``, notes, the
deadline arithmetic and timeout messages (an injected clock: nothing waits)."""

from __future__ import annotations

from typing import Any, List, Optional

import pytest
from azure.core.exceptions import (
    HttpResponseError,
    ODataV4Format,
    ServiceRequestError,
    ServiceRequestTimeoutError,
    ServiceResponseTimeoutError,
)
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference import (
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
)
from azure.ai.inference._retry import InferenceRetryPolicy
from azure.ai.inference._sansio import errors, notes
from azure.ai.inference._sansio.deadline import Deadline, explain_timeout, pool_wait_bound, pool_wait_error
from azure.ai.inference._sansio.endpoints import without_pasted_route


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Config:
    timeout = 300
    read_timeout = 300


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (429, {"code": "content_filter"}, RateLimitError),
        (400, {"code": "content_filter", "message": "filtered"}, ContentFilterError),
        (400, {"code": "BadRequest", "innererror": {"code": "ResponsibleAIPolicyViolation"}}, ContentFilterError),
        (400, {"code": "context_length_exceeded"}, ContextLengthExceededError),
        (422, {"message": "This model's maximum context length is 4096 tokens."}, ContextLengthExceededError),
        (500, {"message": "This model's maximum context length is 4096 tokens."}, InternalServerError),
        (403, {"code": "PermissionDenied"}, PermissionDeniedError),
        (503, None, InternalServerError),
        (400, {"code": "invalid_value"}, HttpResponseError),
        (422, None, HttpResponseError),
        (None, {"code": "content_filter"}, ContentFilterError),
    ],
)
def test_exception_type_by_status_and_body(status: Optional[int], body: Any, expected: type) -> None:
    assert errors.exception_type(status, body) is expected


class Response:
    def __init__(self, status: int, text: str, headers: Any = None) -> None:
        self.status_code = status
        self.reason = "Reason"
        self.headers = headers or {}
        self._text = text
        self.content_type = "application/json"

    def text(self) -> str:
        return self._text

    def body(self) -> bytes:
        return self._text.encode()


def _raised(response: Response) -> HttpResponseError:
    with pytest.raises(HttpResponseError) as caught:
        errors.raise_for_status(response, errors.error_map_with(None))
    return caught.value


def test_message_without_a_service_code_loses_the_none_parts_and_keeps_the_details() -> None:
    error = _raised(Response(400, '{"error": {"message": "Bad thing", "target": "messages"}}'))
    assert (error.message, str(error)) == ("Bad thing\nTarget: messages", "Bad thing\nTarget: messages")


def test_message_with_a_service_code_is_azure_cores() -> None:
    body = '{"error": {"code": "E1", "message": "Bad thing"}}'
    error = _raised(Response(400, body))
    assert error.message == str(ODataV4Format({"error": {"code": "E1", "message": "Bad thing"}}))


@given(st.sampled_from(["x-request-id", "X-Request-ID", "apim-request-id", "x-ms-request-id"]), st.text(min_size=1, max_size=20).filter(str.isprintable))
def test_request_id_is_read_from_any_request_id_header(name: str, value: str) -> None:
    error = _raised(Response(429, '{"error": {"code": "429", "message": "slow"}}', {name: value}))
    assert isinstance(error, RateLimitError)
    assert error.request_id == value
    assert notes.call_notes(error, client="C", method="POST", url="http://h/chat/completions")[1] == f"Request id: {name.lower()}={value}"


def test_add_notes_adds_each_note_once() -> None:
    error = ValueError("x")
    notes.add_notes(error, ["a", "b"])
    notes.add_notes(error, ["b", "c"])
    assert error.__notes__ == ["a", "b", "c"]


def test_deadline_clamps_each_attempt_to_the_time_left() -> None:
    clock = FakeClock()
    deadline = Deadline.start(2.0, clock)
    first = deadline.attempt_timeouts({"read_timeout": 1.0}, Config())
    clock.now += 1.5
    second = deadline.attempt_timeouts({"read_timeout": 0.5, "connection_timeout": 0.5}, Config(), first)
    assert first == [("connection_timeout", 300.0, 2.0), ("read_timeout", 1.0, 1.0)]
    assert second == [("connection_timeout", 300.0, 0.5), ("read_timeout", 1.0, 0.5)]


def test_a_timeout_after_the_deadline_names_the_deadline() -> None:
    clock = FakeClock()
    deadline = Deadline.start(2.0, clock)
    attempt = deadline.attempt_timeouts({}, Config())
    clock.now += 2.0
    mapped, extra = explain_timeout(ServiceResponseTimeoutError("Read timed out. (read timeout=2)"), deadline, attempt)
    assert type(mapped) is ServiceResponseTimeoutError
    assert str(mapped).startswith("Response timeout: the call did not complete within its timeout of 2 s.")
    assert extra == ["Timeout that fired: timeout=2 s (the deadline of the whole call)."]


@pytest.mark.parametrize(
    ("error", "kind", "text"),
    [
        (ServiceResponseTimeoutError("Timeout on reading data from socket"), ServiceResponseTimeoutError,
         "Read timed out: no response data arrived within read_timeout=300 s (per attempt)."),
        (ServiceRequestTimeoutError("Connection timeout"), ServiceRequestTimeoutError,
         "Connection timed out: no connection was made within connection_timeout=300 s (per attempt)."),
        (ServiceRequestError("x", error=TimeoutError("read")), ServiceResponseTimeoutError,
         "Read timed out: no response data arrived within read_timeout=300 s (per attempt)."),
    ],
)
def test_a_transport_timeout_gets_one_message_for_sync_and_aio(error: Any, kind: type, text: str) -> None:
    clock = FakeClock()
    deadline = Deadline.start(604800, clock)
    mapped, _ = explain_timeout(error, deadline, deadline.attempt_timeouts({}, Config()))
    assert (type(mapped), str(mapped)) == (kind, text)


def test_the_wait_for_a_free_connection_is_bounded_by_the_shorter_timeout() -> None:
    clock = FakeClock()
    deadline = Deadline.start(2.0, clock)
    assert pool_wait_bound(deadline.attempt_timeouts({"connection_timeout": 0.5}, Config()), None) == (
        0.5,
        "connection_timeout=0.5 s",
    )
    assert pool_wait_bound(deadline.attempt_timeouts({}, Config()), None) == (2.0, "the call's timeout")
    assert pool_wait_bound(None, 7) == (7, "connection_timeout=7 s")  # a caller's retry policy: no deadline
    assert pool_wait_bound(None, None) == (None, "connection_timeout")


def test_a_pool_wait_timeout_names_the_pool_and_is_neither_explained_nor_retried() -> None:
    error = pool_wait_error("connection_timeout=0.5 s", 100)
    assert type(error) is ServiceRequestTimeoutError
    assert str(error).startswith(
        "Connection pool timeout: no connection became free within connection_timeout=0.5 s; "
        "all 100 connections of the client's pool are in use"
    )
    assert getattr(error, "pool_exhausted") is True
    clock = FakeClock()
    deadline = Deadline.start(0.5, clock)
    clock.now += 1.0
    assert explain_timeout(error, deadline, deadline.attempt_timeouts({}, Config())) == (error, [])
    assert "every connection of the client's pool" in str(pool_wait_error("x", None))
    assert InferenceRetryPolicy().increment({}, error=error) is False


def test_other_errors_are_not_explained() -> None:
    error = ServiceRequestError("refused", error=ConnectionRefusedError())
    assert explain_timeout(error, Deadline.start(1, FakeClock()), None) == (error, [])


@given(
    st.sampled_from(["https://h", "https://h/openai/v1", "https://h/openai/deployments/d", "https://h/models"]),
    st.sampled_from(["", "/chat/completions", "/embeddings", "/images/embeddings", "/chat/completions/"]),
    st.sampled_from(["", "?api-version=2024-10-21"]),
)
def test_without_pasted_route_gives_the_base_and_the_api_version(base: str, route: str, query: str) -> None:
    endpoint, version = without_pasted_route(base + route + query)
    assert endpoint == (base if route or query else base + route + query)
    assert version == ("2024-10-21" if query else None)


def test_without_pasted_route_keeps_other_endpoints_verbatim() -> None:
    kept = ["not a url at all/", "ftp://h/x/", "", "https://h/models/", "https://h/v1?x=1"]
    unknown_bases = ["https://h/openai/deployments/embeddings", "https://h/mt/embeddings", "https://h/api/chat/completions"]
    for endpoint in kept + unknown_bases:
        assert without_pasted_route(endpoint) == (endpoint, None)


def test_notes_redact_credentials_in_the_url() -> None:
    shown: List[str] = notes.call_notes(ValueError(), client="C", method="GET", url="https://u:pw@h/info?key=s&api-version=1")
    assert shown[0] == "C.get_model_info: GET https://u:REDACTED@h/info?key=REDACTED&api-version=1"


def test_stream_error_event_without_a_code_shows_only_the_message() -> None:
    error = errors.stream_error_event({"error": {"message": "Upstream failed"}})
    assert str(error) == "The service reported an error in the stream: Upstream failed"
