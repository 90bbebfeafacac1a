# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Dedent string templates (PROMPTS.md section 7).

The module name and ``remove_leading_empty_space`` are imported by downstream code; keep both.
"""
from __future__ import annotations

__all__ = ["remove_leading_empty_space"]


def remove_leading_empty_space(multiline_str: str) -> str:
    """Drop leading blank lines and the indentation common to all non-blank lines.

    Lines are joined with ``"\\n"``; a trailing newline of the input is not kept. Only leading
    whitespace counts as indentation, so no visible character is ever removed.

    :param multiline_str: The template text, typically an indented triple-quoted string.
    :type multiline_str: str
    :return: The dedented text.
    :rtype: str
    """
    lines = multiline_str.splitlines()
    first_text_line = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    lines = lines[first_text_line:]
    indentation = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indentation:] for line in lines)
