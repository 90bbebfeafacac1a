"""Closing a client ends its calls and streams in flight with an ``AzureError`` (issue 19, item 4); sync and
aio. No retry after the close (the retry would meet a closed transport: a ``ValueError`` in aio before)."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Callable

import pytest
from azure.core.exceptions import AzureError, ServiceRequestError, ServiceResponseError
from azure.core.pipeline.policies import AsyncRetryPolicy, RetryPolicy

from azure.ai.inference._closed_client import CLOSED_CLIENT_NOTE
from azure.ai.inference.models import UserMessage
from tests.emulator import Emulator, Fault, Reply
from tests.flavors import ClientFactory, resolve
from tests.sse_streams import W2_EVENTS, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
BOUND = 10  # seconds: far below the default read timeout (300 s), what a hang would take


async def in_background(clients: ClientFactory, work: Callable[[], Any]) -> "asyncio.Future[Any]":
    """Run ``work`` (a coroutine function for aio, a blocking function for sync) in a task / a thread."""
    return asyncio.ensure_future(work() if clients.is_async else asyncio.to_thread(work))


async def outcome(pending: "asyncio.Future[Any]") -> BaseException:
    with pytest.raises(AzureError) as raised:
        await asyncio.wait_for(pending, BOUND)
    return raised.value


async def test_closing_the_client_ends_a_stream_being_read(clients: ClientFactory, emulator: Emulator) -> None:
    emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=2))
    chat = clients.chat()
    stream = await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))
    try:
        reading = await in_background(clients, stream.get_final_completion)  # blocks: the server is silent
        started = time.monotonic()
        await resolve(chat.close())
        error = await outcome(reading)
        elapsed = time.monotonic() - started
    finally:
        emulator.release_stalls()
    assert elapsed < 5.0  # at once, not after the read timeout (300 s by default)
    assert error.__cause__ is not None
    with pytest.raises(AzureError) as again:
        await resolve(stream.get_final_completion())
    assert again.value is error
    assert len(emulator.requests) == 1


async def test_closing_the_client_ends_a_stream_handed_out_earlier(clients: ClientFactory, emulator: Emulator) -> None:
    emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=2))
    chat = clients.chat()
    stream = await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))
    try:
        await resolve(chat.close())
        started = time.monotonic()
        with pytest.raises(AzureError):
            await asyncio.wait_for(resolve(stream.get_final_completion()), BOUND)
        elapsed = time.monotonic() - started
    finally:
        emulator.release_stalls()
    assert elapsed < 5.0  # a closed client bounds the wait to 1 s (sync); aiohttp ended the connection (aio)
    assert stream._response.is_closed is True


@pytest.mark.parametrize("operation", ["complete", "get_model_info"])  # a POST, a GET
@pytest.mark.parametrize("retry_policy", ["ours", "azure-core's"])
async def test_closing_the_client_ends_a_call_waiting_for_its_answer_without_a_retry(
    clients: ClientFactory, emulator: Emulator, operation: str, retry_policy: str
) -> None:
    emulator.script(Reply(json={}, fault=Fault.STALL_BEFORE_RESPONSE))
    if retry_policy == "ours":
        chat = clients.chat()
    else:  # azure-core's policy retries a GET after any AzureError (and aiohttp retries a GET by itself)
        chat = clients.chat(retry_policy=AsyncRetryPolicy() if clients.is_async else RetryPolicy())

    def call() -> Any:  # the default read timeout: 300 s
        return chat.complete(messages=[UserMessage("hi")]) if operation == "complete" else chat.get_model_info()

    try:
        pending = await in_background(clients, call)
        await asyncio.to_thread(emulator.wait_for_requests, 1)
        started = time.monotonic()
        await resolve(chat.close())
        error = await outcome(pending)
        elapsed = time.monotonic() - started
    finally:
        emulator.release_stalls()
    assert elapsed < 5.0  # at once: sync shuts down the waiting socket, aiohttp closes its connections
    assert isinstance(error, (ServiceRequestError, ServiceResponseError))  # not the closed transport's ValueError
    assert error.__cause__ is not None  # the transport's broken connection, chained
    assert CLOSED_CLIENT_NOTE in getattr(error, "__notes__", [])
    assert len(emulator.requests) == 1
