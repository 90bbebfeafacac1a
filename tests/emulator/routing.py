"""Path parsing: which API style (prefix) and which operation a request path addresses."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Optional, Tuple
from urllib.parse import unquote

CHAT_COMPLETIONS = "/chat/completions"
EMBEDDINGS = "/embeddings"
IMAGE_EMBEDDINGS = "/images/embeddings"
INFO = "/info"

OPERATION_METHODS = {CHAT_COMPLETIONS: "POST", EMBEDDINGS: "POST", IMAGE_EMBEDDINGS: "POST", INFO: "GET"}


class ApiStyle(enum.Enum):
    """The kind of endpoint a path prefix emulates."""

    MODEL_INFERENCE = "model-inference"
    """No prefix, ``/models`` or ``/mt/<model_type>``: Azure AI Model Inference (``api-version`` required)."""
    AZURE_OPENAI = "azure-openai"
    """``/openai/deployments/<name>``: Azure OpenAI (``api-version`` required, no ``/info``)."""
    OPENAI = "openai"
    """``/v1`` or ``/openai/v1``: OpenAI style (``api-version`` optional, no ``/info``)."""

    @property
    def requires_api_version(self) -> bool:
        """Whether requests must carry the ``api-version`` query parameter."""
        return self is not ApiStyle.OPENAI

    @property
    def serves_info(self) -> bool:
        """Whether the ``/info`` route exists on this kind of endpoint."""
        return self is ApiStyle.MODEL_INFERENCE


@dataclass(frozen=True)
class RouteMatch:
    """The result of parsing a request path.

    ``operation`` is one of the ``CHAT_COMPLETIONS``/``EMBEDDINGS``/``IMAGE_EMBEDDINGS``/``INFO``
    constants, or ``None`` for an unknown route. ``model_type`` is the ``/mt/<model_type>`` override
    (``""`` for ``/mt/-``: no model type), ``None`` when absent. ``deployment`` is the Azure OpenAI
    deployment name.
    """

    style: ApiStyle
    operation: Optional[str]
    model_type: Optional[str] = None
    deployment: Optional[str] = None


def match_route(path: str) -> RouteMatch:
    """Split ``path`` into prefix and operation (unknown operations give ``operation=None``)."""
    segments = path.split("/")[1:] if path.startswith("/") else path.split("/")
    style, model_type, deployment, rest = _split_prefix(segments)
    operation = "/" + "/".join(rest)
    if operation not in OPERATION_METHODS or (operation == INFO and not style.serves_info):
        return RouteMatch(style, None, model_type, deployment)
    return RouteMatch(style, operation, model_type, deployment)


def _split_prefix(
    segments: list[str],
) -> Tuple[ApiStyle, Optional[str], Optional[str], list[str]]:
    head = segments[:1]
    if head == ["models"]:
        return ApiStyle.MODEL_INFERENCE, None, None, segments[1:]
    if head == ["mt"] and len(segments) >= 2:
        model_type = unquote(segments[1])
        return ApiStyle.MODEL_INFERENCE, "" if model_type == "-" else model_type, None, segments[2:]
    if head == ["v1"]:
        return ApiStyle.OPENAI, None, None, segments[1:]
    if segments[:2] == ["openai", "v1"]:
        return ApiStyle.OPENAI, None, None, segments[2:]
    if segments[:2] == ["openai", "deployments"] and len(segments) >= 3:
        return ApiStyle.AZURE_OPENAI, None, unquote(segments[2]), segments[3:]
    return ApiStyle.MODEL_INFERENCE, None, None, segments
