"""WIRE.md W1, W3-W6, W12-W14: each captured chat request reproduced and compared field by field."""

from __future__ import annotations

import base64
import datetime
from typing import Any

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import ClientAuthenticationError

from azure.ai.inference.models import (
    AssistantMessage,
    AudioContentItem,
    ChatCompletionsNamedToolChoice,
    ChatCompletionsNamedToolChoiceFunction,
    ChatCompletionsToolCall,
    ChatCompletionsToolDefinition,
    ChatRole,
    CompletionsFinishReason,
    FunctionDefinition,
    ImageContentItem,
    ImageDetailLevel,
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
    ENTRA_TOKEN,
    TokenSource,
    api_version_query,
    assert_body,
    assert_json_post_headers,
    assert_key_auth,
    assert_target,
    assert_token_auth,
    odata_error,
)
from tests.emulator import Reply
from tests.flavors import EMULATOR_KEY, resolve

PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
WEATHER_PARAMETERS = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
WEATHER_TOOL_JSON = (
    '{"function": {"name": "get_weather", "description": "Get the weather for a city", "parameters": '
    '{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}, "type": "function"}'
)
TOOL_CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Seattle"}'},
}
TOOL_RESPONSE = {
    "id": "chatcmpl-tool1",
    "object": "chat.completion",
    "created": 1717171718,
    "model": "mock-chat-model",
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "message": {"role": "assistant", "content": "", "tool_calls": [TOOL_CALL]},
        }
    ],
    "usage": {"prompt_tokens": 50, "completion_tokens": 12, "total_tokens": 62},
}
RECIPE_SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}},
    "required": ["title"],
    "additionalProperties": False,
}


def _assert_chat_post(
    request: Any, path: str = "/chat/completions", version: str = "2024-05-01-preview", extra_parameters: Any = None
) -> None:
    assert_target(request, "POST", path, api_version_query(version))
    assert_json_post_headers(request, extra_parameters)


async def test_w1_chat_with_sticky_default(clients, emulator):
    """W1: request line, headers and byte-exact body; every listed Python value of the response."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    client = clients.chat(temperature=0.2)
    messages = [SystemMessage("You are a helpful assistant."), UserMessage("What is the capital of France?")]
    r = await resolve(client.complete(messages=messages, max_tokens=128, seed=42, model="mock-chat-model"))
    request = emulator.last_request
    _assert_chat_post(request)
    assert_key_auth(request, EMULATOR_KEY)
    assert_body(request, W1_BODY)
    assert (type(r).__name__, r.id, r["created"]) == ("ChatCompletions", "chatcmpl-abc123", 1717171717)
    assert r.model == "mock-chat-model"
    assert r.created == datetime.datetime(2024, 5, 31, 16, 8, 37, tzinfo=datetime.timezone.utc)
    choice = r.choices[0]
    assert (choice.index, choice.finish_reason) == (0, CompletionsFinishReason.STOPPED)
    assert choice.message.role == ChatRole.ASSISTANT
    assert (choice.message.content, choice.message.tool_calls) == ("Paris is the capital of France. \u4f60\u597d", None)
    assert (r.usage.prompt_tokens, r.usage.completion_tokens, r.usage.total_tokens) == (23, 9, 32)
    assert (r["object"], r["system_fingerprint"]) == ("chat.completion", "fp_mock")
    assert str(r) == W1_PRINTED


async def test_w3_tools_named_choice_and_follow_up_turn(clients, emulator):
    """W3: a tool definition and named tool choice; the tool-call response; the follow-up turn."""
    emulator.script(Reply(json=TOOL_RESPONSE), Reply(json=CHAT_RESPONSE))
    function = FunctionDefinition(
        name="get_weather", description="Get the weather for a city", parameters=WEATHER_PARAMETERS
    )
    tool = ChatCompletionsToolDefinition(function=function)
    choice = ChatCompletionsNamedToolChoice(function=ChatCompletionsNamedToolChoiceFunction(name="get_weather"))
    client = clients.chat()
    question = UserMessage("What's the weather in Seattle?")
    r = await resolve(client.complete(messages=[question], tools=[tool], tool_choice=choice))
    _assert_chat_post(emulator.last_request)
    assert_body(emulator.last_request, W3_BODY)
    tc = r.choices[0].message.tool_calls[0]
    assert r.choices[0].finish_reason == CompletionsFinishReason.TOOL_CALLS
    assert (type(tc), tc.id, tc.type, tc.function.name, tc.function.arguments) == (
        ChatCompletionsToolCall, "call_1", "function", "get_weather", '{"city": "Seattle"}'
    )
    follow_up = [
        question,
        AssistantMessage(tool_calls=r.choices[0].message.tool_calls),
        ToolMessage("Sunny, 22C", tool_call_id=tc.id),
    ]
    await resolve(client.complete(messages=follow_up, tools=[tool]))
    _assert_chat_post(emulator.last_request)
    assert_body(emulator.last_request, W3_FOLLOW_UP_BODY)


@pytest.mark.parametrize(
    ("response_format", "body"),
    [
        (
            JsonSchemaFormat(name="Recipe", schema=RECIPE_SCHEMA, description="A recipe", strict=True),
            '{"messages": [{"role": "user", "content": "Give me a recipe"}], "response_format": {"type": '
            '"json_schema", "json_schema": {"name": "Recipe", "schema": {"type": "object", "properties": {"title": '
            '{"type": "string"}}, "required": ["title"], "additionalProperties": false}, "description": "A recipe", '
            '"strict": true}}}',
        ),
        ("json_object", '{"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "json_object"}}'),
        ("text", '{"messages": [{"role": "user", "content": "x"}], "response_format": {"type": "text"}}'),
    ],
)
async def test_w4_response_format_bodies(clients, emulator, response_format, body):
    """W4: the three captured ``response_format`` bodies."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    text = "Give me a recipe" if isinstance(response_format, JsonSchemaFormat) else "x"
    await resolve(clients.chat().complete(messages=[UserMessage(text)], response_format=response_format))
    _assert_chat_post(emulator.last_request)
    assert_body(emulator.last_request, body)


async def test_w5_model_extras_and_extra_parameters_header(clients, emulator):
    """W5: extras after the standard keys, with ``extra-parameters: pass-through``."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    await resolve(clients.chat().complete(messages=[UserMessage("x")], model_extras={"top_k": 40, "safe_prompt": True}))
    _assert_chat_post(emulator.last_request, extra_parameters="pass-through")
    expected = '{"messages": [{"role": "user", "content": "x"}], "top_k": 40, "safe_prompt": true}'
    assert_body(emulator.last_request, expected)


async def test_w6_multimodal_content_from_files(clients, emulator, tmp_path):
    """W6: ``ImageUrl.load`` and ``InputAudio.load`` content items, byte-exact."""
    (tmp_path / "p.png").write_bytes(base64.b64decode(PNG_B64))
    (tmp_path / "a.wav").write_bytes(b"RIFF$\x00\x00\x00WAVEfmt ")
    image = ImageUrl.load(image_file=str(tmp_path / "p.png"), image_format="png", detail=ImageDetailLevel.LOW)
    audio = InputAudio.load(audio_file=str(tmp_path / "a.wav"), audio_format="wav")
    content = [TextContentItem(text="Describe"), ImageContentItem(image_url=image), AudioContentItem(input_audio=audio)]
    emulator.script(Reply(json=CHAT_RESPONSE))
    await resolve(clients.chat().complete(messages=[UserMessage(content)]))
    _assert_chat_post(emulator.last_request)
    assert_body(emulator.last_request, W6_BODY)


async def test_w12_error_response_401(clients, emulator):
    """W12: a 401 JSON error -> ClientAuthenticationError with the captured fields."""
    message = "Access denied due to invalid subscription key or wrong API endpoint."
    body = {"error": {"code": "Unauthorized", "message": message}}
    emulator.script(Reply(401, json=body, headers={"x-ms-error-code": "Unauthorized"}))
    client = clients.chat(credential=AzureKeyCredential("bad-key"))
    with pytest.raises(ClientAuthenticationError) as caught:
        await resolve(client.complete(messages=[UserMessage("x")]))
    e = caught.value
    assert (e.status_code, e.reason, odata_error(e).code) == (401, "Unauthorized", "Unauthorized")
    assert odata_error(e).message == message
    assert e.message == f"(Unauthorized) {message}\nCode: Unauthorized\nMessage: {message}"
    assert str(e) == e.message
    _assert_chat_post(emulator.last_request)
    assert_key_auth(emulator.last_request, "bad-key")
    assert_body(emulator.last_request, '{"messages": [{"role": "user", "content": "x"}]}')


async def test_w13_token_credential(clients, emulator):
    """W13: the default scope, ``Authorization: Bearer <token>`` and no ``api-key``."""
    source = TokenSource()
    client = clients.chat(credential=clients.token_credential(source))
    await resolve(client.complete(messages=[UserMessage("x")], enforce_https=False))
    assert source.calls == [(("https://ml.azure.com/.default",), {})]
    _assert_chat_post(emulator.last_request)
    assert_token_auth(emulator.last_request, ENTRA_TOKEN)
    assert_body(emulator.last_request, '{"messages": [{"role": "user", "content": "x"}]}')


async def test_w14_azure_openai_endpoint_with_api_version(clients, emulator):
    """W14: a deployment path and an explicit api_version."""
    client = clients.chat(endpoint=clients.endpoint + "/openai/deployments/gpt-4o", api_version="2024-06-01")
    await resolve(client.complete(messages=[UserMessage("x")]))
    _assert_chat_post(emulator.last_request, path="/openai/deployments/gpt-4o/chat/completions", version="2024-06-01")
    assert_key_auth(emulator.last_request, EMULATOR_KEY)
    assert_body(emulator.last_request, '{"messages": [{"role": "user", "content": "x"}]}')


W1_BODY = (
    '{"messages": [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": '
    '"What is the capital of France?"}], "max_tokens": 128, "model": "mock-chat-model", "seed": 42, "temperature": 0.2}'
)
W1_PRINTED = """{
  "id": "chatcmpl-abc123",
  "object": "chat.completion",
  "created": 1717171717,
  "model": "mock-chat-model",
  "choices": [
    {
      "index": 0,
      "finish_reason": "stop",
      "message": {
        "role": "assistant",
        "content": "Paris is the capital of France. \\u4f60\\u597d",
        "tool_calls": null
      }
    }
  ],
  "usage": {
    "prompt_tokens": 23,
    "completion_tokens": 9,
    "total_tokens": 32
  },
  "system_fingerprint": "fp_mock"
}"""
W3_BODY = (
    '{"messages": [{"role": "user", "content": "What\'s the weather in Seattle?"}], "tool_choice": {"function": '
    '{"name": "get_weather"}, "type": "function"}, "tools": [' + WEATHER_TOOL_JSON + "]}"
)
W3_FOLLOW_UP_BODY = (
    '{"messages": [{"role": "user", "content": "What\'s the weather in Seattle?"}, {"role": "assistant", "tool_calls": '
    '[{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '
    '"{\\"city\\": \\"Seattle\\"}"}}]}, '
    '{"role": "tool", "tool_call_id": "call_1", "content": "Sunny, 22C"}], "tools": [' + WEATHER_TOOL_JSON + "]}"
)
W6_BODY = (
    '{"messages": [{"role": "user", "content": [{"type": "text", "text": "Describe"}, {"type": "image_url", '
    '"image_url": '
    '{"url": "data:image/png;base64,' + PNG_B64 + '", "detail": "low"}}, {"type": "input_audio", "input_audio": '
    '{"data": "UklGRiQAAABXQVZFZm10IA==", "format": "wav"}}]}]}'
)
