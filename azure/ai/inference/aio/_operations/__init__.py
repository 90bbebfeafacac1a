"""Generated-style: the async REST operations of the three clients."""

from ._operations import (
    ChatCompletionsClientOperationsMixin,
    EmbeddingsClientOperationsMixin,
    ImageEmbeddingsClientOperationsMixin,
)

__all__ = [
    "ChatCompletionsClientOperationsMixin",
    "EmbeddingsClientOperationsMixin",
    "ImageEmbeddingsClientOperationsMixin",
]
