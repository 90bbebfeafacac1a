"""ChatCompletionsAccumulator: updates of a stream to the final ChatCompletions, no I/O."""

from __future__ import annotations

import copy
from typing import Any, Dict, List

import azure.ai.inference.models as models
from azure.ai.inference._model_base import deserialize
from azure.ai.inference.models import (
    ChatCompletions,
    ChatCompletionsAccumulator,
    ChatRole,
    CompletionsFinishReason,
    StreamingChatCompletionsUpdate,
)
from tests.sse_streams import W2_YIELDED, W2B_EVENTS, chunk, delta


def accumulate(events: List[Dict[str, Any]]) -> ChatCompletions:
    accumulator = ChatCompletionsAccumulator()
    for event in events:
        accumulator.add(deserialize(StreamingChatCompletionsUpdate, copy.deepcopy(event)))  # wraps without copying
    return accumulator.result()


def call(index: Any = None, call_id: str = "", name: str = "", arguments: str = "") -> Dict[str, Any]:
    fragment: Dict[str, Any] = {"function": {"name": name, "arguments": arguments}}
    if index is not None:
        fragment["index"] = index
    if call_id:
        fragment["id"] = call_id
    return fragment


def test_accumulator_is_exported_from_models_after_the_existing_names():
    assert models.ChatCompletionsAccumulator is ChatCompletionsAccumulator
    assert models.__all__.index("ChatCompletionsAccumulator") > models.__all__.index("PromptUsageDetails")


def test_w2_updates_accumulate_into_the_whole_message():
    result = accumulate(W2_YIELDED)
    assert type(result) is ChatCompletions
    assert (result.id, result.model, result["created"]) == ("chatcmpl-s1", "mock-chat-model", 1717171800)
    assert result.created.isoformat() == "2024-05-31T16:10:00+00:00"
    choice = result.choices[0]
    assert (choice.index, choice.finish_reason) == (0, CompletionsFinishReason.STOPPED)
    message = choice.message
    assert (message.role, message.content, message.tool_calls) == (ChatRole.ASSISTANT, "Hello 世界", None)
    assert result.usage.as_dict() == {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14}


def test_w2b_tool_call_fragments_are_stitched():
    message = accumulate(W2B_EVENTS).choices[0].message
    assert message.content is None
    assert [tool_call.as_dict() for tool_call in message.tool_calls] == [
        {"id": "call_9", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}}
    ]
    assert accumulate(W2B_EVENTS).choices[0].finish_reason is CompletionsFinishReason.TOOL_CALLS


def test_two_interleaved_parallel_calls_are_stitched_by_index():
    events = [
        chunk([delta({"tool_calls": [call(0, "call_a", "f", '{"x"')]})]),
        chunk([delta({"tool_calls": [call(1, "call_b", "g", '{"y"')]})]),
        chunk([delta({"tool_calls": [call(0, arguments=": 1}")]})]),
        chunk([delta({"tool_calls": [call(1, arguments=": 2}")]})]),
    ]
    calls = accumulate(events).choices[0].message.tool_calls or []
    assert [(c.id, c.function.name, c.function.arguments) for c in calls] == [
        ("call_a", "f", '{"x": 1}'),
        ("call_b", "g", '{"y": 2}'),
    ]


def test_calls_without_index_are_stitched_by_id_then_by_the_last_open_call():
    events = [
        chunk([delta({"tool_calls": [call(call_id="call_a", name="f", arguments="{")]})]),
        chunk([delta({"tool_calls": [call(call_id="call_b", name="g", arguments="[")]})]),
        chunk([delta({"tool_calls": [call(call_id="call_a", arguments="}")]})]),
        chunk([delta({"tool_calls": [call(arguments="]")]})]),
    ]
    calls = accumulate(events).choices[0].message.tool_calls or []
    assert [(c.id, c.function.arguments) for c in calls] == [("call_a", "{}"), ("call_b", "[]")]


def test_choices_are_accumulated_per_index_and_ordered():
    events = [
        chunk([delta({"role": "assistant", "content": "b1"}, index=1), delta({"content": "a1"}, index=0)]),
        chunk([delta({"content": "b2"}, "length", index=1), delta({"content": "a2"}, "stop", index=0)]),
    ]
    choices = accumulate(events).choices
    assert [(c.index, c.message.content, c.finish_reason) for c in choices] == [
        (0, "a1a2", CompletionsFinishReason.STOPPED),
        (1, "b1b2", CompletionsFinishReason.TOKEN_LIMIT_REACHED),
    ]


def test_reasoning_content_is_concatenated():
    events = [
        chunk([delta({"reasoning_content": "think "})]),
        chunk([delta({"reasoning_content": "more", "content": "ok"})]),
    ]
    message = accumulate(events).choices[0].message
    assert (message.reasoning_content, message.content) == ("think more", "ok")
    assert "reasoning_content" not in accumulate(W2_YIELDED).choices[0].message


def test_empty_content_stays_an_empty_string_and_missing_content_is_none():
    assert accumulate([chunk([delta({"content": ""})])]).choices[0].message.content == ""
    assert accumulate([chunk([delta({"role": "assistant"})])]).choices[0].message.content is None


def test_header_fields_come_from_the_first_update_that_has_them():
    filter_chunk = {"id": "", "created": 0, "model": "", "object": "", "choices": [], "usage": {"total_tokens": 1}}
    result = accumulate([filter_chunk, *W2_YIELDED])
    assert (result.id, result.model, result["created"]) == ("chatcmpl-s1", "mock-chat-model", 1717171800)


def test_wire_dicts_and_models_with_converted_nested_values_are_accepted():
    accumulator = ChatCompletionsAccumulator()
    for event in W2B_EVENTS:
        update = deserialize(StreamingChatCompletionsUpdate, copy.deepcopy(event))
        _ = [c.delta.tool_calls and c.delta.tool_calls[0].function.arguments for c in update.choices]
        accumulator.add(update)
    plain = ChatCompletionsAccumulator()
    for event in W2B_EVENTS:
        plain.add(event)
    assert accumulator.result() == plain.result()
    assert (accumulator.updates, plain.updates) == (4, 4)


def test_result_is_a_new_object_that_does_not_share_state():
    accumulator = ChatCompletionsAccumulator()
    accumulator.add(copy.deepcopy(W2B_EVENTS[0]))
    first = accumulator.result()
    first.choices[0].message["tool_calls"][0].function.arguments = "changed"
    accumulator.add(copy.deepcopy(W2B_EVENTS[1]))
    assert first.choices[0].message["tool_calls"][0].function.arguments == "changed"
    assert accumulator.result().choices[0].message["tool_calls"][0].function.arguments == '{"city":'


def test_no_updates_give_an_empty_completion():
    result = ChatCompletionsAccumulator().result()
    assert result.as_dict() == {"object": "chat.completion", "choices": []}


def test_finished_once_any_choice_has_a_finish_reason():
    accumulator = ChatCompletionsAccumulator()
    seen = []
    for choices in (
        [{"index": 0, "delta": {"content": "a"}, "finish_reason": None}],
        [{"index": 1, "delta": {"content": "b"}, "finish_reason": ""}],
        [{"index": 1, "delta": {}, "finish_reason": "length"}],
        [{"index": 0, "delta": {"content": "c"}, "finish_reason": None}],
    ):
        accumulator.add({"choices": choices})
        seen.append(accumulator.finished)
    assert seen == [False, False, True, True]
