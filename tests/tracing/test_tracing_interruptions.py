"""A call interrupted before its response headers leaves no span open (issue 19, item 8): neither the chat
span of this package nor azure-core's HTTP span (its ``DistributedTracingPolicy`` ends a span on an
``Exception`` only). aio: the task is cancelled while the emulator withholds the answer; sync: a
``KeyboardInterrupt`` raised inside the pipeline (by a log handler of azure-core's HTTP logging policy,
which runs after the HTTP span started)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Iterator

import pytest

from azure.ai.inference.models import UserMessage
from tests.emulator import Emulator, Fault, Reply
from tests.flavors import ClientFactory

HTTP_LOGGER = "azure.core.pipeline.policies.http_logging_policy"


class InterruptingHandler(logging.Handler):
    """Raises ``KeyboardInterrupt`` at the first request log record: a user pressing Ctrl-C mid-call."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.fired = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.fired and "Request URL" in record.getMessage():
            self.fired = True
            raise KeyboardInterrupt


@pytest.fixture
def interrupting_log() -> Iterator[InterruptingHandler]:
    logger = logging.getLogger(HTTP_LOGGER)
    handler, level = InterruptingHandler(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def interrupted_call(clients: ClientFactory, emulator: Emulator, chat: Any, log: InterruptingHandler) -> str:
    """Start a chat call and interrupt it before its headers; the interruption's type name."""
    if not clients.is_async:
        with pytest.raises(KeyboardInterrupt):
            chat.complete(messages=[UserMessage("hi")])
        assert log.fired
        return "KeyboardInterrupt"
    log.fired = True  # not used by the async call: the task is cancelled instead
    emulator.script(Reply(json={}, fault=Fault.STALL_BEFORE_RESPONSE))
    call = asyncio.ensure_future(chat.complete(messages=[UserMessage("hi")]))
    try:
        await asyncio.to_thread(emulator.wait_for_requests, 1)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
    finally:
        emulator.release_stalls()
    return "CancelledError"


async def test_a_call_interrupted_before_its_headers_ends_both_spans(
    clients: ClientFactory, emulator: Emulator, instrumentor: Any, telemetry: Any, interrupting_log: InterruptingHandler
) -> None:
    instrumentor.instrument()
    chat = clients.chat()
    interruption = await interrupted_call(clients, emulator, chat, interrupting_log)
    ended = {span.name: span for span in telemetry.spans()}
    assert sorted(ended) == ["POST", "chat"]
    assert str(ended["POST"].attributes["error.type"]).endswith(interruption)
    assert ended["POST"].parent is not None and ended["POST"].parent.span_id == ended["chat"].context.span_id
    assert str(ended["chat"].attributes["error.type"]).endswith(interruption)


async def test_the_http_span_is_ended_once(
    clients: ClientFactory, emulator: Emulator, telemetry: Any, interrupting_log: InterruptingHandler
) -> None:
    """Without the instrumentor: azure-core's span alone, ended exactly once by the interruption."""
    chat = clients.chat()
    interruption = await interrupted_call(clients, emulator, chat, interrupting_log)
    names = [span.name for span in telemetry.spans()]
    assert names == ["POST"]
    assert str(telemetry.spans()[0].attributes["error.type"]).endswith(interruption)
