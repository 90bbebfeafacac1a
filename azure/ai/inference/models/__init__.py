"""Models of the Azure AI Inference client library: request messages, results, streaming updates, enums.

The stream classes and ``ChatCompletionsAccumulator`` are imported on first use (``__getattr__``), so that
importing the package does not load the stream decoder; ``from ... import`` and ``import *`` work as usual.
"""

from typing import TYPE_CHECKING, Any, List

from ._enums import (
    AudioContentFormat,
    ChatCompletionsToolChoicePreset,
    ChatRole,
    CompletionsFinishReason,
    EmbeddingEncodingFormat,
    EmbeddingInputType,
    ImageDetailLevel,
    ModelType,
)
from ._models import (
    AudioContentItem,
    ChatChoice,
    ChatCompletionsNamedToolChoice,
    ChatCompletionsNamedToolChoiceFunction,
    ChatCompletionsToolCall,
    ChatCompletionsToolDefinition,
    CompletionsUsage,
    CompletionsUsageDetails,
    ContentItem,
    EmbeddingItem,
    EmbeddingsUsage,
    FunctionCall,
    ImageContentItem,
    JsonSchemaFormat,
    ModelInfo,
    PromptUsageDetails,
    StreamingChatChoiceUpdate,
    StreamingChatCompletionsUpdate,
    StreamingChatResponseToolCallUpdate,
    TextContentItem,
    UserSecurityContext,
)
from ._patch import (
    AssistantMessage,
    ChatCompletions,
    ChatRequestMessage,
    DeveloperMessage,
    EmbeddingsResult,
    ImageEmbeddingInput,
    ImageUrl,
    InputAudio,
    SystemMessage,
    ToolMessage,
    UserMessage,
)
from ._tools import FunctionDefinition
from ._reasoning import StreamingChatResponseMessageUpdate
from ._content_filter import (
    ContentFilterBlocklistIdResult,
    ContentFilterCitation,
    ContentFilterCitedDetectionResult,
    ContentFilterDetailedResults,
    ContentFilterDetectionResult,
    ContentFilterResults,
    ContentFilterResultsForPrompt,
    ContentFilterSeverity,
    ContentFilterSeverityResult,
)
from ._structured_output import (
    ChatResponseMessage,
    ContentRefusalError,
    LengthFinishReasonError,
    StructuredOutputError,
    StructuredOutputValidationError,
)

__all__ = [
    "AudioContentItem",
    "ChatChoice",
    "ChatCompletions",
    "ChatCompletionsNamedToolChoice",
    "ChatCompletionsNamedToolChoiceFunction",
    "ChatCompletionsToolCall",
    "ChatCompletionsToolDefinition",
    "ChatResponseMessage",
    "CompletionsUsage",
    "ContentItem",
    "EmbeddingItem",
    "EmbeddingsResult",
    "EmbeddingsUsage",
    "FunctionCall",
    "FunctionDefinition",
    "ImageContentItem",
    "ImageEmbeddingInput",
    "ImageUrl",
    "InputAudio",
    "JsonSchemaFormat",
    "ModelInfo",
    "StreamingChatChoiceUpdate",
    "StreamingChatCompletionsUpdate",
    "StreamingChatResponseMessageUpdate",
    "StreamingChatResponseToolCallUpdate",
    "TextContentItem",
    "AudioContentFormat",
    "ChatCompletionsToolChoicePreset",
    "ChatRole",
    "CompletionsFinishReason",
    "EmbeddingEncodingFormat",
    "EmbeddingInputType",
    "ImageDetailLevel",
    "ModelType",
    "AssistantMessage",
    "AsyncStreamingChatCompletions",
    "ChatRequestMessage",
    "StreamingChatCompletions",
    "SystemMessage",
    "ToolMessage",
    "UserMessage",
    "DeveloperMessage",
    "CompletionsUsageDetails",
    "PromptUsageDetails",
    "ChatCompletionsAccumulator",
    "UserSecurityContext",
    "ContentRefusalError",
    "LengthFinishReasonError",
    "StructuredOutputError",
    "StructuredOutputValidationError",
    "ContentFilterBlocklistIdResult",
    "ContentFilterCitation",
    "ContentFilterCitedDetectionResult",
    "ContentFilterDetailedResults",
    "ContentFilterDetectionResult",
    "ContentFilterResults",
    "ContentFilterResultsForPrompt",
    "ContentFilterSeverity",
    "ContentFilterSeverityResult",
]


if TYPE_CHECKING:
    from .._sansio.accumulator import ChatCompletionsAccumulator
    from ._patch import AsyncStreamingChatCompletions, StreamingChatCompletions

_LAZY = {
    "AsyncStreamingChatCompletions": "_patch",
    "StreamingChatCompletions": "_patch",
    "ChatCompletionsAccumulator": "accumulator",
}


def __getattr__(name: str) -> Any:
    """The stream classes and the accumulator, imported on first use.

    :param name: The attribute.
    :type name: str
    :return: The class.
    :rtype: type
    :raises AttributeError: For any other name.
    """
    source = _LAZY.get(name)
    if source is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if source == "accumulator":
        from .._sansio import accumulator  # pylint: disable=import-outside-toplevel

        value = accumulator.ChatCompletionsAccumulator
    else:
        from . import _patch  # pylint: disable=import-outside-toplevel

        value = getattr(_patch, name)
    globals()[name] = value  # later lookups find it without this function
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_LAZY))
