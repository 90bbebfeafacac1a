"""B14: ``load_client``: one ``/info`` probe, the client chosen by model type, failures."""

from __future__ import annotations

import logging

import pytest
from azure.core.exceptions import ClientAuthenticationError, ResourceNotFoundError

from tests.behavior.wire import MODEL_INFO_RESPONSE, api_version_query, assert_target
from tests.emulator import Reply
from tests.flavors import resolve

LOAD_CLIENT_NOT_SUPPORTED = (
    "`load_client` function does not work on this endpoint (`/info` route not supported). "
    "Please construct one of the clients (e.g. `ChatCompletionsClient`) directly."
)


@pytest.mark.parametrize(
    ("model_type", "name"),
    [
        ("chat-completion", "ChatCompletionsClient"),
        ("chat_completion", "ChatCompletionsClient"),
        ("embeddings", "EmbeddingsClient"),
        ("embedding", "EmbeddingsClient"),
        ("image_embeddings", "ImageEmbeddingsClient"),
        ("image embedding", "ImageEmbeddingsClient"),
    ],
)
async def test_load_client_returns_the_client_for_the_model_type(clients, emulator, model_type, name):
    """B14.1 steps 1, 5, 6 / B14.4: the client class of this flavor, built for the same endpoint."""
    endpoint = f"{clients.endpoint}/mt/{model_type}"
    client = await clients.load_client(endpoint)
    assert type(client) is getattr(clients.package, name)
    assert client._config.endpoint == endpoint


async def test_load_client_sends_exactly_one_info_request(clients, emulator):
    """B14.1/B14.3 (W11): one ``GET /info`` with the given api-version; the client sends nothing more."""
    client = await clients.load_client(f"{clients.endpoint}/mt/embeddings", api_version="2024-05-01-preview")
    info = await resolve(client.get_model_info())
    assert info.model_type == "embeddings"
    assert len(emulator.requests) == 1
    assert_target(emulator.last_request, "GET", "/mt/embeddings/info", api_version_query())


async def test_load_client_prefills_the_model_info_cache(clients, emulator):
    """B14.1 step 6: ``_model_info`` is set; ``str()`` shows it without a request."""
    emulator.script(Reply(json=MODEL_INFO_RESPONSE))
    client = await clients.load_client()
    assert dict(client._model_info) == MODEL_INFO_RESPONSE
    assert str(client).endswith("\n" + str(MODEL_INFO_RESPONSE))
    assert len(emulator.requests) == 1


async def test_load_client_rewrites_the_info_404(clients, emulator):
    """B14.1 step 2: ``/info`` 404 -> ResourceNotFoundError with the ``load_client`` message."""
    emulator.script(Reply(404, json={"error": {"code": "404", "message": "Resource not found"}}))
    with pytest.raises(ResourceNotFoundError) as caught:
        await clients.load_client()
    assert caught.value.message == LOAD_CLIENT_NOT_SUPPORTED
    assert str(caught.value) == LOAD_CLIENT_NOT_SUPPORTED


async def test_load_client_lets_other_errors_through(clients, emulator):
    """B14.1 step 2: any other exception propagates unchanged (401 -> ClientAuthenticationError)."""
    emulator.script(Reply(401, json={"error": {"code": "Unauthorized", "message": "denied"}}))
    with pytest.raises(ClientAuthenticationError) as caught:
        await clients.load_client()
    assert caught.value.message == "(Unauthorized) denied\nCode: Unauthorized\nMessage: denied"


async def test_load_client_logs_the_model_info(clients, emulator, caplog):
    """B14.1 step 3: ``model_info=<info>`` at INFO on the ``_patch`` logger of the flavor."""
    emulator.script(Reply(json=MODEL_INFO_RESPONSE))
    logger = "azure.ai.inference.aio._patch" if clients.is_async else "azure.ai.inference._patch"
    with caplog.at_level(logging.INFO, logger=logger):
        await clients.load_client()
    records = [(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name == logger]
    assert records == [(logger, logging.INFO, f"model_info={MODEL_INFO_RESPONSE}")]


@pytest.mark.parametrize("body", [{"model_name": "m"}, {"model_type": None}, {"model_type": ""}])
async def test_load_client_requires_a_model_type(clients, emulator, body):
    """B14.1 step 4: a missing, null or empty model type -> ValueError."""
    emulator.script(Reply(json=body))
    with pytest.raises(ValueError) as caught:
        await clients.load_client()
    assert str(caught.value) == (
        "The AI model information is missing a value for `model type`. Cannot create an appropriate client."
    )


@pytest.mark.parametrize("model_type", ["text_generation", "Chat-Completion", "completions", "text-embedding"])
async def test_load_client_rejects_unknown_model_types(clients, emulator, model_type):
    """B14.1 step 7/B14.2 (fixed): the message shows the value, e.g. ``text_generation``."""
    emulator.script(Reply(json={"model_type": model_type}))
    with pytest.raises(ValueError) as caught:
        await clients.load_client()
    assert str(caught.value) == f"No client available to support AI model type `{model_type}`"


async def test_load_client_passes_client_defaults_to_the_chosen_client(clients, emulator):
    """B14.6: ``dimensions=3`` does not disturb the probe and becomes the embeddings default."""
    client = await clients.load_client(f"{clients.endpoint}/mt/embeddings", dimensions=3)
    await resolve(client.embed(input=["x"]))
    assert emulator.requests[0].path == "/mt/embeddings/info"
    assert emulator.last_request.json() == {"input": ["x"], "dimensions": 3}


async def test_load_client_passes_pipeline_options_to_the_probe(clients, emulator):
    """B14.1 step 1: the probe client is built with the same kwargs (headers here)."""
    await clients.load_client(headers={"x-probe": "yes"})
    assert emulator.last_request.header("x-probe") == "yes"
