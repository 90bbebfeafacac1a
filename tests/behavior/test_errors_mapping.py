"""B12: mapping of failed responses to azure-core exceptions, their fields, and retries."""

from __future__ import annotations

import json
from typing import Any

import pytest
from azure.core.exceptions import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
    ResourceNotModifiedError,
)

from azure.ai.inference import InternalServerError, RateLimitError
from azure.ai.inference.models import UserMessage
from tests.behavior.wire import odata_error
from tests.emulator import Reply
from tests.flavors import resolve

MESSAGES = [UserMessage("x")]
UNAUTHORIZED = {
    "error": {"code": "Unauthorized", "message": "Access denied due to invalid subscription key or wrong API endpoint."}
}
UNAUTHORIZED_TEXT = (
    "(Unauthorized) Access denied due to invalid subscription key or wrong API endpoint.\n"
    "Code: Unauthorized\nMessage: Access denied due to invalid subscription key or wrong API endpoint."
)


def _error(status: int) -> Reply:
    return Reply(status, json={"error": {"code": f"E{status}", "message": f"failure {status}"}})


class TeapotError(HttpResponseError):
    """A caller's own exception type for ``error_map``."""


async def _complete(clients: Any, **kwargs: Any) -> Any:
    return await resolve(clients.chat(retry_total=0).complete(messages=MESSAGES, **kwargs))


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (401, ClientAuthenticationError),
        (404, ResourceNotFoundError),
        (409, ResourceExistsError),
        (400, HttpResponseError),
        (422, HttpResponseError),
        (429, RateLimitError),
        (500, InternalServerError),
    ],
)
async def test_complete_maps_status_to_exception(clients, emulator, status, exception):
    """B12.1: 401/404/409 -> their subclasses; any other non-200 -> HttpResponseError (or one of this
    package's subclasses of it, by cause: see tests/behavior/test_errors_by_cause.py)."""
    emulator.script(_error(status))
    with pytest.raises(HttpResponseError) as caught:
        await _complete(clients)
    assert type(caught.value) is exception
    assert caught.value.status_code == status


async def test_not_modified_maps_to_resource_not_modified(clients, emulator):
    """B12.1/B12.2: 304 (no body) -> ResourceNotModifiedError with the generic message."""
    emulator.script(Reply(304))
    with pytest.raises(ResourceNotModifiedError) as caught:
        await _complete(clients)
    assert caught.value.message == "Operation returned an invalid status 'Not Modified'"


@pytest.mark.parametrize(("factory", "call"), [("embeddings", "embed"), ("chat", "get_model_info")])
async def test_other_operations_map_errors_the_same_way(clients, emulator, factory, call):
    """B12.1: ``embed`` and ``get_model_info`` use the same map."""
    emulator.script(_error(409))
    client = getattr(clients, factory)(retry_total=0)
    with pytest.raises(ResourceExistsError):
        await resolve(client.embed(input=["x"]) if call == "embed" else client.get_model_info())
    assert emulator.last_request.method == ("POST" if call == "embed" else "GET")


async def test_per_call_error_map_adds_entries(clients, emulator):
    """B12.1: ``error_map={418: MyErr}`` raises the caller's type for that status."""
    emulator.script(_error(418))
    with pytest.raises(TeapotError) as caught:
        await _complete(clients, error_map={418: TeapotError})
    assert caught.value.status_code == 418


async def test_per_call_error_map_overrides_entries(clients, emulator):
    """B12.1: ``error_map`` can replace a default entry."""
    emulator.script(_error(404))
    with pytest.raises(TeapotError):
        await _complete(clients, error_map={404: TeapotError})
    assert emulator.last_request.path == "/chat/completions"


async def test_json_error_body_fills_the_exception_fields(clients, emulator):
    """B12.2: status, reason, message, str, error.code/message, response text, model."""
    emulator.script(Reply(401, json=UNAUTHORIZED, headers={"x-ms-error-code": "Unauthorized"}))
    with pytest.raises(ClientAuthenticationError) as caught:
        await _complete(clients)
    error = caught.value
    assert (error.status_code, error.reason, error.model) == (401, "Unauthorized", None)
    assert error.message == UNAUTHORIZED_TEXT
    assert str(error) == UNAUTHORIZED_TEXT
    assert (odata_error(error).code, odata_error(error).message) == ("Unauthorized", UNAUTHORIZED["error"]["message"])
    assert error.response is not None
    assert error.response.text() == json.dumps(UNAUTHORIZED)


async def test_non_json_error_body_shows_the_content_in_str(clients, emulator):
    """B12.2: non-JSON body -> generic message, ``str(e)`` adds ``\\nContent: <body>``, no ``error``."""
    emulator.script(Reply(500, body=b"plain text failure", headers={"Content-Type": "text/plain"}))
    with pytest.raises(HttpResponseError) as caught:
        await _complete(clients)
    error = caught.value
    assert error.message == "Operation returned an invalid status 'Internal Server Error'"
    assert str(error) == "Operation returned an invalid status 'Internal Server Error'\nContent: plain text failure"
    assert error.error is None


@pytest.mark.parametrize("status", [500, 503, 504])
async def test_post_is_retried_on_server_errors(clients, emulator, status):
    """B12.4: POST operations retry 500/503/504: four attempts in all."""
    emulator.script(*[_error(status)] * 4)
    with pytest.raises(HttpResponseError):
        await resolve(clients.chat(retry_backoff_factor=0).complete(messages=MESSAGES))
    assert len(emulator.requests) == 4


async def test_post_retry_succeeds_when_the_service_recovers(clients, emulator):
    """B12.4: a retried request that then succeeds returns the result."""
    emulator.script(_error(503))
    result = await resolve(clients.chat(retry_backoff_factor=0).complete(messages=MESSAGES))
    assert result.choices[0].message.role == "assistant"
    assert len(emulator.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 404, 422])
async def test_post_is_not_retried_on_other_statuses(clients, emulator, status):
    """B12.4: for POST, client errors are not retried (408, 409 and 429 are: see tests/reliability)."""
    emulator.script(*[_error(status)] * 4)
    with pytest.raises(HttpResponseError):
        await resolve(clients.chat(retry_backoff_factor=0).complete(messages=MESSAGES))
    assert len(emulator.requests) == 1


async def test_post_is_retried_when_retry_after_is_given(clients, emulator):
    """B12.4: any response with ``Retry-After`` is retried."""
    emulator.script(Reply(429, json=UNAUTHORIZED, headers={"Retry-After": "0"}))
    result = await resolve(clients.chat().complete(messages=MESSAGES))
    assert result.usage.total_tokens > 0
    assert len(emulator.requests) == 2


@pytest.mark.parametrize(("status", "attempts"), [(408, 4), (429, 4), (500, 4), (502, 4), (503, 4), (504, 4), (404, 1)])
async def test_get_info_retries(clients, emulator, status, attempts):
    """B12.4: GET ``/info`` retries 408/429/500/502/503/504, not 404."""
    emulator.script(*[_error(status)] * 4)
    with pytest.raises(HttpResponseError):
        await resolve(clients.chat(retry_backoff_factor=0).get_model_info())
    assert len(emulator.requests) == attempts


@pytest.mark.parametrize("where", ["constructor", "call"])
async def test_retry_total_zero_disables_retries(clients, emulator, where):
    """B12.4: ``retry_total=0`` (constructor or per call) -> a single attempt."""
    emulator.script(*[_error(500)] * 4)
    client = clients.chat(retry_total=0) if where == "constructor" else clients.chat()
    with pytest.raises(HttpResponseError):
        await resolve(client.complete(messages=MESSAGES, **({"retry_total": 0} if where == "call" else {})))
    assert len(emulator.requests) == 1
