"""TRACING.md §18: the worked examples, attribute by attribute and event by event, sync and async."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from azure.core.exceptions import HttpResponseError
from opentelemetry.trace import SpanKind, StatusCode

from azure.ai.inference.models import StreamingChatCompletions, SystemMessage, UserMessage
from tests.emulator import Reply
from tests.flavors import collect, resolve

TEXT_COMPLETION = {
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
_CHUNK = {
    "id": "chatcmpl-s02",
    "object": "chat.completion.chunk",
    "created": 1730000020,
    "model": "mock-model-2025-01-01",
}


def _tool_chunk(delta, finish_reason=None, **extra):
    return {**_CHUNK, "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}], **extra}


TWO_TOOL_CALLS_STREAM = [
    _tool_chunk(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"index": 0, "id": "call_w1", "type": "function", "function": {"name": "get_weather", "arguments": ""}}
            ],
        }
    ),
    _tool_chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"city": '}}]}),
    _tool_chunk({"tool_calls": [{"index": 0, "function": {"arguments": '"Seattle"}'}}]}),
    _tool_chunk(
        {
            "tool_calls": [
                {
                    "index": 1,
                    "id": "call_t1",
                    "type": "function",
                    "function": {"name": "get_temperature", "arguments": ""},
                }
            ]
        }
    ),
    _tool_chunk({"tool_calls": [{"index": 1, "function": {"arguments": '{"city": "Seattle"}'}}]}),
    _tool_chunk({}, "tool_calls", usage={"prompt_tokens": 80, "completion_tokens": 40, "total_tokens": 120}),
]
GET_WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}
MESSAGES = [SystemMessage("You are a helpful assistant."), UserMessage("What is the capital of France?")]
SYSTEM_EVENT = ("gen_ai.system.message", {"role": "system", "content": "You are a helpful assistant."})
USER_EVENT = ("gen_ai.user.message", {"role": "user", "content": "What is the capital of France?"})


def _port(emulator) -> int:
    return int(urlsplit(emulator.url).port or 0)


def _request_attributes(emulator, model="mock-model", with_parameters=True):
    attributes = [
        ("gen_ai.operation.name", "chat"),
        ("gen_ai.system", "az.ai.inference"),
        ("gen_ai.request.model", model),
    ]
    if with_parameters:
        attributes += [
            ("gen_ai.request.max_tokens", 50),
            ("gen_ai.request.temperature", 0.2),
            ("gen_ai.request.top_p", 0.9),
        ]
    return attributes + [("server.address", "127.0.0.1"), ("server.port", _port(emulator))]


TEXT_RESPONSE_ATTRIBUTES = [
    ("gen_ai.response.id", "chatcmpl-001"),
    ("gen_ai.response.model", "mock-model-2025-01-01"),
    ("gen_ai.usage.input_tokens", 21),
    ("gen_ai.usage.output_tokens", 7),
    ("gen_ai.response.finish_reasons", ["stop"]),
]


async def _complete_text(clients, emulator):
    emulator.script(Reply(json=TEXT_COMPLETION))
    chat = clients.chat()
    return await resolve(
        chat.complete(messages=MESSAGES, model="mock-model", temperature=0.2, top_p=0.9, max_tokens=50)
    )


async def test_non_streaming_with_recording_matches_example_18_1(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    result = await _complete_text(clients, emulator)
    assert result.choices[0].message.content == "Paris is the capital of France."
    http_span, chat_span = telemetry.spans()
    assert (chat_span.name, chat_span.kind, chat_span.parent, chat_span.status.status_code) == (
        "chat mock-model",
        SpanKind.CLIENT,
        None,
        StatusCode.UNSET,
    )
    assert (http_span.name, http_span.parent.span_id) == ("POST", chat_span.context.span_id)
    assert telemetry.attributes(chat_span) == _request_attributes(emulator) + TEXT_RESPONSE_ATTRIBUTES
    assert telemetry.events(chat_span) == [
        SYSTEM_EVENT,
        USER_EVENT,
        (
            "gen_ai.choice",
            {"message": {"content": "Paris is the capital of France."}, "finish_reason": "stop", "index": 0},
        ),
    ]


async def test_event_payloads_are_json_dumps_strings_with_the_system_attribute(
    clients, emulator, instrumentor, telemetry
):
    instrumentor.instrument(enable_content_recording=True)
    await _complete_text(clients, emulator)
    span = telemetry.only_span()
    assert telemetry.contents(span) == [
        '{"role": "system", "content": "You are a helpful assistant."}',
        '{"role": "user", "content": "What is the capital of France?"}',
        '{"message": {"content": "Paris is the capital of France."}, "finish_reason": "stop", "index": 0}',
    ]
    assert [dict(event.attributes)["gen_ai.system"] for event in span.events] == ["az.ai.inference"] * 3
    timestamps = [event.timestamp for event in span.events]
    assert all(later - earlier >= 1000 for earlier, later in zip(timestamps, timestamps[1:]))


async def test_non_streaming_without_recording_matches_example_18_2(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=False)
    await _complete_text(clients, emulator)
    span = telemetry.only_span()
    assert telemetry.attributes(span) == _request_attributes(emulator) + TEXT_RESPONSE_ATTRIBUTES
    assert telemetry.contents(span) == ['{"finish_reason": "stop", "index": 0}']


STREAM_ATTRIBUTES = [
    ("gen_ai.response.id", "chatcmpl-s02"),
    ("gen_ai.response.model", "mock-model-2025-01-01"),
    ("gen_ai.usage.input_tokens", 80),
    ("gen_ai.usage.output_tokens", 40),
    ("gen_ai.response.finish_reasons", ["tool_calls"]),
]


@pytest.mark.parametrize("recording", [True, False], ids=["recording", "no-recording"])
async def test_streamed_tool_calls_match_examples_18_3_and_18_4(clients, emulator, instrumentor, telemetry, recording):
    instrumentor.instrument(enable_content_recording=recording)
    emulator.script(Reply.sse(TWO_TOOL_CALLS_STREAM))
    stream = await resolve(
        clients.chat().complete(
            messages=[UserMessage("Weather and temperature in Seattle?")], tools=[GET_WEATHER_TOOL], stream=True
        )
    )
    assert isinstance(stream, StreamingChatCompletions) != clients.is_async
    assert [span.name for span in telemetry.spans()] == ["POST"]
    assert len(await collect(stream)) == 6
    http_span, chat_span = telemetry.spans()
    assert (chat_span.name, chat_span.status.status_code, http_span.parent.span_id) == (
        "chat",
        StatusCode.UNSET,
        chat_span.context.span_id,
    )
    assert telemetry.attributes(chat_span) == _request_attributes(emulator, "chat", False) + STREAM_ATTRIBUTES
    tool_calls = [
        {"id": "call_w1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Seattle"}'}},
        {
            "id": "call_t1",
            "type": "function",
            "function": {"name": "get_temperature", "arguments": '{"city": "Seattle"}'},
        },
    ]
    if recording:
        user = ("gen_ai.user.message", {"role": "user", "content": "Weather and temperature in Seattle?"})
        choice = {"message": {"tool_calls": tool_calls}, "finish_reason": "tool_calls", "index": 0}
        assert telemetry.events(chat_span) == [user, ("gen_ai.choice", choice)]
    else:
        assert telemetry.contents(chat_span) == [
            '{"message": {"tool_calls": [{"id": "call_w1", "type": "function"}, {"id": "call_t1", "type": "function"}]},'
            ' "finish_reason": "tool_calls", "index": 0}'
        ]


async def test_http_error_matches_example_18_5(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    emulator.script(Reply(status=400, json={"error": {"code": "BadRequest", "message": "Invalid model"}}))
    with pytest.raises(HttpResponseError) as raised:
        await resolve(clients.chat().complete(messages=[UserMessage("x")], model="bad-model"))
    http_span, chat_span = telemetry.spans()
    message = "(BadRequest) Invalid model\nCode: BadRequest\nMessage: Invalid model"
    assert str(raised.value) == message
    assert (chat_span.name, chat_span.status.status_code, chat_span.status.description) == (
        "chat bad-model",
        StatusCode.ERROR,
        message,
    )
    assert dict(http_span.attributes)["http.response.status_code"] == 400
    assert telemetry.attributes(chat_span) == [
        ("gen_ai.operation.name", "chat"),
        ("gen_ai.system", "az.ai.inference"),
        ("gen_ai.request.model", "bad-model"),
        ("server.address", "127.0.0.1"),
        ("server.port", _port(emulator)),
        ("error.type", "azure.core.exceptions.HttpResponseError"),
    ]
    assert [name for name, _ in telemetry.events(chat_span)] == ["gen_ai.user.message", "exception"]
    exception = dict(chat_span.events[1].attributes)
    assert (exception["exception.type"], exception["exception.message"], exception["exception.escaped"]) == (
        "azure.core.exceptions.HttpResponseError",
        message,
        "False",
    )
