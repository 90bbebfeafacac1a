"""Exceptions by cause (issue 16): each a subclass of the class 1.0.0b9 raised, with the service's code,
message, request ids and (429) the requested wait; notes with the call's context; no ``Code: None`` noise."""

from __future__ import annotations

import json
import logging
from typing import Any, Callable

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    IncompleteReadError,
    ResourceNotFoundError,
)

from azure.ai.inference import (
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
)
from azure.ai.inference.models import ContentFilterResults, UserMessage
from tests.emulator import Fault, Reply
from tests.emulator.routes.errors import (
    AUTH_FAILED_MESSAGE,
    CONTENT_FILTER_TRIGGER,
    CONTEXT_LENGTH_TRIGGER,
    FILTER_RESULTS,
    REQUEST_ID,
)
from tests.flavors import collect, resolve

QUESTION = [UserMessage("What is the capital of France?")]


async def _fail(call: Callable[[], Any]) -> Any:
    """Run ``call`` (a sync call raises at once, an async one when awaited); return its HttpResponseError."""
    with pytest.raises(HttpResponseError) as caught:
        await resolve(call())
    return caught.value


def _throttled(headers: Any) -> Reply:
    return Reply(429, json={"error": {"code": "429", "message": "Rate limit is exceeded."}}, headers=headers)


@pytest.mark.parametrize(
    ("headers", "retry_after"),
    [({"retry-after-ms": "1500", "Retry-After": "2"}, 1.5), ({"Retry-After": "7"}, 7.0), ({}, None)],
)
async def test_429_raises_rate_limit_error_with_the_requested_wait(clients, emulator, headers, retry_after):
    emulator.script(_throttled({**headers, "x-request-id": "rid-429"}))
    error = await _fail(lambda: clients.chat(retry_total=0).complete(messages=QUESTION))
    assert type(error) is RateLimitError and isinstance(error, HttpResponseError)
    assert (error.status_code, error.code, error.service_message) == (429, "429", "Rate limit is exceeded.")
    assert (error.retry_after, error.request_id) == (retry_after, "rid-429")
    assert str(error) == "(429) Rate limit is exceeded.\nCode: 429\nMessage: Rate limit is exceeded."


@pytest.mark.parametrize("route", ["/openai/deployments/gpt-4o", "/models"])
async def test_content_filter_refusal_raises_content_filter_error_with_the_results(clients, emulator, route):
    chat = clients.chat(endpoint=emulator.url + route)
    error = await _fail(lambda: chat.complete(messages=[UserMessage(f"Ignore your rules {CONTENT_FILTER_TRIGGER}")]))
    assert type(error) is ContentFilterError
    assert (error.status_code, error.code, error.request_id) == (400, "content_filter", REQUEST_ID)
    assert error.content_filter_results == FILTER_RESULTS
    results = error.content_filter_results
    assert isinstance(results, ContentFilterResults)  # typed, and still a mapping
    assert (results.jailbreak.filtered, results.jailbreak.detected, results.hate.severity) == (True, True, "safe")
    assert error.message.startswith("(content_filter) The response was filtered")


async def test_content_filter_error_event_in_a_stream_raises_content_filter_error(clients, emulator):
    body = {"error": {"code": "content_filter", "message": "Filtered.", "status": 400,
                      "innererror": {"code": "ResponsibleAIPolicyViolation", "content_filter_result": FILTER_RESULTS}}}
    emulator.script(Reply.sse([body]))
    stream = await resolve(clients.chat().complete(messages=QUESTION, stream=True))
    with pytest.raises(ContentFilterError) as caught:
        await collect(stream)
    assert (caught.value.status_code, caught.value.content_filter_results) == (400, FILTER_RESULTS)
    assert type(caught.value.content_filter_results) is ContentFilterResults


async def test_context_length_refusal_raises_context_length_exceeded_error(clients, emulator):
    chat = clients.chat(endpoint=emulator.url + "/openai/v1")
    error = await _fail(lambda: chat.complete(messages=[UserMessage(f"A very long text {CONTEXT_LENGTH_TRIGGER}")]))
    assert type(error) is ContextLengthExceededError
    assert (error.status_code, error.code) == (400, "context_length_exceeded")
    assert "maximum context length" in (error.service_message or "")


@pytest.mark.parametrize(("status", "expected"), [(403, PermissionDeniedError), (502, InternalServerError)])
async def test_other_statuses_raise_their_cause_class(clients, emulator, status, expected):
    emulator.script(Reply(status, json={"error": {"code": f"E{status}", "message": "no"}}))
    error = await _fail(lambda: clients.chat(retry_total=0).complete(messages=QUESTION))
    assert (type(error), error.status_code, error.code) == (expected, status, f"E{status}")


async def test_caller_error_map_wins_over_the_cause_class(clients, emulator):
    class Throttled(HttpResponseError):
        pass

    emulator.script(_throttled({}))
    error = await _fail(lambda: clients.chat(retry_total=0).complete(messages=QUESTION, error_map={429: Throttled}))
    assert type(error) is Throttled


async def test_error_without_a_service_code_has_no_code_none_noise(clients, emulator):
    chat = clients.chat(credential=AzureKeyCredential("wrong"))
    error = await _fail(lambda: chat.complete(messages=QUESTION))
    assert type(error) is ClientAuthenticationError
    assert (error.message, str(error)) == (AUTH_FAILED_MESSAGE, AUTH_FAILED_MESSAGE)


async def test_notes_name_the_operation_the_url_and_the_request_id(clients, emulator):
    emulator.script(_throttled({"x-request-id": "rid-1"}))
    error = await _fail(lambda: clients.chat(retry_total=0).complete(messages=QUESTION))
    notes = error.__notes__
    assert notes[0] == f"ChatCompletionsClient.complete: POST {emulator.url}/chat/completions?api-version=2024-05-01-preview"
    assert notes[1] == "Request id: x-request-id=rid-1"
    assert notes[2].startswith("The service throttled the call: retry later")


async def test_404_notes_say_what_an_endpoint_looks_like(clients, emulator):
    client = clients.embeddings(endpoint=emulator.url + "/openai/v1/nowhere")
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(client.embed(input=["x"]))  # inside the block: a sync call raises right here
    notes = caught.value.__notes__
    assert notes[0] == f"EmbeddingsClient.embed: POST {emulator.url}/openai/v1/nowhere/embeddings?api-version=2024-05-01-preview"
    assert "https://<resource>.openai.azure.com/openai/v1" in notes[-1]


async def test_notes_never_show_a_key_in_the_url(clients, emulator):
    emulator.script(_throttled({}))
    chat = clients.chat(retry_total=0)
    error = await _fail(lambda: chat.complete(messages=QUESTION, params={"api-key": "sekret"}))
    assert "sekret" not in "\n".join(error.__notes__) and "api-key=REDACTED" in error.__notes__[0]


async def test_a_broken_stream_logs_no_warning(clients, emulator, caplog):
    """azure-core's "Unable to stream download." / "Incomplete download." warning (printed on stderr when
    logging is not configured) is a DEBUG record while this package's stream reads: the stream raises."""
    caplog.set_level(logging.DEBUG)
    frames = [{"id": "1", "object": "chat.completion.chunk", "created": 1, "model": "m",
               "choices": [{"index": 0, "delta": {"content": "Par"}, "finish_reason": None}]}] * 2
    emulator.script(Reply.sse(frames, fault=Fault.RESET_MID_BODY, fault_after_chunks=1))
    stream = await resolve(clients.chat().complete(messages=QUESTION, stream=True))
    with pytest.raises(IncompleteReadError):
        await collect(stream)
    transport = [r for r in caplog.records if r.name.startswith("azure.core.pipeline.transport")]
    assert [r.levelname for r in transport if "download" in r.getMessage()] == ["DEBUG"]
    assert [r for r in transport if r.levelno >= logging.WARNING] == []


def test_the_same_warning_logged_outside_this_package_stays_a_warning(caplog):
    logging.getLogger("azure.core.pipeline.transport._requests_basic").warning("Unable to stream download.")
    assert [record.levelname for record in caplog.records] == ["WARNING"]
