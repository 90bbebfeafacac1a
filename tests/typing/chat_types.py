"""User-style code of the sync ChatCompletionsClient, with the types both checkers must infer.

Never run: ``mypy --strict`` and pyright (strict) check it (``test_typing.py``). A line ending in
``# type: ignore[<code>]`` must be an error: both checkers report an ignore that is not needed.
"""

from typing import Any, Dict, List, Optional, Union

from pydantic import BaseModel
from typing_extensions import assert_type

from azure.ai.inference import ChatCompletionsClient
from azure.ai.inference.models import (
    AssistantMessage,
    ChatChoice,
    ChatCompletions,
    ChatCompletionsToolCall,
    ChatCompletionsToolDefinition,
    ChatRequestMessage,
    ChatResponseMessage,
    CompletionsFinishReason,
    FunctionDefinition,
    StreamingChatCompletions,
    StreamingChatCompletionsUpdate,
    SystemMessage,
    ToolMessage,
    UserMessage,
)
from azure.core.credentials import AzureKeyCredential


class Recipe(BaseModel):
    title: str
    steps: List[str]


def client() -> ChatCompletionsClient:
    return ChatCompletionsClient("https://example.invalid", AzureKeyCredential("key"), temperature=0.2)


def plain_completion(chat: ChatCompletionsClient) -> None:
    response = chat.complete(messages=[UserMessage("Hello")])
    assert_type(response, ChatCompletions)
    choice = response.choices[0]
    assert_type(choice, ChatChoice[Any])
    assert_type(choice.message, ChatResponseMessage[Any])
    assert_type(choice.message.content, Optional[str])  # None when the model answers with tool calls
    assert_type(choice.message.tool_calls, Optional[List[ChatCompletionsToolCall]])
    assert_type(choice.finish_reason, CompletionsFinishReason)
    print(choice.finish_reason == "stop", choice.finish_reason == CompletionsFinishReason.STOPPED)
    reason: str = choice.finish_reason.value
    print(reason, str(response), response.usage.total_tokens, response.id)


def structured_output(chat: ChatCompletionsClient) -> None:
    response = chat.complete(messages=[UserMessage("A pancake recipe")], response_format=Recipe)
    assert_type(response, ChatCompletions[Recipe])
    recipe = response.choices[0].message.parsed
    assert_type(recipe, Optional[Recipe])
    if recipe is not None:
        assert_type(recipe.steps, List[str])
    as_text = chat.complete(messages=[UserMessage("Hi")], response_format="json_object")
    assert_type(as_text, ChatCompletions)


def streaming(chat: ChatCompletionsClient) -> None:
    stream = chat.complete(messages=[UserMessage("Hello")], stream=True)
    assert_type(stream, StreamingChatCompletions)
    for update in stream:
        assert_type(update, StreamingChatCompletionsUpdate)
        if update.choices:
            assert_type(update.choices[0].delta.content, Optional[str])
            assert_type(update.choices[0].finish_reason, Optional[CompletionsFinishReason])
            for delta in update.choices[0].delta.tool_calls or []:
                assert_type(delta.id, Optional[str])  # only a call's first update carries its id
    for text in stream.text_stream:
        assert_type(text, str)
    parsed_stream = chat.complete(messages=[UserMessage("Recipe")], stream=True, response_format=Recipe)
    assert_type(parsed_stream, StreamingChatCompletions[Recipe])
    with parsed_stream:
        final = parsed_stream.get_final_completion()
    assert_type(final, ChatCompletions[Recipe])
    assert_type(final.choices[0].message.parsed, Optional[Recipe])


def history_and_tools(chat: ChatCompletionsClient) -> None:
    weather: Dict[str, Any] = {
        "type": "function",
        "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {}}},
    }
    flights = ChatCompletionsToolDefinition(function=FunctionDefinition(name="flights", parameters={}))
    messages: List[Union[ChatRequestMessage, ChatResponseMessage]] = [SystemMessage("Be brief."), UserMessage("Hi")]
    response = chat.complete(messages=messages, tools=[weather, flights], tool_choice="auto")
    message = response.choices[0].message
    messages.append(message)  # the response message continues the conversation as it is
    messages.append(AssistantMessage(tool_calls=message.tool_calls))
    for call in message.tool_calls or []:
        messages.append(ToolMessage("sunny", tool_call_id=call.id))
    dicts: List[Dict[str, Any]] = [{"role": "user", "content": "Hi"}]
    chat.complete(messages=dicts, tools=[weather])


def body_forms(chat: ChatCompletionsClient) -> None:
    response = chat.complete({"messages": [{"role": "user", "content": "Hi"}]})
    assert_type(response, Union[StreamingChatCompletions, ChatCompletions])
    if isinstance(response, ChatCompletions):
        assert_type(response.choices[0].message.content, Optional[str])
    chat.complete(b'{"messages": []}', content_type="application/json")


def azure_core_options(chat: ChatCompletionsClient) -> None:
    """Options 1.0.0b9 code passes per call, each an azure-core option."""

    def hook(response: Any) -> None:
        print(response)

    chat.complete(
        messages=[UserMessage("Hi")],
        headers={"x-ms-client-request-id": "1"},
        params={"a": "b"},
        timeout=30,
        logging_enable=True,
        retry_total=2,
        raw_response_hook=hook,
        model_extras={"safe_mode": True},
    )
    chat.get_model_info(timeout=10)


def misspelt_keywords(chat: ChatCompletionsClient) -> None:
    chat.complete(messages=[UserMessage("Hi")], temprature=0.5)  # type: ignore[call-overload]
    chat.complete(messages=[UserMessage("Hi")], max_token=5)  # type: ignore[call-overload]
    chat.get_model_info(timout=10)  # type: ignore[call-arg]


def wrong_types(chat: ChatCompletionsClient) -> None:
    chat.complete(messages=[UserMessage("Hi")], temperature="hot")  # type: ignore[call-overload]
    chat.complete(messages="Hi")  # type: ignore[arg-type]
    response = chat.complete(messages=[UserMessage("Hi")])
    response.choices[0].message.content.upper()  # type: ignore[union-attr]
