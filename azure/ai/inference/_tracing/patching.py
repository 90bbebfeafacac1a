"""Replace the traced client methods at class level, and put the originals back."""

from __future__ import annotations

import importlib
import inspect
import logging
from typing import Any, Callable, Iterator, Tuple

from .operations import CHAT, EMBEDDINGS, Operation
from .wrappers import traced_async_call, traced_sync_call

__all__ = ["patch_clients", "restore_clients"]

_LOGGER = logging.getLogger(__name__)
_ORIGINAL = "_azure_ai_inference_untraced"
"""Attribute of a traced method that holds the original function (and marks the method as traced)."""
_TARGETS: Tuple[Tuple[str, str, str, Operation], ...] = (
    ("azure.ai.inference", "ChatCompletionsClient", "complete", CHAT),
    ("azure.ai.inference.aio", "ChatCompletionsClient", "complete", CHAT),
    ("azure.ai.inference", "EmbeddingsClient", "embed", EMBEDDINGS),
    ("azure.ai.inference.aio", "EmbeddingsClient", "embed", EMBEDDINGS),
    ("azure.ai.inference", "ImageEmbeddingsClient", "embed", EMBEDDINGS),
    ("azure.ai.inference.aio", "ImageEmbeddingsClient", "embed", EMBEDDINGS),
)


def patch_clients() -> None:
    """Replace each target method by its traced twin (a method already traced is left alone)."""
    for cls, name, operation in _targets():
        original = getattr(cls, name)
        if hasattr(original, _ORIGINAL):
            continue
        traced = _traced(original, operation)
        setattr(traced, _ORIGINAL, original)
        setattr(cls, name, traced)


def restore_clients() -> None:
    """Put every original method back."""
    for cls, name, _ in _targets():
        original = getattr(getattr(cls, name), _ORIGINAL, None)
        if original is not None:
            setattr(cls, name, original)


def _traced(original: Callable[..., Any], operation: Operation) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(original):
        return traced_async_call(original, operation)
    return traced_sync_call(original, operation)


def _targets() -> Iterator[Tuple[Any, str, Operation]]:
    for module_name, class_name, method_name, operation in _TARGETS:
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError):
            _LOGGER.warning("Cannot trace %s.%s.%s: not found", module_name, class_name, method_name)
            continue
        yield cls, method_name, operation
