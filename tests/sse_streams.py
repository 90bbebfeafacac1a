"""The server streams of WIRE.md W2 (text), W2b (a streamed tool call) and W15, as event dicts and raw bytes."""

from __future__ import annotations

import json
from typing import Any, Dict, List


def chunk(choices: List[Dict[str, Any]], **extra: Any) -> Dict[str, Any]:
    """A ``chat.completion.chunk`` event of the W2 stream with these choices."""
    event: Dict[str, Any] = {
        "id": "chatcmpl-s1",
        "object": "chat.completion.chunk",
        "created": 1717171800,
        "model": "mock-chat-model",
        "choices": choices,
    }
    event.update(extra)
    return event


def delta(delta_: Dict[str, Any], finish_reason: Any = None, index: int = 0) -> Dict[str, Any]:
    """One choice update."""
    return {"index": index, "delta": delta_, "finish_reason": finish_reason}


W2_USAGE = {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14}

W2_EVENTS: List[Dict[str, Any]] = [
    chunk([delta({"role": "assistant", "content": ""})]),
    chunk([delta({"content": "Hello"})]),
    chunk([delta({"content": " 世界"})]),
    chunk([]),
    chunk([delta({}, "stop")]),
    chunk([], usage=W2_USAGE),
]
"""The six W2 events; the 4th (empty ``choices``, no ``usage``) is not yielded."""

W2_YIELDED = [event for position, event in enumerate(W2_EVENTS) if position != 3]


def event_bytes(event: Any) -> bytes:
    """``data: <json.dumps(event), non-ASCII as UTF-8>\\n\\n``, as the W2 server sent it."""
    return b"data: " + json.dumps(event, ensure_ascii=False).encode("utf-8") + b"\n\n"


W2_BODY = b"".join(event_bytes(event) for event in W2_EVENTS) + b"data: [DONE]\n\n"

W2B_EVENTS: List[Dict[str, Any]] = [
    chunk(
        [
            delta(
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "index": 0,
                            "id": "call_9",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": ""},
                        }
                    ],
                }
            )
        ]
    ),
    chunk([delta({"tool_calls": [{"index": 0, "id": "", "function": {"name": "", "arguments": '{"city":'}}]})]),
    chunk([delta({"tool_calls": [{"index": 0, "id": "", "function": {"name": "", "arguments": ' "Paris"}'}}]})]),
    chunk([delta({}, "tool_calls")]),
]
"""The W2b events (a tool call streamed in three fragments)."""
