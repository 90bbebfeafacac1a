"""Values generated from JSON schemas (json_schema answers and tool arguments) validate."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from tests.emulator.json_values import StringSupply, value_for_schema

from .schema_check import schema_errors

PERSON = {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 18}},
          "required": ["name", "age"], "additionalProperties": False}

STRINGS = {"type": "array", "items": {"type": "string"}}
PEOPLE = {"type": "array", "items": {"$ref": "#/$defs/p"}}
NODE = {
    "type": "object",
    "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
    "required": ["children"],
}
FORMATS = {"d": {"type": "string", "format": "date"}, "m": {"type": "string", "format": "email"}}

SCHEMAS: Dict[str, Dict[str, Any]] = {
    "nested": {"type": "object", "properties": {"owner": PERSON, "tags": STRINGS}, "required": ["owner", "tags"]},
    "defs_ref": {"type": "object", "$defs": {"p": PERSON}, "properties": {"people": PEOPLE}, "required": ["people"]},
    "definitions_ref": {"definitions": {"p": PERSON}, "$ref": "#/definitions/p"},
    "any_of": {
        "type": "object",
        "properties": {"v": {"anyOf": [{"type": "null"}, {"type": "number", "maximum": 0.5}]}},
        "required": ["v"],
    },
    "one_of": {"oneOf": [{"type": "string", "maxLength": 3}, {"type": "integer"}]},
    "all_of": {
        "allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
            {"properties": {"b": {"type": "boolean"}}, "required": ["b"]},
        ]
    },
    "enum_const": {
        "type": "object",
        "properties": {"e": {"enum": ["x", "y"]}, "c": {"const": 7}},
        "required": ["e", "c"],
    },
    "type_list": {"type": ["null", "integer"], "exclusiveMinimum": 3},
    "bounds": {"type": "array", "minItems": 3, "items": {"type": "string", "minLength": 12}},
    "prefix_items": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "boolean"}]},
    "formats": {"type": "object", "properties": FORMATS, "required": ["d", "m"]},
    "recursive": {"$defs": {"node": NODE}, "$ref": "#/$defs/node"},
    "empty": {},
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_generated_value_validates(name):
    schema = SCHEMAS[name]
    value = value_for_schema(schema, StringSupply("Compare Paris and Rome in 2024"))
    assert schema_errors(value, schema) == []


def test_strings_come_from_capitalised_words_then_numbers_in_order():
    supply = StringSupply("What is the distance between Seattle and Portland in 2024?")
    assert [supply.next() for _ in range(4)] == ["Seattle", "Portland", "2024", "Seattle"]


def test_string_supply_falls_back_to_the_longest_word():
    assert StringSupply("what is the temperature").next() == "temperature"
    assert StringSupply("").next() == "value"


def test_optional_properties_only_when_asked():
    schema = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a"]}
    strings = StringSupply("Hi Bob")
    assert value_for_schema(schema, strings, include_optional=False) == {"a": "Bob"}
    assert value_for_schema(schema, StringSupply("Hi Bob")) == {"a": "Bob", "b": 1}


def test_recursive_schema_terminates_with_bounded_depth():
    value = value_for_schema(SCHEMAS["recursive"], StringSupply("x"))
    depth = 0
    while value["children"]:
        value, depth = value["children"][0], depth + 1
    assert 0 < depth <= 8
