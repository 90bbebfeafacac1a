"""Route awareness on the wire (sync and aio): the query and headers sent to each kind of route, the
fast ``/info`` failure on OpenAI-style routes, and token scopes."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import pytest
from azure.core.credentials import AccessToken
from azure.core.exceptions import ResourceNotFoundError

from azure.ai.inference._sansio.model_info import INFO_NOT_SUPPORTED, LOAD_CLIENT_NOT_SUPPORTED
from azure.ai.inference.models import UserMessage

from tests.flavors import EMULATOR_KEY, resolve

DEFAULT_VERSION = [("api-version", "2024-05-01-preview")]

# (route prefix, query sent without an explicit api_version)
ROUTES = [
    ("", DEFAULT_VERSION),
    ("/models", DEFAULT_VERSION),
    ("/openai/deployments/gpt-4o", DEFAULT_VERSION),
    ("/v1", []),
    ("/openai/v1", []),
]
ROUTE_IDS = ["model-inference", "models", "aoai-deployment", "v1", "openai-v1"]
OPENAI_STYLE = ["/v1", "/openai/v1"]


def sent_headers(request: Any) -> Dict[str, Optional[str]]:
    names = ("accept", "content-type", "api-key", "authorization", "extra-parameters")
    return {name: request.header(name) for name in names}


KEY_HEADERS = {
    "accept": "application/json",
    "content-type": "application/json",
    "api-key": EMULATOR_KEY,
    "authorization": f"Bearer {EMULATOR_KEY}",
    "extra-parameters": None,
}


@pytest.mark.parametrize("prefix, query", ROUTES, ids=ROUTE_IDS)
async def test_complete_sends_route_query_and_headers(clients, emulator, prefix, query):
    chat = clients.chat(emulator.url + prefix)
    result = await resolve(chat.complete(messages=[UserMessage("What is the capital of France?")]))
    request = emulator.last_request
    assert (request.method, request.path, request.query) == ("POST", prefix + "/chat/completions", query)
    assert sent_headers(request) == KEY_HEADERS
    assert request.body == b'{"messages": [{"role": "user", "content": "What is the capital of France?"}]}'
    assert "Paris" in result.choices[0].message.content


@pytest.mark.parametrize("prefix, query", ROUTES, ids=ROUTE_IDS)
async def test_embed_sends_route_query(clients, emulator, prefix, query):
    client = clients.embeddings(emulator.url + prefix)
    result = await resolve(client.embed(input=["first"]))
    request = emulator.last_request
    assert (request.path, request.query) == (prefix + "/embeddings", query)
    assert len(result.data[0].embedding) == 16


@pytest.mark.parametrize("prefix", OPENAI_STYLE)
async def test_explicit_api_version_is_sent_on_openai_route(clients, emulator, prefix):
    chat = clients.chat(emulator.url + prefix, api_version="preview")
    await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert emulator.last_request.query == [("api-version", "preview")]


async def test_per_call_api_version_param_is_sent_on_openai_route(clients, emulator):
    chat = clients.chat(emulator.url + "/v1")
    await resolve(chat.complete(messages=[UserMessage("hi")], params={"api-version": "2025-04-01-preview"}))
    assert emulator.last_request.query == [("api-version", "2025-04-01-preview")]


async def test_client_api_version_still_overrides_per_call_param_on_model_inference(clients, emulator):
    chat = clients.chat()
    await resolve(chat.complete(messages=[UserMessage("hi")], params={"foo": "1", "api-version": "1999-01-01"}))
    assert emulator.last_request.query == [("foo", "1"), ("api-version", "2024-05-01-preview")]


async def test_endpoint_query_is_kept_on_openai_route(clients, emulator):
    chat = clients.chat(emulator.url + "/v1?tenant=t1")
    await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert (emulator.last_request.path, emulator.last_request.query) == ("/v1/chat/completions", [("tenant", "t1")])


@pytest.mark.parametrize("prefix", OPENAI_STYLE)
async def test_get_model_info_fails_fast_on_openai_route(clients, emulator, prefix):
    chat = clients.chat(emulator.url + prefix)
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(chat.get_model_info())
    assert caught.value.message.startswith(INFO_NOT_SUPPORTED + " This endpoint is an OpenAI-style `/v1` route")
    assert (emulator.requests, chat._model_info) == ([], None)


async def test_get_model_info_on_embeddings_client_fails_fast_on_openai_route(clients, emulator):
    client = clients.image_embeddings(emulator.url + "/openai/v1")
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(client.get_model_info())
    assert caught.value.message.startswith(INFO_NOT_SUPPORTED)
    assert emulator.requests == []


@pytest.mark.parametrize("prefix", OPENAI_STYLE)
async def test_load_client_fails_fast_on_openai_route(clients, emulator, prefix):
    with pytest.raises(ResourceNotFoundError) as caught:
        await clients.load_client(emulator.url + prefix)
    assert caught.value.message.startswith(LOAD_CLIENT_NOT_SUPPORTED + " This endpoint is an OpenAI-style")
    assert emulator.requests == []


async def test_get_model_info_on_aoai_deployment_still_asks_the_service(clients, emulator):
    chat = clients.chat(emulator.url + "/openai/deployments/gpt-4o")
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(chat.get_model_info())
    assert (caught.value.status_code, caught.value.message) == (404, INFO_NOT_SUPPORTED)
    assert [(r.path, r.query) for r in emulator.requests] == [("/openai/deployments/gpt-4o/info", DEFAULT_VERSION)]


async def test_get_model_info_on_model_inference_route_is_unchanged(clients, emulator):
    chat = clients.chat()
    info = await resolve(chat.get_model_info())
    assert (info.model_name, emulator.last_request.target) == ("emulator-model", "/info?api-version=2024-05-01-preview")


def recording_credential(clients: Any, scopes_seen: List[Tuple[str, ...]]) -> Any:
    def get_token(*scopes: str, **_: Any) -> AccessToken:
        scopes_seen.append(scopes)
        return AccessToken("test-entra-token", 4102444800)

    return clients.token_credential(get_token)


@pytest.mark.parametrize("prefix", ["/v1", ""])
async def test_token_credential_on_local_host_requests_original_scope(clients, emulator, prefix):
    scopes_seen: List[Tuple[str, ...]] = []
    chat = clients.chat(emulator.url + prefix, credential=recording_credential(clients, scopes_seen))
    await resolve(chat.complete(messages=[UserMessage("hi")], enforce_https=False))
    assert scopes_seen == [("https://ml.azure.com/.default",)]
    assert (emulator.last_request.header("authorization"), emulator.last_request.header("api-key")) == (
        "Bearer test-entra-token",
        None,
    )


async def test_token_credential_explicit_scopes_win(clients, emulator):
    scopes_seen: List[Tuple[str, ...]] = []
    credential = recording_credential(clients, scopes_seen)
    chat = clients.chat(emulator.url + "/openai/v1", credential=credential, credential_scopes=["api://x/.default"])
    await resolve(chat.complete(messages=[UserMessage("hi")], enforce_https=False))
    assert scopes_seen == [("api://x/.default",)]


@pytest.mark.parametrize(
    "endpoint, scopes",
    [
        ("https://my-aoai.openai.azure.com/openai/v1", ["https://cognitiveservices.azure.com/.default"]),
        ("https://my-res.services.ai.azure.com/models", ["https://cognitiveservices.azure.com/.default"]),
        ("https://my-model.eastus2.models.ai.azure.com", ["https://ml.azure.com/.default"]),
    ],
)
async def test_client_token_scopes_follow_host(clients, endpoint, scopes):
    chat = clients.chat(endpoint, credential=clients.token_credential(lambda *s, **k: None))
    assert chat._config.credential_scopes == scopes
