"""User-style code of the async clients, with the types both checkers must infer (never run; how the
checks read it: see ``chat_types.py``)."""

from typing import Any, List, Optional, Union

from pydantic import BaseModel
from typing_extensions import assert_type

from azure.ai.inference.aio import ChatCompletionsClient, EmbeddingsClient, load_client
from azure.ai.inference.models import (
    AsyncStreamingChatCompletions,
    ChatCompletions,
    ChatRequestMessage,
    ChatResponseMessage,
    CompletionsFinishReason,
    EmbeddingsResult,
    ModelInfo,
    StreamingChatCompletionsUpdate,
    UserMessage,
)
from azure.core.credentials import AzureKeyCredential
from azure.core.credentials_async import AsyncTokenCredential


class Answer(BaseModel):
    text: str


async def chat(token: AsyncTokenCredential) -> None:
    async with ChatCompletionsClient("https://example.invalid", token, retry_total=1) as client:
        response = await client.complete(messages=[UserMessage("Hi")], timeout=5)
        assert_type(response, ChatCompletions)
        assert_type(response.choices[0].message.content, Optional[str])
        assert_type(response.choices[0].finish_reason, CompletionsFinishReason)
        messages: List[Union[ChatRequestMessage, ChatResponseMessage]] = [UserMessage("Hi")]
        messages.append(response.choices[0].message)
        parsed = await client.complete(messages=messages, response_format=Answer)
        assert_type(parsed.choices[0].message.parsed, Optional[Answer])
        assert_type(await client.get_model_info(), ModelInfo)


async def stream(client: ChatCompletionsClient) -> None:
    updates = await client.complete(messages=[UserMessage("Hi")], stream=True, response_format=Answer)
    assert_type(updates, AsyncStreamingChatCompletions[Answer])
    async with updates:
        async for update in updates:
            assert_type(update, StreamingChatCompletionsUpdate)
        final = await updates.get_final_completion()
    assert_type(final, ChatCompletions[Answer])
    async for text in (await client.complete(messages=[UserMessage("Hi")], stream=True)).text_stream:
        assert_type(text, str)


async def embeddings() -> None:
    client = EmbeddingsClient("https://example.invalid", AzureKeyCredential("key"))
    result = await client.embed(input=["a", "b"], encoding_format="base64")
    assert_type(result, EmbeddingsResult[str])
    assert_type(result.data[0].embedding, str)
    await client.embed(input=["a"], dimension=3)  # type: ignore[call-overload]
    await client.close()


async def loaded() -> None:
    client = await load_client("https://example.invalid", AzureKeyCredential("key"))
    print(client)


def not_awaited(client: ChatCompletionsClient) -> None:
    pending = client.complete(messages=[UserMessage("Hi")])
    pending.choices  # type: ignore[attr-defined]


def unused(value: Any) -> None:
    print(value)
