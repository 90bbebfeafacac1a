"""Streaming chat completions: SSE framing byte-exact, one HTTP chunk per event, tool-call deltas."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List

from tests.emulator import Emulator

from .conftest import chat_target, user
from .rawhttp import RawConnection, RawResponse
from .test_chat import WEATHER_TOOL


def _stream(emu: Emulator, body: bytes) -> RawResponse:
    with RawConnection(emu.port) as connection:
        connection.send("POST", chat_target(), body, (("Content-Type", "application/json"),))
        return connection.read_response()


def test_text_stream_is_framed_byte_exact_one_event_per_chunk(emu):
    body = json.dumps({"messages": [user("Say hello")], "stream": True}).encode()
    response = _stream(emu, body)
    completion_id = "chatcmpl-" + hashlib.sha256(body).hexdigest()[:24]
    head = (
        f'data: {{"id": "{completion_id}", "object": "chat.completion.chunk", '
        '"created": 1717171717, "model": "emulator-model", '
    )
    expected = [
        head + '"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": null}]}\n\n',
        head + '"choices": [{"index": 0, "delta": {"content": "Hello! How"}, "finish_reason": null}]}\n\n',
        head + '"choices": [{"index": 0, "delta": {"content": " can I help"}, "finish_reason": null}]}\n\n',
        head + '"choices": [{"index": 0, "delta": {"content": " you today?"}, "finish_reason": null}]}\n\n',
        head + '"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}\n\n',
        head + '"choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 9, "total_tokens": 14}}\n\n',
        "data: [DONE]\n\n",
    ]
    assert (response.status, response.complete) == (200, True)
    assert response.header("content-type") == "text/event-stream; charset=utf-8"
    assert response.header("transfer-encoding") == "chunked"
    assert response.chunks == [event.encode() for event in expected]


def test_streamed_text_equals_the_non_streamed_answer(emu):
    question = {"messages": [user("Give me 3 good reasons why I should exercise every day.")], "max_tokens": 20}
    events = _events(_stream(emu, json.dumps({**question, "stream": True}).encode()).chunks)
    text = "".join(event["choices"][0]["delta"].get("content", "") for event in events if event["choices"])
    finish = [event["choices"][0]["finish_reason"] for event in events if event["choices"]][-1]
    with RawConnection(emu.port) as connection:
        connection.send("POST", chat_target(), json.dumps(question).encode())
        choice = json.loads(connection.read_response().body)["choices"][0]
    assert text == choice["message"]["content"]
    assert finish == choice["finish_reason"] == "length"


def test_tool_call_stream_uses_openai_style_deltas(emu):
    body = {"messages": [user("What's the weather in Seattle?")], "tools": [WEATHER_TOOL], "stream": True}
    events = _events(_stream(emu, json.dumps(body).encode()).chunks)
    deltas = [event["choices"][0]["delta"] for event in events if event["choices"]]
    call_id = deltas[1]["tool_calls"][0]["id"]
    start = {"name": "get_weather", "arguments": ""}
    assert call_id.startswith("call_")
    assert deltas == [
        {"role": "assistant", "content": ""},
        {"tool_calls": [{"index": 0, "id": call_id, "type": "function", "function": start}]},
        {"tool_calls": [{"index": 0, "function": {"arguments": '{"city":'}}]},
        {"tool_calls": [{"index": 0, "function": {"arguments": ' "Seattle"}'}}]},
        {},
    ]
    assert events[-2]["choices"][0]["finish_reason"] == "tool_calls"
    assert events[-1]["choices"] == [] and events[-1]["usage"]["total_tokens"] > 0


def test_stream_with_n_choices_streams_each_choice(emu):
    body = {"messages": [user("hi")], "n": 2, "stream": True}
    with RawConnection(emu.port) as connection:
        connection.send("POST", chat_target(), json.dumps(body).encode(), (("extra-parameters", "pass-through"),))
        events = _events(connection.read_response().chunks)
    finishes = [(e["choices"][0]["index"], e["choices"][0]["finish_reason"]) for e in events if e["choices"]]
    assert [item for item in finishes if item[1]] == [(0, "stop"), (1, "stop")]


def test_stream_false_gives_json(emu):
    response = _stream(emu, json.dumps({"messages": [user("hi")], "stream": False}).encode())
    assert json.loads(response.body)["object"] == "chat.completion"


def _events(chunks: List[bytes]) -> List[Dict[str, Any]]:
    assert chunks[-1] == b"data: [DONE]\n\n"
    return [json.loads(chunk[len(b"data: "):]) for chunk in chunks[:-1]]
