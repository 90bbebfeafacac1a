"""Pure: chat history in the current GenAI semantic conventions (``gen_ai.input/output.messages``).

Each message becomes ``{"role", "parts": [...]}`` (plus ``name`` when given, and ``finish_reason``
for output messages) with parts of type ``text``, ``reasoning``, ``tool_call``,
``tool_call_response``, ``uri`` or ``blob``; an unknown content item is kept as its own part.
System and developer messages are part of this API's chat history, so, as the conventions ask,
they stay in ``gen_ai.input.messages`` (``gen_ai.system_instructions`` is for instructions given
apart from the history, which this API has not).
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Sequence

from .attributes import finish_reason_text, plain

__all__ = ["input_messages", "output_messages"]


def input_messages(messages: Optional[Sequence[Any]]) -> List[Dict[str, Any]]:
    """The request messages in the conventions' schema.

    :param messages: The messages sent (models or dicts), or None.
    :type messages: Sequence[Any] or None
    :return: One entry per message that has a role.
    :rtype: list[dict[str, Any]]
    """
    converted = []
    for message in messages or ():
        data = plain(message)
        if isinstance(data, dict) and data.get("role"):
            converted.append(_message(data))
    return converted


def output_messages(completion: Mapping[str, Any], completed: bool = True) -> List[Dict[str, Any]]:
    """The choices of a completion (received or accumulated) in the conventions' schema.

    :param completion: The completion's plain wire dict.
    :type completion: Mapping[str, Any]
    :param completed: Whether the response is complete; a choice without a finish reason of an
     incomplete stream gets ``"error"``.
    :type completed: bool
    :return: One entry per choice, in choice order.
    :rtype: list[dict[str, Any]]
    """
    converted = []
    for choice in completion.get("choices") or ():
        message = dict(choice.get("message") or {})
        message.setdefault("role", "assistant")
        entry = _message(message)
        reason = choice.get("finish_reason")
        entry["finish_reason"] = "error" if reason is None and not completed else finish_reason_text(reason)
        converted.append(entry)
    return converted


def _message(data: Mapping[str, Any]) -> Dict[str, Any]:
    role = str(getattr(data["role"], "value", data["role"]))
    parts: List[Dict[str, Any]] = []
    if data.get("reasoning_content"):
        parts.append({"type": "reasoning", "content": data["reasoning_content"]})
    if role == "tool":
        parts.append({"type": "tool_call_response", "id": data.get("tool_call_id"), "response": data.get("content")})
    else:
        parts.extend(_content_parts(data.get("content")))
    parts.extend(_tool_call_part(call) for call in data.get("tool_calls") or ())
    entry: Dict[str, Any] = {"role": role, "parts": parts}
    if data.get("name"):
        entry["name"] = data["name"]
    return entry


def _content_parts(content: Any) -> List[Dict[str, Any]]:
    if isinstance(content, str):
        return [{"type": "text", "content": content}]
    if isinstance(content, list):
        return [_content_item_part(item) for item in content if isinstance(item, dict)]
    return []


def _content_item_part(item: Dict[str, Any]) -> Dict[str, Any]:
    kind = item.get("type")
    if kind == "text":
        return {"type": "text", "content": item.get("text")}
    if kind == "image_url":
        return _image_part(str((item.get("image_url") or {}).get("url", "")))
    if kind == "input_audio":
        audio = item.get("input_audio") or {}
        return {
            "type": "blob",
            "modality": "audio",
            "mime_type": f"audio/{audio.get('format')}",
            "content": audio.get("data"),
        }
    return item


def _image_part(url: str) -> Dict[str, Any]:
    """A ``data:`` URL becomes a ``blob`` part (base64 content), any other URL a ``uri`` part."""
    if url.startswith("data:") and ";base64," in url:
        header, data = url[len("data:") :].split(";base64,", 1)
        return {"type": "blob", "modality": "image", "mime_type": header, "content": data}
    return {"type": "uri", "modality": "image", "uri": url}


def _tool_call_part(call: Any) -> Dict[str, Any]:
    function = call.get("function") or {} if isinstance(call, dict) else {}
    return {
        "type": "tool_call",
        "id": call.get("id") if isinstance(call, dict) else None,
        "name": function.get("name"),
        "arguments": _parsed_arguments(function.get("arguments")),
    }


def _parsed_arguments(arguments: Any) -> Any:
    """Tool call arguments as the JSON value they encode, or as received when they are not valid JSON."""
    if not isinstance(arguments, str):
        return arguments
    try:
        return json.loads(arguments)
    except ValueError:
        return arguments
