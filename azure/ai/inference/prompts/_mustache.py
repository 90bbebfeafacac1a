# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Render a parsed mustache tree against template data (PROMPTS.md section 5).

The renderer keeps no module state, so it is safe to use from several threads at once.
"""
from __future__ import annotations

import numbers
from collections.abc import Iterator, Sequence
from typing import Any, Callable, List, Mapping, Optional

from ._mustache_parse import ChevronError, Node, Section, Variable, parse_template

__all__ = ["ChevronError", "render"]

_MISSING = object()
_HTML_ESCAPES = (("&", "&amp;"), ('"', "&quot;"), ("<", "&lt;"), (">", "&gt;"))


def render(template: str, data: Mapping[str, Any]) -> str:
    """Render mustache ``template`` with ``data``.

    :param template: The mustache template text.
    :type template: str
    :param data: The values of the template variables.
    :type data: ~typing.Mapping[str, ~typing.Any]
    :return: The rendered text.
    :rtype: str
    :raises ChevronError: If the template is malformed.
    """
    return _render_nodes(parse_template(template), [data])


def _render_nodes(nodes: List[Node], scopes: List[Any]) -> str:
    return "".join(_render_node(node, scopes) for node in nodes)


def _render_node(node: Node, scopes: List[Any]) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, Variable):
        text = _to_text(_lookup(node.key, scopes))
        return _escape_html(text) if node.escape else text
    return _render_section(node, scopes)


def _render_section(section: Section, scopes: List[Any]) -> str:
    value = _lookup(section.key, scopes)
    if section.inverted:
        return "" if _is_truthy(value) else _render_nodes(section.children, scopes)
    if callable(value):
        return str(value(section.source, _make_lambda_renderer(scopes)))
    if isinstance(value, (Sequence, Iterator)) and not isinstance(value, (str, bytes)):
        return "".join(_render_nodes(section.children, scopes + [item]) for item in value)
    if not _is_truthy(value):
        return ""
    return _render_nodes(section.children, scopes + [value])


def _make_lambda_renderer(scopes: List[Any]) -> Callable[..., str]:
    def render_text(template: str, data: Optional[Any] = None) -> str:
        return _render_nodes(parse_template(template), scopes if data is None else scopes + [data])

    return render_text


def _lookup(key: str, scopes: List[Any]) -> Any:
    """Find ``key`` from the innermost scope outwards (P-5.4)."""
    if key == ".":
        return scopes[-1]
    names = key.split(".")
    for scope in reversed(scopes):
        value = scope
        for name in names:
            value = _step_into(value, name)
            if value is _MISSING:
                break
        if value is not _MISSING:
            return value
    return _MISSING


def _step_into(value: Any, name: str) -> Any:
    """Return ``value``'s item or attribute ``name``, or a list item by index; else ``_MISSING``."""
    try:
        return value[name]
    except (KeyError, IndexError, ValueError):
        return _MISSING
    except (TypeError, AttributeError):
        pass
    try:
        return getattr(value, name)
    except AttributeError:
        pass
    try:
        return value[int(name)]
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return _MISSING


def _is_truthy(value: Any) -> bool:
    return value is not _MISSING and bool(value)


def _to_text(value: Any) -> str:
    """Missing and falsy values render empty, except the numbers ``0`` and ``False`` (P-5.3)."""
    if isinstance(value, str):
        return value
    if value is _MISSING or not (value or isinstance(value, numbers.Number)):
        return ""
    return str(value)


def _escape_html(text: str) -> str:
    for character, entity in _HTML_ESCAPES:
        text = text.replace(character, entity)
    return text
