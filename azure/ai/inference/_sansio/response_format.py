"""The ``response_format`` argument of ``complete`` and its wire form.

Accepted: ``"text"``, ``"json_object"``, a ``JsonSchemaFormat``, a wire-form model, the OpenAI dict forms
(``{"type": "text"}``, ``{"type": "json_object"}``, ``{"type": "json_schema", "json_schema": {...}}``)
and a pydantic model class (its strict JSON schema is sent; pydantic itself is never imported here:
a class can only be a pydantic model if the caller already imported pydantic).
"""

from __future__ import annotations

import copy
import re
import sys
from typing import Any, Dict, Mapping, Optional, Type

from .._model_base import Model
from ..models import _models as _generated

__all__ = ["output_type_of", "response_format_to_wire"]

_PRESETS: Dict[str, Type[Model]] = {
    "text": _generated.ChatCompletionsResponseFormatText,
    "json_object": _generated.ChatCompletionsResponseFormatJsonObject,
}
_DICT_KEYS = {"text": {"type"}, "json_object": {"type"}, "json_schema": {"type", "json_schema"}}
_JSON_SCHEMA_KEYS = {"name", "schema", "description", "strict"}
_NAME_LIMIT = 64
_DICT_FORMS = (
    'expected {"type": "text"}, {"type": "json_object"} or '
    '{"type": "json_schema", "json_schema": {"name": ..., "schema": {...}}}'
)


def response_format_to_wire(value: Any) -> Optional[Model]:
    """Convert a ``response_format`` argument to its wire model.

    :param value: ``"text"``, ``"json_object"``, a ``JsonSchemaFormat``, an OpenAI-style dict, a
     pydantic model class, a wire-form model or None.
    :type value: str or ~azure.ai.inference.models.JsonSchemaFormat or dict or type or None
    :return: The wire form, or None (a wire form given is returned as is).
    :rtype: ~azure.ai.inference._model_base.Model or None
    :raises ValueError: For any other value; the message names ``response_format``.
    """
    if value is None or isinstance(value, _generated.ChatCompletionsResponseFormat):
        return value
    if isinstance(value, _generated.JsonSchemaFormat):
        return _generated.ChatCompletionsResponseFormatJsonSchema(json_schema=value)
    if type(value) is str and value in _PRESETS:  # pylint: disable=unidiomatic-typecheck
        return _PRESETS[value]()
    if isinstance(value, Mapping):
        return _from_dict(value)
    output_type = output_type_of(value)
    if output_type is not None:
        return _generated.ChatCompletionsResponseFormatJsonSchema(json_schema=_pydantic_format(output_type))
    raise ValueError(f"Unsupported `response_format` {value}")


def output_type_of(value: Any) -> Optional[type]:
    """Return ``value`` if it is a pydantic model class, else None (pydantic is not imported).

    :param value: A ``response_format`` argument.
    :type value: Any
    :return: The pydantic model class, or None.
    :rtype: type or None
    """
    pydantic = sys.modules.get("pydantic")
    if pydantic is None or not isinstance(value, type):
        return None
    return value if issubclass(value, pydantic.BaseModel) else None


def _unsupported(value: Any, reason: str) -> ValueError:
    return ValueError(f"Unsupported `response_format` {value}: {reason}")


def _from_dict(value: Mapping[str, Any]) -> Model:
    kind = value.get("type")
    expected = _DICT_KEYS.get(kind) if isinstance(kind, str) else None
    if expected is None or set(value) != expected:
        raise _unsupported(value, _DICT_FORMS)
    if kind in _PRESETS:
        return _PRESETS[kind]()
    definition = value["json_schema"]
    _check_json_schema(value, definition)
    json_schema = _generated.JsonSchemaFormat(copy.deepcopy(dict(definition)))
    return _generated.ChatCompletionsResponseFormatJsonSchema(json_schema=json_schema)


def _check_json_schema(value: Mapping[str, Any], definition: Any) -> None:
    if not isinstance(definition, Mapping):
        raise _unsupported(value, "'json_schema' must be an object")
    unknown = sorted(set(definition) - _JSON_SCHEMA_KEYS)
    if unknown:
        raise _unsupported(value, f"unknown 'json_schema' keys {unknown}")
    if not isinstance(definition.get("name"), str) or not definition["name"]:
        raise _unsupported(value, "'json_schema' needs a non-empty string 'name'")
    if not isinstance(definition.get("schema"), Mapping):
        raise _unsupported(value, "'json_schema' needs a 'schema' object")
    if not isinstance(definition.get("strict", False), bool):
        raise _unsupported(value, "'json_schema.strict' must be a boolean")
    if not isinstance(definition.get("description", ""), str):
        raise _unsupported(value, "'json_schema.description' must be a string")


def schema_name(output_type: type) -> str:
    """Return the JSON schema name for a class: its name with characters outside ``[a-zA-Z0-9_-]``
    replaced by ``_``, at most 64 characters.

    :param output_type: The class.
    :type output_type: type
    :return: The name.
    :rtype: str
    """
    return re.sub(r"[^a-zA-Z0-9_-]", "_", output_type.__name__)[:_NAME_LIMIT]


def _pydantic_format(output_type: Any) -> _generated.JsonSchemaFormat:
    from .json_schema import strict_json_schema  # pylint: disable=import-outside-toplevel  # pydantic users only

    schema = strict_json_schema(output_type.model_json_schema())
    return _generated.JsonSchemaFormat(name=schema_name(output_type), schema=schema, strict=True)
