"""Build a JSON value that satisfies a (simple) JSON schema, using words of the question for strings."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional

_CANDIDATE = re.compile(r"\b(?:[A-Z][\w-]*|\d+(?:\.\d+)?)")
_WORD = re.compile(r"[A-Za-z][\w-]*")
_MAX_DEPTH = 8

STRING_FORMATS = {
    "date": "2024-05-31",
    "date-time": "2024-05-31T16:08:37Z",
    "time": "16:08:37Z",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "uuid": "00000000-0000-4000-8000-000000000000",
}


class StringSupply:
    """Strings taken from a question, in order: capitalised words (not the first word) and numbers.

    When those run out the first one is reused; with none at all, the longest word of the question
    (or ``"value"``) is used.
    """

    def __init__(self, question: str) -> None:
        first_word = _WORD.search(question)
        start = first_word.end() if first_word else 0
        self._candidates = _CANDIDATE.findall(question[start:])
        words = _WORD.findall(question)
        self._fallback = max(words, key=len) if words else "value"
        self._used = 0

    def next(self) -> str:
        """The next string."""
        if self._used < len(self._candidates):
            self._used += 1
            return str(self._candidates[self._used - 1])
        return str(self._candidates[0]) if self._candidates else self._fallback


def value_for_schema(schema: Any, strings: StringSupply, *, include_optional: bool = True) -> Any:
    """A value valid against ``schema``.

    Supports ``type`` (also lists), ``const``, ``enum`` (first value), ``properties``/``required``,
    ``items``/``prefixItems``/``minItems`` (one item by default), ``minimum``/``maximum``,
    ``minLength``/``maxLength``, string ``format``, ``anyOf``/``oneOf`` (first option), ``allOf``
    (merged), and local ``$ref`` into ``$defs``/``definitions``. Objects get their required properties,
    plus the optional ones when ``include_optional`` (or when nothing is required). Strings come from
    ``strings``, integers and numbers are 1 (clamped to the bounds), booleans ``true``.
    """
    return _Builder(schema if isinstance(schema, dict) else {}, strings, include_optional).build(schema, 0)


class _Builder:
    def __init__(self, root: Dict[str, Any], strings: StringSupply, include_optional: bool) -> None:
        self._root = root
        self._strings = strings
        self._include_optional = include_optional

    def build(self, schema: Any, depth: int) -> Any:
        schema = self._resolve(schema if isinstance(schema, dict) else {}, depth)
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            return schema["enum"][0]
        kind = _schema_type(schema)
        if kind == "object":
            return self._object(schema, depth)
        if kind == "array":
            return self._array(schema, depth)
        return self._scalar(kind, schema)

    def _resolve(self, schema: Dict[str, Any], depth: int) -> Dict[str, Any]:
        for _ in range(_MAX_DEPTH):
            if isinstance(schema.get("$ref"), str):
                schema = {**self._lookup(schema["$ref"]), **{k: v for k, v in schema.items() if k != "$ref"}}
            elif schema.get("anyOf") or schema.get("oneOf"):
                options = list(schema.get("anyOf") or schema.get("oneOf") or [])
                rest = {k: v for k, v in schema.items() if k not in ("anyOf", "oneOf")}
                schema = {**rest, **_first_non_null(options)}
            elif schema.get("allOf"):
                schema = _merge_all_of(schema, [self._resolve(part, depth) for part in schema["allOf"]])
            else:
                return schema
        return schema

    def _lookup(self, reference: str) -> Dict[str, Any]:
        node: Any = self._root
        for part in reference.lstrip("#").strip("/").split("/") if reference != "#" else []:
            node = node.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(node, dict) else {}
        return node if isinstance(node, dict) else {}

    def _object(self, schema: Dict[str, Any], depth: int) -> Dict[str, Any]:
        properties: Mapping[str, Any] = schema.get("properties") or {}
        required: List[str] = list(schema.get("required") or [])
        names = list(properties) if self._include_optional or not required else [n for n in properties if n in required]
        names += [name for name in required if name not in names]
        if depth >= _MAX_DEPTH:
            names = required
        return {name: self.build(properties.get(name, {"type": "string"}), depth + 1) for name in names}

    def _array(self, schema: Dict[str, Any], depth: int) -> List[Any]:
        prefix = schema.get("prefixItems") or []
        minimum = int(schema.get("minItems", 0))
        count = max(1, minimum, len(prefix)) if depth < _MAX_DEPTH else minimum
        items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        return [self.build(prefix[i] if i < len(prefix) else items, depth + 1) for i in range(count)]

    def _scalar(self, kind: Optional[str], schema: Dict[str, Any]) -> Any:
        if kind in ("integer", "number"):
            return _clamped_one(schema, kind)
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return _fit_length(STRING_FORMATS.get(str(schema.get("format")), None) or self._strings.next(), schema)


def _schema_type(schema: Dict[str, Any]) -> Optional[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), kind[0] if kind else None)
    if kind is None and "properties" in schema:
        return "object"
    if kind is None and ("items" in schema or "prefixItems" in schema):
        return "array"
    return kind if isinstance(kind, str) else None


def _first_non_null(options: List[Any]) -> Dict[str, Any]:
    dicts = [option for option in options if isinstance(option, dict)]
    return next((option for option in dicts if option.get("type") != "null"), dicts[0] if dicts else {})


def _merge_all_of(schema: Dict[str, Any], parts: List[Dict[str, Any]]) -> Dict[str, Any]:
    merged: Dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        properties = {**merged.get("properties", {}), **part.get("properties", {})}
        required = list(dict.fromkeys([*merged.get("required", []), *part.get("required", [])]))
        merged = {**part, **merged, "properties": properties, "required": required}
    return merged


def _clamped_one(schema: Dict[str, Any], kind: str) -> Any:
    value: float = 1
    step = 1 if kind == "integer" else 0.5
    if "minimum" in schema:
        value = max(value, schema["minimum"])
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        value = schema["exclusiveMinimum"] + step
    if "maximum" in schema:
        value = min(value, schema["maximum"])
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        value = schema["exclusiveMaximum"] - step
    return int(value) if kind == "integer" and float(value).is_integer() else value


def _fit_length(text: str, schema: Dict[str, Any]) -> str:
    minimum, maximum = int(schema.get("minLength", 0)), schema.get("maxLength")
    if len(text) < minimum:
        text = text + "x" * (minimum - len(text))
    return text[: int(maximum)] if maximum is not None else text
