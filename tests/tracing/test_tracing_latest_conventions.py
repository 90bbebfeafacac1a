"""``OTEL_SEMCONV_STABILITY_OPT_IN=gen_ai_latest_experimental``: the current GenAI semantic conventions."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from azure.ai.inference.models import (
    AssistantMessage,
    ChatCompletionsToolCall,
    FunctionCall,
    SystemMessage,
    ToolMessage,
    UserMessage,
)
from tests.emulator import Reply
from tests.flavors import close_stream, collect, resolve

COMPLETION = {
    "id": "chatcmpl-001",
    "object": "chat.completion",
    "created": 1730000000,
    "model": "mock-model-2025-01-01",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Paris is the capital of France."},
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 21, "completion_tokens": 7, "total_tokens": 28},
}
MESSAGES = [SystemMessage("You are a helpful assistant."), UserMessage("What is the capital of France?")]


@pytest.fixture
def latest(instrumentor, monkeypatch):
    """Instrument with the latest conventions; returns a function taking ``enable_content_recording``."""
    monkeypatch.setenv("OTEL_SEMCONV_STABILITY_OPT_IN", "http, gen_ai_latest_experimental")

    def instrument(recording: bool) -> None:
        instrumentor.instrument(enable_content_recording=recording)

    return instrument


async def _complete(clients, emulator, reply=None, **kwargs):
    emulator.script(Reply(json=reply or COMPLETION))
    kwargs.setdefault("messages", MESSAGES)
    return await resolve(clients.chat().complete(**kwargs))


def _json_attribute(span, key):
    return json.loads(dict(span.attributes)[key])


async def test_non_streaming_span_with_recording(clients, emulator, latest, telemetry):
    latest(True)
    await _complete(clients, emulator, model="mock-model", temperature=0.2, top_p=0.9, max_tokens=50)
    span = telemetry.only_span()
    assert (span.name, span.events) == ("chat mock-model", ())
    content = {"gen_ai.input.messages", "gen_ai.output.messages"}
    assert [(key, value) for key, value in telemetry.attributes(span) if key not in content] == [
        ("gen_ai.operation.name", "chat"),
        ("gen_ai.provider.name", "azure.ai.inference"),
        ("azure.resource_provider.namespace", "Microsoft.CognitiveServices"),
        ("gen_ai.request.model", "mock-model"),
        ("gen_ai.request.max_tokens", 50),
        ("gen_ai.request.temperature", 0.2),
        ("gen_ai.request.top_p", 0.9),
        ("server.address", "127.0.0.1"),
        ("server.port", urlsplit(emulator.url).port),
        ("gen_ai.response.id", "chatcmpl-001"),
        ("gen_ai.response.model", "mock-model-2025-01-01"),
        ("gen_ai.usage.input_tokens", 21),
        ("gen_ai.usage.output_tokens", 7),
        ("gen_ai.response.finish_reasons", ["stop"]),
    ]
    assert [key for key, _ in telemetry.attributes(span)][9::6] == ["gen_ai.input.messages", "gen_ai.output.messages"]
    assert _json_attribute(span, "gen_ai.input.messages") == [
        {"role": "system", "parts": [{"type": "text", "content": "You are a helpful assistant."}]},
        {"role": "user", "parts": [{"type": "text", "content": "What is the capital of France?"}]},
    ]
    assert _json_attribute(span, "gen_ai.output.messages") == [
        {
            "role": "assistant",
            "parts": [{"type": "text", "content": "Paris is the capital of France."}],
            "finish_reason": "stop",
        }
    ]
    assert "gen_ai.system" not in span.attributes and "gen_ai.system_instructions" not in span.attributes


async def test_without_recording_there_is_no_content_at_all(clients, emulator, latest, telemetry):
    latest(False)
    await _complete(clients, emulator, model="mock-model")
    span = telemetry.only_span()
    assert span.events == ()
    assert [key for key in span.attributes if "messages" in key] == []


async def test_values_sent_are_recorded_including_client_defaults(clients, emulator, latest, telemetry):
    latest(False)
    emulator.script(Reply(json=COMPLETION))
    chat = clients.chat(model="default-model", temperature=0.3, stop=["END"], seed=7, model_extras={"n": 2})
    await resolve(
        chat.complete(messages=MESSAGES, frequency_penalty=0.5, presence_penalty=-0.5, response_format="json_object")
    )
    span = telemetry.only_span()
    attributes = dict(span.attributes)
    assert span.name == "chat default-model"
    assert {key: attributes[key] for key in attributes if key.startswith(("gen_ai.request.", "gen_ai.output."))} == {
        "gen_ai.request.model": "default-model",
        "gen_ai.request.frequency_penalty": 0.5,
        "gen_ai.request.presence_penalty": -0.5,
        "gen_ai.request.seed": 7,
        "gen_ai.request.temperature": 0.3,
        "gen_ai.request.stop_sequences": ("END",),
        "gen_ai.request.choice.count": 2,
        "gen_ai.output.type": "json",
    }


async def test_no_model_means_no_model_attribute(clients, emulator, latest, telemetry):
    latest(False)
    await _complete(clients, emulator)
    span = telemetry.only_span()
    assert (span.name, "gen_ai.request.model" in span.attributes) == ("chat", False)


async def test_positional_body_values_are_recorded(clients, emulator, latest, telemetry):
    latest(True)
    emulator.script(Reply(json=COMPLETION))
    await resolve(
        clients.chat().complete({"messages": [{"role": "user", "content": "hi"}], "model": "in-body", "max_tokens": 5})
    )
    span = telemetry.only_span()
    assert (span.name, dict(span.attributes)["gen_ai.request.max_tokens"]) == ("chat in-body", 5)
    assert _json_attribute(span, "gen_ai.input.messages") == [
        {"role": "user", "parts": [{"type": "text", "content": "hi"}]}
    ]


async def test_tool_round_trip_messages_use_parts(clients, emulator, latest, telemetry):
    latest(True)
    call = ChatCompletionsToolCall(
        id="call_w1", function=FunctionCall(name="get_weather", arguments='{"city": "Seattle"}')
    )
    messages = [
        UserMessage("Weather?"),
        AssistantMessage(tool_calls=[call]),
        ToolMessage("Nice weather", tool_call_id="call_w1"),
    ]
    reply = dict(
        COMPLETION,
        choices=[
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": "call_2", "type": "function", "function": {"name": "get_time", "arguments": "not json"}}
                    ],
                },
            }
        ],
    )
    await _complete(clients, emulator, reply, messages=messages)
    span = telemetry.only_span()
    assert _json_attribute(span, "gen_ai.input.messages")[1:] == [
        {
            "role": "assistant",
            "parts": [{"type": "tool_call", "id": "call_w1", "name": "get_weather", "arguments": {"city": "Seattle"}}],
        },
        {"role": "tool", "parts": [{"type": "tool_call_response", "id": "call_w1", "response": "Nice weather"}]},
    ]
    assert _json_attribute(span, "gen_ai.output.messages") == [
        {
            "role": "assistant",
            "parts": [{"type": "tool_call", "id": "call_2", "name": "get_time", "arguments": "not json"}],
            "finish_reason": "tool_calls",
        }
    ]


async def test_stream_records_output_messages_and_the_stream_flag(clients, emulator, latest, telemetry):
    latest(True)
    chunks = [
        {
            "id": "s",
            "model": "m",
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Par"}, "finish_reason": None}],
        },
        {"id": "s", "model": "m", "choices": [{"index": 0, "delta": {"content": "is"}, "finish_reason": "stop"}]},
    ]
    emulator.script(Reply.sse(chunks))
    stream = await resolve(clients.chat().complete(messages=MESSAGES, stream=True))
    await collect(stream)
    span = telemetry.only_span()
    assert (dict(span.attributes)["gen_ai.request.stream"], span.events) == (True, ())
    assert _json_attribute(span, "gen_ai.output.messages") == [
        {"role": "assistant", "parts": [{"type": "text", "content": "Paris"}], "finish_reason": "stop"}
    ]


async def test_abandoned_stream_output_has_error_finish_reason(clients, emulator, latest, telemetry):
    latest(True)
    chunks = [
        {"id": "s", "model": "m", "choices": [{"index": 0, "delta": {"content": "Par"}, "finish_reason": None}]},
        {"id": "s", "model": "m", "choices": [{"index": 0, "delta": {"content": "is"}, "finish_reason": "stop"}]},
    ]
    emulator.script(Reply.sse(chunks))
    stream = await resolve(clients.chat().complete(messages=MESSAGES, stream=True))
    await resolve(stream.__anext__() if clients.is_async else next(stream))
    await close_stream(stream)
    span = telemetry.only_span()
    assert "gen_ai.response.id" not in span.attributes
    assert _json_attribute(span, "gen_ai.output.messages") == [
        {"role": "assistant", "parts": [{"type": "text", "content": "Par"}], "finish_reason": "error"}
    ]


async def test_embeddings_use_the_provider_name_and_namespace(clients, emulator, latest, telemetry):
    latest(True)
    emulator.script(
        Reply(json={"id": "e", "model": "e-1", "data": [], "usage": {"prompt_tokens": 3, "total_tokens": 3}})
    )
    await resolve(clients.embeddings().embed(input=["x"]))
    span = telemetry.only_span()
    assert telemetry.attributes(span)[:3] == [
        ("gen_ai.operation.name", "embeddings"),
        ("gen_ai.provider.name", "azure.ai.inference"),
        ("azure.resource_provider.namespace", "Microsoft.CognitiveServices"),
    ]


async def test_reinstrumenting_without_the_variable_returns_to_the_default_conventions(
    clients, emulator, instrumentor, latest, telemetry, monkeypatch
):
    latest(False)
    monkeypatch.delenv("OTEL_SEMCONV_STABILITY_OPT_IN")
    instrumentor.instrument()
    await _complete(clients, emulator)
    assert dict(telemetry.only_span().attributes)["gen_ai.system"] == "az.ai.inference"
