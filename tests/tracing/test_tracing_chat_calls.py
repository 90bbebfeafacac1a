"""Non-streaming chat spans in the default (1.0.0b9) conventions: request events, choice events, errors."""

from __future__ import annotations

import pytest
from opentelemetry import trace
from opentelemetry.trace import StatusCode

from azure.ai.inference.models import (
    AssistantMessage,
    ChatCompletionsToolCall,
    DeveloperMessage,
    FunctionCall,
    ImageContentItem,
    ImageUrl,
    SystemMessage,
    TextContentItem,
    ToolMessage,
    UserMessage,
)
from tests.emulator import Reply
from tests.flavors import resolve

WEATHER_CALL = {
    "id": "call_w1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Seattle"}'},
}
TEMPERATURE_CALL = {
    "id": "call_t1",
    "type": "function",
    "function": {"name": "get_temperature", "arguments": '{"city": "Seattle"}'},
}


def completion(*choices, **extra):
    return {
        "id": "chatcmpl-9",
        "object": "chat.completion",
        "created": 1730000000,
        "model": "m-1",
        "choices": list(choices),
        **extra,
    }


def choice(index=0, content="ok", finish_reason="stop", **message):
    return {
        "index": index,
        "message": {"role": "assistant", "content": content, **message},
        "finish_reason": finish_reason,
    }


async def _complete(clients, emulator, reply, **kwargs):
    emulator.script(Reply(json=reply))
    kwargs.setdefault("messages", [UserMessage("hi")])
    return await resolve(clients.chat().complete(**kwargs))


def _choices(telemetry):
    return [payload for name, payload in telemetry.events(telemetry.only_span()) if name == "gen_ai.choice"]


def _attribute(telemetry, key):
    return dict(telemetry.only_span().attributes).get(key)


async def test_request_events_carry_each_message_wire_form(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    messages = [
        SystemMessage("sys"),
        DeveloperMessage("dev msg"),
        UserMessage(
            [
                TextContentItem(text="describe"),
                ImageContentItem(image_url=ImageUrl(url="https://x/y.png", detail="high")),
            ]
        ),
        AssistantMessage(
            tool_calls=[
                ChatCompletionsToolCall(
                    id="call_w1", function=FunctionCall(name="get_weather", arguments='{"city": "Seattle"}')
                )
            ]
        ),
        ToolMessage("Nice weather", tool_call_id="call_w1"),
        ToolMessage(tool_call_id="c1"),
        {"role": "user", "content": "dict msg", "name": "bob", "extra": 1},
        {"role": "custom", "content": "c"},
        {"content": "no role: skipped"},
    ]
    await _complete(clients, emulator, completion(choice()), messages=messages)
    assert telemetry.events(telemetry.only_span())[:-1] == [
        ("gen_ai.system.message", {"role": "system", "content": "sys"}),
        ("gen_ai.developer.message", {"role": "developer", "content": "dev msg"}),
        (
            "gen_ai.user.message",
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "describe"},
                    {"type": "image_url", "image_url": {"url": "https://x/y.png", "detail": "high"}},
                ],
            },
        ),
        (
            "gen_ai.assistant.message",
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "id": "call_w1",
                        "function": {"name": "get_weather", "arguments": '{"city": "Seattle"}'},
                        "type": "function",
                    }
                ],
            },
        ),
        ("gen_ai.tool.message", {"role": "tool", "tool_call_id": "call_w1", "content": "Nice weather"}),
        ("gen_ai.tool.message", {"role": "tool", "tool_call_id": "c1"}),
        ("gen_ai.user.message", {"role": "user", "content": "dict msg", "name": "bob", "extra": 1}),
        ("gen_ai.custom.message", {"role": "custom", "content": "c"}),
    ]


async def test_non_ascii_text_stays_readable_in_event_json(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    await _complete(
        clients, emulator, completion(choice(content="Café à Paris")), messages=[UserMessage("Où est le café? 東京")]
    )
    assert telemetry.contents(telemetry.only_span()) == [
        '{"role": "user", "content": "Où est le café? 東京"}',
        '{"message": {"content": "Café à Paris"}, "finish_reason": "stop", "index": 0}',
    ]


@pytest.mark.parametrize(
    ("recording", "expected"),
    [
        (
            True,
            {
                "message": {"content": None, "tool_calls": [WEATHER_CALL, TEMPERATURE_CALL]},
                "finish_reason": "tool_calls",
                "index": 0,
            },
        ),
        (
            False,
            {
                "finish_reason": "tool_calls",
                "index": 0,
                "message": {
                    "tool_calls": [{"id": "call_w1", "type": "function"}, {"id": "call_t1", "type": "function"}]
                },
            },
        ),
    ],
    ids=["recording", "no-recording"],
)
async def test_choice_event_of_tool_calls(clients, emulator, instrumentor, telemetry, recording, expected):
    instrumentor.instrument(enable_content_recording=recording)
    reply = completion(choice(content=None, finish_reason="tool_calls", tool_calls=[WEATHER_CALL, TEMPERATURE_CALL]))
    await _complete(clients, emulator, reply)
    assert _choices(telemetry) == [expected]


async def test_redaction_keeps_unknown_tool_call_keys(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=False)
    call = {
        "function": {"arguments": "{}", "call_id": None, "name": "get_weather"},
        "id": "Sanitized",
        "type": "function",
    }
    await _complete(clients, emulator, completion(choice(content="", finish_reason="tool_calls", tool_calls=[call])))
    assert _choices(telemetry)[0]["message"] == {
        "tool_calls": [{"function": {"call_id": None}, "id": "Sanitized", "type": "function"}]
    }


async def test_each_choice_gets_an_event_and_a_finish_reason(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    await _complete(clients, emulator, completion(choice(0, "A"), choice(1, "B", "length"), choice(2, "x", None)))
    assert _attribute(telemetry, "gen_ai.response.finish_reasons") == ("stop", "length", "none")
    assert _choices(telemetry) == [
        {"message": {"content": "A"}, "finish_reason": "stop", "index": 0},
        {"message": {"content": "B"}, "finish_reason": "length", "index": 1},
        {"message": {"content": "x"}, "finish_reason": "none", "index": 2},
    ]


@pytest.mark.parametrize("recording", [True, False], ids=["recording", "no-recording"])
async def test_unknown_finish_reason_never_breaks_the_call(clients, emulator, instrumentor, telemetry, recording):
    """Q1: the service's string is recorded as received and the call returns normally."""
    instrumentor.instrument(enable_content_recording=recording)
    result = await _complete(clients, emulator, completion(choice(finish_reason="weird_reason")))
    span = telemetry.only_span()
    assert result.choices[0].finish_reason == "weird_reason"
    assert (span.status.status_code, _attribute(telemetry, "error.type")) == (StatusCode.UNSET, None)
    assert _attribute(telemetry, "gen_ai.response.finish_reasons") == ("weird_reason",)
    assert _choices(telemetry)[0]["finish_reason"] == "weird_reason"


async def test_without_model_keyword_the_span_is_chat_and_the_model_attribute_is_chat(
    clients, emulator, instrumentor, telemetry
):
    """Q2 (kept in the default conventions): the 1.0.0b9 placeholder model name."""
    instrumentor.instrument()
    await _complete(clients, emulator, completion(choice()))
    assert (telemetry.only_span().name, _attribute(telemetry, "gen_ai.request.model")) == ("chat", "chat")


async def test_client_defaults_are_not_request_attributes_in_the_default_conventions(
    clients, emulator, instrumentor, telemetry
):
    instrumentor.instrument()
    emulator.script(Reply(json=completion(choice())))
    chat = clients.chat(model="default-model", temperature=0.3)
    await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert emulator.last_request.json()["model"] == "default-model"
    span = telemetry.only_span()
    assert (
        span.name,
        _attribute(telemetry, "gen_ai.request.model"),
        _attribute(telemetry, "gen_ai.request.temperature"),
    ) == (
        "chat",
        "chat",
        None,
    )


async def test_empty_model_gives_no_trailing_space_in_the_span_name(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    await _complete(clients, emulator, completion(choice()), model="")
    assert (telemetry.only_span().name, _attribute(telemetry, "gen_ai.request.model")) == ("chat", "")


async def test_zero_values_are_recorded(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    await _complete(clients, emulator, completion(choice()), temperature=0, top_p=0.0, max_tokens=0, seed=3)
    attributes = dict(telemetry.only_span().attributes)
    assert [attributes.get(f"gen_ai.request.{name}") for name in ("temperature", "top_p", "max_tokens", "seed")] == [
        0,
        0.0,
        0,
        None,
    ]


async def test_positional_body_emits_no_request_events(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    emulator.script(Reply(json=completion(choice())))
    await resolve(clients.chat().complete({"messages": [{"role": "user", "content": "hi"}], "model": "in-body"}))
    span = telemetry.only_span()
    assert (span.name, [name for name, _ in telemetry.events(span)]) == ("chat", ["gen_ai.choice"])


async def test_error_before_the_request_is_recorded_and_reraised(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    with pytest.raises(TypeError) as raised:
        await resolve(clients.chat().complete(model="m"))
    span = telemetry.only_span()
    assert (span.name, span.status.status_code, span.status.description) == (
        "chat m",
        StatusCode.ERROR,
        str(raised.value),
    )
    assert _attribute(telemetry, "error.type") == "TypeError"
    assert [event.name for event in span.events] == ["exception"]
    assert emulator.requests == []


async def test_chat_span_is_a_child_of_the_callers_span(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    with trace.get_tracer("tests").start_as_current_span("caller") as caller:
        await _complete(clients, emulator, completion(choice()))
    assert telemetry.only_span().parent.span_id == caller.get_span_context().span_id


async def test_outgoing_traceparent_carries_the_chat_span(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    await _complete(clients, emulator, completion(choice()))
    span = telemetry.only_span()
    traceparent = emulator.last_request.header("traceparent")
    assert traceparent.split("-")[1] == format(span.context.trace_id, "032x")
