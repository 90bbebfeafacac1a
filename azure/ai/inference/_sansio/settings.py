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


@dataclass(frozen=True)
class _Settings:
    """Shared merge rules: a per-call value that is not None wins; extras are chosen all-or-nothing."""

    def merged_with(self: _SettingsT, call: _SettingsT) -> _SettingsT:
        """Return the effective settings of one call, ``call`` over these defaults.

        :param call: The values given to the call.
        :type call: _Settings
        :return: The merged settings.
        :rtype: _Settings
        """
        values = {
            field.name: _first_not_none(getattr(call, field.name), getattr(self, field.name))
            for field in dataclasses.fields(self)
        }
        values["model_extras"] = getattr(call, "model_extras") or getattr(self, "model_extras") or None
        return dataclasses.replace(self, **values)

    def body_items(self) -> Iterator[Tuple[str, Any]]:
        """Yield ``(wire name, value)`` for every standard field, in wire order.

        :return: The standard fields; ``model_extras`` (and any other field not on the wire) is not
         included.
        :rtype: Iterator[tuple[str, Any]]
        """
        for field in dataclasses.fields(self):
            if field.metadata.get("on_wire", True):
                yield field.name, getattr(self, field.name)


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
        merged = super().merged_with(call)
        source = call if call.response_format is not None else self
        return dataclasses.replace(merged, output_type=source.output_type)


@dataclass(frozen=True)
class EmbeddingsSettings(_Settings):
    """The settings of a text or image embeddings call."""

    dimensions: Optional[int] = None
    encoding_format: Any = None
    input_type: Any = None
    model: Optional[str] = None
    model_extras: Optional[Dict[str, Any]] = dataclasses.field(default=None, metadata=_NOT_ON_WIRE)
