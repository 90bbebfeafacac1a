"""JSON schemas of Python callables and type hints, for tool (function) definitions.

Type hints map to JSON schema as: ``str``/``int``/``float``/``bool``/``None`` to the JSON types;
``list``/``tuple``/``set`` (typed or bare) to arrays; ``dict``/``Mapping`` to objects
(``additionalProperties`` from the value type); ``Optional``/``Union`` to ``anyOf``; ``Literal`` and
``Enum`` classes to ``enum``; ``datetime``/``date`` to formatted strings; ``Any`` (or no hint) to ``{}``;
pydantic model classes to a ``$ref`` into the top-level ``$defs``. ``Annotated[T, "text"]`` gives a
description. pydantic is never imported here: a class can only be a pydantic model if the caller
already imported pydantic.
"""

from __future__ import annotations

import collections.abc
import datetime
import enum
import inspect
import sys
import types
import typing
from typing import Any, Callable, Dict, List, Optional, Tuple

from ._docstring import parse_docstring

__all__ = ["callable_signature_schema", "is_pydantic_model", "schema_for_type"]

_NONE_TYPE = type(None)
_SIMPLE: Dict[Any, str] = {
    str: "string", int: "integer", float: "number", bool: "boolean", None: "null", _NONE_TYPE: "null"
}  # fmt: skip
_FORMATS = {datetime.datetime: "date-time", datetime.date: "date", datetime.time: "time"}
_ARRAYS = (list, tuple, set, frozenset, collections.abc.Sequence, collections.abc.Set, collections.abc.Iterable)
_OBJECTS = (dict, collections.abc.Mapping, collections.abc.MutableMapping)
_UNIONS = tuple(union for union in (typing.Union, getattr(types, "UnionType", None)) if union is not None)
_SKIPPED_KINDS = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)


def is_pydantic_model(value: Any) -> bool:
    """Whether ``value`` is a pydantic model class (without importing pydantic).

    :param value: Any value.
    :type value: Any
    :return: True for a subclass of ``pydantic.BaseModel``.
    :rtype: bool
    """
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(value, type) and issubclass(value, pydantic.BaseModel)


def callable_signature_schema(function: Callable[..., Any]) -> Tuple[Optional[str], Dict[str, Any]]:
    """Return the docstring description of ``function`` and the JSON schema of its parameters.

    Parameters without a default are required; ``*args``/``**kwargs`` are left out.

    :param function: A function, method or other callable with type hints.
    :type function: Callable
    :return: ``(description, parameters schema)``.
    :rtype: tuple[str or None, dict[str, Any]]
    :raises TypeError: If a parameter's type hint has no JSON schema (the message names it).
    """
    docstring = parse_docstring(inspect.getdoc(function))
    hints = typing.get_type_hints(function, include_extras=True)
    defs: Dict[str, Any] = {}
    properties: Dict[str, Any] = {}
    required: List[str] = []
    for name, parameter in inspect.signature(function).parameters.items():
        if parameter.kind in _SKIPPED_KINDS:
            continue
        properties[name] = _parameter_schema(parameter, hints.get(name, Any), docstring.params.get(name), defs)
        if parameter.default is inspect.Parameter.empty:
            required.append(name)
    return docstring.description, _object_schema(properties, required, defs)


def _object_schema(properties: Dict[str, Any], required: List[str], defs: Dict[str, Any]) -> Dict[str, Any]:
    schema: Dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    if defs:
        schema["$defs"] = defs
    return schema


def _parameter_schema(
    parameter: inspect.Parameter, hint: Any, description: Optional[str], defs: Dict[str, Any]
) -> Dict[str, Any]:
    try:
        schema = schema_for_type(hint, defs)
    except TypeError as error:
        raise TypeError(f"Parameter '{parameter.name}': {error}") from error
    if description and "description" not in schema:
        schema["description"] = description
    default = parameter.default.value if isinstance(parameter.default, enum.Enum) else parameter.default
    if default is None or isinstance(default, (str, int, float, bool)):
        schema["default"] = default
    return schema


def schema_for_type(hint: Any, defs: Dict[str, Any]) -> Dict[str, Any]:
    """Return the JSON schema of a type hint; pydantic models are added to ``defs`` and referenced.

    :param hint: The type hint.
    :type hint: Any
    :param defs: The ``$defs`` of the enclosing schema (updated).
    :type defs: dict[str, Any]
    :return: The schema.
    :rtype: dict[str, Any]
    :raises TypeError: If the hint has no JSON schema.
    """
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        return _annotated_schema(args, defs)
    if hint is Any or hint is inspect.Parameter.empty:
        return {}
    if hint in _SIMPLE:
        return {"type": _SIMPLE[hint]}
    if hint in _FORMATS:
        return {"type": "string", "format": _FORMATS[hint]}
    if origin in _UNIONS:
        return {"anyOf": [schema_for_type(arg, defs) for arg in args]}
    if origin is typing.Literal:
        return _enum_schema(list(args))
    return _container_or_class_schema(hint, origin, args, defs)


def _container_or_class_schema(hint: Any, origin: Any, args: Tuple[Any, ...], defs: Dict[str, Any]) -> Dict[str, Any]:
    container = origin if origin is not None else hint
    if container in _OBJECTS:
        return _mapping_schema(args, defs)
    if container in _ARRAYS:
        return _array_schema(container, args, defs)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_schema([member.value for member in hint])
    if is_pydantic_model(hint):
        return _pydantic_reference(hint, defs)
    raise TypeError(f"cannot describe the type {hint!r} as JSON schema")


def _annotated_schema(args: Tuple[Any, ...], defs: Dict[str, Any]) -> Dict[str, Any]:
    schema = schema_for_type(args[0], defs)
    text = next((item for item in args[1:] if isinstance(item, str)), None)
    return {**schema, "description": text} if text else schema


def _mapping_schema(args: Tuple[Any, ...], defs: Dict[str, Any]) -> Dict[str, Any]:
    schema: Dict[str, Any] = {"type": "object"}
    if len(args) == 2 and args[1] is not Any:
        schema["additionalProperties"] = schema_for_type(args[1], defs)
    return schema


def _array_schema(container: Any, args: Tuple[Any, ...], defs: Dict[str, Any]) -> Dict[str, Any]:
    schema: Dict[str, Any] = {"type": "array"}
    if container is tuple and args and args[-1] is not Ellipsis:
        schema["prefixItems"] = [schema_for_type(arg, defs) for arg in args]
        schema["minItems"] = schema["maxItems"] = len(args)
        return schema
    if args and args[0] is not Any:
        schema["items"] = schema_for_type(args[0], defs)
    if container in (set, frozenset, collections.abc.Set):
        schema["uniqueItems"] = True
    return schema


def _enum_schema(values: List[Any]) -> Dict[str, Any]:
    kinds = {_SIMPLE.get(type(value)) for value in values}
    if len(kinds) == 1 and None not in kinds:
        return {"type": kinds.pop(), "enum": values}
    return {"enum": values}


def _pydantic_reference(model: Any, defs: Dict[str, Any]) -> Dict[str, Any]:
    schema = dict(model.model_json_schema(ref_template="#/$defs/{model}"))
    defs.update(schema.pop("$defs", {}))
    defs[model.__name__] = schema
    return {"$ref": f"#/$defs/{model.__name__}"}
