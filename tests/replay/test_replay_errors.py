"""Replay of recorded error responses: 401 (chat, embeddings) and the plain-text 404."""

from __future__ import annotations

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import ClientAuthenticationError, ResourceNotFoundError

from azure.ai.inference.models import UserMessage
from tests.behavior.wire import odata_error
from tests.emulator import Emulator
from tests.flavors import resolve
from tests.replay.recordings import Exchange, Recordings
from tests.replay.replay_checks import assert_request_matches, client_for

CHAT = "test_chat_completions_client.pyTestChatCompletionsClient"
EMBEDDINGS_AUTH_FAILURE = (
    "test_embeddings_client_async.pyTestEmbeddingsClientAsynctest_async_embeddings_with_auth_failure"
)
AUTH_FAILED = "Auth token validation failed. Please provide a valid key or a valid AAD token"


def _load(recordings: Recordings, emulator: Emulator, name: str) -> Exchange:
    (exchange,) = recordings.load(name)
    emulator.script(exchange.reply())
    return exchange


async def test_replay_chat_auth_failure(clients, emulator, recordings):
    """B12.1/B12.2: A bad key: the service's 401 -> ClientAuthenticationError carrying its message."""
    exchange = _load(recordings, emulator, CHAT + "test_chat_completion_with_auth_failure")
    client = client_for(clients, "chat", exchange, credential=AzureKeyCredential("not-the-key"))
    messages = [UserMessage(message["content"]) for message in exchange.request_body["messages"]]
    with pytest.raises(ClientAuthenticationError) as caught:
        await resolve(client.complete(messages=messages))
    assert_request_matches(emulator.last_request, exchange)
    assert (caught.value.status_code, caught.value.reason) == (401, "Unauthorized")
    assert odata_error(caught.value).message == AUTH_FAILED
    assert AUTH_FAILED in str(caught.value)


async def test_replay_embeddings_auth_failure(clients, emulator, recordings):
    """B12.1: The same 401 for ``embed``."""
    exchange = _load(recordings, emulator, EMBEDDINGS_AUTH_FAILURE)
    client = client_for(clients, "embeddings", exchange, credential=AzureKeyCredential("not-the-key"))
    with pytest.raises(ClientAuthenticationError) as caught:
        await resolve(client.embed(input=exchange.request_body["input"]))
    assert_request_matches(emulator.last_request, exchange)
    assert (caught.value.status_code, odata_error(caught.value).message) == (401, AUTH_FAILED)


async def test_replay_embeddings_on_chat_endpoint(clients, emulator, recordings):
    """B12.1/B12.2: a chat model's endpoint answers ``/embeddings`` with text/plain ``NOT FOUND`` ->
    ResourceNotFoundError (not rewritten: only ``/info`` 404s are)."""
    exchange = _load(recordings, emulator, CHAT + "test_embeddings_on_chat_completion_endpoint")
    client = client_for(clients, "embeddings", exchange)
    with pytest.raises(ResourceNotFoundError) as caught:
        await resolve(client.embed(input=exchange.request_body["input"]))
    assert_request_matches(emulator.last_request, exchange)
    assert caught.value.message == "Operation returned an invalid status 'Not Found'"
    assert str(caught.value) == "Operation returned an invalid status 'Not Found'\nContent: NOT FOUND"
    assert (caught.value.status_code, caught.value.error) == (404, None)
