"""``reasoning_text`` (either spelling) and the typed content-filter models, on plain wire data."""

from __future__ import annotations

import copy

import pytest

from azure.ai.inference import models
from azure.ai.inference.models import _content_filter
from azure.ai.inference.models import (
    ChatCompletions,
    ContentFilterResults,
    ContentFilterSeverity,
    StreamingChatCompletionsUpdate,
)

FILTERS = {
    "hate": {"filtered": False, "severity": "safe"},
    "self_harm": {"filtered": True, "severity": "medium"},
    "profanity": {"filtered": False, "detected": True},
    "protected_material_code": {"filtered": False, "detected": True, "citation": {"URL": "https://x", "license": "MIT"}},
    "custom_blocklists": {"filtered": True, "details": [{"filtered": True, "id": "list-1"}]},
    "future_category": {"filtered": False, "level": 3},
}


def completion(message, **choice_fields):
    choice = {"index": 0, "finish_reason": "stop", "message": message, **choice_fields}
    return ChatCompletions({"id": "c", "choices": [choice]})


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ({"reasoning_content": "deep"}, "deep"),
        ({"reasoning": "groq"}, "groq"),
        ({"reasoning_content": "", "reasoning": "second"}, "second"),
        ({"reasoning_content": "first", "reasoning": "second"}, "first"),
        ({"reasoning": None}, None),
        ({"content": "no reasoning"}, None),
        ({"reasoning": 5}, None),
    ],
    ids=["reasoning_content", "reasoning", "empty-first", "both", "null", "absent", "not-text"],
)
def test_reasoning_text_reads_either_spelling_of_message_and_delta(message, expected):
    response_message = completion({"role": "assistant", **message}).choices[0].message
    update = StreamingChatCompletionsUpdate({"choices": [{"index": 0, "delta": dict(message)}]})
    assert (response_message.reasoning_text, update.choices[0].delta.reasoning_text) == (expected, expected)


def test_reasoning_wire_fields_stay_readable_and_as_dict_unchanged():
    wire = {"role": "assistant", "content": "a", "reasoning": "r", "reasoning_content": "rc"}
    message = completion(copy.deepcopy(wire)).choices[0].message
    assert (message.reasoning, message.reasoning_content, message["reasoning"]) == ("r", "rc", "r")
    assert message.as_dict() == wire
    delta = StreamingChatCompletionsUpdate({"choices": [{"index": 0, "delta": {"reasoning": "r"}}]}).choices[0].delta
    assert (delta.reasoning, delta.reasoning_content, delta.as_dict()) == ("r", None, {"reasoning": "r"})
    assert isinstance(delta, models.StreamingChatResponseMessageUpdate)


def test_choice_content_filter_results_are_typed_and_item_access_still_works():
    results = completion({"role": "assistant", "content": "x"}, content_filter_results=copy.deepcopy(FILTERS))
    typed = results.choices[0].content_filter_results
    assert isinstance(typed, ContentFilterResults)
    assert (typed.hate.filtered, typed.hate.severity) == (False, ContentFilterSeverity.SAFE)
    assert (typed.self_harm.filtered, typed.self_harm.severity) == (True, "medium")
    assert (typed.profanity.detected, typed.sexual, typed.jailbreak) == (True, None, None)
    assert (typed.protected_material_code.citation.url, typed.protected_material_code.citation.license) == (
        "https://x",
        "MIT",
    )
    assert (typed.custom_blocklists.filtered, typed.custom_blocklists.details[0].id) == (True, "list-1")
    assert typed["future_category"] == {"filtered": False, "level": 3}
    assert results["choices"][0]["content_filter_results"]["hate"]["severity"] == "safe"
    assert results.as_dict()["choices"][0]["content_filter_results"] == FILTERS


def test_prompt_filter_results_are_typed_on_completions_and_updates():
    prompt = [{"prompt_index": 0, "content_filter_results": {"jailbreak": {"filtered": False, "detected": False}}}]
    for value in (ChatCompletions({"prompt_filter_results": prompt}), StreamingChatCompletionsUpdate({"prompt_filter_results": prompt})):
        first = value.prompt_filter_results[0]
        assert isinstance(first, models.ContentFilterResultsForPrompt)
        assert (first.prompt_index, first.content_filter_results.jailbreak.detected) == (0, False)
        assert value.as_dict()["prompt_filter_results"] == prompt


def test_content_filter_results_build_from_a_raw_mapping_in_one_call():
    raw = {"hate": {"filtered": True, "severity": "high"}, "custom_blocklists": [{"id": "old-style", "filtered": False}]}
    typed = ContentFilterResults(raw)
    assert (typed.hate.filtered, typed.hate.severity, typed.violence) == (True, ContentFilterSeverity.HIGH, None)
    assert typed.custom_blocklists == [{"id": "old-style", "filtered": False}]  # an older API's list, kept as is
    assert raw["hate"] == {"filtered": True, "severity": "high"}  # the caller's mapping is not changed


def test_content_filter_names_are_exported_from_models():
    defined = {name for name, value in vars(_content_filter).items() if getattr(value, "__module__", "") == _content_filter.__name__}
    assert len(defined) == 9
    assert {name for name in models.__all__ if name.startswith("ContentFilter")} == defined
    assert all(getattr(models, name) is getattr(_content_filter, name) for name in defined)
