"""Client defaults and per-call values of ``complete``/``embed``, and how they merge.

The field order of each settings class is the order of the keys in the request body. Fields whose
metadata says ``on_wire: False`` are not body keys.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Dict, Iterator, Optional, Tuple, TypeVar

from .response_format import output_type_of, response_format_to_wire

__all__ = ["ChatSettings", "EmbeddingsSettings"]

_SettingsT = TypeVar("_SettingsT", bound="_Settings")
_NOT_ON_WIRE = {"on_wire": False}


class _Settings:
    """Shared merge rules: a per-call value that is not None wins; extras are chosen all-or-nothing.

    A plain base of the frozen dataclasses below: it has no fields, and a dataclass of its own would
    only generate methods that the subclasses replace (about 0.7 ms of import time).
    """

    def merged_with(self: _SettingsT, call: _SettingsT) -> _SettingsT:
        """Return the effective settings of one call, ``call`` over these defaults.

        :param call: The values given to the call.
        :type call: _Settings
        :return: The merged settings.
        :rtype: _Settings
        """
        return type(self)(**self._merged_values(call))

    def _merged_values(self, call: Any) -> Dict[str, Any]:
        values = {
            name: _first_not_none(getattr(call, name), getattr(self, name)) for name in _field_names(type(self))
        }
        values["model_extras"] = getattr(call, "model_extras") or getattr(self, "model_extras") or None
        return values

    def body_items(self) -> Iterator[Tuple[str, Any]]:
        """Yield ``(wire name, value)`` for every standard field, in wire order.

        :return: The standard fields; ``model_extras`` (and any other field not on the wire) is not
         included.
        :rtype: Iterator[tuple[str, Any]]
        """
        for name in _wire_field_names(type(self)):
            yield name, getattr(self, name)


_FIELD_NAMES: Dict[type, Tuple[str, ...]] = {}
_WIRE_FIELD_NAMES: Dict[type, Tuple[str, ...]] = {}


def _field_names(settings_class: type) -> Tuple[str, ...]:
    """The field names of a settings class, in declaration (wire) order; computed once per class."""
    names = _FIELD_NAMES.get(settings_class)
    if names is None:
        names = _FIELD_NAMES[settings_class] = tuple(field.name for field in dataclasses.fields(settings_class))
    return names


def _wire_field_names(settings_class: type) -> Tuple[str, ...]:
    """The names of the fields sent on the wire, in declaration (wire) order; computed once per class."""
    names = _WIRE_FIELD_NAMES.get(settings_class)
    if names is None:
        fields = dataclasses.fields(settings_class)
        names = tuple(field.name for field in fields if field.metadata.get("on_wire", True))
        _WIRE_FIELD_NAMES[settings_class] = names
    return names


def _first_not_none(value: Any, default: Any) -> Any:
    return default if value is None else value


@dataclass(frozen=True)
class ChatSettings(_Settings):
    """The settings of a chat completions call; ``response_format`` is validated and kept in wire form.

    The fields after ``top_p`` came with newer service versions; they are appended in alphabetical
    order (as the original ones are) so that bodies without them stay byte-identical. ``output_type``
    is the pydantic class given as ``response_format`` (not sent: it only tells how to parse the
    answer); it always comes from the same side of the merge as ``response_format``.
    """

    frequency_penalty: Optional[float] = None
    max_tokens: Optional[int] = None
    model: Optional[str] = None
    presence_penalty: Optional[float] = None
    response_format: Any = None
    seed: Optional[int] = None
    stop: Any = None
    temperature: Optional[float] = None
    tool_choice: Any = None
    tools: Any = None
    top_p: Optional[float] = None
    max_completion_tokens: Optional[int] = None
    parallel_tool_calls: Optional[bool] = None
    reasoning_effort: Optional[str] = None
    stream_options: Any = None
    user_security_context: Any = None
    model_extras: Optional[Dict[str, Any]] = dataclasses.field(default=None, metadata=_NOT_ON_WIRE)
    output_type: Any = dataclasses.field(default=None, metadata=_NOT_ON_WIRE)

    def __post_init__(self) -> None:
        if self.output_type is None:
            object.__setattr__(self, "output_type", output_type_of(self.response_format))
        object.__setattr__(self, "response_format", response_format_to_wire(self.response_format))

    def merged_with(self, call: ChatSettings) -> ChatSettings:
        """Return the effective settings of one call, ``call`` over these defaults.

        :param call: The values given to the call.
        :type call: ChatSettings
        :return: The merged settings.
        :rtype: ChatSettings
        """
        values = self._merged_values(call)
        values["output_type"] = (call if call.response_format is not None else self).output_type
        return ChatSettings(**values)


@dataclass(frozen=True)
class EmbeddingsSettings(_Settings):
    """The settings of a text or image embeddings call."""

    dimensions: Optional[int] = None
    encoding_format: Any = None
    input_type: Any = None
    model: Optional[str] = None
    model_extras: Optional[Dict[str, Any]] = dataclasses.field(default=None, metadata=_NOT_ON_WIRE)
