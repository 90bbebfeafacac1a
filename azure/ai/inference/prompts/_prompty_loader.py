# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Load a ``.prompty`` file into a :class:`Prompty` (PROMPTS.md section 3)."""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, List, Mapping, TypeVar

from ._front_matter import split_front_matter
from ._prompty import ModelSettings, PropertySettings, Prompty, TemplateSettings
from ._references import resolve_references

_GLOBAL_CONFIG_FILE = "prompty.json"
_DEFAULT_API = "chat"
_T = TypeVar("_T")


def load_prompty(path: Path, _loading: FrozenSet[Path] = frozenset()) -> Prompty:
    """Load the prompty file at the absolute ``path``, including its ``base`` chain.

    :param path: The absolute path of the file.
    :type path: ~pathlib.Path
    :return: The loaded prompty.
    :rtype: Prompty
    :raises FileNotFoundError: If the file, its base or a referenced file does not exist.
    :raises ValueError: If a section is malformed or a reference cannot be resolved.
    :raises TypeError: If the front matter is missing or has an unknown top-level key.
    """
    if path in _loading:
        raise ValueError(f"The prompty file {path} inherits from itself through 'base'")
    attributes, body = split_front_matter(path.read_text(encoding="utf-8-sig"), str(path))
    attributes = resolve_references(attributes, path.parent)
    defaults = _global_defaults(path.parent)
    sections = _typed_sections(attributes, defaults)
    prompty = Prompty(**sections, file=path, content=body)
    if prompty.base:
        base_path = Path(os.path.abspath(path.parent / prompty.base))
        _inherit(prompty, load_prompty(base_path, _loading | {path}))
    prompty.model.api = prompty.model.api or _DEFAULT_API
    return prompty


def _global_defaults(directory: Path) -> Dict[str, Any]:
    """The ``"default"`` entry of ``prompty.json`` in ``directory``, or ``{}`` if there is no such file."""
    path = directory / _GLOBAL_CONFIG_FILE
    if not path.is_file():
        return {}
    content = json.loads(path.read_text(encoding="utf-8-sig"))
    if "default" not in content:
        raise ValueError(f'Item "default" not found in "{path}"')
    defaults: Dict[str, Any] = resolve_references(content["default"], directory)
    return defaults


def _typed_sections(attributes: Dict[str, Any], defaults: Dict[str, Any]) -> Dict[str, Any]:
    """Replace the ``model``, ``inputs``, ``outputs`` and ``template`` mappings by data classes.

    ``defaults`` (from ``prompty.json``) fill the keys ``model.configuration`` lacks (P-3.4).
    """
    typed = dict(attributes)
    typed["model"] = _build("model settings", lambda: _model_settings(attributes.get("model"), defaults))
    for section in ("inputs", "outputs"):
        if section in attributes:
            typed[section] = _build(section, functools.partial(_property_settings, attributes[section]))
    if "template" in attributes:
        typed["template"] = _build("template loader", lambda: _template_settings(attributes["template"]))
    return typed


def _model_settings(value: Any, defaults: Dict[str, Any]) -> ModelSettings:
    model = dict(value or {})
    model["configuration"] = _fill_missing(model.get("configuration") or {}, defaults)
    return ModelSettings(**model)


def _property_settings(value: Any) -> Dict[str, PropertySettings]:
    return {name: PropertySettings(**settings) for name, settings in (value or {}).items()}


def _template_settings(value: Any) -> TemplateSettings:
    if isinstance(value, str):
        return TemplateSettings(type=value)
    return TemplateSettings(**value)


def _build(section: str, factory: Callable[[], _T]) -> _T:
    try:
        return factory()
    except Exception as error:  # pylint: disable=broad-exception-caught  # any malformed YAML shape
        raise ValueError(f"Error in {section}: {error}") from error


def _inherit(child: Prompty, base: Prompty) -> None:
    """Fill the child's empty attributes from its base; mappings merge with the child winning (P-3.8)."""
    child.name = child.name or base.name
    child.description = child.description or base.description
    child.version = child.version or base.version
    child.authors = _union(child.authors, base.authors)
    child.tags = _union(child.tags, base.tags)
    child.model.api = child.model.api or base.model.api
    child.model.configuration = _fill_missing(child.model.configuration, base.model.configuration)
    child.model.parameters = _fill_missing(child.model.parameters, base.model.parameters)
    child.model.response = _fill_missing(child.model.response, base.model.response)
    child.sample = _fill_missing(child.sample, base.sample)
    child.basePrompty = base


def _fill_missing(values: Mapping[str, Any], defaults: Mapping[str, Any]) -> Dict[str, Any]:
    """``values`` plus the ``defaults`` it lacks, keeping the key order of ``values`` first."""
    merged = dict(values)
    for key, value in defaults.items():
        merged.setdefault(key, value)
    return merged


def _union(first: List[Any], second: List[Any]) -> List[Any]:
    """Both lists without duplicates, in order of first appearance."""
    merged: List[Any] = []
    for item in [*first, *second]:
        if item not in merged:
            merged.append(item)
    return merged
