"""Recorded real-service streams replayed through the emulator: the final completion equals what was streamed.

Each recorded chunk is sent as its own HTTP chunk, exactly as recorded; the request the SDK sends is
compared with the recorded request body. Expected values are computed here straight from the
recorded event JSON, not with the SDK's accumulator.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest

from azure.ai.inference.models import ChatCompletions
from tests.emulator import Reply
from tests.flavors import resolve
from tests.replay.stream_recordings import StreamedExchange, streamed_exchanges

EXCHANGES = {exchange.name: exchange for exchange in streamed_exchanges()}


def expected_final(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Field by field, what the recorded stream carried for its (single) choice."""
    choices = [choice for event in events for choice in event["choices"]]
    deltas = [choice["delta"] for choice in choices]
    tool_calls = [call for delta in deltas for call in delta.get("tool_calls") or []]
    return {
        "id": events[0]["id"],
        "model": events[0]["model"],
        "created": events[0]["created"],
        "role": next(delta["role"] for delta in deltas if delta.get("role")),
        "content": "".join(delta.get("content") or "" for delta in deltas),
        "finish_reason": [choice["finish_reason"] for choice in choices if choice["finish_reason"]][-1],
        "tool_calls": [(call["id"], call["function"]["name"], call["function"]["arguments"]) for call in tool_calls],
        "usage": next(event["usage"] for event in reversed(events) if event.get("usage")),
    }


def actual_final(completion: ChatCompletions) -> Dict[str, Any]:
    assert len(completion.choices) == 1
    choice = completion.choices[0]
    return {
        "id": completion.id,
        "model": completion.model,
        "created": completion["created"],
        "role": choice.message.role,
        "content": choice.message.content,
        "finish_reason": choice.finish_reason,
        "tool_calls": [(tc.id, tc.function.name, tc.function.arguments) for tc in choice.message.tool_calls or []],
        "usage": completion.usage.as_dict(),
    }


def test_recordings_hold_the_streamed_exchanges(shared_dir):
    """W17, B10.13: the recordings hold six real-service streams, each ending with ``data: [DONE]``."""
    assert len(EXCHANGES) == 6
    assert all(exchange.chunks[-1] == "data: [DONE]\n\n" for exchange in EXCHANGES.values())


@pytest.mark.parametrize("name", sorted(EXCHANGES))
async def test_final_completion_of_a_recorded_stream_equals_what_it_streamed(clients, emulator, shared_dir, name):
    """W17, B10.13: a real-service stream, chunk by chunk as recorded, decodes; the request matches the recorded one."""
    exchange: StreamedExchange = EXCHANGES[name]
    emulator.script(Reply(chunks=[chunk.encode("utf-8") for chunk in exchange.chunks]))
    chat = clients.chat()
    recorded = exchange.request_body
    stream = await resolve(chat.complete(messages=recorded["messages"], tools=recorded.get("tools"), stream=True))
    completion = await resolve(stream.get_final_completion())
    assert json.loads(emulator.last_request.body) == recorded
    assert actual_final(completion) == expected_final(exchange.events())
    assert stream._response.is_closed is True


@pytest.mark.parametrize("name", sorted(EXCHANGES))
async def test_recorded_stream_yields_one_update_per_recorded_event(clients, emulator, shared_dir, name):
    """W17, B10.13: the text streamed by a recorded real-service stream is the text of its recorded events."""
    exchange: StreamedExchange = EXCHANGES[name]
    emulator.script(Reply(chunks=[chunk.encode("utf-8") for chunk in exchange.chunks]))
    chat = clients.chat()
    stream = await resolve(chat.complete(messages=exchange.request_body["messages"], stream=True))
    texts = stream.text_stream
    streamed = "".join([text async for text in texts] if clients.is_async else list(texts))
    deltas = [choice["delta"] for event in exchange.events() for choice in event["choices"]]
    assert streamed == "".join(delta.get("content") or "" for delta in deltas)
