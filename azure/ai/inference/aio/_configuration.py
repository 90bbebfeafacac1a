"""Generated-style: the async clients' configuration; only the retry, redirect, token and span-interrupt
policies differ from the sync configuration, and the policy bounding the wait for a free connection is
async only."""

from __future__ import annotations

from typing import Any, Type

from azure.core.pipeline import policies

from .._configuration import _ClientConfiguration as _ClientConfiguration  # re-exported for _client
from .._retry import AsyncInferenceRetryPolicy
from .._tracing_interrupts import AsyncEndSpanOnInterruptPolicy
from ._pool_wait import AsyncPoolWaitPolicy

__all__ = [
    "ChatCompletionsClientConfiguration",
    "EmbeddingsClientConfiguration",
    "ImageEmbeddingsClientConfiguration",
]


class _AsyncClientConfiguration(_ClientConfiguration):
    """Configuration of an async client."""

    retry_policy_type: Type[Any] = AsyncInferenceRetryPolicy
    redirect_policy_type: Type[Any] = policies.AsyncRedirectPolicy
    bearer_policy_type: Type[Any] = policies.AsyncBearerTokenCredentialPolicy
    span_interrupt_policy_type: Type[Any] = AsyncEndSpanOnInterruptPolicy
    pool_wait_policy_type: Type[Any] = AsyncPoolWaitPolicy
    is_async = True


class ChatCompletionsClientConfiguration(_AsyncClientConfiguration):
    """Configuration for the async ChatCompletionsClient."""


class EmbeddingsClientConfiguration(_AsyncClientConfiguration):
    """Configuration for the async EmbeddingsClient."""


class ImageEmbeddingsClientConfiguration(_AsyncClientConfiguration):
    """Configuration for the async ImageEmbeddingsClient."""
