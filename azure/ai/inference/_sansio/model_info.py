"""What the ``/info`` route's model type means for ``load_client``, and the messages of its failures."""

from __future__ import annotations

import enum
from typing import Any, Dict, Literal, Mapping

__all__ = [
    "INFO_NOT_SUPPORTED",
    "LOAD_CLIENT_NOT_SUPPORTED",
    "STICKY_SETTINGS",
    "ClientKind",
    "client_kind",
    "probe_kwargs",
]

ClientKind = Literal["chat", "embeddings", "image_embeddings"]

INFO_NOT_SUPPORTED = "Model information is not available on this endpoint (`/info` route not supported)."
LOAD_CLIENT_NOT_SUPPORTED = (
    "`load_client` function does not work on this endpoint (`/info` route not supported). "
    "Please construct one of the clients (e.g. `ChatCompletionsClient`) directly."
)

_ALIASES: Dict[str, ClientKind] = {
    **dict.fromkeys(
        (
            "chat_completion",
            "chat_completions",
            "chat",
            "completion",
            "chat-completion",
            "chat-completions",
            "chat completion",
            "chat completions",
        ),
        "chat",
    ),
    **dict.fromkeys(
        ("embeddings", "embedding", "text_embedding", "text-embeddings", "text embedding", "text embeddings"),
        "embeddings",
    ),
    **dict.fromkeys(
        (
            "image_embeddings",
            "image_embedding",
            "image-embeddings",
            "image-embedding",
            "image embedding",
            "image embeddings",
        ),
        "image_embeddings",
    ),
}

STICKY_SETTINGS = frozenset(
    {
        "frequency_penalty",
        "presence_penalty",
        "temperature",
        "top_p",
        "max_tokens",
        "response_format",
        "stop",
        "tools",
        "tool_choice",
        "seed",
        "model",
        "model_extras",
        "max_completion_tokens",
        "reasoning_effort",
        "parallel_tool_calls",
        "stream_options",
        "user_security_context",
        "dimensions",
        "encoding_format",
        "input_type",
    }
)


def client_kind(model_type: Any) -> ClientKind:
    """Return which client serves a model type reported by ``/info`` (exact, case-sensitive match).

    :param model_type: The ``model_type`` of the model information.
    :type model_type: str or ~azure.ai.inference.models.ModelType or None
    :return: ``"chat"``, ``"embeddings"`` or ``"image_embeddings"``.
    :rtype: str
    :raises ValueError: If the type is missing or no client supports it.
    """
    if not model_type:
        raise ValueError(
            "The AI model information is missing a value for `model type`. Cannot create an appropriate client."
        )
    value = model_type.value if isinstance(model_type, enum.Enum) else model_type
    kind = _ALIASES.get(value) if isinstance(value, str) else None
    if kind is None:
        raise ValueError(f"No client available to support AI model type `{value}`")
    return kind


def probe_kwargs(kwargs: Mapping[str, Any]) -> Dict[str, Any]:
    """Return the constructor keywords that the ``/info`` probe client needs: all but the call defaults.

    :param kwargs: The keywords given to ``load_client``.
    :type kwargs: Mapping[str, Any]
    :return: The keywords without any client's sticky call defaults.
    :rtype: dict[str, Any]
    """
    return {name: value for name, value in kwargs.items() if name not in STICKY_SETTINGS}
