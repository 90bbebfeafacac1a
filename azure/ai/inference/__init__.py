"""Azure AI Inference client library: chat completions, text embeddings and image embeddings."""

from ._exceptions import (
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
    ServiceErrorDetails,
)
from ._patch import ChatCompletionsClient, EmbeddingsClient, ImageEmbeddingsClient, load_client
from ._version import VERSION

__version__ = VERSION

__all__ = [
    "ChatCompletionsClient",
    "ContentFilterError",
    "ContextLengthExceededError",
    "EmbeddingsClient",
    "ImageEmbeddingsClient",
    "InternalServerError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServiceErrorDetails",
    "load_client",
]
