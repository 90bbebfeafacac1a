"""Async clients of the Azure AI Inference client library (requires aiohttp)."""

from .._exceptions import (
    ContentFilterError,
    ContextLengthExceededError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
    ServiceErrorDetails,
)
from ._patch import ChatCompletionsClient, EmbeddingsClient, ImageEmbeddingsClient, load_client

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
