# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Render a loaded prompty and parse the result for its model API (PROMPTS.md section 4)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Mapping, Union

from ._chat_parser import parse_chat
from ._mustache import render
from ._prompty import Prompty

# Parsers that hand the rendered text back unchanged (P-4.3).
_TEXT_PARSERS = frozenset({"prompty.completion", "prompty.embedding", "prompty.image"})
_NOOP_PREFIX = "NOOP"


def run_prompty(prompty: Prompty, data: Mapping[str, Any]) -> Union[str, List[Dict[str, Any]]]:
    """Render ``prompty`` with ``data`` (plus its ``sample`` values) and parse the result.

    :param prompty: The loaded prompty.
    :type prompty: Prompty
    :param data: The template variables; they win over ``sample`` values.
    :type data: ~typing.Mapping[str, ~typing.Any]
    :return: Chat messages for the ``chat`` API, else the rendered text.
    :rtype: list[dict[str, ~typing.Any]] or str
    :raises ValueError: If the template type or the parser is unknown.
    """
    values = {**prompty.sample, **data}
    text = _render_body(prompty.template.type, prompty.content, values)
    parser = f"{prompty.template.parser}.{prompty.model.api}"
    if parser == "prompty.chat":
        return parse_chat(text, Path(prompty.file).parent)
    if parser in _TEXT_PARSERS or parser.startswith(_NOOP_PREFIX):
        return text
    raise ValueError(f"Parser {parser} not found")


def _render_body(template_type: str, body: str, values: Mapping[str, Any]) -> str:
    if template_type == "mustache":
        return render(body, values)
    if template_type.startswith(_NOOP_PREFIX):
        return body
    raise ValueError(f"Renderer {template_type} not found")
