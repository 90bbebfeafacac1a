"""``response_format``: the OpenAI dict forms, pydantic classes and their strict JSON schema."""

from __future__ import annotations

import copy
import enum
import json
from typing import Any, Dict, List, Optional

import pydantic
import pytest

from azure.ai.inference._sansio.json_schema import strict_json_schema
from azure.ai.inference._sansio.response_format import output_type_of, response_format_to_wire, schema_name
from azure.ai.inference.models import JsonSchemaFormat, UserMessage

from tests.flavors import resolve

RECIPE_SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "minutes": {"type": "integer"}},
    "required": ["title", "minutes"],
    "additionalProperties": False,
}
JSON_SCHEMA_DICT = {
    "type": "json_schema",
    "json_schema": {"name": "Recipe", "schema": RECIPE_SCHEMA, "description": "A recipe", "strict": True},
}

MINIMAL_JSON_SCHEMA_DICT = {"type": "json_schema", "json_schema": {"name": "n", "schema": {}}}


def wire(value: Any) -> Any:
    converted = response_format_to_wire(value)
    return None if converted is None else converted.as_dict()


@pytest.mark.parametrize(
    "value, expected",
    [
        ({"type": "text"}, {"type": "text"}),
        ({"type": "json_object"}, {"type": "json_object"}),
        ("text", {"type": "text"}),
        ("json_object", {"type": "json_object"}),
        (JSON_SCHEMA_DICT, JSON_SCHEMA_DICT),
        (MINIMAL_JSON_SCHEMA_DICT, MINIMAL_JSON_SCHEMA_DICT),
        (None, None),
    ],
)
def test_response_format_forms_to_wire(value, expected):
    assert wire(value) == expected


def test_json_schema_dict_and_model_send_same_wire_form():
    model = JsonSchemaFormat(name="Recipe", schema=RECIPE_SCHEMA, description="A recipe", strict=True)
    assert json.dumps(wire(model)) == json.dumps(wire(JSON_SCHEMA_DICT))


def test_json_schema_dict_is_copied():
    given: Dict[str, Any] = copy.deepcopy(JSON_SCHEMA_DICT)
    converted = wire(given)
    given["json_schema"]["schema"]["properties"]["title"]["type"] = "integer"
    assert converted == JSON_SCHEMA_DICT


@pytest.mark.parametrize(
    "value, reason",
    [
        ({"type": "xml"}, 'expected {"type": "text"}'),
        ({}, 'expected {"type": "text"}'),
        ({"type": "text", "extra": 1}, 'expected {"type": "text"}'),
        ({"type": "json_schema"}, 'expected {"type": "text"}'),
        ({"type": "json_schema", "json_schema": "Recipe"}, "'json_schema' must be an object"),
        ({"type": "json_schema", "json_schema": {"schema": {}}}, "'json_schema' needs a non-empty string 'name'"),
        ({"type": "json_schema", "json_schema": {"name": "", "schema": {}}}, "non-empty string 'name'"),
        ({"type": "json_schema", "json_schema": {"name": "n"}}, "'json_schema' needs a 'schema' object"),
        ({"type": "json_schema", "json_schema": {"name": "n", "schema": []}}, "needs a 'schema' object"),
        ({"type": "json_schema", "json_schema": {"name": "n", "schema": {}, "strict": "yes"}}, "must be a boolean"),
        ({"type": "json_schema", "json_schema": {"name": "n", "schema": {}, "description": 1}}, "must be a string"),
        (
            {"type": "json_schema", "json_schema": {"name": "n", "schema": {}, "format": 1}},
            "unknown 'json_schema' keys ['format']",
        ),
    ],
)
def test_bad_dict_raises_value_error_naming_response_format(value, reason):
    with pytest.raises(ValueError) as caught:
        response_format_to_wire(value)
    assert str(caught.value).startswith(f"Unsupported `response_format` {value}: ")
    assert reason in str(caught.value)


class Plain:
    pass


@pytest.mark.parametrize("value", ["JSON_OBJECT", "json_schema", 5, Plain, int, Plain()])
def test_other_values_keep_the_original_message(value):
    with pytest.raises(ValueError) as caught:
        response_format_to_wire(value)
    assert str(caught.value) == f"Unsupported `response_format` {value}"


def test_constructor_rejects_bad_dict_before_any_request(clients, emulator):
    with pytest.raises(ValueError, match="Unsupported `response_format`"):
        clients.chat(response_format={"type": "json_schema", "json_schema": {}})
    assert emulator.requests == []


# ---- pydantic classes ----------------------------------------------------------------------------


class Color(str, enum.Enum):
    RED = "red"
    GREEN = "green"


class Part(pydantic.BaseModel):
    """A part."""

    name: str
    weight: Optional[float] = None


class Widget(pydantic.BaseModel):
    title: str
    color: Color = Color.RED
    parts: List[Part]
    main: Part = pydantic.Field(description="The main part")
    labels: Dict[str, int] = {}


def test_output_type_of_pydantic_class_only():
    assert (output_type_of(Widget), output_type_of(Widget(title="t", parts=[], main=Part(name="p")))) == (Widget, None)
    assert (output_type_of(dict), output_type_of("text"), output_type_of(None)) == (None, None, None)


def test_pydantic_class_sends_its_strict_schema():
    converted = wire(Widget)
    assert converted == {
        "type": "json_schema",
        "json_schema": {"name": "Widget", "schema": strict_json_schema(Widget.model_json_schema()), "strict": True},
    }
    schema = converted["json_schema"]["schema"]
    assert schema["required"] == ["title", "color", "parts", "main", "labels"]
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Part"]["required"] == ["name", "weight"]
    assert schema["$defs"]["Part"]["additionalProperties"] is False


def test_strict_schema_inlines_refs_with_siblings_and_drops_defaults():
    schema = strict_json_schema(Widget.model_json_schema())
    main, color = schema["properties"]["main"], schema["properties"]["color"]
    assert (main["description"], main["title"], main["required"], main["additionalProperties"]) == (
        "The main part",
        "Part",
        ["name", "weight"],
        False,
    )
    assert color == {"enum": ["red", "green"], "title": "Color", "type": "string"}
    assert "default" not in json.dumps(schema)
    assert schema["properties"]["parts"]["items"] == {"$ref": "#/$defs/Part"}


def test_strict_schema_keeps_typed_additional_properties():
    schema = strict_json_schema(Widget.model_json_schema())
    labels = {"additionalProperties": {"type": "integer"}, "title": "Labels", "type": "object"}
    assert schema["properties"]["labels"] == labels


class Node(pydantic.BaseModel):
    value: int
    child: Optional["Node"] = pydantic.Field(default=None, description="The next node")


def test_strict_schema_of_recursive_model_keeps_a_ref():
    schema = strict_json_schema(Node.model_json_schema())
    assert schema["required"] == ["value", "child"]
    assert schema["properties"]["child"]["anyOf"][0] == {"$ref": "#/$defs/Node"}
    assert schema["$defs"]["Node"]["additionalProperties"] is False


def test_strict_schema_does_not_modify_its_input_and_flattens_single_all_of():
    given = {"type": "object", "properties": {"a": {"allOf": [{"$ref": "#/$defs/A"}], "description": "d"}},
             "$defs": {"A": {"type": "object", "properties": {"x": {"type": "string", "default": "y"}}}}}  # fmt: skip
    before = copy.deepcopy(given)
    strict = strict_json_schema(given)
    assert given == before
    assert strict["properties"]["a"] == {
        "type": "object",
        "properties": {"x": {"type": "string"}},
        "description": "d",
        "additionalProperties": False,
        "required": ["x"],
    }


def test_strict_schema_leaves_external_refs_alone():
    given = {"type": "object", "properties": {"a": {"$ref": "https://example/schema", "description": "d"}}}
    assert strict_json_schema(given)["properties"]["a"] == {"$ref": "https://example/schema", "description": "d"}


@pytest.mark.parametrize(
    "class_name, expected",
    [("Widget", "Widget"), ("Wid get.v2", "Wid_get_v2"), ("Ä" + "x" * 70, "_" + "x" * 63)],
)
def test_schema_name_is_sanitized(class_name, expected):
    assert schema_name(type(class_name, (), {})) == expected


# ---- on the wire ---------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/v1", "/openai/deployments/gpt-4o"])
async def test_dict_json_schema_is_sent_and_answered(clients, emulator, prefix):
    chat = clients.chat(emulator.url + prefix)
    result = await resolve(chat.complete(messages=[UserMessage("Give me a recipe")], response_format=JSON_SCHEMA_DICT))
    assert emulator.last_request.json()["response_format"] == JSON_SCHEMA_DICT
    assert emulator.last_request.header("extra-parameters") is None
    assert set(json.loads(result.choices[0].message.content)) == {"title", "minutes"}


async def test_dict_json_object_as_client_default(clients, emulator):
    chat = clients.chat(response_format={"type": "json_object"})
    result = await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert emulator.last_request.json()["response_format"] == {"type": "json_object"}
    assert "answer" in json.loads(result.choices[0].message.content)
