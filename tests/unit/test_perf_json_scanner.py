"""The standard-library path of the JSON parser calls ``json.loads``'s scanner directly: same values and errors."""

from __future__ import annotations

import gc
import json
import math
from typing import Any, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azure.ai.inference._sansio import json_parser

_stdlib_loads = json_parser._stdlib_loads  # pylint: disable=protected-access

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)
_SPACE = st.sampled_from(["", " ", "\n", "\t ", "\r\n", "\ufeff", "x", ",", "]", "1"])


def _outcome(loads: Any, text: str) -> Tuple[str, Any]:
    try:
        value = loads(text)
    except (ValueError, RecursionError) as error:
        return type(error).__name__, str(error)
    return "value", json.dumps(value, sort_keys=True)  # NaN == NaN here, and -0.0 stays apart from 0.0


@settings(max_examples=300, deadline=None)
@given(value=_VALUES, before=_SPACE, after=_SPACE, separators=st.sampled_from([None, (",", ":")]))
def test_any_document_with_anything_around_it_gives_the_json_loads_value_or_error(value, before, after, separators):
    text = before + json.dumps(value, separators=separators) + after
    assert _outcome(_stdlib_loads, text) == _outcome(json.loads, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from('{}[]",:0123456789.eE-+ntrufalsNIiy\\ \n\ud800é'), max_size=24))
def test_any_text_gives_the_json_loads_value_or_error(text):
    assert _outcome(_stdlib_loads, text) == _outcome(json.loads, text)


@pytest.mark.parametrize(
    "text", ['{"a": NaN}', "-Infinity", '"\\ud800"', '{"dup": 1, "dup": 2}', "123456789012345678901234567890", "-0"]
)
def test_values_json_loads_reads_specially_are_read_the_same(text):
    assert _outcome(_stdlib_loads, text) == _outcome(json.loads, text)


def test_nan_is_a_float_nan():
    assert math.isnan(_stdlib_loads("NaN"))


def test_deep_nesting_raises_what_json_loads_raises():
    text = "[" * 100_000 + "]" * 100_000
    gc.collect()  # no collection at the recursion limit: other objects' finalizers would have no stack left
    gc.disable()
    try:
        assert _outcome(_stdlib_loads, text) == _outcome(json.loads, text)
    finally:
        gc.enable()
