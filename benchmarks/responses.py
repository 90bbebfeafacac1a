"""The canned response bodies of the benchmark server, generated once, deterministically.

Shapes follow the recorded service traffic: a chat completion, a chat completion chunk per streamed
token (and per tool-call argument fragment), and embeddings as float lists or base64 strings.
"""

from __future__ import annotations

import base64
import json
import random
import struct
from typing import Dict, List

__all__ = ["ROUTES", "STREAM_CHUNKS", "SHORT_STREAM_CHUNKS", "json_body", "sse_events"]

STREAM_CHUNKS = 1000
SHORT_STREAM_CHUNKS = 250
DIMENSIONS = 1536
SMALL_BATCH = 16
LARGE_BATCH = 512

_CREATED = 1736389076
_MODEL = "mistral-large-2411"
_WORDS = (
    "Abs olutely , here are three compelling reasons why you should consider exerc ising every day :"
    " Im pro ved Physical Health Regular exercise helps strengthen your heart and improve circulation ."
).split(" ")


def _compact(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def _chat_completion() -> Dict[str, object]:
    content = " ".join(_WORDS * 3)
    return {
        "choices": [
            {
                "finish_reason": "stop",
                "index": 0,
                "message": {"content": content, "role": "assistant", "tool_calls": None},
            }
        ],
        "created": _CREATED,
        "id": "f1441eb6031c4ddbbd9bc58e88cc381c",
        "model": _MODEL,
        "object": "chat.completion",
        "usage": {"completion_tokens": 139, "prompt_tokens": 24, "total_tokens": 163},
    }


def _chunk(delta: Dict[str, object], finish_reason: object = None) -> Dict[str, object]:
    choice = {"delta": delta, "finish_reason": finish_reason, "index": 0, "logprobs": None}
    return {
        "choices": [choice],
        "created": _CREATED,
        "id": "f1441eb6031c4ddbbd9bc58e88cc381c",
        "model": _MODEL,
        "object": "chat.completion.chunk",
    }


def _text_chunks(count: int) -> List[Dict[str, object]]:
    chunks = [_chunk({"content": "", "role": "assistant"})]
    chunks += [_chunk({"content": " " + _WORDS[i % len(_WORDS)]}) for i in range(count - 2)]
    chunks.append(_chunk({"content": ""}, "stop"))
    return chunks


def _tool_call_chunks(count: int) -> List[Dict[str, object]]:
    first_call = {"index": 0, "id": "call_7f3a", "type": "function", "function": {"name": "get_weather", "arguments": ""}}
    chunks = [_chunk({"role": "assistant", "content": None, "tool_calls": [first_call]})]
    for i in range(count - 2):
        fragment = '{"city": "' if i == 0 else _WORDS[i % len(_WORDS)]
        chunks.append(_chunk({"tool_calls": [{"index": 0, "function": {"arguments": fragment}}]}))
    chunks.append(_chunk({}, "tool_calls"))
    return chunks


def _vector(rng: random.Random) -> List[float]:
    # float32 values printed with ~10 significant digits, as embedding services send them
    return [float(f"{rng.gauss(0.0, 0.03):.10g}") for _ in range(DIMENSIONS)]


def _base64_vector(rng: random.Random) -> str:
    values = [rng.gauss(0.0, 0.03) for _ in range(DIMENSIONS)]
    return base64.b64encode(struct.pack(f"<{DIMENSIONS}f", *values)).decode("ascii")


def _embeddings(count: int, as_base64: bool) -> Dict[str, object]:
    rng = random.Random(count)
    data = [
        {"embedding": _base64_vector(rng) if as_base64 else _vector(rng), "index": i, "object": "embedding"}
        for i in range(count)
    ]
    return {
        "data": data,
        "id": "d3c9a2d1e5f04a52a1b5f7c2e1a0b9c8",
        "model": "embed-v-4-0",
        "object": "list",
        "usage": {"prompt_tokens": 9 * count, "total_tokens": 9 * count},
    }


def json_body(route: str) -> bytes:
    """The JSON body of a non-streaming route.

    :param route: A route name of ``ROUTES`` whose kind is ``"json"``.
    :type route: str
    :return: The compact JSON bytes.
    :rtype: bytes
    """
    if route == "chat":
        return _compact(_chat_completion())
    count = LARGE_BATCH if route == "w5" else SMALL_BATCH
    return _compact(_embeddings(count, as_base64=route == "e2"))


def sse_events(route: str) -> List[bytes]:
    """The server-sent events of a streaming route, ``data: [DONE]`` last.

    :param route: A route name of ``ROUTES`` whose kind is ``"sse"``.
    :type route: str
    :return: One ``data: ...\\n\\n`` event per list item.
    :rtype: list[bytes]
    """
    if route == "stream-tools":
        chunks = _tool_call_chunks(STREAM_CHUNKS)
    else:
        chunks = _text_chunks(SHORT_STREAM_CHUNKS if route == "stream-short" else STREAM_CHUNKS)
    return [b"data: " + _compact(chunk) + b"\n\n" for chunk in chunks] + [b"data: [DONE]\n\n"]


ROUTES: Dict[str, str] = {
    "chat": "json",
    "e1": "json",
    "e2": "json",
    "w5": "json",
    "stream": "sse",
    "stream-tools": "sse",
    "stream-short": "sse",
}
"""Route name (the first path segment of the endpoint) -> kind of response."""
