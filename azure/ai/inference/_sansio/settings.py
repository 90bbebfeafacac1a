"""Client defaults and per-call values of ``complete``/``embed``, and how they merge.

The field order of each settings class is the order of the keys in the request body. The fields named
in ``Settings._NOT_ON_WIRE`` (``model_extras``, ``output_type``) are not body keys.
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, FrozenSet, Iterator, Optional, Tuple, TypeVar

from typing_extensions import dataclass_transform

from .response_format import output_type_of, response_format_to_wire

__all__ = ["ChatSettings", "EmbeddingsSettings", "Settings"]

_SettingsT = TypeVar("_SettingsT", bound="Settings")


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Settings:
    """Base of the settings classes: frozen records built from keywords, every field defaulting to None.

    Each subclass declares its fields as annotations, in wire order; ``_NOT_ON_WIRE`` names those that
    are not body keys. Type checkers see a frozen keyword-only dataclass (``dataclass_transform``); at
    run time this small class does the same without generating code with ``dataclasses`` when the
    package is imported (the ``dataclasses`` module and three generated classes were about a third of
    the import work this package adds to azure-core's).

    Merge rules: a per-call value that is not None wins; extras are chosen all-or-nothing.
    """

    _NOT_ON_WIRE: ClassVar[FrozenSet[str]] = frozenset({"model_extras", "output_type"})
    _FIELDS: ClassVar[Tuple[str, ...]] = ()
    _WIRE_FIELDS: ClassVar[Tuple[str, ...]] = ()
    _DEFAULTS: ClassVar[Dict[str, None]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._FIELDS = tuple(cls.__dict__.get("__annotations__", {}))
        cls._WIRE_FIELDS = tuple(name for name in cls._FIELDS if name not in cls._NOT_ON_WIRE)
        cls._DEFAULTS = dict.fromkeys(cls._FIELDS)

    def __init__(self, **values: Any) -> None:
        unknown = values.keys() - self._DEFAULTS.keys()
        if unknown:
            name = type(self).__name__
            raise TypeError(f"{name}.__init__() got an unexpected keyword argument '{min(unknown)}'")
        state = self.__dict__
        state.update(self._DEFAULTS)
        state.update(values)
        self._check()

    def _check(self) -> None:
        """Normalise the values after construction (object.__setattr__ only: the instance is frozen)."""

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field '{name}': {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}': {type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):  # pylint: disable=unidiomatic-typecheck
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"

    @classmethod
    def field_names(cls) -> Tuple[str, ...]:
        """The names of the fields, in declaration (wire) order.

        :return: The field names.
        :rtype: tuple[str, ...]
        """
        return cls._FIELDS

    def items(self) -> Dict[str, Any]:
        """Every field and its value, in declaration order.

        :return: A new dict of the values.
        :rtype: dict[str, Any]
        """
        return dict(self.__dict__)

    def merged_with(self: _SettingsT, call: _SettingsT) -> _SettingsT:
        """Return the effective settings of one call, ``call`` over these defaults.

        :param call: The values given to the call.
        :type call: Settings
        :return: The merged settings.
        :rtype: Settings
        """
        return type(self)(**self._merged_values(call))

    def _merged_values(self, call: Any) -> Dict[str, Any]:
        mine, theirs = self.__dict__, call.__dict__
        values = {name: _first_not_none(theirs[name], mine[name]) for name in self._FIELDS}
        values["model_extras"] = theirs["model_extras"] or mine["model_extras"] or None
        return values

    def body_items(self) -> Iterator[Tuple[str, Any]]:
        """Yield ``(wire name, value)`` for every standard field, in wire order.

        :return: The standard fields; ``model_extras`` (and any other field not on the wire) is not
         included.
        :rtype: Iterator[tuple[str, Any]]
        """
        state = self.__dict__
        for name in self._WIRE_FIELDS:
            yield name, state[name]


def _first_not_none(value: Any, default: Any) -> Any:
    return default if value is None else value


class ChatSettings(Settings):
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
    model_extras: Optional[Dict[str, Any]] = None
    output_type: Any = None

    def _check(self) -> None:
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


class EmbeddingsSettings(Settings):
    """The settings of a text or image embeddings call."""

    dimensions: Optional[int] = None
    encoding_format: Any = None
    input_type: Any = None
    model: Optional[str] = None
    model_extras: Optional[Dict[str, Any]] = None
