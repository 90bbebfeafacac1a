"""``timeout`` as the deadline of the whole call (issue 16), sync and aio, against a stalling emulator:
it bounds each attempt's read, a stream's wait for its headers and the waits between retries; the
error names the deadline; sync and aio say the same. Elapsed times are checked loosely (no sleeps)."""

from __future__ import annotations

import contextlib
import time
from typing import Iterator

import pytest
from azure.core.exceptions import ServiceRequestError, ServiceResponseTimeoutError

from azure.ai.inference.models import UserMessage
from tests.emulator import Fault, Reply
from tests.flavors import resolve

QUESTION = [UserMessage("What is the capital of France?")]
DEADLINE = 0.4
MARGIN = 5.0
DEADLINE_TEXT = "Response timeout: the call did not complete within its timeout of 0.4 s"


@contextlib.contextmanager
def _within(seconds: float) -> Iterator[None]:
    started = time.monotonic()
    yield
    assert time.monotonic() - started < seconds


@pytest.mark.parametrize("where", ["call", "constructor"])
async def test_timeout_bounds_a_stalled_answer_although_read_timeout_is_long(clients, stalls, where):
    chat = clients.chat(timeout=DEADLINE) if where == "constructor" else clients.chat()
    per_call = {"timeout": DEADLINE} if where == "call" else {}
    stalls.script(Reply(json={}, fault=Fault.STALL_BEFORE_RESPONSE))
    with _within(DEADLINE + MARGIN), pytest.raises(ServiceResponseTimeoutError) as caught:
        await resolve(chat.complete(messages=QUESTION, **per_call))
    assert str(caught.value).startswith(DEADLINE_TEXT)
    assert "Timeout that fired: timeout=0.4 s (the deadline of the whole call)." in caught.value.__notes__
    assert len(stalls.requests) == 1


async def test_timeout_bounds_the_wait_for_a_streams_headers(clients, stalls):
    stalls.script(Reply.sse([{"id": "1", "choices": []}], fault=Fault.STALL_BEFORE_RESPONSE))
    with _within(DEADLINE + MARGIN), pytest.raises(ServiceResponseTimeoutError, match=DEADLINE_TEXT):
        await resolve(clients.chat().complete(messages=QUESTION, stream=True, timeout=DEADLINE))


async def test_timeout_bounds_slow_headers(clients, stalls):
    stalls.script(Reply(json={}, fault=Fault.STALL_IN_HEADERS))
    with _within(DEADLINE + MARGIN), pytest.raises(ServiceResponseTimeoutError, match=DEADLINE_TEXT):
        await resolve(clients.chat().complete(messages=QUESTION, timeout=DEADLINE))


async def test_a_retry_wait_that_would_pass_the_deadline_ends_the_call_at_once(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(503, json={"error": {"code": "Busy", "message": "busy"}}, headers={"Retry-After": "30"}))
    with pytest.raises(ServiceResponseTimeoutError, match="the 30 s wait before retry 1 would pass it"):
        await resolve(chat.complete(messages=QUESTION, timeout=10))
    assert (len(emulator.requests), waits) == (1, [])


async def test_retries_within_the_deadline_still_happen(clients, emulator, record_waits):
    chat = clients.chat()
    waits = record_waits(chat)
    emulator.script(Reply(503, json={"error": {"code": "Busy", "message": "busy"}}, headers={"Retry-After": "1"}))
    result = await resolve(chat.complete(messages=QUESTION, timeout=30))
    assert (result.choices[0].message.content, waits) == ("The capital of France is Paris.", [1.0])


async def test_read_timeout_message_is_the_same_sync_and_aio(clients, stalls):
    stalls.script(Reply(json={}, fault=Fault.STALL_BEFORE_RESPONSE))
    with pytest.raises(ServiceResponseTimeoutError) as caught:
        await resolve(clients.chat(read_timeout=0.3).complete(messages=QUESTION))
    assert str(caught.value) == "Read timed out: no response data arrived within read_timeout=0.3 s (per attempt)."
    assert "Timeout that fired: read_timeout=0.3 s (raise it per call or on the client)." in caught.value.__notes__


async def test_connection_error_notes_name_host_and_port(clients, closed_port_url):
    port = closed_port_url.rsplit(":", 1)[1]
    with pytest.raises(ServiceRequestError) as caught:
        await resolve(clients.chat(endpoint=closed_port_url, retry_total=0).complete(messages=QUESTION))
    assert f"No connection could be made to host 127.0.0.1 port {port}" in caught.value.__notes__[-1]
