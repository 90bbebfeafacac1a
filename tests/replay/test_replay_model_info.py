"""Replay of recorded ``/info`` traffic: ``get_model_info``, ``load_client``, and the Azure OpenAI 404."""

from __future__ import annotations

from typing import Any

import pytest
from azure.core.exceptions import ResourceNotFoundError

from tests.behavior.wire import odata_error
from tests.flavors import resolve
from tests.emulator import Emulator
from tests.replay.recordings import Exchange, Recordings
from tests.replay.replay_checks import assert_request_matches, assert_result_matches, client_for

CHAT = "test_chat_completions_client.pyTestChatCompletionsClient"
EMBEDDINGS = "test_embeddings_client.pyTestEmbeddingsClient"
IMAGE_EMBEDDINGS = "test_image_embeddings_client.pyTestImageEmbeddingsClient"
INFO_NOT_SUPPORTED = "Model information is not available on this endpoint (`/info` route not supported)."
LOAD_CLIENT_NOT_SUPPORTED = (
    "`load_client` function does not work on this endpoint (`/info` route not supported). "
    "Please construct one of the clients (e.g. `ChatCompletionsClient`) directly."
)


def _load(recordings: Recordings, clients: Any, emulator: Emulator, name: str) -> Exchange:
    (exchange,) = recordings.load(recordings.twin(name, clients.is_async))
    emulator.script(exchange.reply())
    return exchange


@pytest.mark.parametrize(
    ("name", "kind", "model_type"),
    [
        (CHAT + "test_get_model_info_on_chat_client", "chat", "chat-completion"),
        (EMBEDDINGS + "test_get_model_info_on_embeddings_client", "embeddings", "embedding"),
        (IMAGE_EMBEDDINGS + "test_get_model_info_on_image_embeddings_client", "image_embeddings", "embedding"),
    ],
)
async def test_replay_get_model_info(clients, emulator, recordings, name, kind, model_type):
    """B13.1/B13.2/B9.3: ``get_model_info`` on each client; unknown keys (``served_model_name``) kept;
    cached afterwards."""
    exchange = _load(recordings, clients, emulator, name)
    client = client_for(clients, kind, exchange)
    info = await resolve(client.get_model_info())
    assert await resolve(client.get_model_info()) is info
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(info, exchange)
    assert (type(info.model_type), info.model_type, len(emulator.requests)) == (str, model_type, 1)


@pytest.mark.parametrize(
    ("name", "client_name"),
    [
        (CHAT + "test_load_chat_completions_client", "ChatCompletionsClient"),
        (EMBEDDINGS + "test_load_embeddings_client", "EmbeddingsClient"),
        (IMAGE_EMBEDDINGS + "test_load_image_embeddings_client", "EmbeddingsClient"),
    ],
)
async def test_replay_load_client(clients, emulator, recordings, name, client_name):
    """B14.1/B14.3: ``load_client``: one ``/info`` request; the client for the reported type (the recorded image
    embeddings endpoint reports ``embedding``, so a text EmbeddingsClient), its info pre-cached."""
    exchange = _load(recordings, clients, emulator, name)
    client = await clients.load_client(clients.endpoint + exchange.endpoint_path, api_version=exchange.api_version)
    assert type(client) is getattr(clients.package, client_name)
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(client._model_info, exchange)
    assert str(client).endswith("\n" + str(exchange.response_body))
    assert len(emulator.requests) == 1


async def test_replay_get_model_info_on_azure_openai(clients, emulator, recordings):
    """B13.3/B13.5/B12.3: Azure OpenAI answers ``/info`` with a JSON 404: the rewritten ResourceNotFoundError."""
    exchange = _load(recordings, clients, emulator, CHAT + "test_get_model_info_on_aoai_endpoint")
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(client_for(clients, "chat", exchange).get_model_info())
    assert_request_matches(emulator.last_request, exchange)
    assert (caught.value.message, str(caught.value)) == (INFO_NOT_SUPPORTED, INFO_NOT_SUPPORTED)
    assert (caught.value.status_code, odata_error(caught.value).code) == (404, "404")
    assert odata_error(caught.value).message == "Resource not found"


async def test_replay_load_client_on_azure_openai(clients, emulator, recordings):
    """B14.1 step 2: ``load_client`` on Azure OpenAI: the ``load_client`` 404 message."""
    exchange = _load(recordings, clients, emulator, CHAT + "test_load_client_on_aoai_endpoint")
    with pytest.raises(ResourceNotFoundError) as caught:
        await clients.load_client(clients.endpoint + exchange.endpoint_path, api_version=exchange.api_version)
    assert_request_matches(emulator.last_request, exchange)
    assert (caught.value.message, caught.value.status_code) == (LOAD_CLIENT_NOT_SUPPORTED, 404)
