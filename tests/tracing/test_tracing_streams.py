"""Stream spans, sync and async: they always end, once, and the quirks of §16 (Q3-Q10) are fixed."""

from __future__ import annotations

import gc
import logging
import warnings

import pytest
from azure.core.exceptions import HttpResponseError
from opentelemetry import trace
from opentelemetry.trace import StatusCode

from azure.ai.inference.models import AsyncStreamingChatCompletions, StreamingChatCompletions, UserMessage
from tests.emulator import Reply
from tests.flavors import close_stream, collect, resolve

_HEADER = {
    "id": "chatcmpl-s01",
    "object": "chat.completion.chunk",
    "created": 1730000010,
    "model": "mock-model-2025-01-01",
}
_USAGE = {"prompt_tokens": 12, "completion_tokens": 6, "total_tokens": 18}


def chunk(*choices, **extra):
    return {**_HEADER, "choices": list(choices), **extra}


def delta(index=0, finish_reason=None, **fields):
    return {"index": index, "delta": fields, "finish_reason": finish_reason}


TEXT_STREAM = [
    chunk(delta(role="assistant", content="")),
    chunk(delta(content="Paris")),
    chunk(delta(content=" is")),
    chunk(delta(content=" the capital.")),
    chunk(delta(finish_reason="stop"), usage=_USAGE),
]
MESSAGES = [UserMessage("What is the capital of France?")]


async def _open(clients, emulator, events, **kwargs):
    emulator.script(Reply.sse(events))
    return await resolve(clients.chat().complete(messages=MESSAGES, stream=True, **kwargs))


async def _next(stream):
    return await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)


def _choice_events(telemetry, span):
    return [payload for name, payload in telemetry.events(span) if name == "gen_ai.choice"]


def _response_attributes(telemetry, span):
    return {
        key: value for key, value in telemetry.attributes(span) if key.startswith(("gen_ai.response", "gen_ai.usage"))
    }


async def test_stream_is_the_traced_subclass_of_the_flavor(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    stream = await _open(clients, emulator, TEXT_STREAM)
    expected = AsyncStreamingChatCompletions if clients.is_async else StreamingChatCompletions
    assert (isinstance(stream, expected), type(stream).__name__) == (
        True,
        "AsyncTracedStream" if clients.is_async else "TracedStream",
    )
    await close_stream(stream)


async def test_stream_span_ends_at_exhaustion_with_response_attributes(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    stream = await _open(clients, emulator, TEXT_STREAM)
    await collect(stream)
    span = telemetry.only_span()
    assert _response_attributes(telemetry, span) == {
        "gen_ai.response.id": "chatcmpl-s01",
        "gen_ai.response.model": "mock-model-2025-01-01",
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.usage.output_tokens": 6,
        "gen_ai.response.finish_reasons": ["stop"],
    }
    assert _choice_events(telemetry, span) == [
        {"message": {"content": "Paris is the capital."}, "finish_reason": "stop", "index": 0}
    ]


@pytest.mark.parametrize("recording", [True, False], ids=["recording", "no-recording"])
async def test_stream_span_ends_on_break_then_close_and_redacts_without_recording(
    clients, emulator, instrumentor, telemetry, recording
):
    """Q3/Q4/Q5: an early stop ends the span; content stays hidden when recording is off."""
    instrumentor.instrument(enable_content_recording=recording)
    stream = await _open(clients, emulator, TEXT_STREAM)
    received = [await _next(stream), await _next(stream), await _next(stream)]
    assert received[2].choices[0].delta.content == " is"
    assert telemetry.gen_ai_spans() == []
    await close_stream(stream)
    span = telemetry.only_span()
    assert span.status.status_code == StatusCode.UNSET
    assert _response_attributes(telemetry, span) == {}
    expected = {"message": {"content": "Paris is"}, "finish_reason": "error", "index": 0}
    assert _choice_events(telemetry, span) == [expected if recording else {"finish_reason": "error", "index": 0}]


async def test_stream_span_ends_when_the_context_manager_exits_early(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    stream = await _open(clients, emulator, TEXT_STREAM)
    if clients.is_async:
        async with stream:
            await stream.__anext__()
    else:
        with stream:
            next(stream)
    assert _choice_events(telemetry, telemetry.only_span()) == [{"finish_reason": "error", "index": 0}]


async def test_stream_span_ends_when_closed_before_any_update(clients, emulator, instrumentor, telemetry):
    """Q4/T-12.10: closing a stream that was never iterated still ends (and exports) its span."""
    instrumentor.instrument()
    stream = await _open(clients, emulator, TEXT_STREAM)
    await close_stream(stream)
    span = telemetry.only_span()
    assert (span.name, _choice_events(telemetry, span)) == ("chat", [{"finish_reason": "error", "index": 0}])


async def test_stream_span_ends_when_the_stream_is_garbage_collected(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    stream = await _open(clients, emulator, TEXT_STREAM)
    await _next(stream)
    await resolve(stream._response.close())  # the HTTP response is released; the stream itself is just dropped
    # An async stream still reading when collected warns (ResourceWarning, tested in test_stream_shells);
    # whether this one is still reading depends on how the emulator's writes were coalesced.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        del stream
        gc.collect()
    assert _choice_events(telemetry, telemetry.only_span()) == [{"finish_reason": "error", "index": 0}]


async def test_stream_error_ends_the_span_with_error_status_and_type(clients, emulator, instrumentor, telemetry):
    """Q5: an error while reading is recorded (status, error.type, exception event) and re-raised."""
    instrumentor.instrument(enable_content_recording=False)
    events = [TEXT_STREAM[0], TEXT_STREAM[1], {"error": {"code": "Overloaded", "message": "Try later"}}]
    stream = await _open(clients, emulator, events)
    with pytest.raises(HttpResponseError) as raised:
        await collect(stream)
    span = telemetry.only_span()
    assert (span.status.status_code, span.status.description) == (StatusCode.ERROR, str(raised.value))
    assert dict(span.attributes)["error.type"] == "azure.core.exceptions.HttpResponseError"
    assert [name for name, _ in telemetry.events(span)] == ["exception", "gen_ai.choice"]
    assert _choice_events(telemetry, span) == [{"finish_reason": "error", "index": 0}]


async def test_stream_span_ends_exactly_once(clients, emulator, instrumentor, telemetry, caplog):
    instrumentor.instrument()
    stream = await _open(clients, emulator, TEXT_STREAM)
    with caplog.at_level(logging.WARNING):
        assert len(await collect(stream)) == 5
        assert await collect(stream) == []
        await close_stream(stream)
        del stream
        gc.collect()
    assert [span.name for span in telemetry.gen_ai_spans()] == ["chat"]
    assert [record.getMessage() for record in caplog.records if "ended span" in record.getMessage()] == []


async def test_sync_stream_is_traced_when_read_with_next_without_iter(clients, emulator, instrumentor, telemetry):
    """Q4: ``next(stream)`` without ``iter()`` goes through the traced path too."""
    instrumentor.instrument(enable_content_recording=True)
    stream = await _open(clients, emulator, TEXT_STREAM)
    for _ in range(5):
        await _next(stream)
    if clients.is_async:
        with pytest.raises(StopAsyncIteration):
            await stream.__anext__()
    else:
        assert next(stream, None) is None
    assert _choice_events(telemetry, telemetry.only_span())[0]["message"] == {"content": "Paris is the capital."}


async def test_chat_span_is_not_current_while_the_caller_iterates(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    tracer = trace.get_tracer("tests")
    with tracer.start_as_current_span("caller") as caller:
        stream = await _open(clients, emulator, TEXT_STREAM)
        current = []
        for _ in range(5):
            await _next(stream)
            current.append(trace.get_current_span())
        await close_stream(stream)
    chat = telemetry.only_span()
    assert chat.parent.span_id == caller.get_span_context().span_id
    assert {span.get_span_context().span_id for span in current} == {caller.get_span_context().span_id}


async def test_usage_only_final_chunk_is_safe_and_keeps_finish_reasons(clients, emulator, instrumentor, telemetry):
    """Q6/Q9: an OpenAI-style trailing usage chunk with empty choices neither fails nor hides the finish reason."""
    instrumentor.instrument(enable_content_recording=True)
    events = TEXT_STREAM[:-1] + [chunk(delta(finish_reason="stop")), chunk(usage=_USAGE)]
    stream = await _open(clients, emulator, events)
    assert len(await collect(stream)) == 6
    span = telemetry.only_span()
    assert _response_attributes(telemetry, span)["gen_ai.response.finish_reasons"] == ["stop"]
    assert _response_attributes(telemetry, span)["gen_ai.usage.output_tokens"] == 6
    assert _choice_events(telemetry, span) == [
        {"message": {"content": "Paris is the capital."}, "finish_reason": "stop", "index": 0}
    ]


async def test_interleaved_tool_call_deltas_are_stitched_by_index(clients, emulator, instrumentor, telemetry):
    """Q7: deltas go to the call with their ``index``; a first delta without ``id`` is safe."""
    instrumentor.instrument(enable_content_recording=True)
    events = [
        chunk(delta(role="assistant", tool_calls=[{"index": 0, "function": {"name": "a", "arguments": '{"x"'}}])),
        chunk(
            delta(
                tool_calls=[
                    {"index": 1, "id": "call_b", "type": "function", "function": {"name": "b", "arguments": '{"y"'}}
                ]
            )
        ),
        chunk(delta(tool_calls=[{"index": 0, "id": "call_a", "function": {"arguments": ": 1}"}}])),
        chunk(delta(tool_calls=[{"index": 1, "function": {"arguments": ": 2}"}}])),
        chunk(delta(finish_reason="tool_calls")),
    ]
    stream = await _open(clients, emulator, events)
    await collect(stream)
    calls = _choice_events(telemetry, telemetry.only_span())[0]["message"]["tool_calls"]
    assert calls == [
        {"id": "call_a", "type": "function", "function": {"name": "a", "arguments": '{"x": 1}'}},
        {"id": "call_b", "type": "function", "function": {"name": "b", "arguments": '{"y": 2}'}},
    ]


async def test_several_choices_stay_separate(clients, emulator, instrumentor, telemetry):
    """Q8: one choice event per choice index, each with its own content and finish reason."""
    instrumentor.instrument(enable_content_recording=True)
    events = [
        chunk(delta(0, content="A1"), delta(1, content="B1")),
        chunk(delta(0, content="A2"), delta(1, content="B2")),
        chunk(delta(0, "stop"), delta(1, "length")),
    ]
    stream = await _open(clients, emulator, events)
    await collect(stream)
    span = telemetry.only_span()
    assert _response_attributes(telemetry, span)["gen_ai.response.finish_reasons"] == ["stop", "length"]
    assert _choice_events(telemetry, span) == [
        {"message": {"content": "A1A2"}, "finish_reason": "stop", "index": 0},
        {"message": {"content": "B1B2"}, "finish_reason": "length", "index": 1},
    ]


async def test_unknown_streamed_finish_reason_is_recorded_as_received(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    stream = await _open(clients, emulator, [chunk(delta(content="x")), chunk(delta(finish_reason="weird_reason"))])
    assert len(await collect(stream)) == 2
    span = telemetry.only_span()
    assert _response_attributes(telemetry, span)["gen_ai.response.finish_reasons"] == ["weird_reason"]
    assert _choice_events(telemetry, span) == [{"finish_reason": "weird_reason", "index": 0}]


async def test_stream_requested_in_a_positional_body_is_traced(clients, emulator, instrumentor, telemetry):
    """Q10: the returned stream, not the ``stream`` keyword, decides."""
    instrumentor.instrument()
    emulator.script(Reply.sse(TEXT_STREAM))
    body = {"messages": [{"role": "user", "content": "hi"}], "stream": True}
    stream = await resolve(clients.chat().complete(body))
    assert telemetry.gen_ai_spans() == []
    assert len(await collect(stream)) == 5
    span = telemetry.only_span()
    assert _response_attributes(telemetry, span)["gen_ai.response.id"] == "chatcmpl-s01"


async def test_non_ascii_stream_content_stays_readable_in_the_payload(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    stream = await _open(
        clients,
        emulator,
        [chunk(delta(content="Café ")), chunk(delta(content="東京")), chunk(delta(finish_reason="stop"))],
    )
    await collect(stream)
    assert telemetry.contents(telemetry.only_span())[-1] == (
        '{"message": {"content": "Café 東京"}, "finish_reason": "stop", "index": 0}'
    )


async def test_a_stream_subclass_keeps_its_own_methods_when_traced(
    clients, emulator, instrumentor, telemetry, monkeypatch
):
    import azure.ai.inference.models as models

    class Sync(models.StreamingChatCompletions):
        def kind(self):
            return "sync subclass"

    class Async(models.AsyncStreamingChatCompletions):
        def kind(self):
            return "async subclass"

    monkeypatch.setattr(models, "StreamingChatCompletions", Sync)
    monkeypatch.setattr(models, "AsyncStreamingChatCompletions", Async)
    instrumentor.instrument()
    stream = await _open(clients, emulator, TEXT_STREAM)
    assert (stream.kind(), isinstance(stream, Async if clients.is_async else Sync)) == (
        "async subclass" if clients.is_async else "sync subclass",
        True,
    )
    assert len(await collect(stream)) == 5
    assert _choice_events(telemetry, telemetry.only_span()) == [{"finish_reason": "stop", "index": 0}]
