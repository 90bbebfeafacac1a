"""Streaming chat completions: a :class:`Completion` as Server-Sent Events, one HTTP chunk per event."""

from __future__ import annotations

import re
from typing import Any, Dict, Iterator, List

from ..answers import split_tokens
from ..generation import Completion, GeneratedChoice, ToolCall
from ..script import Reply

WORDS_PER_CHUNK = 3
_ARGUMENT_FRAGMENT = re.compile(r"\s*\S+")


def stream_completion(completion: Completion) -> Reply:
    """The SSE reply: per choice a role event, content (or tool-call) deltas and a finish event; then a
    usage-only event (``"choices": []``) and ``data: [DONE]``."""
    return Reply.sse(list(completion_events(completion)))


def completion_events(completion: Completion) -> Iterator[Dict[str, Any]]:
    """The ``chat.completion.chunk`` objects of the stream, in order."""
    for choice in completion.choices:
        yield _event(completion, [_delta(choice.index, {"role": "assistant", "content": ""})])
        for delta in _tool_call_deltas(choice) if choice.tool_calls else _content_deltas(choice.content):
            yield _event(completion, [_delta(choice.index, delta)])
        yield _event(completion, [_delta(choice.index, {}, choice.finish_reason)])
    yield {**_event(completion, []), "usage": completion.usage}


def content_pieces(content: str) -> List[str]:
    """The content split into the streamed pieces (a few words each)."""
    tokens = split_tokens(content)
    return ["".join(tokens[i : i + WORDS_PER_CHUNK]) for i in range(0, len(tokens), WORDS_PER_CHUNK)]


def argument_fragments(arguments: str) -> List[str]:
    """The tool-call arguments split into the streamed fragments (at whitespace)."""
    return _ARGUMENT_FRAGMENT.findall(arguments) or [arguments]


def _content_deltas(content: str) -> Iterator[Dict[str, Any]]:
    for piece in content_pieces(content):
        yield {"content": piece}


def _tool_call_deltas(choice: GeneratedChoice) -> Iterator[Dict[str, Any]]:
    for position, call in enumerate(choice.tool_calls):
        yield {"tool_calls": [_tool_call_start(position, call)]}
        for fragment in argument_fragments(call.arguments):
            yield {"tool_calls": [{"index": position, "function": {"arguments": fragment}}]}


def _tool_call_start(position: int, call: ToolCall) -> Dict[str, Any]:
    function = {"name": call.name, "arguments": ""}
    return {"index": position, "id": call.id, "type": "function", "function": function}


def _delta(index: int, delta: Dict[str, Any], finish_reason: Any = None) -> Dict[str, Any]:
    return {"index": index, "delta": delta, "finish_reason": finish_reason}


def _event(completion: Completion, choices: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {
        "id": completion.id,
        "object": "chat.completion.chunk",
        "created": completion.created,
        "model": completion.model,
        "choices": choices,
    }
