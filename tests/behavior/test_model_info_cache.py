"""B13 (and B12.3): ``get_model_info``: the request, the cache, the 404 rewrite, and ``str(client)``."""

from __future__ import annotations

import re

import pytest
from azure.core.exceptions import ClientAuthenticationError, HttpResponseError, ResourceNotFoundError

from tests.behavior.wire import MODEL_INFO_RESPONSE, api_version_query, assert_key_auth, assert_target, odata_error
from tests.emulator import Reply
from tests.flavors import EMULATOR_KEY, resolve

INFO_NOT_SUPPORTED = "Model information is not available on this endpoint (`/info` route not supported)."
NOT_FOUND = {"error": {"code": "NotFound", "message": "Resource not found"}}


async def test_get_model_info_sends_a_bare_get(clients, emulator):
    """B13.1: ``GET {endpoint}/info?api-version=<v>``, JSON Accept, auth headers, no body."""
    await resolve(clients.chat().get_model_info())
    request = emulator.last_request
    assert_target(request, "GET", "/info", api_version_query())
    assert request.header("accept") == "application/json"
    assert_key_auth(request, EMULATOR_KEY)
    assert (request.body, request.header("content-length")) == (b"", None)


async def test_get_model_info_returns_the_service_values(clients, emulator):
    """B13.1: the result carries the ``/info`` values."""
    emulator.script(Reply(json=MODEL_INFO_RESPONSE))
    info = await resolve(clients.chat().get_model_info())
    values = (info.model_name, info.model_type, info.model_provider_name)
    assert values == ("mock-model", "chat-completion", "MockProvider")


async def test_get_model_info_is_cached_regardless_of_kwargs(clients, emulator):
    """B13.2: later calls return the same object and send nothing, whatever their kwargs."""
    client = clients.chat()
    first = await resolve(client.get_model_info())
    second = await resolve(client.get_model_info(headers={"x-a": "1"}, params={"p": "1"}))
    assert second is first
    assert len(emulator.requests) == 1


async def test_empty_model_info_is_cached(clients, emulator):
    """B13.2 (fixed): an empty ``{}`` result is cached too (the cache test is ``is None``)."""
    emulator.script(Reply(json={}))
    client = clients.chat()
    first = await resolve(client.get_model_info())
    second = await resolve(client.get_model_info())
    assert (second is first, dict(first)) == (True, {})
    assert len(emulator.requests) == 1


async def test_errors_are_not_cached(clients, emulator):
    """B13.2: a failed call leaves the cache empty; the next call asks again."""
    emulator.script(Reply(401, json={"error": {"code": "Unauthorized", "message": "no"}}))
    client = clients.chat()
    with pytest.raises(ClientAuthenticationError):
        await resolve(client.get_model_info())
    info = await resolve(client.get_model_info())
    assert info.model_name == "emulator-model"
    assert len(emulator.requests) == 2


async def test_info_404_rewrites_message_and_str(clients, emulator):
    """B13.3/B12.3 (fixed): 404 -> ResourceNotFoundError whose ``.message`` and ``str()`` both say the
    route is not supported; other fields are the service's."""
    emulator.script(Reply(404, json=NOT_FOUND))
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(clients.chat().get_model_info())
    error = caught.value
    assert (error.message, str(error)) == (INFO_NOT_SUPPORTED, INFO_NOT_SUPPORTED)
    assert (error.status_code, odata_error(error).code) == (404, "NotFound")
    assert odata_error(error).message == "Resource not found"


async def test_info_404_with_text_body_keeps_the_content_in_str(clients, emulator):
    """B12.3 (fixed): for a non-JSON 404, ``str(e)`` is the new text plus azure-core's ``\\nContent: ...``."""
    emulator.script(Reply(404, body=b"NOT FOUND", headers={"Content-Type": "text/plain"}))
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(clients.chat().get_model_info())
    assert caught.value.message == INFO_NOT_SUPPORTED
    assert str(caught.value) == f"{INFO_NOT_SUPPORTED}\nContent: NOT FOUND"


async def test_info_404_on_an_azure_openai_endpoint(clients, emulator):
    """B13.5: an Azure OpenAI deployment has no ``/info`` route -> the rewritten 404."""
    client = clients.chat(endpoint=clients.endpoint + "/openai/deployments/gpt-4o", api_version="2024-06-01")
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(client.get_model_info())
    assert caught.value.message == INFO_NOT_SUPPORTED
    assert emulator.last_request.path == "/openai/deployments/gpt-4o/info"


async def test_other_info_errors_are_not_rewritten(clients, emulator):
    """B12.3: only 404 is rewritten."""
    emulator.script(Reply(400, json={"error": {"code": "Bad", "message": "bad request"}}))
    with pytest.raises(HttpResponseError) as caught:
        await resolve(clients.chat().get_model_info())
    assert caught.value.message == "(Bad) bad request\nCode: Bad\nMessage: bad request"


async def test_chat_404_is_not_rewritten(clients, emulator):
    """B12.3: the rewrite belongs to ``get_model_info`` only."""
    emulator.script(Reply(404, json=NOT_FOUND))
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(clients.chat().complete(messages=[{"role": "user", "content": "x"}]))
    assert caught.value.message == "(NotFound) Resource not found\nCode: NotFound\nMessage: Resource not found"


@pytest.mark.parametrize("factory", ["chat", "embeddings", "image_embeddings"])
async def test_str_of_client_without_model_info_is_the_object_repr(clients, emulator, factory):
    """B13.4: ``str(client)`` is ``object.__repr__``; it sends nothing."""
    client = getattr(clients, factory)()
    name = {"chat": "ChatCompletionsClient", "embeddings": "EmbeddingsClient"}.get(factory, "ImageEmbeddingsClient")
    module = "azure.ai.inference.aio._patch" if clients.is_async else "azure.ai.inference._patch"
    assert re.fullmatch(f"<{re.escape(module)}\\.{name} object at 0x[0-9a-f]+>", str(client))
    assert emulator.requests == []


async def test_str_of_client_shows_cached_model_info(clients, emulator):
    """B13.4: with model info cached, ``str`` adds ``"\\n"`` and the info's dict repr; no request."""
    emulator.script(Reply(json=MODEL_INFO_RESPONSE))
    client = clients.chat()
    await resolve(client.get_model_info())
    shown = str(client)
    assert shown == object.__repr__(client) + "\n" + str(MODEL_INFO_RESPONSE)
    assert repr(client) == object.__repr__(client)
    assert len(emulator.requests) == 1
