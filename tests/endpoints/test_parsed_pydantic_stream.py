"""Structured outputs streamed: ``get_final_completion()`` parses (or refuses) as the non-streaming call does."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, Optional

import pytest

from azure.ai.inference.models import (
    ContentRefusalError,
    LengthFinishReasonError,
    StructuredOutputError,
    StructuredOutputValidationError,
    UserMessage,
)

from tests.emulator import Reply
from tests.endpoints.test_parsed_pydantic import Recipe, reply_with
from tests.flavors import resolve

MESSAGES = [UserMessage("A recipe from Rome")]


def stream_of(deltas: List[Dict[str, Any]], finish_reason: str) -> Reply:
    """The deltas as stream events of choice 0, the last one with the finish reason."""
    events: List[Dict[str, Any]] = [{"id": "c", "created": 1, "model": "m", "choices": []}]
    for number, delta in enumerate(deltas, start=1):
        finish: Optional[str] = finish_reason if number == len(deltas) else None
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        events.append({"id": "c", "created": 1, "model": "m", "choices": [choice]})
    return Reply.sse(events)


async def final_completion(chat: Any, **kwargs: Any) -> Any:
    stream = await resolve(chat.complete(messages=MESSAGES, stream=True, **kwargs))
    return await resolve(stream.get_final_completion())


async def error_of(call: Callable[[], Awaitable[Any]]) -> Exception:
    with pytest.raises(StructuredOutputError) as caught:
        await call()
    return caught.value


async def test_streamed_final_completion_has_the_parsed_object_of_the_non_streaming_call(clients, emulator):
    chat = clients.chat()
    streamed = (await final_completion(chat, response_format=Recipe)).choices[0].message
    direct = (await resolve(chat.complete(messages=MESSAGES, response_format=Recipe))).choices[0].message
    assert isinstance(streamed.parsed, Recipe)
    assert (streamed.parsed, streamed.content) == (direct.parsed, direct.content)
    assert streamed.parsed.title == "Rome"


async def test_streamed_final_completion_uses_the_client_default_response_format(clients, emulator):
    final = await final_completion(clients.chat(response_format=Recipe))
    assert final.choices[0].message.parsed == Recipe.model_validate_json(final.choices[0].message.content)


async def test_streamed_final_completion_without_pydantic_class_has_no_parsed_value(clients, emulator):
    final = await final_completion(clients.chat(response_format=Recipe), response_format="json_object")
    assert final.choices[0].message.parsed is None
    assert final.choices[0].message.content


async def test_streamed_refusal_raises_the_refusal_error_of_the_non_streaming_call(clients, emulator):
    chat = clients.chat()
    emulator.script(stream_of([{"role": "assistant", "refusal": "I can't "}, {"refusal": "help with that."}], "stop"))
    streamed = await error_of(lambda: final_completion(chat, response_format=Recipe))
    emulator.script(reply_with({"content": None, "refusal": "I can't help with that."}))
    direct = await error_of(lambda: resolve(chat.complete(messages=MESSAGES, response_format=Recipe)))
    assert type(streamed) is type(direct) is ContentRefusalError
    assert (str(streamed), streamed.refusal, streamed.choice_index) == (str(direct), direct.refusal, 0)
    assert streamed.completions.choices[0].message.refusal == "I can't help with that."


async def test_streamed_length_stop_raises_the_length_error_of_the_non_streaming_call(clients, emulator):
    chat = clients.chat()
    streamed = await error_of(lambda: final_completion(chat, response_format=Recipe, max_tokens=3))
    direct = await error_of(lambda: resolve(chat.complete(messages=MESSAGES, response_format=Recipe, max_tokens=3)))
    assert type(streamed) is type(direct) is LengthFinishReasonError
    assert str(streamed) == str(direct)
    assert streamed.completions.choices[0].finish_reason == "length"


async def test_streamed_content_that_does_not_validate_raises_validation_error(clients, emulator):
    emulator.script(stream_of([{"role": "assistant", "content": '{"title": '}, {"content": "5}"}], "stop"))
    error = await error_of(lambda: final_completion(clients.chat(), response_format=Recipe))
    assert type(error) is StructuredOutputValidationError
    assert str(error).startswith("Choice 0: the message content does not validate as Recipe: ")
    assert error.completions.choices[0].message.content == '{"title": 5}'


async def test_iterating_a_structured_stream_yields_the_updates_unparsed(clients, emulator):
    emulator.script(stream_of([{"role": "assistant", "content": '{"title": '}, {"content": "5}"}], "stop"))
    stream = await resolve(clients.chat().complete(messages=MESSAGES, stream=True, response_format=Recipe))
    updates = [update async for update in stream] if clients.is_async else list(stream)
    assert [update.choices[0].delta.content for update in updates] == ['{"title": ', "5}"]
