"""A tiny JSON-schema checker for the emulator's json_schema answers (no third-party dependency).

Covers: type (incl. lists), enum, const, properties, required, additionalProperties=false, items,
prefixItems, minItems/maxItems, minimum/maximum (+exclusive), minLength/maxLength, anyOf/oneOf/allOf,
and local $ref.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def schema_errors(value: Any, schema: Dict[str, Any], root: Any = None, where: str = "$") -> List[str]:
    """Every violation of ``schema`` by ``value`` (empty when valid)."""
    root = schema if root is None else root
    if "$ref" in schema:
        return schema_errors(value, _lookup(root, schema["$ref"]), root, where)
    errors: List[str] = []
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema and all(schema_errors(value, option, root, where) for option in schema[keyword]):
            errors.append(f"{where}: matches no {keyword} option")
    for part in schema.get("allOf", []):
        errors += schema_errors(value, part, root, where)
    errors += _check_scalar(value, schema, where)
    if isinstance(value, dict):
        errors += _check_object(value, schema, root, where)
    if isinstance(value, list):
        errors += _check_array(value, schema, root, where)
    return errors


def _lookup(root: Any, reference: str) -> Dict[str, Any]:
    node = root
    for part in reference.lstrip("#").strip("/").split("/"):
        node = node[part]
    return node  # type: ignore[no-any-return]


def _check_scalar(value: Any, schema: Dict[str, Any], where: str) -> List[str]:
    errors = []
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if kinds and not any(_TYPES[kind](value) for kind in kinds):
        errors.append(f"{where}: {value!r} is not of type {kinds}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in enum")
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} != const")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        errors += _check_bounds(value, schema, where)
    if isinstance(value, str) and not schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value)):
        errors.append(f"{where}: length of {value!r} out of bounds")
    return errors


def _check_bounds(value: float, schema: Dict[str, Any], where: str) -> List[str]:
    checks: List[Tuple[str, Callable[[float], bool]]] = [
        ("minimum", lambda limit: value >= limit),
        ("maximum", lambda limit: value <= limit),
        ("exclusiveMinimum", lambda limit: value > limit),
        ("exclusiveMaximum", lambda limit: value < limit),
    ]
    return [f"{where}: {value} violates {name}" for name, ok in checks if name in schema and not ok(schema[name])]


def _check_object(value: Dict[str, Any], schema: Dict[str, Any], root: Any, where: str) -> List[str]:
    properties = schema.get("properties", {})
    errors = [f"{where}: missing {name!r}" for name in schema.get("required", []) if name not in value]
    if schema.get("additionalProperties") is False:
        errors += [f"{where}: extra {name!r}" for name in value if name not in properties]
    for name, item in value.items():
        if name in properties:
            errors += schema_errors(item, properties[name], root, f"{where}.{name}")
    return errors


def _check_array(value: List[Any], schema: Dict[str, Any], root: Any, where: str) -> List[str]:
    errors = []
    if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
        errors.append(f"{where}: {len(value)} items out of bounds")
    prefix = schema.get("prefixItems", [])
    for index, item in enumerate(value):
        item_schema = prefix[index] if index < len(prefix) else schema.get("items", {})
        errors += schema_errors(item, item_schema, root, f"{where}[{index}]")
    return errors
