"""Every kind of chat completions request the SDK makes, validated by Prism against the official documents.

Each test runs once per document version (2024-05-01-preview and 2025-05-01), through the sync
``ChatCompletionsClient`` with ``api_version`` set to that version, and checks both that Prism
accepted the request (200) and that the request really had the shape the test is about.

Known disagreement, asserted by ``test_input_audio_item_disagrees_with_the_contract``: the documents
declare the ``input_audio`` content item as ``{"type": "input_audio", "format": ...}`` (``format``
required, no audio data at all; the unused ``ChatMessageInputAudio`` schema has ``data`` and
``format``), while the SDK (as Microsoft's 1.0.0b9) sends
``{"type": "input_audio", "input_audio": {"data": ..., "format": ...}}``, the shape the services accept.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

from azure.ai.inference.models import (
    AssistantMessage,
    AudioContentFormat,
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
    ImageDetailLevel,
    ImageUrl,
    InputAudio,
    JsonSchemaFormat,
    SystemMessage,
    TextContentItem,
    ToolMessage,
    UserMessage,
)
from conftest import ContractCase, StaticTokenCredential

DATA = Path(__file__).resolve().parents[2] / "samples" / "data"

WEATHER_TOOL = ChatCompletionsToolDefinition(
    function=FunctionDefinition(
        name="get_weather",
        description="Returns the weather in a city",
        parameters={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    )
)
NO_PARAMETERS_TOOL = ChatCompletionsToolDefinition(function=FunctionDefinition(name="get_time"))
TOOL_CALL = ChatCompletionsToolCall(
    id="call_1", function=FunctionCall(name="get_weather", arguments='{"city": "Paris"}')
)
QUESTION = [UserMessage("What is the weather in Paris?")]


def test_minimal_request_is_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    response = contract.accepted(lambda: client.complete(messages=[UserMessage("Hello")]))
    assert contract.last_body == {"messages": [{"role": "user", "content": "Hello"}]}
    assert f"api-version={contract.version}" in contract.sent[-1]["url"]
    assert isinstance(response.choices, list)


def test_every_message_role_is_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    messages = [
        SystemMessage("You are terse."),
        DeveloperMessage("Answer in French."),
        UserMessage("What is the weather in Paris?"),
        AssistantMessage(tool_calls=[TOOL_CALL]),
        ToolMessage("Sunny", tool_call_id="call_1"),
        AssistantMessage("It is sunny."),
        ToolMessage(tool_call_id="call_1"),
        UserMessage("Thanks"),
    ]
    contract.accepted(lambda: client.complete(messages=messages, tools=[WEATHER_TOOL]))
    sent = contract.last_body["messages"]
    assert [message["role"] for message in sent] == [
        "system",
        "developer",
        "user",
        "assistant",
        "tool",
        "assistant",
        "tool",
        "user",
    ]
    assert sent[3]["tool_calls"] == [
        {"id": "call_1", "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}, "type": "function"}
    ]


def test_messages_as_plain_dicts_are_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    contract.accepted(lambda: client.complete(messages=messages))
    assert contract.last_body["messages"] == messages


@pytest.mark.parametrize("detail", [None, *ImageDetailLevel])
def test_text_and_image_url_content_items_are_valid(contract: ContractCase, detail: Any) -> None:
    client = contract.client("ChatCompletionsClient")
    content: List[Any] = [
        TextContentItem(text="What is in this image?"),
        ImageContentItem(image_url=ImageUrl(url="https://example.invalid/picture.png", detail=detail)),
    ]
    contract.accepted(lambda: client.complete(messages=[UserMessage(content)]))
    sent = contract.last_body["messages"][0]["content"]
    assert [item["type"] for item in sent] == ["text", "image_url"]
    assert sent[1]["image_url"].get("detail") == (None if detail is None else detail.value)


def test_image_data_url_content_item_is_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    image = ImageUrl.load(image_file=str(DATA / "sample1.png"), image_format="png")
    contract.accepted(lambda: client.complete(messages=[UserMessage([ImageContentItem(image_url=image)])]))
    assert contract.last_body["messages"][0]["content"][0]["image_url"]["url"].startswith("data:image/png;base64,")


def test_input_audio_item_disagrees_with_the_contract(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    audio = InputAudio.load(audio_file=str(DATA / "sample1.wav"), audio_format=AudioContentFormat.WAV)
    messages = [UserMessage([TextContentItem(text="Transcribe this."), AudioContentItem(input_audio=audio)])]
    violations = contract.violations(lambda: client.complete(messages=messages))
    item = contract.last_body["messages"][0]["content"][1]
    assert sorted(item) == ["input_audio", "type"]
    assert sorted(item["input_audio"]) == ["data", "format"]
    missing_format = [
        violation
        for violation in violations
        if violation["code"] == "required" and "must have required property 'format'" in violation["message"]
    ]
    assert [violation["location"] for violation in missing_format] == [["body", "messages", "0", "content", "1"]]


def test_every_scalar_parameter_is_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    contract.accepted(
        lambda: client.complete(
            messages=QUESTION,
            frequency_penalty=0.5,
            presence_penalty=-0.5,
            temperature=0.7,
            top_p=0.9,
            max_tokens=100,
            stop=["\n\n", "END"],
            seed=42,
            model="my-model",
        )
    )
    assert list(contract.last_body) == [
        "messages",
        "frequency_penalty",
        "max_tokens",
        "model",
        "presence_penalty",
        "seed",
        "stop",
        "temperature",
        "top_p",
    ]


def test_client_defaults_are_valid(contract: ContractCase) -> None:
    client = contract.client(
        "ChatCompletionsClient", temperature=0.2, max_tokens=50, seed=7, response_format="json_object"
    )
    contract.accepted(lambda: client.complete(messages=QUESTION))
    assert contract.last_body["response_format"] == {"type": "json_object"}
    assert (contract.last_body["temperature"], contract.last_body["max_tokens"]) == (0.2, 50)


@pytest.mark.parametrize(
    "tool_choice",
    [
        "auto",
        "none",
        "required",
        ChatCompletionsToolChoicePreset.AUTO,
        ChatCompletionsNamedToolChoice(function=ChatCompletionsNamedToolChoiceFunction(name="get_weather")),
    ],
    ids=["auto", "none", "required", "preset-enum", "named-function"],
)
def test_tools_with_every_tool_choice_are_valid(contract: ContractCase, tool_choice: Any) -> None:
    client = contract.client("ChatCompletionsClient")
    contract.accepted(
        lambda: client.complete(messages=QUESTION, tools=[WEATHER_TOOL, NO_PARAMETERS_TOOL], tool_choice=tool_choice)
    )
    assert contract.last_body["tools"][1] == {"function": {"name": "get_time"}, "type": "function"}
    expected = tool_choice if isinstance(tool_choice, str) else dict(tool_choice)
    assert contract.last_body["tool_choice"] == (expected.value if hasattr(expected, "value") else expected)


RECIPE_SCHEMA: Dict[str, Any] = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "steps": {"type": "array", "items": {"type": "string"}}},
    "required": ["title", "steps"],
    "additionalProperties": False,
}


@pytest.mark.parametrize(
    ("response_format", "expected"),
    [
        ("text", {"type": "text"}),
        ("json_object", {"type": "json_object"}),
        (
            JsonSchemaFormat(name="Recipe", schema=RECIPE_SCHEMA, description="A recipe", strict=True),
            {
                "type": "json_schema",
                "json_schema": {"name": "Recipe", "schema": RECIPE_SCHEMA, "description": "A recipe", "strict": True},
            },
        ),
        (
            JsonSchemaFormat(name="Recipe", schema=RECIPE_SCHEMA),
            {"type": "json_schema", "json_schema": {"name": "Recipe", "schema": RECIPE_SCHEMA}},
        ),
    ],
    ids=["text", "json_object", "json_schema-full", "json_schema-minimal"],
)
def test_every_response_format_is_valid(contract: ContractCase, response_format: Any, expected: Any) -> None:
    client = contract.client("ChatCompletionsClient")
    contract.accepted(lambda: client.complete(messages=QUESTION, response_format=response_format))
    assert contract.last_body["response_format"] == expected


def test_model_extras_with_pass_through_header_are_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    contract.accepted(lambda: client.complete(messages=QUESTION, model_extras={"top_k": 5, "safe_mode": True}))
    assert contract.sent[-1]["headers"]["extra-parameters"] == "pass-through"
    assert (contract.last_body["top_k"], contract.last_body["safe_mode"]) == (5, True)


def test_streaming_request_is_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    stream = contract.accepted(lambda: client.complete(messages=QUESTION, stream=True))
    stream.close()  # Prism answers with JSON (the documents describe no event stream); only the request matters
    assert contract.last_body["stream"] is True
    assert list(contract.last_body) == ["messages", "stream"]


def test_json_body_and_bytes_body_are_valid(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient")
    body = {"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 10}
    contract.accepted(lambda: client.complete(body))
    assert contract.last_body == body
    contract.accepted(lambda: client.complete(io.BytesIO(json.dumps(body).encode("utf-8"))))
    assert contract.last_body == body


def test_token_credential_sends_a_valid_bearer_header(contract: ContractCase) -> None:
    client = contract.client("ChatCompletionsClient", credential=StaticTokenCredential())
    contract.accepted(lambda: client.complete(messages=QUESTION, enforce_https=False))
    assert contract.sent[-1]["headers"]["Authorization"] == "Bearer contract-token"
    assert "api-key" not in contract.sent[-1]["headers"]


def test_prism_rejects_what_the_contract_forbids(contract: ContractCase) -> None:
    """A guard for the set-up itself: an invalid message is reported, so a pass above means something."""
    client = contract.client("ChatCompletionsClient")
    messages = [{"role": "tool", "content": "Sunny"}, {"role": "user", "content": [{"type": "text"}]}]
    violations = contract.violations(lambda: client.complete(messages=messages))
    messages_text = "\n".join(violation["message"] for violation in violations)
    assert "must have required property 'tool_call_id'" in messages_text
    assert "must have required property 'text'" in messages_text
