"""What every workload sends and which response fields it reads, once for dicts and once for models.

The floor reads the parsed JSON dicts, our client reads the model attributes; both read the same
fields, so that a difference in cost is the cost of the client, not of the reading.
"""

from __future__ import annotations

from typing import Any, Dict, List

__all__ = [
    "EMBED_INPUT",
    "MESSAGES_WIRE",
    "read_chat_dict",
    "read_chat_model",
    "read_embeddings_dict",
    "read_embeddings_model",
    "read_update_dict",
    "read_update_model",
]

SYSTEM_PROMPT = "You are a helpful assistant."
USER_PROMPT = "How many feet are in a mile?"
MESSAGES_WIRE: List[Dict[str, str]] = [
    {"role": "system", "content": SYSTEM_PROMPT},
    {"role": "user", "content": USER_PROMPT},
]
EMBED_INPUT = ["first phrase", "second phrase", "third phrase"]


def read_chat_dict(result: Dict[str, Any]) -> int:
    """Read id, model, the first choice's content and finish reason, and the total tokens."""
    choice = result["choices"][0]
    _ = (result["id"], result["model"], choice["finish_reason"], result["usage"]["total_tokens"])
    return len(choice["message"]["content"])


def read_chat_model(result: Any) -> int:
    """The model twin of :func:`read_chat_dict`."""
    choice = result.choices[0]
    _ = (result.id, result.model, choice.finish_reason, result.usage.total_tokens)
    return len(choice.message.content)


def read_update_dict(update: Dict[str, Any], tools: bool) -> None:
    """Read an update's id and first choice: content and finish reason, or the first tool call delta."""
    _ = update["id"]
    choices = update["choices"]
    if choices:
        choice = choices[0]
        delta = choice["delta"]
        _ = (choice["finish_reason"], delta.get("content"))
        calls = delta.get("tool_calls") if tools else None
        if calls:
            function = calls[0]["function"]
            _ = (calls[0].get("id"), function.get("name"), function.get("arguments"))


def read_update_model(update: Any, tools: bool) -> None:
    """The model twin of :func:`read_update_dict`."""
    _ = update.id
    choices = update.choices
    if choices:
        choice = choices[0]
        delta = choice.delta
        _ = (choice.finish_reason, delta.content)
        calls = delta.tool_calls if tools else None
        if calls:
            function = calls[0].function
            _ = (calls[0].id, function.name, function.arguments)


def read_embeddings_dict(result: Dict[str, Any]) -> int:
    """Read every item's index and embedding (its length), and the prompt tokens."""
    total: int = sum(len(item["embedding"]) + item["index"] for item in result["data"])
    return total + int(result["usage"]["prompt_tokens"])


def read_embeddings_model(result: Any) -> int:
    """The model twin of :func:`read_embeddings_dict`."""
    total: int = sum(len(item.embedding) + item.index for item in result.data)
    return total + int(result.usage.prompt_tokens)
