"""Generated-style: the generic model runtime (dict-backed, version-tolerant models); no behaviour of its own.

Every model is a ``MutableMapping`` over a private dict keyed by wire names. Known fields are exposed
as attributes through :func:`rest_field` descriptors; unknown keys are kept and serialized. Nested
model-typed values are converted to model instances on first read (attribute or item access) and the
result is stored back, so each JSON body is parsed once and every later read is O(1).
"""

from __future__ import annotations

import base64
import datetime
import enum
import json
import sys
import typing
from collections.abc import Mapping, MutableMapping
from typing import Any, Callable, ClassVar, Dict, Iterator, List, Optional, Tuple, Type, TypeVar

__all__ = ["Model", "SdkJSONEncoder", "deserialize", "rest_discriminator", "rest_field", "wire_data", "wire_mapping"]

_ModelT = TypeVar("_ModelT", bound="Model")
_Reader = Callable[["Model", Any], Any]
_Writer = Callable[[Any], Any]
_NONE_TYPE = type(None)
_new_object = object.__new__


class SdkJSONEncoder(json.JSONEncoder):
    """JSON encoder for request bodies: models as their wire dict, enums as values, bytes as base64."""

    def default(self, o: Any) -> Any:
        if isinstance(o, Model):
            return o._data  # pylint: disable=protected-access
        if isinstance(o, enum.Enum):
            return o.value
        if isinstance(o, (bytes, bytearray)):
            return base64.b64encode(o).decode("ascii")
        if isinstance(o, datetime.datetime):
            return _format_rfc3339(o)
        if isinstance(o, (datetime.date, datetime.time)):
            return o.isoformat()
        if _is_decimal(o):
            return float(o)
        return super().default(o)


def _is_decimal(value: Any) -> bool:
    # a Decimal exists only once its module is loaded: no need to import it (2 ms) for every client
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(value, decimal.Decimal)


def _format_rfc3339(value: datetime.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return value.isoformat() + "Z"


def _serialize(value: Any) -> Any:
    """Storage form of a value written through a keyword or attribute: enums become their values."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [_serialize(item) for item in value]
    return value


class _RestField:
    """Descriptor for one wire field; decides how values are read and written from the type hint.

    The reader and writer are chosen on first use (type hints may name classes defined later) and then
    kept in ``_read``/``_write``. The three usual kinds of field then take a subclass whose ``__get__``
    does their read in one call (a stored value returned as is, one model, a list of models); this
    class's ``__get__`` serves the others through ``_read``.
    """

    def __init__(self, name: Optional[str], is_discriminator: bool, format: Optional[str]) -> None:
        self._rest_name_input = name
        self._is_discriminator = is_discriminator
        self._format = format
        self._attr = ""
        self._rest_name = name or ""
        self._owner: Optional[Type[Model]] = None
        self._model: Any = None  # the model class of a _ModelField or _ModelListField
        self._read: Optional[_Reader] = self._resolve_and_read
        self._write: _Writer = self._resolve_and_write

    def __set_name__(self, owner: Type[Model], name: str) -> None:
        self._attr = name
        self._owner = owner
        self._rest_name = self._rest_name_input or name

    def __get__(self, obj: Optional[Model], objtype: Any = None) -> Any:
        if obj is None:
            return self
        value = obj._data.get(self._rest_name)  # pylint: disable=protected-access
        read = self._read
        if read is None or value is None:
            return value
        return read(obj, value)

    def __set__(self, obj: Model, value: Any) -> None:
        data = obj._data  # pylint: disable=protected-access
        if value is None:
            data.pop(self._rest_name, None)
        else:
            data[self._rest_name] = self._write(value)

    def convert_stored(self, obj: Model, value: Any) -> None:
        """Convert a stored wire value in place (nested models), as a read would.

        :param obj: The model holding the value.
        :type obj: Model
        :param value: The stored value (not None).
        :type value: Any
        """
        if self._read is not None:
            self._read(obj, value)

    def write(self, value: Any) -> Any:
        """Return the storage form of ``value`` for this field.

        :param value: A value given to a constructor or an attribute.
        :type value: Any
        :return: The value to store.
        :rtype: Any
        """
        return self._write(value)

    def _resolve(self) -> None:
        assert self._owner is not None
        hint = _type_hints(self._owner).get(self._attr, Any)
        field_class, reader, self._write, self._model = _codec_for(hint, self._rest_name, self._format)
        self._read = None if reader is _read_plain else reader
        self.__class__ = field_class

    def _resolve_and_read(self, obj: Model, _: Any) -> Any:
        self._resolve()
        return self.__get__(obj)

    def _resolve_and_write(self, value: Any) -> Any:
        self._resolve()
        return self._write(value)


class _PlainField(_RestField):
    """A resolved field whose stored value is returned as is."""

    def __get__(self, obj: Optional[Model], objtype: Any = None) -> Any:
        if obj is None:
            return self
        return obj._data.get(self._rest_name)  # pylint: disable=protected-access

    def convert_stored(self, obj: Model, value: Any) -> None:
        pass


class _ModelField(_RestField):
    """A resolved field holding a model without subtypes: the first read wraps the stored JSON object."""

    def __get__(self, obj: Optional[Model], objtype: Any = None) -> Any:
        if obj is None:
            return self
        data = obj._data  # pylint: disable=protected-access
        value = data.get(self._rest_name)
        if not isinstance(value, dict):  # None, already a model (models are not dicts), or not an object
            return value
        converted = data[self._rest_name] = _new_object(self._model)  # Model._from_wire, inlined
        converted._data = value  # pylint: disable=protected-access
        return converted

    def convert_stored(self, obj: Model, value: Any) -> None:
        self.__get__(obj)


class _ModelListField(_RestField):
    """A resolved field holding a list of models without subtypes: the first read wraps its JSON objects."""

    def __get__(self, obj: Optional[Model], objtype: Any = None) -> Any:
        if obj is None:
            return self
        data = obj._data  # pylint: disable=protected-access
        value = data.get(self._rest_name)
        if not isinstance(value, list):
            return value
        if len(value) == 1 and type(value[0]) is dict:  # pylint: disable=unidiomatic-typecheck
            only = _new_object(self._model)  # the usual list (one choice, one tool call), without the loops
            only._data = value[0]  # pylint: disable=protected-access
            converted = data[self._rest_name] = [only]
            return converted
        for item in value:
            if isinstance(item, dict):
                break
        else:  # no JSON object left to convert: the list was converted by an earlier read
            return value
        model, converted = self._model, []
        for item in value:
            if isinstance(item, dict):
                wrapped = _new_object(model)  # Model._from_wire, inlined
                wrapped._data = item  # pylint: disable=protected-access
                item = wrapped
            converted.append(item)
        data[self._rest_name] = converted
        return converted

    def convert_stored(self, obj: Model, value: Any) -> None:
        self.__get__(obj)


def rest_field(*, name: Optional[str] = None, format: Optional[str] = None, **_: Any) -> Any:
    """Declare a model field. ``name`` is the wire name (defaults to the attribute name).

    :keyword name: The wire name.
    :paramtype name: str or None
    :keyword format: A value format, ``"unix-timestamp"`` for datetimes sent as integers.
    :paramtype format: str or None
    :return: The field descriptor.
    :rtype: Any
    """
    return _RestField(name, False, format)


def rest_discriminator(*, name: Optional[str] = None, **_: Any) -> Any:
    """Declare the discriminator field of a polymorphic model.

    :keyword name: The wire name.
    :paramtype name: str or None
    :return: The field descriptor.
    :rtype: Any
    """
    return _RestField(name, True, None)


_HINTS_CACHE: Dict[type, Dict[str, Any]] = {}


def _type_hints(cls: type) -> Dict[str, Any]:
    hints = _HINTS_CACHE.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS_CACHE[cls] = hints
    return hints


def _strip_optional(hint: Any) -> Any:
    if typing.get_origin(hint) is typing.Union:
        args = [arg for arg in typing.get_args(hint) if arg is not _NONE_TYPE]
        if len(args) == 1:
            return args[0]
    return hint


def _model_class(hint: Any) -> Optional[Type[Model]]:
    hint = typing.get_origin(hint) or hint  # a generic model named with its type argument: ChatChoice[T]
    return hint if isinstance(hint, type) and issubclass(hint, Model) else None


def _list_item_model(hint: Any) -> Optional[Type[Model]]:
    if typing.get_origin(hint) in (list, List):
        args = typing.get_args(hint)
        return _model_class(args[0]) if args else None
    return None


def _union_members(hint: Any) -> Tuple[Any, ...]:
    return typing.get_args(hint) if typing.get_origin(hint) is typing.Union else (hint,)


# How a field reads and writes: its resolved descriptor class, reader, writer and model class (a plain
# tuple: a NamedTuple class costs about 0.15 ms of import time).
_Codec = Tuple[Type[_RestField], _Reader, _Writer, Optional[Type["Model"]]]


def _codec_for(hint: Any, wire: str, fmt: Optional[str]) -> _Codec:
    hint = _strip_optional(hint)
    if fmt == "unix-timestamp":
        return _RestField, _read_unix_timestamp, _write_unix_timestamp, None
    members = _union_members(hint)
    for member in members:
        model = _model_class(member)
        if model is not None:
            field_class = _ModelField if model._discriminator is None else _RestField  # pylint: disable=protected-access
            return field_class, _model_reader(wire, model), _model_writer(model), model
    for member in members:
        item_model = _list_item_model(member)
        if item_model is not None:
            subtyped = item_model._discriminator is not None  # pylint: disable=protected-access
            field_class = _RestField if subtyped else _ModelListField
            return field_class, _model_list_reader(wire, item_model), _model_list_writer(item_model), item_model
    for member in members:
        if isinstance(member, type) and issubclass(member, enum.Enum):
            return _RestField, _enum_reader(member), _serialize, None
    return _PlainField, _read_plain, _serialize, None


def _read_plain(_: Model, value: Any) -> Any:
    return value


def _read_unix_timestamp(_: Model, value: Any) -> Any:
    """A datetime for a number of seconds since the epoch; other values, and numbers out of range, as stored."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
        except (OverflowError, OSError, ValueError):  # beyond datetime's or the platform's range, or NaN
            return value
    return value


def _write_unix_timestamp(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return int(value.timestamp())
    return value


def _enum_reader(enum_type: Type[enum.Enum]) -> _Reader:
    members = enum_type._value2member_map_  # pylint: disable=protected-access

    def read(_: Model, value: Any) -> Any:
        return members.get(value, value) if isinstance(value, str) else value

    return read


def _model_reader(wire: str, model: Type[Model]) -> _Reader:
    wrap = model._from_wire  # pylint: disable=protected-access

    def read(obj: Model, value: Any) -> Any:
        if not isinstance(value, dict):  # already a model (models are not dicts), or not an object
            return value
        converted = obj._data[wire] = wrap(value)  # pylint: disable=protected-access
        return converted

    return read


def _model_writer(model: Type[Model]) -> _Writer:
    def write(value: Any) -> Any:
        if isinstance(value, Mapping) and not isinstance(value, Model):
            return model._build(value)  # pylint: disable=protected-access
        return value

    return write


def _model_list_reader(wire: str, model: Type[Model]) -> _Reader:
    wrap = model._from_wire  # pylint: disable=protected-access

    def read(obj: Model, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        for item in value:
            if isinstance(item, dict):
                break
        else:  # no JSON object left to convert: the list was converted by an earlier read
            return value
        converted = obj._data[wire] = [wrap(item) if isinstance(item, dict) else item for item in value]
        return converted

    return read


def _model_list_writer(model: Type[Model]) -> _Writer:
    def write(value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [
            model._build(item) if isinstance(item, Mapping) and not isinstance(item, Model) else item
            for item in value
        ]

    return write


class Model(MutableMapping[str, Any]):  # pylint: disable=too-many-ancestors
    """Base of every model: a mutable mapping over wire names with attribute access for known fields."""

    _attr_to_rest_field: ClassVar[Dict[str, _RestField]] = {}
    _rest_to_field: ClassVar[Dict[str, _RestField]] = {}
    _discriminator: ClassVar[Optional[str]] = None
    __mapping__: ClassVar[Dict[str, Type[Model]]] = {}

    def __init_subclass__(cls, discriminator: Optional[str] = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(cls._attr_to_rest_field)
        for name, value in list(vars(cls).items()):
            if isinstance(value, _RestField):
                fields[name] = value
                if value._is_discriminator and cls._discriminator is None:  # pylint: disable=protected-access
                    cls._discriminator = value._rest_name  # pylint: disable=protected-access
                    cls.__mapping__ = {}
        cls._attr_to_rest_field = fields
        cls._rest_to_field = {field._rest_name: field for field in fields.values()}  # pylint: disable=protected-access
        if discriminator is not None:
            cls.__mapping__[discriminator] = cls

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > 1:
            raise TypeError(f"{type(self).__name__}.__init__() takes 2 positional arguments but {len(args) + 1} were given")
        if args:
            self._data: Dict[str, Any] = {key: self._stored(key, value) for key, value in args[0].items()}
            return
        self._data = {}
        fields = self._attr_to_rest_field
        for name, value in kwargs.items():
            field = fields.get(name)
            if field is None:
                raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument '{name}'")
            if value is not None:
                self._data[field._rest_name] = field.write(value)  # pylint: disable=protected-access

    def _stored(self, key: str, value: Any) -> Any:
        field = self._rest_to_field.get(key)
        if field is None or value is None:
            return value
        return field.write(value)

    @classmethod
    def _resolve_class(cls: Type[_ModelT], data: Mapping[str, Any]) -> Type[_ModelT]:
        if cls._discriminator is None:
            return cls
        kind = data.get(cls._discriminator)
        subclass = cls.__mapping__.get(kind) if isinstance(kind, str) else None
        if subclass is None or not issubclass(subclass, cls):
            return cls
        return subclass

    @classmethod
    def _from_wire(cls: Type[_ModelT], data: Dict[str, Any]) -> _ModelT:
        """Wrap a parsed JSON object without copying it; nested models convert on first read."""
        target = cls if cls._discriminator is None else cls._resolve_class(data)
        obj = _new_object(target)
        obj._data = data
        return obj

    @classmethod
    def _build(cls: Type[_ModelT], data: Mapping[str, Any]) -> _ModelT:
        """Build from a caller's mapping (copied), picking the subclass by discriminator."""
        target = cls._resolve_class(data)
        obj = target.__new__(target)
        Model.__init__(obj, data)
        return obj

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        field = self._rest_to_field.get(key)
        if field is None or value is None:
            return value
        field.convert_stored(self, value)
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        del self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Model):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return False

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return str(self._data)

    def keys(self) -> typing.KeysView[str]:
        return self._data.keys()

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._data else default

    def clear(self) -> None:
        self._data.clear()

    def copy(self: _ModelT) -> _ModelT:
        """Return a shallow copy of the same model class.

        :return: A new model holding the same wire data.
        :rtype: Model
        """
        return self._from_wire(dict(self._data))

    def as_dict(self, *, exclude_readonly: bool = False) -> Dict[str, Any]:
        """Return a deep copy of the wire data as plain Python containers.

        :keyword exclude_readonly: Accepted for compatibility; no field of this package is read-only.
        :paramtype exclude_readonly: bool
        :return: The wire data with nested models converted to dicts.
        :rtype: dict[str, Any]
        """
        return {key: _as_plain(value) for key, value in self._data.items()}


def _as_plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.as_dict()
    if isinstance(value, dict):
        return {key: _as_plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_as_plain(item) for item in value)
    return value


def deserialize(model: Type[_ModelT], data: Any) -> _ModelT:
    """Wrap parsed response JSON in ``model`` (no copy); non-object JSON is wrapped as an empty model.

    :param model: The model class.
    :type model: type
    :param data: Parsed JSON.
    :type data: Any
    :return: The model instance.
    :rtype: Model
    """
    return model._from_wire(data if isinstance(data, dict) else {})  # pylint: disable=protected-access


def wire_data(value: Any) -> Any:
    """Return a model's underlying wire mapping (no copy, nested values as stored); other values as is.

    :param value: A model or any value.
    :type value: Any
    :return: The wire mapping of a model, else ``value``.
    :rtype: Any
    """
    return value._data if isinstance(value, Model) else value  # pylint: disable=protected-access


def wire_mapping(value: Any) -> Optional[Mapping[str, Any]]:
    """Return the wire mapping of a dict or a model (no copy), or None for anything else.

    A plain dict, what parsed JSON almost always is, is recognised without an ABC ``isinstance`` check.

    :param value: Any value.
    :type value: Any
    :return: The mapping, or None.
    :rtype: Mapping[str, Any] or None
    """
    if type(value) is dict:  # pylint: disable=unidiomatic-typecheck
        return value
    value = wire_data(value)
    return value if isinstance(value, Mapping) else None
