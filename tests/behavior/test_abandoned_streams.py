"""Streams dropped without being closed give their connection back when garbage-collected (issue 19,
item 5); sync and aio, each over a pool of ONE connection, so a connection kept by a dropped stream
would make the next call wait for ever (bounded here by ``asyncio.wait_for``/a future's timeout).

The async stream still warns (``ResourceWarning``: it should have been closed); the sync one does not.
"""

from __future__ import annotations

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator

import pytest
import requests
from azure.core.credentials import AzureKeyCredential
from azure.core.pipeline.transport import AioHttpTransport, RequestsTransport

import azure.ai.inference as sync_package
import azure.ai.inference.aio as aio_package
from azure.ai.inference.models import UserMessage
from tests.emulator import Emulator, Fault, Reply
from tests.flavors import EMULATOR_KEY, resolve
from tests.sse_streams import W2_EVENTS, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
ABANDONED = 3
BOUND = 10.0


@pytest.fixture
async def one_connection_chat(flavor: str, emulator: Emulator) -> AsyncIterator[Any]:
    """A chat client of the flavor whose transport holds at most one connection (callers wait for it)."""
    credential = AzureKeyCredential(EMULATOR_KEY)
    if flavor == "aio":
        import aiohttp

        aio_session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1))
        transport: Any = AioHttpTransport(session=aio_session, session_owner=False)
        async with aio_package.ChatCompletionsClient(emulator.url, credential, transport=transport) as client:
            yield client
        await aio_session.close()
        return
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=1, pool_block=True))
    with sync_package.ChatCompletionsClient(emulator.url, credential, transport=RequestsTransport(session=session)) as client:
        yield client
    session.close()


async def first_update_then_drop(chat: Any) -> str:
    stream = await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))
    update = await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)
    return "assistant" if update.choices[0].delta.role == "assistant" else repr(update)  # then dropped, unclosed


async def bounded(call: Any, is_async: bool) -> Any:
    if is_async:
        return await asyncio.wait_for(call(), BOUND)
    with ThreadPoolExecutor(1) as pool:  # a sync call waiting for a connection cannot be interrupted otherwise
        return pool.submit(lambda: asyncio.run(call())).result(BOUND)


async def test_an_abandoned_stream_gives_its_connection_back(
    flavor: str, emulator: Emulator, one_connection_chat: Any
) -> None:
    chat = one_connection_chat
    for _ in range(ABANDONED):  # each server stays silent after 2 events: the dropped stream is mid-body
        emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=2))
        if flavor == "aio":
            with pytest.warns(ResourceWarning, match="unclosed .*aclose"):
                assert await bounded(lambda: first_update_then_drop(chat), is_async=True) == "assistant"
                gc.collect()
        else:
            assert await bounded(lambda: first_update_then_drop(chat), is_async=False) == "assistant"
            gc.collect()
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await bounded(lambda: resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True)), flavor == "aio")
    final = await resolve(stream.get_final_completion())
    emulator.release_stalls()
    assert final.choices[0].message.content == "Hello 世界"
    assert len(emulator.requests) == ABANDONED + 1
    assert len({request.connection for request in emulator.requests}) == ABANDONED + 1  # each dropped one closed
