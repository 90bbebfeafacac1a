"""Async clients of the Azure AI Inference client library (requires aiohttp)."""

from ._patch import ChatCompletionsClient, EmbeddingsClient, ImageEmbeddingsClient, load_client

__all__ = ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient", "load_client"]
