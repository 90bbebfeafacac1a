"""B17 (and B11.3): context managers, ``close()``, calls after close, streams outliving their client."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential

import azure.ai.inference as sync_package
from azure.ai.inference.models import AsyncStreamingChatCompletions, StreamingChatCompletions, UserMessage
from tests.flavors import EMULATOR_KEY, close_stream, collect, resolve

MESSAGES = [UserMessage("hi")]
CLOSED = "HTTP transport has already been closed."


async def _use_in_with_block(clients: Any, client: Any) -> Any:
    """Enter ``client`` with ``with``/``async with``, make one call; return the entered object."""
    if clients.is_async:
        async with client as entered:
            await entered.complete(messages=MESSAGES)
    else:
        with client as entered:
            entered.complete(messages=MESSAGES)
    return entered


async def test_context_manager_returns_the_same_client(clients, emulator):
    """B17.1/B11.3: ``with``/``async with`` gives back the client itself."""
    client = clients.chat()
    entered = await _use_in_with_block(clients, client)
    assert entered is client
    assert len(emulator.requests) == 1


async def test_call_after_with_block_fails_without_sending(clients, emulator):
    """B17.1/B17.2: leaving the block closes the transport; a later call raises ValueError."""
    client = clients.chat()
    await _use_in_with_block(clients, client)
    with pytest.raises(ValueError) as caught:
        await resolve(client.complete(messages=MESSAGES))
    assert str(caught.value).startswith(CLOSED)
    assert len(emulator.requests) == 1


async def test_call_after_close_fails_without_sending(clients, emulator):
    """B17.2: any call after ``close()`` raises ValueError (azure-core's closed-transport message)."""
    client = clients.embeddings()
    await resolve(client.embed(input=["x"]))
    await resolve(client.close())
    with pytest.raises(ValueError) as caught:
        await resolve(client.embed(input=["x"]))
    assert str(caught.value).startswith(CLOSED)
    assert len(emulator.requests) == 1


async def test_close_may_be_called_repeatedly(clients, emulator):
    """B17.1: a second (and third) ``close()`` is harmless."""
    client = clients.image_embeddings()
    results = [await resolve(client.close()) for _ in range(3)]
    assert results == [None, None, None]
    assert emulator.requests == []


async def test_async_clients_support_only_async_with(clients):
    """B11.3: async clients have ``__aenter__`` only; sync clients ``__enter__`` only."""
    client = clients.chat()
    assert (hasattr(client, "__enter__"), hasattr(client, "__aenter__")) == (not clients.is_async, clients.is_async)


async def test_async_client_operations_are_coroutines(clients):
    """B11.1: ``complete``/``embed``/``get_model_info``/``close``/``load_client`` are awaited in aio."""
    client = clients.embeddings()
    functions = [client.embed, client.get_model_info, client.close, clients.package.load_client]
    assert [inspect.iscoroutinefunction(function) for function in functions] == [clients.is_async] * 4


async def test_streaming_complete_returns_the_flavors_iterator(clients, emulator):
    """B11.2: (awaited) ``complete(stream=True)`` returns StreamingChatCompletions (aio: the async one)."""
    stream = await resolve(clients.chat().complete(messages=MESSAGES, stream=True))
    expected = AsyncStreamingChatCompletions if clients.is_async else StreamingChatCompletions
    updates = await collect(stream)
    await close_stream(stream)
    assert (type(stream), hasattr(stream, "__aiter__")) == (expected, clients.is_async)
    assert updates[-1].usage.total_tokens > 0


def test_sync_stream_outlives_its_closed_client(emulator):
    """B17.3: closing a (sync) client does not close a stream it returned; the stream is closed
    separately. Sync only: with aiohttp, closing the async client's session ends its connections."""
    client = sync_package.ChatCompletionsClient(emulator.url, AzureKeyCredential(EMULATOR_KEY))
    stream = client.complete(messages=MESSAGES, stream=True)
    client.close()
    with stream:
        updates = list(stream)
    usage = updates[-1].usage
    assert usage is not None and usage.total_tokens > 0
    assert len(emulator.requests) == 1
