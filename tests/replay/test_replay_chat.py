"""Replay of recorded non-streaming chat completions (real service traffic, WIRE.md W17), sync and aio.

Each test scripts the recorded responses into the emulator, calls the SDK the way the original test
did (derived from the recorded request bodies), then compares the requests received with the recorded
ones and the returned models with the recorded responses.
"""

from __future__ import annotations

import base64
from typing import Any, Dict, List

from azure.ai.inference.models import (
    AssistantMessage,
    ChatCompletionsToolDefinition,
    CompletionsFinishReason,
    FunctionDefinition,
    ImageContentItem,
    ImageDetailLevel,
    ImageUrl,
    JsonSchemaFormat,
    SystemMessage,
    TextContentItem,
    ToolMessage,
    UserMessage,
)
from tests.behavior.wire import TokenSource
from tests.emulator import Emulator
from tests.flavors import resolve
from tests.replay.recordings import Exchange, Recordings
from tests.replay.replay_checks import assert_request_matches, assert_result_matches, client_for

CHAT = "test_chat_completions_client.pyTestChatCompletionsClient"
AOAI_SCOPE = "https://cognitiveservices.azure.com/.default"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _load(recordings: Recordings, clients: Any, emulator: Emulator, test: str) -> List[Exchange]:
    exchanges = recordings.load(recordings.twin(CHAT + test, clients.is_async))
    emulator.script(*[exchange.reply() for exchange in exchanges])
    return exchanges


def _messages(body: Any) -> List[Any]:
    """Message models equal to recorded plain-text messages (role and content)."""
    kinds: Dict[str, Any] = {"system": SystemMessage, "user": UserMessage, "assistant": AssistantMessage}
    return [kinds[message["role"]](message["content"]) for message in body["messages"]]


async def test_replay_multi_turn(clients, emulator, recordings):
    """B5.2/B9.3: Two turns: the assistant's answer goes back as an AssistantMessage."""
    first, second = _load(recordings, clients, emulator, "test_chat_completions_multi_turn")
    client = client_for(clients, "chat", first)
    messages = _messages(first.request_body)
    result = await resolve(client.complete(messages=messages))
    messages += [AssistantMessage(result.choices[0].message.content), UserMessage("and how many yards?")]
    follow_up = await resolve(client.complete(messages=messages))
    for received, exchange, returned in zip(emulator.requests, (first, second), (result, follow_up)):
        assert_request_matches(received, exchange)
        assert_result_matches(returned, exchange)
    assert follow_up.usage.total_tokens == 340


async def test_replay_tool_call_and_tool_result(clients, emulator, recordings):
    """B5.7/B5.11 (W3): A tool definition, the model's tool call, then the tool's answer in a second request."""
    first, second = _load(recordings, clients, emulator, "test_chat_completions_with_tool")
    tool = first.request_body["tools"][0]["function"]
    definition = ChatCompletionsToolDefinition(
        function=FunctionDefinition(name=tool["name"], description=tool["description"], parameters=tool["parameters"])
    )
    client = client_for(clients, "chat", first)
    messages = _messages(first.request_body)
    result = await resolve(client.complete(messages=messages, tools=[definition]))
    call = result.choices[0].message.tool_calls[0]
    assert result.choices[0].finish_reason == CompletionsFinishReason.TOOL_CALLS
    assert call.function.name == "get_max_temperature"
    messages += [
        AssistantMessage(tool_calls=result.choices[0].message.tool_calls),
        ToolMessage(content="62", tool_call_id=call.id),
    ]
    final = await resolve(client.complete(messages=messages, tools=[definition]))
    for received, exchange, returned in zip(emulator.requests, (first, second), (result, final)):
        assert_request_matches(received, exchange)
        assert_result_matches(returned, exchange)


async def test_replay_json_body(clients, emulator, recordings):
    """B7.1: ``complete(body)`` with a dict body."""
    (exchange,) = _load(recordings, clients, emulator, "test_chat_completions_with_json_input")
    result = await resolve(client_for(clients, "chat", exchange).complete(dict(exchange.request_body)))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)


async def test_replay_bytes_body(clients, emulator, recordings):
    """B7.1: ``complete(body)`` with the bytes of the original test's ``chat.test.json``, sent unmodified."""
    (exchange,) = _load(recordings, clients, emulator, "test_chat_completions_with_bytes_input")
    body = recordings.test_data("chat.test.json")
    result = await resolve(client_for(clients, "chat", exchange).complete(body))
    assert_request_matches(emulator.last_request, exchange, json_encoded=False)
    assert emulator.last_request.body == body
    assert str(len(body)) == exchange.request_header("Content-Length")
    assert_result_matches(result, exchange)


async def test_replay_model_extras(clients, emulator, recordings):
    """B5.6/B4.5: ``model_extras={"n": 1}``: after the messages, with ``extra-parameters: pass-through``."""
    (exchange,) = _load(recordings, clients, emulator, "test_chat_completions_with_model_extras")
    client = client_for(clients, "chat", exchange)
    result = await resolve(client.complete(messages=_messages(exchange.request_body), model_extras={"n": 1}))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)


async def test_replay_entra_id_auth(clients, emulator, recordings):
    """B2.3: A token credential: bearer token, no ``api-key`` (http emulator: ``enforce_https=False``)."""
    (exchange,) = _load(recordings, clients, emulator, "test_chat_completions_with_entra_id_auth")
    client = client_for(clients, "chat", exchange, credential=clients.token_credential(TokenSource()))
    result = await resolve(client.complete(messages=_messages(exchange.request_body), enforce_https=False))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)


async def test_replay_azure_openai_entra_id_auth(clients, emulator, recordings):
    """B2.3/B3.6: Azure OpenAI deployment endpoint with a token for the cognitive services scope."""
    (exchange,) = _load(recordings, clients, emulator, "test_aoai_chat_completions_with_entra_id_auth")
    source = TokenSource()
    credential = clients.token_credential(source)
    client = client_for(clients, "chat", exchange, credential=credential, credential_scopes=[AOAI_SCOPE])
    result = await resolve(client.complete(messages=_messages(exchange.request_body), enforce_https=False))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)
    assert [scopes for scopes, _ in source.calls] == [(AOAI_SCOPE,)]
    assert result["prompt_filter_results"][0]["prompt_index"] == 0


async def test_replay_structured_output(clients, emulator, recordings):
    """B5.8: ``response_format=JsonSchemaFormat(...)`` on Azure OpenAI; the answer is JSON text."""
    (exchange,) = _load(recordings, clients, emulator, "test_aoai_chat_completions_with_structured_output")
    schema = exchange.request_body["response_format"]["json_schema"]
    response_format = JsonSchemaFormat(
        name=schema["name"], schema=schema["schema"], description=schema["description"], strict=schema["strict"]
    )
    client = client_for(clients, "chat", exchange)
    result = await resolve(client.complete(messages=_messages(exchange.request_body), response_format=response_format))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)
    assert result.choices[0].message.content.startswith('{"distances":[')


async def test_replay_image_url(clients, emulator, recordings):
    """B5.11: Multimodal user content with an image URL and ``detail=auto``."""
    (exchange,) = _load(recordings, clients, emulator, "test_chat_completions_with_input_image_url")
    recorded = exchange.request_body["messages"][1]["content"]
    content = [
        TextContentItem(text=recorded[0]["text"]),
        ImageContentItem(image_url=ImageUrl(url=recorded[1]["image_url"]["url"], detail=ImageDetailLevel.AUTO)),
    ]
    messages = [SystemMessage(exchange.request_body["messages"][0]["content"]), UserMessage(content)]
    result = await resolve(client_for(clients, "chat", exchange).complete(messages=messages))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)


async def test_replay_image_file(clients, emulator, recordings, tmp_path):
    """B15.14/B5.11: ``ImageUrl.load`` with ``detail=high``: the structure matches (the recorded image
    is not stored)."""
    (exchange,) = _load(recordings, clients, emulator, "test_chat_completions_with_input_image_file")
    (tmp_path / "test_image1.png").write_bytes(PNG)
    path = str(tmp_path / "test_image1.png")
    image = ImageUrl.load(image_file=path, image_format="png", detail=ImageDetailLevel.HIGH)
    recorded = exchange.request_body["messages"]
    messages = [
        SystemMessage(recorded[0]["content"]),
        UserMessage([TextContentItem(text=recorded[1]["content"][0]["text"]), ImageContentItem(image_url=image)]),
    ]
    result = await resolve(client_for(clients, "chat", exchange).complete(messages=messages))
    assert_request_matches(emulator.last_request, exchange)
    assert_result_matches(result, exchange)
    sent_url = emulator.last_request.json()["messages"][1]["content"][1]["image_url"]["url"]
    assert sent_url == "data:image/png;base64," + base64.b64encode(PNG).decode()
