"""Model reads after the hot-path work: one conversion per nested value, identity kept, no copies."""

from __future__ import annotations

import datetime
from typing import Any, Dict

from azure.ai.inference import models
from azure.ai.inference._model_base import deserialize


def _completion() -> Dict[str, Any]:
    return {
        "id": "c1",
        "created": 1717171717,
        "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
    }


def test_nested_model_read_returns_the_same_instance_each_time():
    result = deserialize(models.ChatCompletions, _completion())
    assert result.choices is result.choices
    assert result.choices[0].message is result.choices[0].message
    assert result["choices"][0] is result.choices[0]


def test_nested_model_read_keeps_mutations():
    result = deserialize(models.ChatCompletions, _completion())
    result.choices[0].message.content = "changed"
    assert result.as_dict()["choices"][0]["message"]["content"] == "changed"


def test_list_read_converts_dicts_appended_after_a_read():
    result = deserialize(models.ChatCompletions, _completion())
    choices: Any = result.choices
    choices.append({"index": 1, "finish_reason": "length", "message": {"content": "b"}})
    second = result.choices[1]
    assert isinstance(second, models.ChatChoice)
    assert second.finish_reason == models.CompletionsFinishReason.TOKEN_LIMIT_REACHED


def test_list_read_of_a_list_without_objects_returns_it_unchanged():
    update = deserialize(models.StreamingChatCompletionsUpdate, {"choices": [None, "x"]})
    assert update.choices == [None, "x"]


def test_wrapping_does_not_copy_the_parsed_json():
    data: Dict[str, Any] = {
        "data": [{"embedding": [0.5, 0.25], "index": 0}],
        "usage": {"prompt_tokens": 1, "total_tokens": 1},
    }
    vectors = data["data"][0]["embedding"]
    result = deserialize(models.EmbeddingsResult, data)
    assert result.data[0].embedding is vectors
    assert result.data[0]["embedding"] is vectors


def test_plain_enum_and_timestamp_fields_read_as_before():
    result = deserialize(models.ChatCompletions, _completion())
    assert result.id == "c1"
    assert result.created == datetime.datetime(2024, 5, 31, 16, 8, 37, tzinfo=datetime.timezone.utc)
    assert result["created"] == 1717171717
    assert result.choices[0].finish_reason is models.CompletionsFinishReason.STOPPED
    assert result.choices[0]["finish_reason"] == "stop"


def test_absent_and_null_fields_read_as_none():
    result: Any = deserialize(models.ChatCompletions, {"id": None})
    assert (result.id, result.choices, result.usage) == (None, None, None)


def test_first_use_of_a_field_may_be_a_write():
    class Probe(models.FunctionCall):
        pass

    probe = Probe(name="n", arguments="{}")
    assert (probe.name, probe.arguments) == ("n", "{}")


def test_item_read_converts_a_nested_object_in_place():
    result = deserialize(models.ChatCompletions, _completion())
    usage = result["usage"]
    assert isinstance(usage, models.CompletionsUsage)
    assert result.usage is usage


def test_a_timestamp_out_of_range_reads_as_stored():
    for created in (10**20, -(10**20), float("inf")):
        result = deserialize(models.ChatCompletions, dict(_completion(), created=created))
        assert result.created == created
        assert result["created"] == created
        assert result.id == "c1"
