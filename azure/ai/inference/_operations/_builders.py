"""Generated-style: one pure request builder per REST operation of the spec; shared by sync and aio."""

from __future__ import annotations

from typing import IO, Any, MutableMapping, Optional, Union

from azure.core.rest import HttpRequest
from azure.core.utils import case_insensitive_dict

__all__ = [
    "build_chat_completions_complete_request",
    "build_chat_completions_get_model_info_request",
    "build_embeddings_embed_request",
    "build_embeddings_get_model_info_request",
    "build_image_embeddings_embed_request",
    "build_image_embeddings_get_model_info_request",
]

_Content = Union[str, bytes, IO[bytes]]


def _build_request(
    method: str,
    url: str,
    *,
    api_version: Optional[str],
    content: Optional[_Content] = None,
    content_type: Optional[str] = None,
    headers: Optional[MutableMapping[str, str]] = None,
    params: Optional[MutableMapping[str, Any]] = None,
) -> HttpRequest:
    """Build a request for ``url`` (relative to the endpoint) with ``api-version`` after other params.

    ``api_version=None`` sends no ``api-version`` (OpenAI-style routes).
    """
    request_headers = case_insensitive_dict(headers or {})
    request_params = case_insensitive_dict(params or {})
    if api_version is not None:
        request_params["api-version"] = api_version
    if content_type is not None:
        request_headers["Content-Type"] = content_type
    request_headers.setdefault("Accept", "application/json")
    return HttpRequest(method=method, url=url, params=request_params, headers=request_headers, content=content)


def build_chat_completions_complete_request(
    *, api_version: Optional[str], content: _Content, **kwargs: Any
) -> HttpRequest:
    """POST /chat/completions.

    :keyword api_version: The api-version query parameter; None sends none.
    :paramtype api_version: str or None
    :keyword content: The JSON body.
    :paramtype content: str or bytes or IO[bytes]
    :return: The request.
    :rtype: ~azure.core.rest.HttpRequest
    """
    return _build_request("POST", "/chat/completions", api_version=api_version, content=content, **kwargs)


def build_chat_completions_get_model_info_request(*, api_version: Optional[str], **kwargs: Any) -> HttpRequest:
    """GET /info.

    :keyword api_version: The api-version query parameter; None sends none.
    :paramtype api_version: str or None
    :return: The request.
    :rtype: ~azure.core.rest.HttpRequest
    """
    return _build_request("GET", "/info", api_version=api_version, **kwargs)


def build_embeddings_embed_request(*, api_version: Optional[str], content: _Content, **kwargs: Any) -> HttpRequest:
    """POST /embeddings.

    :keyword api_version: The api-version query parameter; None sends none.
    :paramtype api_version: str or None
    :keyword content: The JSON body.
    :paramtype content: str or bytes or IO[bytes]
    :return: The request.
    :rtype: ~azure.core.rest.HttpRequest
    """
    return _build_request("POST", "/embeddings", api_version=api_version, content=content, **kwargs)


def build_embeddings_get_model_info_request(*, api_version: Optional[str], **kwargs: Any) -> HttpRequest:
    """GET /info.

    :keyword api_version: The api-version query parameter; None sends none.
    :paramtype api_version: str or None
    :return: The request.
    :rtype: ~azure.core.rest.HttpRequest
    """
    return _build_request("GET", "/info", api_version=api_version, **kwargs)


def build_image_embeddings_embed_request(
    *, api_version: Optional[str], content: _Content, **kwargs: Any
) -> HttpRequest:
    """POST /images/embeddings.

    :keyword api_version: The api-version query parameter; None sends none.
    :paramtype api_version: str or None
    :keyword content: The JSON body.
    :paramtype content: str or bytes or IO[bytes]
    :return: The request.
    :rtype: ~azure.core.rest.HttpRequest
    """
    return _build_request("POST", "/images/embeddings", api_version=api_version, content=content, **kwargs)


def build_image_embeddings_get_model_info_request(*, api_version: Optional[str], **kwargs: Any) -> HttpRequest:
    """GET /info.

    :keyword api_version: The api-version query parameter; None sends none.
    :paramtype api_version: str or None
    :return: The request.
    :rtype: ~azure.core.rest.HttpRequest
    """
    return _build_request("GET", "/info", api_version=api_version, **kwargs)
