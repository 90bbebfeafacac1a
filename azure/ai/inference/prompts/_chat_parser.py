# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Split rendered prompt text at role markers into chat message dicts (PROMPTS.md section 6)."""
from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

ROLES = ("assistant", "developer", "function", "system", "tool", "user")

# A whole line holding only an optional "#", a role word and ":" (P-6.2). A marker on the last
# line needs no newline after it, so a trailing marker is always recognised (and then dropped).
_ROLE_MARKER = re.compile(
    r"^[ \t]*#?[ \t]*(" + "|".join(ROLES) + r")[ \t]*:[ \t]*(?:\r?\n|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]*)\)")
_IMAGE_MIME_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}

MessageContent = Union[str, List[Dict[str, Any]]]


def parse_chat(text: str, image_directory: Optional[Path] = None) -> List[Dict[str, Any]]:
    """Turn rendered prompt text into a list of ``{"role": ..., "content": ...}`` dicts.

    Text before the first role marker becomes a system message; messages whose content is empty
    are dropped.

    :param text: The rendered prompt.
    :type text: str
    :param image_directory: Directory against which local image paths are resolved and inlined;
        ``None`` keeps every image reference verbatim.
    :type image_directory: ~pathlib.Path or None
    :return: The chat messages.
    :rtype: list[dict[str, ~typing.Any]]
    :raises IndexError: If ``text`` is empty or only whitespace.
    :raises ValueError: If a local image has an unsupported file type.
    """
    if not text.strip():
        raise IndexError("The rendered prompt is empty, so there are no chat messages to create")
    pieces = _ROLE_MARKER.split(text)
    roles = ["system"] + pieces[1::2]
    messages = []
    for role, body in zip(roles, pieces[0::2]):
        content = body.strip()
        if content:
            messages.append({"role": role.lower(), "content": _to_content(content, image_directory)})
    return messages


def _to_content(text: str, image_directory: Optional[Path]) -> MessageContent:
    """Return ``text`` as is, or as a list of text and image parts if it holds markdown images."""
    if not _MARKDOWN_IMAGE.search(text):
        return text
    parts: List[Dict[str, Any]] = []
    fragments = _MARKDOWN_IMAGE.split(text)
    for index, fragment in enumerate(fragments):
        if index % 2:
            url = _image_url(fragment, image_directory)
            parts.append({"type": "image_url", "image_url": {"url": url}})
        elif fragment.strip():
            parts.append({"type": "text", "text": fragment.strip()})
    return parts


def _image_url(target: str, image_directory: Optional[Path]) -> str:
    """The URL of a markdown image target; local files are inlined as a ``data:`` URL (P-6.6)."""
    words = target.split()
    url = words[0] if words else ""
    if image_directory is None or url.startswith(("http", "data")):
        return url
    path = image_directory / url
    mime_type = _IMAGE_MIME_TYPES.get(path.suffix.lower())
    if mime_type is None:
        raise ValueError(
            f"Invalid image format {path.suffix} - currently only .png and .jpg / .jpeg are supported."
        )
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:{mime_type};base64,{encoded}"
