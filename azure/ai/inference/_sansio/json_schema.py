"""A JSON schema made fit for strict structured outputs (OpenAI's strict mode rules).

Strict mode wants every object closed (``additionalProperties: false``) with all of its properties
required (optional values are expressed as ``anyOf [..., {"type": "null"}]``), no ``default``, and no
``$ref`` with sibling keywords. ``strict_json_schema`` returns a new schema with those rules applied
everywhere, ``$defs``/``definitions`` included; the input is not modified.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, FrozenSet, Mapping, Tuple

__all__ = ["strict_json_schema"]

_SCHEMA_MAPS = ("$defs", "definitions", "properties")
_SCHEMA_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")
_SCHEMA_VALUES = ("items", "additionalProperties", "not")


def strict_json_schema(schema: Mapping[str, Any]) -> Dict[str, Any]:
    """Return a copy of ``schema`` with strict mode's rules applied to every (sub)schema.

    :param schema: A JSON schema object, as produced by pydantic's ``model_json_schema()``.
    :type schema: Mapping[str, Any]
    :return: The strict schema.
    :rtype: dict[str, Any]
    """
    original = copy.deepcopy(dict(schema))
    strict: Dict[str, Any] = _strict(copy.deepcopy(original), original, frozenset())
    return strict


def _strict(node: Any, root: Dict[str, Any], inlining: FrozenSet[str]) -> Any:
    if not isinstance(node, dict):
        return node
    node, inlining = _inline_ref_with_siblings(_flatten_single_all_of(node), root, inlining)
    node.pop("default", None)
    _strict_subschemas(node, root, inlining)
    if node.get("type") == "object" or "properties" in node:
        node.setdefault("additionalProperties", False)
        if isinstance(node.get("properties"), dict):
            node["required"] = list(node["properties"])
    return node


def _strict_subschemas(node: Dict[str, Any], root: Dict[str, Any], inlining: FrozenSet[str]) -> None:
    for key in _SCHEMA_MAPS:
        if isinstance(node.get(key), dict):
            node[key] = {name: _strict(sub, root, inlining) for name, sub in node[key].items()}
    for key in _SCHEMA_LISTS:
        if isinstance(node.get(key), list):
            node[key] = [_strict(sub, root, inlining) for sub in node[key]]
    for key in _SCHEMA_VALUES:
        if isinstance(node.get(key), dict):
            node[key] = _strict(node[key], root, inlining)


def _inline_ref_with_siblings(
    node: Dict[str, Any], root: Dict[str, Any], inlining: FrozenSet[str]
) -> Tuple[Dict[str, Any], FrozenSet[str]]:
    """Replace ``{"$ref": r, ...siblings}`` by the referenced schema updated with the siblings.

    A reference already being inlined (a recursive type) stays a plain ``$ref``; a reference that
    cannot be resolved locally is left as it is.
    """
    ref = node.get("$ref")
    if not isinstance(ref, str) or len(node) == 1:
        return node, inlining
    target = _resolve(ref, root)
    if target is None:
        return node, inlining
    if ref in inlining:
        return {"$ref": ref}, inlining
    merged = copy.deepcopy(target)
    merged.update((key, value) for key, value in node.items() if key != "$ref")
    return merged, inlining | {ref}


def _resolve(ref: str, root: Dict[str, Any]) -> Any:
    if not ref.startswith("#/"):
        return None
    target: Any = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        target = target.get(part) if isinstance(target, dict) else None
    return target if isinstance(target, dict) else None


def _flatten_single_all_of(node: Dict[str, Any]) -> Dict[str, Any]:
    parts = node.get("allOf")
    if not isinstance(parts, list) or len(parts) != 1 or not isinstance(parts[0], dict):
        return node
    flattened = {key: value for key, value in node.items() if key != "allOf"}
    return {**parts[0], **flattened}
