"""Prepare an official OpenAPI document of ``tests/data/spec/openapi`` for Prism, in memory.

Prism validates requests with a JSON-Schema validator that reads Swagger 2.0 schemas literally. Four
mechanical changes make it check what the document means; none makes the contract looser:

1. ``x-ms-examples`` are removed: they point at example files in a folder layout that differs from
   the one saved in ``tests/data/spec/openapi`` (``./examples/X.json``), and Prism would fail to resolve them. They are
   documentation, not contract.
2. The operations' ``default`` (error) responses are removed. With them, Prism answers an invalid
   request with a mock error body generated from that schema (which fails its own response check and
   hides the request violations behind a 500); without them it answers 422 with the list of request
   violations, which the tests report.
3. Polymorphism is made explicit. Swagger 2.0 expresses it with a ``discriminator`` on a base schema
   and subtypes that extend it with ``allOf`` and name their ``x-ms-discriminator-value``. A plain
   JSON-Schema validator checks a ``$ref`` to the base against the base's properties only, so a tool
   message without ``tool_call_id`` or a ``json_schema`` response format without ``json_schema`` would
   pass. Each reference to such a base (outside the subtypes' own ``allOf``) is therefore pointed at a
   ``oneOf``: every subtype with its discriminator fixed to its value, or the base itself for a
   discriminator value that no subtype claims (as the ``developer`` role has no subtype), which is how
   Swagger 2.0 defines an unknown discriminator value.
4. ``ChatRequestUserMessage.content`` is declared without any type (``{}``) although its description
   and the ``ChatMessageContentItem`` hierarchy say "a string or a list of content items". It is typed
   as ``string`` or ``array`` of ``ChatMessageContentItem`` (polymorphic as in 3.), so that the content
   items the SDK sends are validated too.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List

JSON = Dict[str, Any]
POLYMORPHIC_SUFFIX = ".AnyKnownSubtype"
DEFINITIONS = "#/definitions/"


def subtypes_by_base(definitions: JSON) -> Dict[str, List[str]]:
    """Base schema name -> names of the schemas that extend it with a discriminator value."""
    bases = {name for name, schema in definitions.items() if "discriminator" in schema}
    found: Dict[str, List[str]] = {base: [] for base in bases}
    for name, schema in definitions.items():
        for part in schema.get("allOf", []):
            parent = part.get("$ref", "").rsplit("/", 1)[-1]
            if parent in bases and "x-ms-discriminator-value" in schema:
                found[parent].append(name)
    return {base: names for base, names in found.items() if names}


def _polymorphic_schema(definitions: JSON, base: str, subtypes: List[str]) -> JSON:
    """``oneOf``: each subtype with its discriminator value fixed, or the base for any other value."""
    discriminator = definitions[base]["discriminator"]
    claimed = [definitions[name]["x-ms-discriminator-value"] for name in subtypes]
    options: List[JSON] = []
    for name, value in zip(subtypes, claimed):
        fixed = {"type": "object", "properties": {discriminator: {"type": "string", "enum": [value]}}}
        options.append({"allOf": [{"$ref": DEFINITIONS + name}, fixed]})
    unclaimed = {"type": "object", "properties": {discriminator: {"not": {"enum": claimed}}}}
    options.append({"allOf": [{"$ref": DEFINITIONS + base}, unclaimed]})
    return {"oneOf": options}


def _rewrite(value: Any, polymorphic: Dict[str, str], in_all_of: bool = False) -> Any:
    """Drop ``x-ms-examples``; point references to polymorphic bases at their ``oneOf``."""
    if isinstance(value, list):
        return [_rewrite(item, polymorphic, in_all_of) for item in value]
    if not isinstance(value, dict):
        return value
    rewritten: JSON = {}
    for key, item in value.items():
        if key == "x-ms-examples":
            continue
        if key == "$ref" and not in_all_of and item.rsplit("/", 1)[-1] in polymorphic:
            item = DEFINITIONS + polymorphic[item.rsplit("/", 1)[-1]]
        rewritten[key] = _rewrite(item, polymorphic, key == "allOf")
    return rewritten


def _drop_default_responses(document: JSON) -> None:
    for path_item in document["paths"].values():
        for operation in path_item.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].pop("default", None)


def prepare_for_prism(official: JSON) -> JSON:
    """A copy of ``official`` with the four changes of the module docstring applied."""
    document = copy.deepcopy(official)
    definitions = document["definitions"]
    hierarchy = subtypes_by_base(definitions)
    definitions["ChatRequestUserMessage"]["properties"]["content"] = {
        "description": definitions["ChatRequestUserMessage"]["properties"]["content"].get("description", ""),
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"$ref": DEFINITIONS + "ChatMessageContentItem"}}],
    }
    polymorphic = {base: base + POLYMORPHIC_SUFFIX for base in hierarchy}
    prepared: JSON = _rewrite(document, polymorphic)
    for base, subtypes in hierarchy.items():
        prepared["definitions"][polymorphic[base]] = _polymorphic_schema(prepared["definitions"], base, subtypes)
    _drop_default_responses(prepared)
    return prepared
