"""Timeouts, sync and aio: ``read_timeout`` (constructor or per call) bounds a stalled response, streamed
or not; a POST that timed out is not sent again; ``timeout`` bounds the whole call across retries."""

from __future__ import annotations

import contextlib
import time
from typing import Any, Iterator

import pytest
from azure.core.exceptions import ServiceResponseTimeoutError

from azure.ai.inference.models import UserMessage

from tests.emulator import Fault, Reply
from tests.flavors import resolve

QUESTION = [UserMessage("What is the capital of France?")]
READ_TIMEOUT = 0.3
BOUND = READ_TIMEOUT + 5.0
"""The upper bound, in seconds, of a call that must time out: the read timeout and a wide margin."""
CHUNK = {
    "id": "c1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}, "finish_reason": None}],
}
COMPLETION = {
    "id": "x" * 64,
    "object": "chat.completion",
    "created": 1,
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Paris"}, "finish_reason": "stop"}],
}


@contextlib.contextmanager
def _within(seconds: float) -> Iterator[None]:
    """Fail if the block takes longer than ``seconds`` (the fault must end within its bound)."""
    started = time.monotonic()
    yield
    assert time.monotonic() - started < seconds


async def _next_update(stream: Any) -> Any:
    return await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)


@pytest.mark.parametrize("where", ["constructor", "call"])
async def test_stalled_body_raises_service_response_timeout(clients, stalls, record_waits, where):
    chat = clients.chat(read_timeout=READ_TIMEOUT) if where == "constructor" else clients.chat()
    waits = record_waits(chat)
    per_call = {"read_timeout": READ_TIMEOUT} if where == "call" else {}
    stalls.script(Reply(json=COMPLETION, fault=Fault.STALL_BODY))
    with _within(BOUND), pytest.raises(ServiceResponseTimeoutError):
        await resolve(chat.complete(messages=QUESTION, **per_call))
    assert (len(stalls.requests), waits) == (1, [])


@pytest.mark.parametrize("where", ["constructor", "call"])
async def test_stalled_stream_raises_service_response_timeout_after_the_first_update(clients, stalls, where):
    chat = clients.chat(read_timeout=READ_TIMEOUT) if where == "constructor" else clients.chat()
    per_call = {"read_timeout": READ_TIMEOUT} if where == "call" else {}
    stalls.script(Reply.sse([CHUNK, CHUNK], fault=Fault.STALL_BODY, fault_after_chunks=1))
    stream = await resolve(chat.complete(messages=QUESTION, stream=True, **per_call))
    first = await _next_update(stream)
    with _within(BOUND), pytest.raises(ServiceResponseTimeoutError):
        await _next_update(stream)
    assert first.choices[0].delta.content == "Par"
    assert len(stalls.requests) == 1


async def test_server_that_never_answers_a_post_times_out_without_a_retry(clients, stalls, record_waits):
    chat = clients.chat(read_timeout=READ_TIMEOUT)
    waits = record_waits(chat)
    stalls.script(Reply(json=COMPLETION, fault=Fault.STALL_BEFORE_RESPONSE))
    with _within(BOUND), pytest.raises(ServiceResponseTimeoutError):
        await resolve(chat.complete(messages=QUESTION))
    assert (len(stalls.requests), waits) == (1, [])


async def test_stream_request_that_is_never_answered_times_out(clients, stalls):
    chat = clients.chat(read_timeout=READ_TIMEOUT)
    stalls.script(Reply.sse([CHUNK], fault=Fault.STALL_BEFORE_RESPONSE))
    with _within(BOUND), pytest.raises(ServiceResponseTimeoutError):
        await resolve(chat.complete(messages=QUESTION, stream=True))
    assert len(stalls.requests) == 1


async def test_get_model_info_read_timeout_is_retried_as_azure_core_does_for_get(clients, stalls, record_waits):
    chat = clients.chat(read_timeout=READ_TIMEOUT)
    waits = record_waits(chat)
    stalls.script(Reply(json={"model_name": "m"}, fault=Fault.STALL_BEFORE_RESPONSE), path="/info")
    info = await resolve(chat.get_model_info())
    assert info.model_name == "emulator-model"
    assert (len(stalls.requests), len(waits)) == (2, 1)


async def test_timeout_zero_raises_before_sending(clients, emulator):
    with pytest.raises(ServiceResponseTimeoutError):
        await resolve(clients.chat().complete(messages=QUESTION, timeout=0))
    assert emulator.requests == []


async def test_timeout_bounds_the_whole_call_across_retries(clients, stalls, record_waits):
    """The deadline cuts the attempt's read short, and no retry wait starts once it has passed."""
    chat = clients.chat(read_timeout=READ_TIMEOUT)
    waits = record_waits(chat)
    stalls.script(Reply(json={"model_name": "m"}, fault=Fault.STALL_BEFORE_RESPONSE), path="/info")
    with pytest.raises(ServiceResponseTimeoutError, match="Response timeout: .* timeout of 0.15 s"):
        await resolve(chat.get_model_info(timeout=READ_TIMEOUT / 2))
    assert (len(stalls.requests), waits) == (1, [])
