"""B3: routes, joining the endpoint with the route, the query string and ``send_request``."""

from __future__ import annotations

import inspect

import pytest
from azure.core.rest import HttpRequest

from azure.ai.inference.models import ImageEmbeddingInput, UserMessage
from tests.behavior.wire import (
    CHAT_RESPONSE,
    REQUEST_ID,
    SDK_USER_AGENT,
    api_version_query,
    assert_key_auth,
    assert_target,
)
from tests.emulator import Reply
from tests.flavors import EMULATOR_KEY, resolve

MESSAGES = [UserMessage("hi")]
IMAGE = ImageEmbeddingInput(image="data:image/png;base64,AAAA")


async def test_complete_posts_to_chat_completions(clients, emulator):
    """B3.1: ``complete`` -> ``POST {endpoint}/chat/completions``."""
    await resolve(clients.chat().complete(messages=MESSAGES))
    assert_target(emulator.last_request, "POST", "/chat/completions", api_version_query())


async def test_embed_posts_to_embeddings(clients, emulator):
    """B3.1: text ``embed`` -> ``POST {endpoint}/embeddings``."""
    await resolve(clients.embeddings().embed(input=["x"]))
    assert_target(emulator.last_request, "POST", "/embeddings", api_version_query())


async def test_image_embed_posts_to_images_embeddings(clients, emulator):
    """B3.1/B6.3: image ``embed`` -> ``POST {endpoint}/images/embeddings``."""
    await resolve(clients.image_embeddings().embed(input=[IMAGE]))
    assert_target(emulator.last_request, "POST", "/images/embeddings", api_version_query())


@pytest.mark.parametrize("factory", ["chat", "embeddings", "image_embeddings"])
async def test_get_model_info_gets_info(clients, emulator, factory):
    """B3.1: ``get_model_info`` -> ``GET {endpoint}/info`` on every client."""
    await resolve(getattr(clients, factory)().get_model_info())
    assert_target(emulator.last_request, "GET", "/info", api_version_query())


@pytest.mark.parametrize(
    ("suffix", "path"),
    [
        ("/openai/deployments/gpt-4o", "/openai/deployments/gpt-4o/chat/completions"),
        ("/openai/deployments/gpt-4o/", "/openai/deployments/gpt-4o/chat/completions"),
        ("/models", "/models/chat/completions"),
        ("/", "/chat/completions"),
    ],
)
async def test_route_is_appended_to_the_endpoint_path(clients, emulator, suffix, path):
    """B3.2: the endpoint's path is kept and a trailing ``/`` is removed before the route."""
    await resolve(clients.chat(endpoint=clients.endpoint + suffix).complete(messages=MESSAGES))
    assert emulator.last_request.path == path


@pytest.mark.parametrize(
    ("factory", "call", "path"),
    [
        ("embeddings", "embed", "/models/embeddings"),
        ("image_embeddings", "embed", "/models/images/embeddings"),
        ("chat", "get_model_info", "/models/info"),
    ],
)
async def test_every_route_keeps_the_endpoint_path(clients, emulator, factory, call, path):
    """B3.2: ``http://h/models`` -> ``/models/embeddings``, ``/models/images/embeddings``, ``/models/info``."""
    client = getattr(clients, factory)(endpoint=clients.endpoint + "/models")
    arguments = {"input": ["x"] if factory == "embeddings" else [IMAGE]} if call == "embed" else {}
    await resolve(getattr(client, call)(**arguments))
    assert emulator.last_request.path == path


async def test_endpoint_query_comes_before_api_version(clients, emulator):
    """B3.3: a query in the endpoint is kept, and ``api-version`` is appended after it."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    await resolve(clients.chat(endpoint=clients.endpoint + "/x?foo=bar").complete(messages=MESSAGES))
    assert emulator.last_request.target == "/x/chat/completions?foo=bar&api-version=2024-05-01-preview"


async def test_per_call_params_come_before_api_version(clients, emulator):
    """B3.4: per-call ``params`` are added before ``api-version``."""
    await resolve(clients.chat().complete(messages=MESSAGES, params={"foo": "1"}))
    assert emulator.last_request.query == [("foo", "1"), ("api-version", "2024-05-01-preview")]


async def test_per_call_api_version_param_is_ignored(clients, emulator):
    """B3.4 (kept): a per-call ``params={"api-version": ...}`` loses to the configured api-version."""
    params = {"foo": "1", "api-version": "1999-01-01"}
    await resolve(clients.chat().complete(messages=MESSAGES, params=params))
    assert emulator.last_request.target == "/chat/completions?foo=1&api-version=2024-05-01-preview"


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("ChatCompletionsClient", "complete"),
        ("EmbeddingsClient", "embed"),
        ("ImageEmbeddingsClient", "embed"),
        ("ChatCompletionsClient", "get_model_info"),
    ],
)
async def test_operations_have_no_api_version_parameter(clients, name, method):
    """B3.5: the api-version is chosen by the constructor only."""
    parameters = inspect.signature(getattr(getattr(clients.package, name), method)).parameters
    assert "api_version" not in parameters


async def test_azure_openai_deployment_endpoint_with_api_version(clients, emulator):
    """B3.6: ``.../openai/deployments/<name>`` plus ``api_version`` -> the deployment's route."""
    client = clients.chat(endpoint=clients.endpoint + "/openai/deployments/gpt-4o", api_version="2024-06-01")
    await resolve(client.complete(messages=MESSAGES))
    assert emulator.last_request.target == "/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01"


async def test_send_request_formats_relative_url_against_endpoint(clients, emulator):
    """B3.7: a relative URL is joined to the endpoint like the operations' routes."""
    client = clients.chat(endpoint=clients.endpoint + "/models/")
    response = await resolve(client.send_request(HttpRequest("GET", "/info", params={"api-version": "v"})))
    assert response.status_code == 200
    assert emulator.last_request.target == "/models/info?api-version=v"


async def test_send_request_runs_the_pipeline_without_adding_api_version_or_accept(clients, emulator):
    """B3.7: auth, user agent and request id are added; ``api-version`` and JSON ``Accept`` are not."""
    await resolve(clients.chat().send_request(HttpRequest("GET", "/info")))
    request = emulator.last_request
    assert request.query == []
    assert request.header("accept") != "application/json"
    assert_key_auth(request, EMULATOR_KEY)
    assert SDK_USER_AGENT.match(request.header("user-agent") or "")
    assert REQUEST_ID.match(request.header("x-ms-client-request-id") or "")


async def test_send_request_returns_error_responses_without_raising(clients, emulator):
    """B3.7: no error mapping: a 404 is returned as a response."""
    emulator.script(Reply(404, body=b"NOT FOUND"))
    response = await resolve(clients.chat().send_request(HttpRequest("GET", "/info")))
    await resolve(response.read())
    assert (response.status_code, response.text()) == (404, "NOT FOUND")


async def test_send_request_leaves_the_callers_request_unchanged(clients, emulator):
    """B3.7: the request is copied before the URL is formatted."""
    request = HttpRequest("GET", "/info")
    await resolve(clients.chat().send_request(request))
    assert request.url == "/info"
    assert emulator.last_request.path == "/info"
