"""Reading a function's docstring: its description and the description of each parameter.

Understood: Sphinx fields (``:param name: text``, ``:param type name: text``, ``:keyword name: text``)
and Google-style sections (``Args:``/``Arguments:``/``Parameters:``/``Keyword Args:`` with lines
``name (type): text``). Continuation lines (indented deeper) are joined with single spaces. The
description is the text before the first field or section, paragraphs separated by a blank line.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

__all__ = ["Docstring", "parse_docstring"]

_SPHINX_PARAM = re.compile(r"^:(?:param|parameter|arg|argument|key|keyword)\s+(?:[^:]*\s)?\*{0,2}(\w+)\s*:\s*(.*)$")
_SPHINX_FIELD = re.compile(r"^:\w+")
_GOOGLE_PARAM_SECTION = re.compile(
    r"^(?:args|arguments|parameters|params|keyword args|keyword arguments|kwargs):\s*$", re.I
)
_GOOGLE_SECTION = re.compile(
    r"^(?:returns?|yields?|raises|examples?|notes?|attributes|see also|warnings?|todo|references)\s*:\s*$", re.I
)
_GOOGLE_PARAM = re.compile(r"^\*{0,2}(\w+)\s*(?:\([^)]*\))?\s*:\s*(.*)$")


@dataclass
class Docstring:
    """What a docstring says about a function."""

    description: Optional[str] = None
    """The text before the first field or section, or None."""
    params: Dict[str, str] = field(default_factory=dict)
    """Parameter name to its description."""


def parse_docstring(text: Optional[str]) -> Docstring:
    """Read the description and the parameter descriptions of a docstring.

    :param text: The docstring (``fn.__doc__``), or None.
    :type text: str or None
    :return: The parsed docstring.
    :rtype: Docstring
    """
    lines = inspect.cleandoc(text or "").splitlines()
    end = next((number for number, line in enumerate(lines) if _starts_fields(line)), len(lines))
    parsed = Docstring(description=_paragraphs(lines[:end]))
    position = end
    while position < len(lines):
        position = _read_field(lines, position, parsed.params)
    return parsed


def _starts_fields(line: str) -> bool:
    return bool(_SPHINX_FIELD.match(line) or _GOOGLE_PARAM_SECTION.match(line) or _GOOGLE_SECTION.match(line))


def _paragraphs(lines: List[str]) -> Optional[str]:
    paragraphs: List[List[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    text = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs if paragraph)
    return text or None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _read_field(lines: List[str], position: int, params: Dict[str, str]) -> int:
    """Read one Sphinx field or one Google section starting at ``position``; return where it ends."""
    line = lines[position]
    if _GOOGLE_PARAM_SECTION.match(line):
        return _read_google_section(lines, position + 1, params)
    end = _continuation_end(lines, position + 1, _indent(line))
    match = _SPHINX_PARAM.match(line)
    if match:
        params[match.group(1)] = _joined([match.group(2)] + lines[position + 1 : end])
    return end


def _read_google_section(lines: List[str], position: int, params: Dict[str, str]) -> int:
    while position < len(lines) and (not lines[position].strip() or _indent(lines[position]) > 0):
        line = lines[position]
        if not line.strip():
            position += 1
            continue
        end = _continuation_end(lines, position + 1, _indent(line))
        match = _GOOGLE_PARAM.match(line.strip())
        if match:
            params[match.group(1)] = _joined([match.group(2)] + lines[position + 1 : end])
        position = end
    return position


def _continuation_end(lines: List[str], position: int, indent: int) -> int:
    """The first line after ``position`` that is not blank and not indented deeper than ``indent``."""
    while position < len(lines) and (not lines[position].strip() or _indent(lines[position]) > indent):
        position += 1
    return position


def _joined(parts: List[str]) -> str:
    return " ".join(part.strip() for part in parts if part.strip())
