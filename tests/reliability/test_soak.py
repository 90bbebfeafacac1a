"""Soak: 5,000 async calls (one in ten streamed) through one client against the emulator, with 17 faults
injected in every wave of 500 calls (throttling, 503, resets before and during the body, a cut body, 400).

Checked: every call ends in a correct result or a typed exception; retries happen (their waits are
recorded, never slept); no ResourceWarning and no asyncio "Unclosed ..." report; memory flat.

Memory is measured with ``tracemalloc``, started after six warm-up waves: the client-side memory still
allocated after the last wave (every allocation of the process except those made in the in-process
emulator's threads, left out by file filters) may exceed that after the seventh wave by at most
``MEMORY_GROWTH_BOUND`` (256 KiB over 1,500 calls; about 70-110 KiB is measured, a leak of 170 bytes a
call would fail). The test takes about 20 seconds on a 2-core machine (tracing slows the last waves);
it must finish within ``TIME_BOUND_SECONDS``.
"""

from __future__ import annotations

import asyncio
import gc
import time
import tracemalloc
import warnings
from collections import Counter
from typing import Any, Dict, List, Tuple

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError

from azure.ai.inference.aio import ChatCompletionsClient
from azure.ai.inference.models import UserMessage

from tests.emulator import Emulator, Fault, Reply
from tests.flavors import EMULATOR_KEY

CALLS = 5_000
WAVE = 500
CONCURRENCY = 32
WARM_UP_WAVES = 6
MEMORY_GROWTH_BOUND = 256 * 1024
TIME_BOUND_SECONDS = 90
TYPED_ERRORS = (HttpResponseError, ServiceRequestError, ServiceResponseError)  # azure-core classes only
QUESTION = [UserMessage("What is the capital of France?")]

pytestmark = pytest.mark.soak


def _faults() -> List[Reply]:
    """The replies scripted before each wave: they reach whichever requests come first."""
    busy = {"error": {"code": "Busy", "message": "try again"}}
    return [
        *[Reply(429, json=busy, headers={"retry-after-ms": "5"})] * 5,
        *[Reply(503, json=busy)] * 5,
        *[Reply(fault=Fault.RESET_BEFORE_RESPONSE)] * 3,
        *[Reply(json={"id": "x" * 300}, fault=Fault.RESET_MID_BODY)] * 2,
        Reply(body=b'{"id": "cut'),
        Reply(400, json={"error": {"code": "Bad", "message": "no"}}),
    ]


async def _one_call(client: ChatCompletionsClient, number: int, limit: asyncio.Semaphore) -> str:
    """Run one call; return how it ended (nothing of the result is kept, so memory can stay flat)."""
    async with limit:
        try:
            if number % 10 == 0:
                stream = await client.complete(messages=QUESTION, stream=True)
                async with stream:
                    text = "".join([u.choices[0].delta.content or "" async for u in stream if u.choices])
                return "streamed" if "Paris" in text else f"wrong stream text: {text!r}"
            result = await client.complete(messages=QUESTION)
            return "completed" if "Paris" in result.choices[0].message.content else f"wrong result: {result}"
        except TYPED_ERRORS as error:
            return f"error: {type(error).__name__}"
        except Exception as error:  # pylint: disable=broad-except  # an untyped failure fails the test
            return f"unexpected: {error!r}"


async def _wave(client: ChatCompletionsClient, emulator: Emulator, first: int) -> List[str]:
    emulator.script(*_faults())
    limit = asyncio.Semaphore(CONCURRENCY)
    outcomes = await asyncio.gather(*(_one_call(client, number, limit) for number in range(first, first + WAVE)))
    assert emulator.pending_replies == 0
    assert len(emulator.requests) > WAVE  # every call, and the retries
    emulator.clear()  # the recorded requests would count as growth
    return outcomes


# The emulator serves from threads of this process; what they allocate is not the client's memory.
_EMULATOR_SIDE = [
    tracemalloc.Filter(False, pattern)
    for pattern in (
        "*/tests/emulator/*",
        "*/socketserver.py",
        "*/http/server.py",
        "*/socket.py",
        "*/threading.py",
        "*/email/*",
        "*/tracemalloc.py",
    )
]


def _client_side_bytes() -> int:
    """The memory still allocated since tracing started, leaving out the emulator's threads."""
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces(_EMULATOR_SIDE)
    return sum(statistic.size for statistic in snapshot.statistics("filename"))


async def _run_waves(client: ChatCompletionsClient, emulator: Emulator) -> Tuple[Counter[str], int]:
    """Run every wave; return how the calls ended and the client-side memory growth after warm-up."""
    outcomes: Counter[str] = Counter()
    baseline = 0
    try:
        for wave in range(CALLS // WAVE):
            if wave == WARM_UP_WAVES:
                tracemalloc.start()
            outcomes.update(await _wave(client, emulator, wave * WAVE))
            if wave == WARM_UP_WAVES:
                baseline = _client_side_bytes()
        return outcomes, _client_side_bytes() - baseline
    finally:
        tracemalloc.stop()


async def test_soak_5000_async_calls_with_faults(emulator, record_waits):
    loop_reports: List[Dict[str, Any]] = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, context: loop_reports.append(context))
    started = time.monotonic()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with ChatCompletionsClient(emulator.url, AzureKeyCredential(EMULATOR_KEY)) as client:
            waits = record_waits(client)
            outcomes, growth = await _run_waves(client, emulator)
        gc.collect()
    elapsed = time.monotonic() - started
    errors = sum(count for outcome, count in outcomes.items() if outcome.startswith("error: "))
    assert sum(outcomes.values()) == CALLS
    assert [outcome for outcome in outcomes if outcome.split(":")[0] not in ("completed", "streamed", "error")] == []
    assert outcomes["streamed"] > 0 and outcomes["completed"] > 0
    # Each error used a non-retryable fault (4 a wave) or 4 retryable ones in a row (13 a wave).
    assert 0 < errors <= (4 + 13 // 4) * CALLS // WAVE
    assert len(waits) >= 13 * CALLS // WAVE - errors  # the 13 retryable faults of each wave
    assert ([str(warning.message) for warning in caught], loop_reports) == ([], [])
    measured_calls = CALLS - (WARM_UP_WAVES + 1) * WAVE
    assert growth < MEMORY_GROWTH_BOUND, f"client memory grew by {growth} bytes over {measured_calls} calls"
    assert elapsed < TIME_BOUND_SECONDS
