"""Property: ``ChatCompletionsAccumulator`` (with its shortcuts, e.g. a repeated object costing one
comparison) gives what the rule written out plainly in ``exchanges.accumulate`` gives, for any events."""

from __future__ import annotations

import copy
from typing import Any, Dict, List

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azure.ai.inference._model_base import deserialize
from azure.ai.inference.models import ChatCompletionsAccumulator, StreamingChatCompletionsUpdate

from tests.realtraffic.exchanges import accumulate

SCALARS = st.sampled_from([None, None, "x", "y", "", 0, 1, 2.5, True, False])
KEYS = st.sampled_from(["a", "b", "text", "index", "filtered"])
JSON = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(KEYS, children, max_size=3),
    max_leaves=6,
)
# A few fixed objects, so that equal values repeat from event to event (the shortcut's case).
VERDICTS = st.sampled_from(
    [
        {"hate": {"filtered": False, "severity": "safe"}},
        {"protected_material_text": {"detected": False, "filtered": False}},
        {"hate": {"filtered": True, "severity": None}},
        {},
    ]
)
ITEMS = st.lists(st.fixed_dictionaries({"index": st.sampled_from([0, 1, None, True]), "text": SCALARS, "type": SCALARS}), max_size=2)


@st.composite
def deltas(draw: Any) -> Dict[str, Any]:
    delta: Dict[str, Any] = {}
    for key, values in (
        ("content", SCALARS),
        ("reasoning", SCALARS),
        ("reasoning_content", SCALARS),
        ("refusal", SCALARS),
        ("role", st.sampled_from([None, "", "assistant", "tool"])),
        ("reasoning_details", ITEMS),
        ("annotations", st.lists(JSON, max_size=2)),
        ("channel", JSON),
    ):
        if draw(st.booleans()):
            delta[key] = draw(values)
    if draw(st.booleans()):
        index = draw(st.sampled_from([0, 1]))  # the stitching of calls without index: tests/unit/test_accumulator.py
        call = {"index": index, "id": draw(st.sampled_from(["", f"call_{index}"]))}
        call["function"] = {"name": draw(st.sampled_from(["", "f"])), "arguments": draw(st.sampled_from(["{", "}", ""]))}
        if draw(st.booleans()):
            call["extra"] = draw(JSON)
        delta["tool_calls"] = [call]
    return delta


@st.composite
def events(draw: Any) -> Dict[str, Any]:
    choice: Dict[str, Any] = {"index": draw(st.sampled_from([0, 1])), "delta": draw(deltas())}
    for key, values in (
        ("finish_reason", st.sampled_from([None, "stop", "length"])),
        ("logprobs", st.none() | st.fixed_dictionaries({"content": st.lists(JSON, max_size=2)})),
        ("content_filter_results", VERDICTS | JSON),
        ("native_finish_reason", SCALARS),
    ):
        if draw(st.booleans()):
            choice[key] = draw(values)
    event: Dict[str, Any] = {"id": draw(st.sampled_from(["", "e1", "e2"])), "object": "chat.completion.chunk"}
    event["choices"] = [choice] if draw(st.integers(0, 4)) else []
    for key, values in (("prompt_filter_results", st.lists(VERDICTS, max_size=1)), ("x_groq", VERDICTS | JSON), ("service_tier", SCALARS)):
        if draw(st.booleans()):
            event[key] = draw(values)
    if draw(st.integers(0, 3)) == 0:
        event["usage"] = {"total_tokens": draw(st.integers(0, 9))}
    return event


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stream=st.lists(events(), max_size=8), as_models=st.booleans())
def test_accumulator_follows_the_written_rule(stream: List[Dict[str, Any]], as_models: bool):
    accumulator = ChatCompletionsAccumulator()
    for event in copy.deepcopy(stream):
        accumulator.add(deserialize(StreamingChatCompletionsUpdate, event) if as_models else event)
    assert accumulator.result().as_dict() == accumulate(stream)


def test_merging_does_not_change_the_events():
    stream = [
        {"choices": [{"index": 0, "delta": {"reasoning_details": [{"index": 0, "text": "a"}]}, "logprobs": {"content": [1]}}]},
        {"choices": [{"index": 0, "delta": {"reasoning_details": [{"index": 0, "text": "b"}]}, "logprobs": {"content": [2]}}]},
    ]
    received = copy.deepcopy(stream)
    accumulator = ChatCompletionsAccumulator()
    for event in received:
        accumulator.add(event)
    choice = accumulator.result().as_dict()["choices"][0]
    assert (choice["message"]["reasoning_details"], choice["logprobs"]) == ([{"index": 0, "text": "ab"}], {"content": [1, 2]})
    assert received == stream
