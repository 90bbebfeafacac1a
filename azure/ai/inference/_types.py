"""Type aliases used in public signatures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Mapping, MutableMapping, Sequence, Type, Union

from azure.core.credentials import AzureKeyCredential, TokenCredential
from azure.core.credentials_async import AsyncTokenCredential

if TYPE_CHECKING:
    from .models import (
        ChatCompletionsNamedToolChoice,
        ChatCompletionsToolChoicePreset,
        ChatRequestMessage,
        JsonSchemaFormat,
    )

JSON = MutableMapping[str, Any]
"""A JSON object given as a request body."""

Credential = Union[AzureKeyCredential, TokenCredential]
"""What the sync clients accept as ``credential``."""

AsyncCredential = Union[AzureKeyCredential, AsyncTokenCredential]
"""What the async clients accept as ``credential``."""

ResponseFormat = Union[Literal["text", "json_object"], "JsonSchemaFormat", Mapping[str, Any], Type[Any]]
"""What ``response_format`` accepts: ``"text"``, ``"json_object"``, a ``JsonSchemaFormat``, an OpenAI-style
dict (``{"type": "json_schema", "json_schema": {...}}`` and the like) or a pydantic model class."""

ToolChoice = Union[str, "ChatCompletionsToolChoicePreset", "ChatCompletionsNamedToolChoice"]
"""What ``tool_choice`` accepts."""

Messages = Sequence[Union["ChatRequestMessage", Mapping[str, Any]]]
"""What ``messages`` accepts: message models, plain dicts in wire form (or response messages), or a mix."""
