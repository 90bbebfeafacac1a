"""The accumulator's shortcuts (a tool-call fragment continuing a known index, a known choice index, plain
dicts) give what its general rules give, for any fragments."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azure.ai.inference._model_base import deserialize, wire_mapping
from azure.ai.inference._sansio import accumulator as accumulator_module
from azure.ai.inference.models import ChatCompletionsAccumulator, StreamingChatCompletionsUpdate

_INDEXES = st.sampled_from([0, 0, 0, 1, None, True, "1", 1.0])  # mostly typed, as services send them
_TEXT = st.none() | st.text(alphabet="ab{}", max_size=3)


@st.composite
def _fragment(draw: Any) -> Dict[str, Any]:
    fragment: Dict[str, Any] = {}
    if draw(st.integers(0, 3)):
        fragment["index"] = draw(_INDEXES)
    if draw(st.integers(0, 2)):
        fragment["id"] = draw(st.sampled_from(["", "call_a", "call_b"]))
    if draw(st.booleans()):
        fragment["type"] = draw(st.sampled_from(["function", "", "custom"]))
    function = draw(
        st.sampled_from(["arguments only", "name and arguments", "name only", "absent", "not an object"])
    )
    if function == "arguments only":  # the usual continuation: {"index": i, "function": {"arguments": "..."}}
        fragment["function"] = {"arguments": draw(_TEXT)}
    elif function == "name and arguments":
        fragment["function"] = {"name": draw(_TEXT), "arguments": draw(_TEXT)}
    elif function == "name only":
        fragment["function"] = {"name": draw(_TEXT)}
    elif function == "not an object":
        fragment["function"] = draw(st.sampled_from(["x", 3, None]))
    return fragment


@st.composite
def _update(draw: Any) -> Dict[str, Any]:
    delta: Dict[str, Any] = {"content": draw(_TEXT), "role": draw(st.sampled_from([None, "assistant"]))}
    if draw(st.booleans()):
        delta["tool_calls"] = draw(st.lists(_fragment(), min_size=1, max_size=3))
    if draw(st.booleans()):
        delta["reasoning_content"] = draw(_TEXT)
    choice = {"index": draw(_INDEXES), "delta": delta, "finish_reason": draw(st.sampled_from([None, "stop"]))}
    return {"id": "c", "model": "m", "created": 1, "choices": [choice]}


def _result(updates: List[Dict[str, Any]], as_models: bool) -> Dict[str, Any]:
    accumulator = ChatCompletionsAccumulator()
    for update in updates:
        if as_models:  # every nested value read (converted to a model) before it is added
            model = deserialize(StreamingChatCompletionsUpdate, update)
            _ = [(c.delta, c.delta.tool_calls and [t.function for t in c.delta.tool_calls]) for c in model.choices]
            accumulator.add(model)
        else:
            accumulator.add(update)
    return accumulator.result().as_dict()


def _general_add_tool_call(self: Any, fragment: Any) -> None:
    """``_ChoiceState._add_tool_call`` without its shortcuts: the fragment through the general rules."""
    fragment = wire_mapping(fragment)
    if fragment is not None:
        self._call_for(fragment.get("index"), fragment.get("id")).add(fragment)  # pylint: disable=protected-access


@settings(max_examples=500, deadline=None)
@given(updates=st.lists(_update(), max_size=8))
def test_shortcuts_give_the_result_of_the_general_rules(updates, monkeypatch_module):
    with_shortcuts = _result(updates, as_models=False)
    monkeypatch_module.setattr(accumulator_module._ChoiceState, "_add_tool_call", _general_add_tool_call)
    try:
        assert _result(updates, as_models=False) == with_shortcuts
        assert _result(updates, as_models=True) == with_shortcuts
    finally:
        monkeypatch_module.undo()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_an_id_first_seen_on_a_known_index_then_alone_continues_that_call():
    def update(**fragment: Any) -> Dict[str, Any]:
        fragment["function"] = {"arguments": "x"}
        return {"choices": [{"index": 0, "delta": {"tool_calls": [fragment]}}]}

    result = _result([update(index=0), update(index=0, id="call_a"), update(id="call_a")], as_models=False)
    calls = result["choices"][0]["message"]["tool_calls"]
    assert [(call["id"], call["function"]["arguments"]) for call in calls] == [("call_a", "xxx")]


@pytest.mark.parametrize(
    ("index", "stored"), [(None, 0), ("1", 0), (1.0, 0), (2, 2), (True, True)], ids=["none", "str", "float", "int", "bool"]
)
def test_a_choice_index_that_is_not_an_int_is_choice_zero(index, stored):
    accumulator = ChatCompletionsAccumulator()
    accumulator.add({"choices": [{"index": index, "delta": {"content": "x"}}]})
    assert accumulator.result().as_dict()["choices"] == [
        {"index": stored, "finish_reason": None, "message": {"role": "assistant", "content": "x"}}
    ]


@pytest.mark.parametrize(
    "update",
    [
        {"choices": 5},
        {"choices": "abc"},
        {"choices": [{"index": 0, "delta": {"tool_calls": 7}}]},
        {"choices": [{"index": 0, "delta": {"tool_calls": "x", "content": "a"}}]},
        {"choices": [], "usage": 5},
    ],
    ids=["choices-int", "choices-str", "tool-calls-int", "tool-calls-str", "usage-int"],
)
def test_malformed_values_are_skipped_not_raised(update):
    accumulator = ChatCompletionsAccumulator()
    accumulator.add({"id": "c", "choices": [{"index": 0, "delta": {"content": "x"}}]})
    accumulator.add(update)
    result = accumulator.result().as_dict()
    content = "xa" if update == {"choices": [{"index": 0, "delta": {"tool_calls": "x", "content": "a"}}]} else "x"
    assert result["choices"][0]["message"] == {"role": "assistant", "content": content}
    assert "usage" not in result


@pytest.mark.parametrize(
    "continuation",
    [
        {"index": 0, "function": {"arguments": "y"}},
        {"index": 0, "type": "custom", "function": {"arguments": "y"}},
        {"index": 0, "id": "", "function": {"arguments": "y"}},
        {"index": 0, "function": {"arguments": "y", "name": "g"}},
        {"index": 0, "function": {"arguments": 3}},
        {"index": 0, "extra": 1, "function": {"arguments": "y"}},
        {"index": True, "function": {"arguments": "y"}},
    ],
    ids=["arguments", "with-type", "empty-id", "with-name", "non-str", "extra-key", "bool-index"],
)
def test_each_continuation_gives_the_result_of_the_general_rules(continuation, monkeypatch_module):
    first = {"index": 0, "id": "call_a", "type": "function", "function": {"name": "f", "arguments": "x"}}
    updates = [{"choices": [{"index": 0, "delta": {"tool_calls": [fragment]}}]} for fragment in (first, continuation)]
    with_shortcuts = _result(updates, as_models=False)
    monkeypatch_module.setattr(accumulator_module._ChoiceState, "_add_tool_call", _general_add_tool_call)
    try:
        assert _result(updates, as_models=False) == with_shortcuts
    finally:
        monkeypatch_module.undo()
