"""B5.3, B5.6, B6.2: how call values merge over client defaults (table tests of ``_sansio.settings``)."""

from __future__ import annotations


import pytest

from azure.ai.inference._sansio.settings import ChatSettings, EmbeddingsSettings
from azure.ai.inference.models import JsonSchemaFormat

DEFAULTS = ChatSettings(temperature=0.5, max_tokens=100, stop=["END"], model="ctor", model_extras={"ctor_extra": 1})


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (ChatSettings(), {"temperature": 0.5, "max_tokens": 100, "stop": ["END"], "model": "ctor"}),
        (ChatSettings(temperature=0.0), {"temperature": 0.0, "max_tokens": 100, "stop": ["END"], "model": "ctor"}),
        (ChatSettings(max_tokens=0, stop=[]), {"temperature": 0.5, "max_tokens": 0, "stop": [], "model": "ctor"}),
        (
            ChatSettings(model="call", seed=0),
            {"temperature": 0.5, "max_tokens": 100, "stop": ["END"], "model": "call", "seed": 0},
        ),
    ],
    ids=["nothing", "falsy-float", "falsy-int-and-list", "override-and-new"],
)
def test_call_value_wins_when_not_none(call, expected):
    """B5.3: effective value = call value if it is not None, else the default."""
    merged = DEFAULTS.merged_with(call)
    assert {name: value for name, value in merged.body_items() if value is not None} == expected


@pytest.mark.parametrize(
    ("defaults", "call", "expected"),
    [
        ({"a": 1}, None, {"a": 1}),
        ({"a": 1}, {}, {"a": 1}),
        ({"a": 1}, {"b": 2}, {"b": 2}),
        (None, {"b": 2}, {"b": 2}),
        ({}, {}, None),
        (None, None, None),
    ],
    ids=["default-only", "empty-call-falls-back", "call-replaces", "call-only", "both-empty", "none"],
)
def test_model_extras_are_chosen_all_or_nothing(defaults, call, expected):
    """B5.6/B6.2: call extras if non-empty, else default extras if non-empty, else none; never merged."""
    merged = ChatSettings(model_extras=defaults).merged_with(ChatSettings(model_extras=call))
    assert merged.model_extras == expected


def test_chat_settings_field_order_is_the_wire_order():
    """B5.1: the settings fields are in body order (newer fields after ``top_p``), then what is not sent."""
    names = list(ChatSettings.field_names())
    assert names == [
        "frequency_penalty", "max_tokens", "model", "presence_penalty", "response_format", "seed", "stop",
        "temperature", "tool_choice", "tools", "top_p", "max_completion_tokens", "parallel_tool_calls",
        "reasoning_effort", "stream_options", "user_security_context", "model_extras", "output_type",
    ]  # fmt: skip


def test_embeddings_settings_field_order_is_the_wire_order():
    """B6.1: ``dimensions, encoding_format, input_type, model`` then extras."""
    names = list(EmbeddingsSettings.field_names())
    assert names == ["dimensions", "encoding_format", "input_type", "model", "model_extras"]


def test_embeddings_call_values_merge_like_chat():
    """B6.2: same per-field rule for the embeddings settings."""
    defaults = EmbeddingsSettings(dimensions=1024, model="ctor", input_type="query")
    merged = defaults.merged_with(EmbeddingsSettings(dimensions=0, encoding_format="base64"))
    assert list(merged.body_items()) == [
        ("dimensions", 0), ("encoding_format", "base64"), ("input_type", "query"), ("model", "ctor"),
    ]  # fmt: skip


def test_response_format_is_kept_in_wire_form_and_merged_like_others():
    """B1.6/B5.8: the sticky value is converted once; a call value replaces it."""
    defaults = ChatSettings(response_format=JsonSchemaFormat(name="N", schema={}))
    assert dict(defaults.response_format) == {"type": "json_schema", "json_schema": {"name": "N", "schema": {}}}
    merged = defaults.merged_with(ChatSettings(response_format="text"))
    assert dict(merged.response_format) == {"type": "text"}


def test_merging_leaves_the_defaults_unchanged():
    """B1.5: Clients are immutable: merging returns new settings."""
    DEFAULTS.merged_with(ChatSettings(temperature=0.9, model_extras={"x": 1}))
    assert (DEFAULTS.temperature, DEFAULTS.model_extras) == (0.5, {"ctor_extra": 1})


def test_settings_are_frozen_keyword_records():
    settings = ChatSettings(temperature=0.5, stop=["x"])
    with pytest.raises(AttributeError, match="ChatSettings is frozen"):
        settings.temperature = 0.9  # type: ignore[misc]
    with pytest.raises(AttributeError, match="ChatSettings is frozen"):
        del settings.temperature  # type: ignore[misc]
    with pytest.raises(TypeError, match="unexpected keyword argument 'temprature'"):
        ChatSettings(temprature=0.5)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ChatSettings(0.5)  # type: ignore[misc]
    assert settings.temperature == 0.5 and settings.seed is None
    assert settings == ChatSettings(stop=["x"], temperature=0.5)
    assert settings != ChatSettings(temperature=0.5)
    assert settings != EmbeddingsSettings()
    assert hash(EmbeddingsSettings(dimensions=3)) == hash(EmbeddingsSettings(dimensions=3))
    assert repr(EmbeddingsSettings(dimensions=3)) == (
        "EmbeddingsSettings(dimensions=3, encoding_format=None, input_type=None, model=None, model_extras=None)"
    )
    assert EmbeddingsSettings(model="m").items() == {
        "dimensions": None, "encoding_format": None, "input_type": None, "model": "m", "model_extras": None
    }  # fmt: skip
