"""Stream lifetime against the emulator: break and close, closed-stream use, final completion, text; sync and aio."""

from __future__ import annotations

from typing import Any

import pytest
from azure.core.exceptions import StreamClosedError

from azure.ai.inference.models import (
    ChatCompletions,
    ChatCompletionsToolDefinition,
    FunctionDefinition,
    UserMessage,
)
from tests.emulator import Reply
from tests.flavors import close_stream, collect, resolve
from tests.sse_streams import W2_EVENTS, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
WEATHER_TOOL = ChatCompletionsToolDefinition(
    function=FunctionDefinition(
        name="get_weather",
        description="Returns the weather in a city",
        parameters={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    )
)


async def first_update(stream: Any) -> Any:
    return await stream.__anext__() if hasattr(stream, "__anext__") else next(stream)


async def open_stream(clients: Any, question: str = "Say hello", **options: Any) -> Any:
    chat = clients.chat()
    return await resolve(chat.complete(messages=[UserMessage(question)], stream=True, **options))


async def test_b10_9_break_then_close_closes_the_response_and_later_use_raises(clients, emulator):
    """B10.9 (changed, see CHANGELOG): after an early ``close()``, using the stream raises StreamClosedError."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await open_stream(clients)
    update = await first_update(stream)  # then "break"
    await close_stream(stream)
    assert update.choices[0].delta.role == "assistant"
    assert stream._response.is_closed is True
    with pytest.raises(StreamClosedError, match="closed before it was read to its end") as raised:
        await first_update(stream)
    assert "/chat/completions" in str(raised.value)
    with pytest.raises(StreamClosedError):
        await resolve(stream.get_final_completion())


async def test_break_out_of_a_with_block_closes_the_response(clients, emulator):
    """B10.8: leaving the ``with`` / ``async with`` block early (``break``) closes the response."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await open_stream(clients)
    if clients.is_async:
        async with stream:
            async for _ in stream:
                break
    else:
        with stream:
            for _ in stream:
                break
    assert stream._response.is_closed is True
    with pytest.raises(StreamClosedError):
        await collect(stream)


async def test_exception_in_a_with_block_closes_the_response(clients, emulator):
    """B10.8: an exception raised inside the ``with`` / ``async with`` block closes the response too."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await open_stream(clients)
    with pytest.raises(KeyError):
        if clients.is_async:
            async with stream:
                await stream.__anext__()
                raise KeyError("user code failed")
        else:
            with stream:
                next(stream)
                raise KeyError("user code failed")
    assert stream._response.is_closed is True


async def test_get_final_completion_after_iterating_part_of_the_stream(clients, emulator):
    emulator.script(Reply.sse(W2_FRAMES, chunk_size=7))
    stream = await open_stream(clients)
    await first_update(stream)
    await first_update(stream)
    final = await resolve(stream.get_final_completion())
    assert type(final) is ChatCompletions
    assert final.as_dict() == {
        "id": "chatcmpl-s1",
        "object": "chat.completion",
        "created": 1717171800,
        "model": "mock-chat-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hello 世界"}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14},
    }
    assert stream._response.is_closed is True


async def test_text_stream_yields_the_text_deltas(clients, emulator):
    emulator.script(Reply.sse(W2_FRAMES, chunk_size=5))
    stream = await open_stream(clients)
    texts = stream.text_stream
    got = [text async for text in texts] if clients.is_async else list(texts)
    assert got == ["Hello", " 世界"]
    assert stream._response.is_closed is True


@pytest.mark.parametrize(
    "question, options",
    [
        ("What is the capital of France?", {}),
        ("What is the weather in Seattle?", {"tools": [WEATHER_TOOL]}),
        ("What is the capital of Japan?", {"model_extras": {"n": 2}}),
    ],
    ids=["text", "tool-call", "two-choices"],
)
async def test_final_completion_of_a_stream_equals_the_non_streamed_completion(clients, question, options):
    chat = clients.chat()
    whole = await resolve(chat.complete(messages=[UserMessage(question)], **options))
    stream = await open_stream(clients, question, **options)
    final = await resolve(stream.get_final_completion())

    def shape(completion: ChatCompletions) -> Any:
        choices = []
        for choice in completion.choices:
            calls = [(call.function.name, call.function.arguments) for call in choice.message.tool_calls or []]
            choices.append((choice.index, choice.finish_reason, choice.message.role, choice.message.content, calls))
        return completion.model, completion.created, choices, completion.usage.as_dict()

    assert shape(final) == shape(whole)
    assert len(final.choices) == (2 if "model_extras" in options else 1)


async def test_closing_before_reading_sends_the_request_and_closes(clients, emulator):
    """B10.8: ``close()`` / ``aclose()`` close the response explicitly; calling it twice is harmless."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await open_stream(clients)
    await close_stream(stream)
    await close_stream(stream)
    assert stream._response.is_closed is True
    assert emulator.last_request.path == "/chat/completions"
