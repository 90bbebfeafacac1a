# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Normalise front matter values: strip strings, resolve ``${env:...}`` and ``${file:...}`` (P-3.3)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def resolve_references(value: Any, directory: Path) -> Any:
    """Return ``value`` with every string stripped and every ``${...}`` reference resolved.

    Dicts and lists are walked recursively; keys and non-string values are kept as they are.

    :param value: A value parsed from YAML or JSON.
    :type value: ~typing.Any
    :param directory: The directory ``${file:...}`` paths are relative to.
    :type directory: ~pathlib.Path
    :return: The normalised value.
    :rtype: ~typing.Any
    :raises ValueError: If an environment variable is unset and has no default, or a reference
        is malformed.
    :raises FileNotFoundError: If a referenced file does not exist.
    """
    if isinstance(value, str):
        return _resolve_string(value.strip(), directory)
    if isinstance(value, list):
        return [resolve_references(item, directory) for item in value]
    if isinstance(value, dict):
        return {key: resolve_references(item, directory) for key, item in value.items()}
    return value


def _resolve_string(text: str, directory: Path) -> Any:
    if not (text.startswith("${") and text.endswith("}")):
        return text
    kind, _, argument = text[2:-1].partition(":")
    if kind == "env" and argument:
        return _environment_value(argument)
    if kind == "file" and argument:
        return _file_value(argument, directory)
    raise ValueError(f"Invalid attribute format ({text})")


def _environment_value(argument: str) -> str:
    """``NAME`` or ``NAME:DEFAULT``; the default is everything after the first colon."""
    name, _, default = argument.partition(":")
    if name in os.environ:
        return os.environ[name]
    if default:
        return default
    raise ValueError(f"Variable {name} not found in environment")


def _file_value(relative_path: str, directory: Path) -> Any:
    path = directory / relative_path
    if not path.is_file():
        raise FileNotFoundError(f"File {relative_path} not found")
    content = json.loads(path.read_text(encoding="utf-8-sig"))
    if isinstance(content, (list, dict)):
        return resolve_references(content, directory)
    return content
