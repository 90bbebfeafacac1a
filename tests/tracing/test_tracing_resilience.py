"""The instrumentation never breaks a call: its own failures are logged and the call goes on."""

from __future__ import annotations

import logging

from azure.ai.inference._sansio.accumulator import ChatCompletionsAccumulator
from azure.ai.inference._tracing import operations
from azure.ai.inference.models import UserMessage
from tests.emulator import Reply
from tests.flavors import collect, resolve

COMPLETION = {
    "id": "c",
    "model": "m",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
}
CHUNKS = [
    {"id": "s", "model": "m", "choices": [{"index": 0, "delta": {"content": "o"}, "finish_reason": None}]},
    {"id": "s", "model": "m", "choices": [{"index": 0, "delta": {"content": "k"}, "finish_reason": "stop"}]},
]


def _broken(*_args, **_kwargs):
    raise RuntimeError("instrumentation bug")


class _BrokenAccumulator(ChatCompletionsAccumulator):
    """The span's accumulator fails; the stream's own one (behind get_final_completion) does not."""

    add = _broken


def _logged_failures(caplog):
    return [record.getMessage() for record in caplog.records if record.name == "azure.ai.inference._tracing.spans"]


async def test_a_failure_before_the_call_leaves_it_untraced(
    clients, emulator, instrumentor, telemetry, monkeypatch, caplog
):
    instrumentor.instrument()
    monkeypatch.setattr(operations, "describe_call", _broken)
    emulator.script(Reply(json=COMPLETION))
    with caplog.at_level(logging.WARNING):
        result = await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    assert (result.choices[0].message.content, telemetry.gen_ai_spans()) == ("ok", [])
    assert _logged_failures(caplog) == ["azure-ai-inference tracing failed; the call itself is not affected"]


async def test_a_failure_while_recording_the_result_still_returns_it_and_ends_the_span(
    clients, emulator, instrumentor, telemetry, monkeypatch, caplog
):
    instrumentor.instrument()
    monkeypatch.setattr(operations, "chat_response_attributes", _broken)
    emulator.script(Reply(json=COMPLETION))
    with caplog.at_level(logging.WARNING):
        result = await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    assert result.choices[0].message.content == "ok"
    assert (telemetry.only_span().name, len(_logged_failures(caplog))) == ("chat", 1)


async def test_a_failure_while_accumulating_a_stream_does_not_reach_the_consumer(
    clients, emulator, instrumentor, telemetry, monkeypatch, caplog
):
    instrumentor.instrument()
    monkeypatch.setattr(operations, "ChatCompletionsAccumulator", _BrokenAccumulator)
    emulator.script(Reply.sse(CHUNKS))
    stream = await resolve(clients.chat().complete(messages=[UserMessage("hi")], stream=True))
    with caplog.at_level(logging.WARNING):
        updates = await collect(stream)
    assert "".join(update.choices[0].delta.content for update in updates) == "ok"
    assert (telemetry.only_span().name, len(_logged_failures(caplog))) == ("chat", 2)


async def test_a_method_captured_before_uninstrument_stops_tracing(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    complete = clients.chat().complete
    instrumentor.uninstrument()
    emulator.script(Reply(json=COMPLETION))
    result = await resolve(complete(messages=[UserMessage("hi")]))
    assert (result.choices[0].message.content, telemetry.gen_ai_spans()) == ("ok", [])
