"""Drift guard: every public sync name has an aio twin with the same signature (async spellings aside)."""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any, Callable, List, Tuple

import pytest

import azure.ai.inference as sync_package
import azure.ai.inference.aio as aio_package

METHODS = ["__init__", "complete", "embed", "get_model_info", "send_request", "close"]
_ASYNC_SPELLINGS = [
    (r"\bAsyncStreamingChatCompletions\b", "StreamingChatCompletions"),
    (r"\bAsyncCredential\b", "Credential"),
    (r"\bAsyncHttpResponse\b", "HttpResponse"),
    (r"^Awaitable\[(.*)\]$", r"\1"),
]


def _normalized(annotation: Any) -> str:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    for pattern, replacement in _ASYNC_SPELLINGS:
        text = re.sub(pattern, replacement, text)
    return text


def _shape(function: Callable[..., Any]) -> List[Tuple[str, Any, Any, str]]:
    signature = inspect.signature(function)
    shape = [
        (name, parameter.kind, parameter.default, _normalized(parameter.annotation))
        for name, parameter in signature.parameters.items()
    ]
    return shape + [("return", None, None, _normalized(signature.return_annotation))]


def test_aio_exports_the_same_names() -> None:
    assert aio_package.__all__ == sync_package.__all__


@pytest.mark.parametrize("name", ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient"])
@pytest.mark.parametrize("method", METHODS)
def test_client_method_signatures_match(name: str, method: str) -> None:
    sync_method = getattr(getattr(sync_package, name), method, None)
    aio_method = getattr(getattr(aio_package, name), method, None)
    if sync_method is None and aio_method is None:
        pytest.skip(f"{name} has no {method}")
    assert sync_method is not None and aio_method is not None
    assert _shape(aio_method) == _shape(sync_method)


@pytest.mark.parametrize("name", ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient"])
@pytest.mark.parametrize("method", ["complete", "embed"])
def test_client_overloads_match(name: str, method: str) -> None:
    sync_method = getattr(getattr(sync_package, name), method, None)
    if sync_method is None:
        pytest.skip(f"{name} has no {method}")
    aio_method = getattr(getattr(aio_package, name), method)
    sync_overloads = [_shape(item) for item in typing.get_overloads(sync_method)]
    aio_overloads = [_shape(item) for item in typing.get_overloads(aio_method)]
    assert len(sync_overloads) >= 3
    assert aio_overloads == sync_overloads


def test_load_client_signatures_match() -> None:
    assert _shape(aio_package.load_client) == _shape(sync_package.load_client)
    assert inspect.iscoroutinefunction(aio_package.load_client)
    assert not inspect.iscoroutinefunction(sync_package.load_client)
