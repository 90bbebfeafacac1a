"""A call never waits for a connection beyond its timeouts (issue 19, item 5); sync and aio.

The pool here holds TWO connections, both kept by streams the caller still holds (the server is silent
after two events). aio: aiohttp's connector would make the next call wait for ever; the wait is bounded
by the call's ``connection_timeout`` or its ``timeout`` and ends as ``ServiceRequestTimeoutError``
naming the pool. sync: urllib3's pool (``pool_block=False``, requests' default) opens one more
connection, so the call does not wait at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any, AsyncIterator

import pytest
import requests
from azure.core.exceptions import ServiceRequestTimeoutError
from azure.core.pipeline.transport import AioHttpTransport, RequestsTransport

from azure.ai.inference.models import UserMessage
from tests.emulator import Emulator, Fault, Reply
from tests.flavors import ClientFactory, close_stream, resolve
from tests.sse_streams import W2_EVENTS, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
POOL_SIZE = 2
WAIT = 0.5  # seconds: the bound under test
BOUND = 10.0  # seconds: what a wait for ever is cut to


@pytest.fixture
async def small_pool_chat(clients: ClientFactory) -> AsyncIterator[Any]:
    """A chat client of the flavor over a transport whose pool keeps ``POOL_SIZE`` connections."""
    if clients.is_async:
        import aiohttp

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=POOL_SIZE))
        yield clients.chat(transport=AioHttpTransport(session=session, session_owner=False))
        await session.close()
        return
    sync_session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=POOL_SIZE)  # pool_block=False
    sync_session.mount("http://", adapter)
    yield clients.chat(transport=RequestsTransport(session=sync_session, session_owner=False))
    sync_session.close()


@contextlib.asynccontextmanager
async def pool_held_by_streams(chat: Any, emulator: Emulator, count: int) -> AsyncIterator[None]:
    """``count`` streams whose connections stay in use (each read its first update, the server is silent)
    while the block runs; then the server goes on and the streams are closed."""
    streams = []
    try:
        for _ in range(count):
            emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=2))
            stream = await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))
            streams.append(stream)
            update = await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)
            assert update.choices[0].delta.role == "assistant"
        yield
    finally:
        emulator.release_stalls()
        for stream in streams:
            await close_stream(stream)


async def timed_call(chat: Any, **kwargs: Any) -> Any:
    started = time.monotonic()
    result = await asyncio.wait_for(resolve(chat.complete(messages=[UserMessage("hi")], **kwargs)), BOUND)
    return result, time.monotonic() - started


async def test_a_full_pool_makes_a_call_wait_no_longer_than_its_connection_timeout(
    clients: ClientFactory, emulator: Emulator, small_pool_chat: Any
) -> None:
    async with pool_held_by_streams(small_pool_chat, emulator, POOL_SIZE):
        if clients.is_async:
            with pytest.raises(ServiceRequestTimeoutError) as raised:
                await timed_call(small_pool_chat, connection_timeout=WAIT)
            message = str(raised.value)
            assert message.startswith(f"Connection pool timeout: no connection became free within connection_timeout={WAIT:g} s")
            assert f"all {POOL_SIZE} connections of the client's pool are in use" in message
            assert "aclose()" in message and "limit=" in message
            assert len(emulator.requests) == POOL_SIZE  # never sent, not retried
        else:
            completion, elapsed = await timed_call(small_pool_chat, connection_timeout=WAIT)
            assert completion.choices[0].message.content  # an extra connection, at once
            assert elapsed < WAIT
            assert len({request.connection for request in emulator.requests}) == POOL_SIZE + 1
    completion, _ = await timed_call(small_pool_chat, connection_timeout=WAIT)  # the pool is whole again
    assert completion.choices[0].message.content


async def test_a_full_pool_makes_a_call_wait_no_longer_than_its_timeout(
    clients: ClientFactory, emulator: Emulator, small_pool_chat: Any
) -> None:
    async with pool_held_by_streams(small_pool_chat, emulator, POOL_SIZE):
        if clients.is_async:
            started = time.monotonic()
            with pytest.raises(ServiceRequestTimeoutError, match="^Connection pool timeout: .* within the call's timeout;"):
                await timed_call(small_pool_chat, timeout=WAIT)  # connection_timeout stays at 300 s
            assert WAIT * 0.9 <= time.monotonic() - started < BOUND
        else:
            completion, _ = await timed_call(small_pool_chat, timeout=WAIT)
            assert completion.choices[0].message.content


async def test_the_default_sync_pool_never_blocks_a_call(flavor: str, emulator: Emulator, clients: ClientFactory) -> None:
    if flavor == "aio":
        pytest.skip("aiohttp's default pool holds 100 connections; the bound is tested on a small pool above")
    chat = clients.chat()
    async with pool_held_by_streams(chat, emulator, 11):  # requests' default pool keeps 10 connections per host
        completion, elapsed = await timed_call(chat)
    assert completion.choices[0].message.content
    assert elapsed < BOUND
    assert len(emulator.requests) == 12
