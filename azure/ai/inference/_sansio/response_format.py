"""The ``response_format`` argument of ``complete`` and its wire form."""

from __future__ import annotations

from typing import Any, Optional

from .._model_base import Model
from ..models import _models as _generated

__all__ = ["response_format_to_wire"]


def response_format_to_wire(value: Any) -> Optional[Model]:
    """Convert a ``response_format`` argument to its wire model.

    :param value: ``"text"``, ``"json_object"``, a ``JsonSchemaFormat`` or None.
    :type value: str or ~azure.ai.inference.models.JsonSchemaFormat or None
    :return: The wire form, or None (a wire form given is returned as is).
    :rtype: ~azure.ai.inference._model_base.Model or None
    :raises ValueError: For any other value.
    """
    if value is None or isinstance(value, _generated.ChatCompletionsResponseFormat):
        return value
    if isinstance(value, _generated.JsonSchemaFormat):
        return _generated.ChatCompletionsResponseFormatJsonSchema(json_schema=value)
    if type(value) is str and value == "text":  # pylint: disable=unidiomatic-typecheck
        return _generated.ChatCompletionsResponseFormatText()
    if type(value) is str and value == "json_object":  # pylint: disable=unidiomatic-typecheck
        return _generated.ChatCompletionsResponseFormatJsonObject()
    raise ValueError(f"Unsupported `response_format` {value}")
