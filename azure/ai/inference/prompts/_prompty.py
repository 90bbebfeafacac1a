# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""The data classes of a loaded ``.prompty`` file (PROMPTS.md P-3.5, P-3.7, P-3.10)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

_SECRET_MARKERS = ("key", "secret")


@dataclass
class PropertySettings:
    """One entry of ``inputs`` or ``outputs``: its type, default value and description."""

    type: Any
    default: Any = None
    description: str = ""


@dataclass
class ModelSettings:
    """The ``model`` section: API kind, connection configuration and call parameters."""

    api: str = ""
    configuration: Dict[str, Any] = field(default_factory=dict)
    parameters: Dict[str, Any] = field(default_factory=dict)
    response: Dict[str, Any] = field(default_factory=dict)


@dataclass
class TemplateSettings:
    """The ``template`` section: template engine and parser names."""

    type: str = "mustache"
    parser: str = "prompty"


@dataclass
class Prompty:  # pylint: disable=too-many-instance-attributes  # one field per front matter key
    """A loaded prompty file: its front matter attributes, file path and body text."""

    name: str = ""
    description: str = ""
    authors: List[Any] = field(default_factory=list)
    tags: List[Any] = field(default_factory=list)
    version: Any = ""
    base: str = ""
    basePrompty: Optional["Prompty"] = None  # pylint: disable=invalid-name  # camelCase public name fixed by the spec
    model: ModelSettings = field(default_factory=ModelSettings)
    sample: Dict[str, Any] = field(default_factory=dict)
    inputs: Dict[str, PropertySettings] = field(default_factory=dict)
    outputs: Dict[str, PropertySettings] = field(default_factory=dict)
    template: TemplateSettings = field(default_factory=TemplateSettings)
    file: Union[str, Path] = ""
    content: str = ""

    def to_safe_dict(self) -> Dict[str, Any]:
        """Return the model, template, inputs, outputs and file as plain data, secrets masked.

        A top-level ``model.configuration`` value whose key contains ``key`` or ``secret`` (in any
        case) is replaced by as many ``*`` as it has characters.

        :return: A dict safe to log or trace.
        :rtype: dict[str, ~typing.Any]
        """
        model = asdict(self.model)
        model["configuration"] = {
            name: _mask(value) if _is_secret(name) else value for name, value in model["configuration"].items()
        }
        safe: Dict[str, Any] = {"model": model, "template": asdict(self.template)}
        if self.inputs:
            safe["inputs"] = {name: asdict(value) for name, value in self.inputs.items()}
        if self.outputs:
            safe["outputs"] = {name: asdict(value) for name, value in self.outputs.items()}
        safe["file"] = Path(self.file).as_posix()
        return safe


def _is_secret(name: Any) -> bool:
    return any(marker in str(name).lower() for marker in _SECRET_MARKERS)


def _mask(value: Any) -> str:
    return "*" * len(str(value))
