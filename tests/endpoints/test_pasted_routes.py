"""Endpoints pasted with their route or an ``api-version`` (issue 16): normalised, said at DEBUG, for the
three clients, sync and aio; explicit ``api_version`` wins; other endpoints stay verbatim."""

from __future__ import annotations

import logging

import pytest

from azure.ai.inference.models import ImageEmbeddingInput, UserMessage
from tests.flavors import resolve

PNG = "data:image/png;base64,iVBORw0KGgo="
ROUTES = {"chat": "/chat/completions", "embeddings": "/embeddings", "image_embeddings": "/images/embeddings"}


async def _call(clients, kind, endpoint, **kwargs):
    if kind == "chat":
        client = clients.chat(endpoint=endpoint, **kwargs)
        return client, await resolve(client.complete(messages=[UserMessage("What is the capital of France?")]))
    if kind == "embeddings":
        client = clients.embeddings(endpoint=endpoint, **kwargs)
        return client, await resolve(client.embed(input=["x"]))
    client = clients.image_embeddings(endpoint=endpoint, **kwargs)
    return client, await resolve(client.embed(input=[ImageEmbeddingInput(image=PNG)]))


@pytest.mark.parametrize(
    ("kind", "pasted", "path", "query"),
    [
        ("chat", "/openai/v1/chat/completions", "/openai/v1/chat/completions", []),
        ("chat", "/chat/completions/", "/chat/completions", [("api-version", "2024-05-01-preview")]),
        (
            "chat",
            "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
            "/openai/deployments/gpt-4o/chat/completions",
            [("api-version", "2024-10-21")],
        ),
        ("embeddings", "/models/embeddings", "/models/embeddings", [("api-version", "2024-05-01-preview")]),
        ("embeddings", "/openai/v1/embeddings?api-version=preview", "/openai/v1/embeddings", [("api-version", "preview")]),
        (
            "image_embeddings",
            "/models/images/embeddings?api-version=2025-05-01",
            "/models/images/embeddings",
            [("api-version", "2025-05-01")],
        ),
    ],
)
async def test_pasted_route_is_removed_from_the_endpoint(clients, emulator, caplog, kind, pasted, path, query):
    caplog.set_level(logging.DEBUG, logger="azure.ai.inference._sansio.endpoints")
    client, result = await _call(clients, kind, emulator.url + pasted)
    request = emulator.last_request
    assert (request.path, request.query) == (path, query)
    assert result is not None
    assert client._config.endpoint == emulator.url + path[: -len(ROUTES[kind])]
    assert any(record.getMessage().startswith("Endpoint normalised to ") for record in caplog.records)


async def test_explicit_api_version_wins_over_a_pasted_one(clients, emulator):
    await _call(clients, "chat", emulator.url + "/models/chat/completions?api-version=2024-10-21", api_version="2025-05-01")
    assert emulator.last_request.query == [("api-version", "2025-05-01")]


async def test_endpoint_without_a_pasted_route_is_kept_verbatim(clients, emulator, caplog):
    caplog.set_level(logging.DEBUG, logger="azure.ai.inference._sansio.endpoints")
    client = clients.chat(endpoint=emulator.url + "/models/")
    assert client._config.endpoint == emulator.url + "/models/"
    assert caplog.records == []


async def test_pasted_openai_v1_route_is_known_to_have_no_info(clients, emulator):
    from azure.core.exceptions import ResourceNotFoundError

    chat = clients.chat(endpoint=emulator.url + "/openai/v1/chat/completions")
    with pytest.raises(ResourceNotFoundError, match="OpenAI-style `/v1` route"):
        await resolve(chat.get_model_info())
    assert emulator.requests == []
