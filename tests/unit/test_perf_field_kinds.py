"""The resolved field descriptors (a value as stored, one model, a list of models) read what the general
field reader reads, and store the same converted value, for any stored value of every model field."""

from __future__ import annotations

import copy
import inspect
from typing import Any, Callable, List, Tuple, Type

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azure.ai.inference import models
from azure.ai.inference._model_base import Model, _ModelField, _ModelListField, _PlainField, _RestField


def _fields() -> List[Tuple[Type[Model], str, _RestField]]:
    found = []
    for _, cls in inspect.getmembers(models, inspect.isclass):
        if issubclass(cls, Model) and cls is not Model:
            for attr, field in cls._attr_to_rest_field.items():  # pylint: disable=protected-access
                found.append((cls, attr, field))
    return found


_FIELDS = _fields()
_OBJECTS = st.dictionaries(st.sampled_from(["type", "role", "content", "x"]), st.sampled_from(["text", "user", 1]), max_size=2)
_VALUES = st.recursive(
    st.none() | st.integers() | st.text(max_size=2) | _OBJECTS,
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=4,
)


def _shape(value: Any) -> Any:
    """The value with each model replaced by (its class, its shape): what a read must agree on."""
    if isinstance(value, Model):
        return (type(value), {key: _shape(item) for key, item in value._data.items()})  # pylint: disable=protected-access
    if isinstance(value, list):
        return [_shape(item) for item in value]
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return value


def _outcome(read: Callable[[], Any]) -> Any:
    """What a read gives (its shape) or raises (the exception's type)."""
    try:
        return _shape(read())
    except Exception as error:  # pylint: disable=broad-except
        return type(error)


def test_the_usual_fields_take_the_fast_kinds():
    for _, _, field in _FIELDS:
        if type(field) is _RestField:  # pylint: disable=unidiomatic-typecheck
            field._resolve()  # what the first read of a value does  # pylint: disable=protected-access
    kinds = {(cls.__name__, attr): type(field) for cls, attr, field in _FIELDS}
    assert kinds[("StreamingChatCompletionsUpdate", "choices")] is _ModelListField
    assert kinds[("StreamingChatChoiceUpdate", "delta")] is _ModelField
    assert kinds[("StreamingChatResponseToolCallUpdate", "function")] is _ModelField
    assert kinds[("StreamingChatCompletionsUpdate", "id")] is _PlainField
    assert kinds[("UserMessage", "content")] is _RestField  # str or a list of subtyped content items
    assert kinds[("StreamingChatChoiceUpdate", "finish_reason")] is _RestField  # an enum


@pytest.mark.parametrize(("cls", "attr", "field"), _FIELDS, ids=[f"{c.__name__}.{a}" for c, a, _ in _FIELDS])
@settings(max_examples=30, deadline=None)
@given(value=_VALUES)
def test_a_read_is_the_general_read(cls, attr, field, value):
    wire = field._rest_name  # pylint: disable=protected-access
    fast, general = cls._from_wire({wire: copy.deepcopy(value)}), cls._from_wire({wire: copy.deepcopy(value)})  # pylint: disable=protected-access
    first, second = _outcome(lambda: getattr(fast, attr)), _outcome(lambda: getattr(fast, attr))
    expected = _outcome(lambda: _RestField.__get__(field, general))  # the general read, through the field's reader
    assert first == expected
    assert second == expected
    assert _shape(fast._data) == _shape(general._data)  # pylint: disable=protected-access
    assert fast[wire] == general[wire]
