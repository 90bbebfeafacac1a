"""Type aliases used in public signatures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Literal, Mapping, MutableMapping, Sequence, Type, Union

from azure.core.credentials import AzureKeyCredential, TokenCredential
from azure.core.credentials_async import AsyncTokenCredential
from typing_extensions import TypeVar

if TYPE_CHECKING:
    from .models import (
        ChatCompletionsNamedToolChoice,
        ChatCompletionsToolChoicePreset,
        ChatCompletionsToolDefinition,
        ChatRequestMessage,
        ChatResponseMessage,
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

Messages = Sequence[Union["ChatRequestMessage", "ChatResponseMessage", Mapping[str, Any]]]
"""What ``messages`` accepts: message models, plain dicts in wire form, the response messages the
service returned (to continue a conversation), or a mix."""

Tools = Sequence[Union["ChatCompletionsToolDefinition", Mapping[str, Any]]]
"""What ``tools`` accepts: tool definition models or dicts in their wire form."""

ParsedT = TypeVar("ParsedT", default=Any)
"""The type of ``message.parsed``: the pydantic class given as ``response_format``; ``Any`` where a
call cannot say (the client's default ``response_format`` applies)."""

EmbeddingT = TypeVar("EmbeddingT", default=Union[List[float], str])
"""The type of ``EmbeddingItem.embedding``: ``List[float]``, or ``str`` for ``encoding_format="base64"``."""
