"""Replay the recorded service traffic of the original tracing tests and check the spans with their oracle (T-20).

Each recorded response is served by the emulator; the request is sent with the recorded body's
messages, tools and stream flag. The oracle: the expected attributes are an allow-list (``""`` =
any non-empty value, ``"+"`` = a non-negative number), events are compared by name and parsed JSON
with ``"*"`` = any non-empty value, and no other chat span, attribute or event may appear.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

from tests.emulator import Reply
from tests.flavors import collect, resolve

PREFIX = "test_client_tracing.pyTestClientTracingtest_chat_completion_"
TEXT_ATTRIBUTES = {
    "gen_ai.operation.name": "chat",
    "gen_ai.system": "az.ai.inference",
    "gen_ai.request.model": "chat",
    "server.address": "",
    "server.port": "+",
    "gen_ai.response.id": "",
    "gen_ai.response.model": "mistral-large-2411",
    "gen_ai.usage.input_tokens": "+",
    "gen_ai.usage.output_tokens": "+",
    "gen_ai.response.finish_reasons": ("stop",),
}
TOOL_ATTRIBUTES = {**TEXT_ATTRIBUTES, "gen_ai.response.finish_reasons": ("tool_calls",)}
SYSTEM = ("gen_ai.system.message", {"role": "system", "content": "*"})
USER = ("gen_ai.user.message", {"role": "user", "content": "*"})
TEXT_CHOICE_ON = ("gen_ai.choice", {"message": {"content": "*"}, "finish_reason": "stop", "index": 0})
TEXT_CHOICE_OFF = ("gen_ai.choice", {"finish_reason": "stop", "index": 0})
STREAM_TOOL_ON = (
    "gen_ai.choice",
    {
        "finish_reason": "tool_calls",
        "message": {
            "tool_calls": [
                {"id": "*", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Seattle"}'}}
            ]
        },
        "index": 0,
    },
)
STREAM_TOOL_OFF = (
    "gen_ai.choice",
    {"finish_reason": "tool_calls", "message": {"tool_calls": [{"id": "*", "type": "function"}]}, "index": 0},
)
TOOL_OFF = (
    "gen_ai.choice",
    {
        "finish_reason": "tool_calls",
        "index": 0,
        "message": {"tool_calls": [{"function": {"call_id": None}, "id": "*", "type": "function"}]},
    },
)
ASSISTANT = ("gen_ai.assistant.message", {"role": "assistant", "tool_calls": "*"})
TOOL = ("gen_ai.tool.message", {"role": "tool", "tool_call_id": "*", "content": "Nice weather"})

CASES = [
    ("tracing_content_recording_disabled", False, [(TEXT_ATTRIBUTES, [TEXT_CHOICE_OFF])]),
    ("tracing_content_recording_disabled", True, [(TEXT_ATTRIBUTES, [SYSTEM, USER, TEXT_CHOICE_ON])]),
    ("streaming_tracing_content_recording_disabled", False, [(TEXT_ATTRIBUTES, [TEXT_CHOICE_OFF])]),
    ("streaming_tracing_content_recording_disabled", True, [(TEXT_ATTRIBUTES, [SYSTEM, USER, TEXT_CHOICE_ON])]),
    (
        "with_function_call_streaming_tracing_content_recording_enabled",
        True,
        [
            (TOOL_ATTRIBUTES, [SYSTEM, USER, STREAM_TOOL_ON]),
            (TEXT_ATTRIBUTES, [SYSTEM, USER, ASSISTANT, TOOL, TEXT_CHOICE_ON]),
        ],
    ),
    (
        "with_function_call_streaming_tracing_content_recording_disabled",
        False,
        [(TOOL_ATTRIBUTES, [STREAM_TOOL_OFF]), (TEXT_ATTRIBUTES, [TEXT_CHOICE_OFF])],
    ),
    (
        "with_function_call_tracing_content_recording_disabled",
        False,
        [(TOOL_ATTRIBUTES, [TOOL_OFF]), (TEXT_ATTRIBUTES, [TEXT_CHOICE_OFF])],
    ),
]


def _sse_chunks(body: Any) -> List[bytes]:
    if isinstance(body, dict) and "PeerSSE" in body:
        peer = body["PeerSSE"]
        middle = [peer["template"].replace("{{C}}", json.dumps(text)[1:-1]) for text in peer["contents"]]
        body = peer["head"] + middle + peer["tail"]
    return [chunk.encode("utf-8") for chunk in body]


def _reply(entry: Dict[str, Any]) -> Reply:
    if "text/event-stream" in entry["ResponseHeaders"].get("Content-Type", ""):
        return Reply.sse(_sse_chunks(entry["ResponseBody"]), done=False)
    return Reply(json=entry["ResponseBody"])


def _matches(expected: Any, actual: Any) -> bool:
    if expected == "*":
        return actual not in (None, "", [], {})
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and expected.keys() == actual.keys()
            and all(_matches(expected[k], actual[k]) for k in expected)
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(_matches, expected, actual))
    return expected == actual


def _attribute_matches(expected: Any, actual: Any) -> bool:
    if expected == "":
        return actual not in (None, "")
    if expected == "+":
        return isinstance(actual, (int, float)) and actual >= 0
    return expected == actual


def _check_span(telemetry, span, attributes, events) -> None:
    actual = dict(span.attributes)
    assert [key for key in actual if key not in attributes] == []
    assert {key: _attribute_matches(attributes[key], actual.get(key)) for key in attributes} == dict.fromkeys(
        attributes, True
    )
    seen = telemetry.events(span)
    assert [name for name, _ in seen] == [name for name, _ in events]
    assert [_matches(payload, got) for (_, payload), (_, got) in zip(events, seen)] == [True] * len(events)
    stamps = [event.timestamp for event in span.events]
    assert stamps == sorted(set(stamps))


@pytest.mark.parametrize(
    ("name", "recording", "expected"), CASES, ids=[f"{case[0]}-{'on' if case[1] else 'off'}" for case in CASES]
)
async def test_recorded_traffic_meets_the_original_oracle(
    clients, emulator, instrumentor, telemetry, shared_dir: Path, name, recording, expected
):
    path = shared_dir / "recordings" / "azure-ai-inference" / f"{PREFIX}{name}.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["Entries"]
    instrumentor.instrument(enable_content_recording=recording)
    chat = clients.chat()
    for entry in entries:
        emulator.script(_reply(entry))
        sent = entry["RequestBody"]
        result = await resolve(
            chat.complete(messages=sent["messages"], tools=sent.get("tools"), stream=sent.get("stream"))
        )
        if sent.get("stream"):
            await collect(result)
        assert emulator.last_request.json() == sent
    spans = telemetry.gen_ai_spans()
    assert len(spans) == len(expected)
    for span, (attributes, events) in zip(spans, expected):
        _check_span(telemetry, span, attributes, events)
