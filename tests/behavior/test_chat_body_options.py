"""B5.7-B5.9, B5.11: tools, response_format, tool_choice and the wire form of every message kind."""

from __future__ import annotations

from typing import Any

import pytest

from azure.ai.inference.models import (
    AssistantMessage,
    AudioContentItem,
    ChatCompletionsNamedToolChoice,
    ChatCompletionsNamedToolChoiceFunction,
    ChatCompletionsToolCall,
    ChatCompletionsToolChoicePreset,
    ChatCompletionsToolDefinition,
    DeveloperMessage,
    FunctionCall,
    FunctionDefinition,
    ImageContentItem,
    ImageUrl,
    InputAudio,
    JsonSchemaFormat,
    SystemMessage,
    TextContentItem,
    ToolMessage,
    UserMessage,
)
from tests.behavior.wire import (
    CHAT_RESPONSE,
    assert_body,
    assert_json_body,
    json_text,
    unsupported_response_format_message,
)
from tests.emulator import Emulator, RecordedRequest, Reply
from tests.flavors import resolve

HI = {"role": "user", "content": "hi"}


async def _sent(clients: Any, emulator: Emulator, **options: Any) -> RecordedRequest:
    """Call ``complete`` with ``options`` (a canned reply) and return the body received."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    options.setdefault("messages", [UserMessage("hi")])
    await resolve(clients.chat().complete(**options))
    return emulator.last_request


async def test_tool_definition_sends_function_before_type(clients, emulator):
    """B5.7: ``{"function": {...}, "type": "function"}`` for a keyword-built tool."""
    parameters = {"type": "object", "properties": {"city": {"type": "string"}}}
    tool = ChatCompletionsToolDefinition(function=FunctionDefinition(name="w", description="d", parameters=parameters))
    request = await _sent(clients, emulator, tools=[tool])
    expected = {"function": {"name": "w", "description": "d", "parameters": parameters}, "type": "function"}
    assert_body(request, f'{{"messages": [{json_text(HI)}], "tools": [{json_text(expected)}]}}')


async def test_tool_definition_omits_unset_description_and_parameters(clients, emulator):
    """B5.7: optional ``description``/``parameters`` are omitted when not set."""
    tool = ChatCompletionsToolDefinition(function=FunctionDefinition(name="f"))
    request = await _sent(clients, emulator, tools=[tool])
    assert_json_body(request, {"messages": [HI], "tools": [{"function": {"name": "f"}, "type": "function"}]})


async def test_tool_definitions_may_be_dicts(clients, emulator):
    """B5.7: tools given as dicts are sent verbatim."""
    tool = {"type": "function", "function": {"name": "f"}}
    request = await _sent(clients, emulator, tools=[tool])
    assert_json_body(request, {"messages": [HI], "tools": [tool]})


@pytest.mark.parametrize(("value", "wire"), [("text", {"type": "text"}), ("json_object", {"type": "json_object"})])
async def test_response_format_string_is_sent_as_type_object(clients, emulator, value, wire):
    """B5.8: ``"text"`` / ``"json_object"`` -> ``{"type": ...}``."""
    request = await _sent(clients, emulator, response_format=value)
    assert_json_body(request, {"messages": [HI], "response_format": wire})


async def test_response_format_json_schema_is_wrapped(clients, emulator):
    """B5.8: a JsonSchemaFormat -> ``{"type": "json_schema", "json_schema": {...}}`` in field order."""
    schema = {"type": "object", "properties": {"title": {"type": "string"}}}
    value = JsonSchemaFormat(name="Recipe", schema=schema, description="A recipe", strict=True)
    request = await _sent(clients, emulator, response_format=value)
    json_schema = {"name": "Recipe", "schema": schema, "description": "A recipe", "strict": True}
    wire = {"type": "json_schema", "json_schema": json_schema}
    assert_body(request, f'{{"messages": [{json_text(HI)}], "response_format": {json_text(wire)}}}')


async def test_response_format_json_schema_omits_unset_keys(clients, emulator):
    """B5.8: unset optional JsonSchemaFormat keys are omitted."""
    request = await _sent(clients, emulator, response_format=JsonSchemaFormat(name="N", schema={}))
    assert request.json()["response_format"] == {"type": "json_schema", "json_schema": {"name": "N", "schema": {}}}


async def test_per_call_response_format_wins_over_sticky(clients, emulator):
    """B5.8: per-call value over the converted sticky one."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    client = clients.chat(response_format="json_object")
    await resolve(client.complete(messages=[UserMessage("hi")], response_format="text"))
    assert emulator.last_request.json()["response_format"] == {"type": "text"}


@pytest.mark.parametrize("value", ["JSON_OBJECT", "json_schema", {"type": "yaml"}, 5])
async def test_unsupported_response_format_raises_before_io(clients, emulator, value):
    """B5.8: anything else -> ValueError ``Unsupported `response_format` <value>``, nothing sent."""
    with pytest.raises(ValueError) as caught:
        await resolve(clients.chat().complete(messages=[UserMessage("hi")], response_format=value))
    assert str(caught.value) == unsupported_response_format_message(value)
    assert emulator.requests == []


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        ("auto", "auto"),
        ("none", "none"),
        (ChatCompletionsToolChoicePreset.REQUIRED, "required"),
        ("anything-goes", "anything-goes"),
    ],
)
async def test_tool_choice_string_or_preset_is_sent_as_string(clients, emulator, value, wire):
    """B5.9: a str or preset -> a JSON string, unchecked."""
    request = await _sent(clients, emulator, tool_choice=value)
    assert_json_body(request, {"messages": [HI], "tool_choice": wire})


async def test_named_tool_choice_is_sent_as_function_object(clients, emulator):
    """B5.9: ChatCompletionsNamedToolChoice -> ``{"function": {"name": ...}, "type": "function"}``."""
    choice = ChatCompletionsNamedToolChoice(function=ChatCompletionsNamedToolChoiceFunction(name="get_weather"))
    request = await _sent(clients, emulator, tool_choice=choice)
    wire = '{"function": {"name": "get_weather"}, "type": "function"}'
    assert_body(request, f'{{"messages": [{json_text(HI)}], "tool_choice": {wire}}}')


async def test_every_message_kind_has_its_captured_wire_form(clients, emulator):
    """B5.11: system, developer, user (text and multimodal), assistant (text and tool calls), tool."""
    multimodal = UserMessage(
        [
            TextContentItem(text="t"),
            ImageContentItem(image_url=ImageUrl(url="https://u", detail="high")),
            AudioContentItem(input_audio=InputAudio(data="QUJD", format="mp3")),
        ]
    )
    call = ChatCompletionsToolCall(id="call_1", function=FunctionCall(name="f", arguments="{}"))
    messages = [
        SystemMessage("s"),
        DeveloperMessage("d"),
        UserMessage("u"),
        multimodal,
        AssistantMessage("a"),
        AssistantMessage(tool_calls=[call]),
        ToolMessage("72F", tool_call_id="call_1"),
        ToolMessage(tool_call_id="c"),
    ]
    request = await _sent(clients, emulator, messages=messages)
    assert_body(request, json_text({"messages": EXPECTED_MESSAGES}))


EXPECTED_MESSAGES = [
    {"role": "system", "content": "s"},
    {"role": "developer", "content": "d"},
    {"role": "user", "content": "u"},
    {
        "role": "user",
        "content": [
            {"type": "text", "text": "t"},
            {"type": "image_url", "image_url": {"url": "https://u", "detail": "high"}},
            {"type": "input_audio", "input_audio": {"data": "QUJD", "format": "mp3"}},
        ],
    },
    {"role": "assistant", "content": "a"},
    {
        "role": "assistant",
        "tool_calls": [{"id": "call_1", "function": {"name": "f", "arguments": "{}"}, "type": "function"}],
    },
    {"role": "tool", "tool_call_id": "call_1", "content": "72F"},
    {"role": "tool", "tool_call_id": "c"},
]
