"""``FunctionDefinition.from_function``: JSON schemas from type hints and docstrings."""

from __future__ import annotations

import datetime
import enum
import functools
import json
import operator
import sys
from typing import Annotated, Any, Dict, FrozenSet, List, Literal, Mapping, Optional, Sequence, Set, Tuple, Union

import pydantic
import pytest

from azure.ai.inference.models import (
    ChatCompletionsToolDefinition,
    FunctionDefinition,
    ToolMessage,
    UserMessage,
)
from azure.ai.inference.models._docstring import parse_docstring
from azure.ai.inference.models._function_schema import schema_for_type

from tests.flavors import resolve


class Unit(str, enum.Enum):
    CELSIUS = "celsius"
    FAHRENHEIT = "fahrenheit"


class Level(enum.Enum):
    LOW = 1
    HIGH = 2


class Place(pydantic.BaseModel):
    """A place on Earth."""

    city: str
    country: Optional[str] = None


def get_weather(city: str, days: int = 1, unit: Unit = Unit.CELSIUS, detailed: bool = False) -> str:
    """Get the weather forecast for a city.

    Uses the nearest station.

    :param city: The city name, for example Paris.
    :param days: How many days to
        forecast.
    :type days: int
    :param unit: The temperature unit.
    :return: The forecast.
    """
    return f"{city}: sunny"


def test_from_function_builds_name_description_and_parameters():
    definition = FunctionDefinition.from_function(get_weather)
    assert definition.as_dict() == {
        "name": "get_weather",
        "description": "Get the weather forecast for a city.\n\nUses the nearest station.",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "The city name, for example Paris."},
                "days": {"type": "integer", "description": "How many days to forecast.", "default": 1},
                "unit": {
                    "type": "string",
                    "enum": ["celsius", "fahrenheit"],
                    "description": "The temperature unit.",
                    "default": "celsius",
                },
                "detailed": {"type": "boolean", "default": False},
            },
            "required": ["city"],
        },
    }


def search(query: str, limit: Optional[int] = None, *args: Any, **kwargs: Any) -> List[str]:
    """Search the catalogue.

    Args:
        query (str): What to look for,
            in plain words.
        limit: At most this many results.

    Returns:
        list[str]: The titles.
    """
    return []


def test_google_style_docstring_and_var_arguments_left_out():
    definition = FunctionDefinition.from_function(search)
    assert definition.description == "Search the catalogue."
    assert definition.parameters == {
        "type": "object",
        "properties": {
            "query": {"type": "string", "description": "What to look for, in plain words."},
            "limit": {
                "anyOf": [{"type": "integer"}, {"type": "null"}],
                "description": "At most this many results.",
                "default": None,
            },
        },
        "required": ["query"],
    }


def test_name_and_description_can_be_given():
    definition = FunctionDefinition.from_function(get_weather, name="weather", description="Weather.")
    assert (definition.name, definition.description) == ("weather", "Weather.")


def test_function_without_docstring_or_parameters():
    def ping():
        return None

    expected = {"name": "ping", "parameters": {"type": "object", "properties": {}}}
    assert FunctionDefinition.from_function(ping).as_dict() == expected


def test_nested_pydantic_parameter_goes_to_defs():
    def book(place: Place, guests: List[Place]) -> None:
        """Book a table."""

    parameters = FunctionDefinition.from_function(book)["parameters"]
    assert parameters["properties"] == {
        "place": {"$ref": "#/$defs/Place"},
        "guests": {"type": "array", "items": {"$ref": "#/$defs/Place"}},
    }
    assert parameters["$defs"]["Place"] == Place.model_json_schema()


def test_pydantic_model_class_as_the_function():
    definition = FunctionDefinition.from_function(Place)
    schema = Place.model_json_schema()
    del schema["title"], schema["description"]
    assert (definition.name, definition.description, definition.parameters) == ("Place", "A place on Earth.", schema)


def test_method_drops_self():
    class Shop:
        def order(self, item: str, count: int = 1) -> None:
            """Order an item."""

    definition = FunctionDefinition.from_function(Shop().order)
    assert (definition.name, list(definition["parameters"]["properties"])) == ("order", ["item", "count"])


def test_unsupported_hint_names_the_parameter():
    def upload(data: bytes) -> None:
        """Upload."""

    with pytest.raises(TypeError, match="^Parameter 'data': cannot describe the type <class 'bytes'> as JSON schema$"):
        FunctionDefinition.from_function(upload)


def test_non_callable_is_rejected():
    with pytest.raises(TypeError, match="'function' must be a function or a pydantic model class, got int"):
        FunctionDefinition.from_function(5)  # type: ignore[arg-type]


def test_partial_is_rejected_with_type_error():
    with pytest.raises(TypeError):
        FunctionDefinition.from_function(functools.partial(get_weather, "Paris"))


OPTIONAL_INT = {"anyOf": [{"type": "integer"}, {"type": "null"}]}
TYPE_TABLE = [
    (str, {"type": "string"}),
    (int, {"type": "integer"}),
    (float, {"type": "number"}),
    (bool, {"type": "boolean"}),
    (None, {"type": "null"}),
    (type(None), {"type": "null"}),
    (Any, {}),
    (list, {"type": "array"}),
    (List[int], {"type": "array", "items": {"type": "integer"}}),
    (list[str], {"type": "array", "items": {"type": "string"}}),
    (Sequence[float], {"type": "array", "items": {"type": "number"}}),
    (Set[str], {"type": "array", "items": {"type": "string"}, "uniqueItems": True}),
    (FrozenSet[int], {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}),
    (Tuple[int, ...], {"type": "array", "items": {"type": "integer"}}),
    (
        Tuple[int, str],
        {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "minItems": 2, "maxItems": 2},
    ),
    (dict, {"type": "object"}),
    (Dict[str, Any], {"type": "object"}),
    (Dict[str, int], {"type": "object", "additionalProperties": {"type": "integer"}}),
    (
        Mapping[str, List[str]],
        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    ),
    (Optional[str], {"anyOf": [{"type": "string"}, {"type": "null"}]}),
    (Union[int, str], {"anyOf": [{"type": "integer"}, {"type": "string"}]}),
    (Literal["a", "b"], {"type": "string", "enum": ["a", "b"]}),
    (Literal[1, 2], {"type": "integer", "enum": [1, 2]}),
    (Literal[1, "a"], {"enum": [1, "a"]}),
    (Unit, {"type": "string", "enum": ["celsius", "fahrenheit"]}),
    (Level, {"type": "integer", "enum": [1, 2]}),
    (datetime.datetime, {"type": "string", "format": "date-time"}),
    (datetime.date, {"type": "string", "format": "date"}),
    (Annotated[int, "How many"], {"type": "integer", "description": "How many"}),
    *([(operator.or_(int, None), OPTIONAL_INT)] if sys.version_info >= (3, 10) else []),
    (
        Annotated[Optional[Unit], 3, "Unit"],
        {"anyOf": [{"type": "string", "enum": ["celsius", "fahrenheit"]}, {"type": "null"}], "description": "Unit"},
    ),
]


@pytest.mark.parametrize("hint, expected", TYPE_TABLE, ids=[str(row[0]) for row in TYPE_TABLE])
def test_schema_for_type(hint, expected):
    defs: Dict[str, Any] = {}
    assert (schema_for_type(hint, defs), defs) == (expected, {})


def test_annotated_description_wins_over_docstring():
    def f(x: Annotated[int, "From the hint"]) -> None:
        """F.

        :param x: From the docstring.
        """

    expected = {"type": "integer", "description": "From the hint"}
    assert FunctionDefinition.from_function(f)["parameters"]["properties"]["x"] == expected


@pytest.mark.parametrize(
    "text, description, params",
    [
        (None, None, {}),
        ("", None, {}),
        ("One line.", "One line.", {}),
        (
            "Summary\n   wrapped.\n\n:param a: A.\n:param str b: B\n  more.\n:keyword c: C.\n:rtype: int",
            "Summary wrapped.",
            {"a": "A.", "b": "B more.", "c": "C."},
        ),
        (
            "Do it.\n\nArgs:\n    a (int): A.\n\n    b: B\n        more.\nRaises:\n    ValueError: never.",
            "Do it.",
            {"a": "A.", "b": "B more."},
        ),
        ("Do it.\n\nKeyword Args:\n    **opts: Options.", "Do it.", {"opts": "Options."}),
        (":return: only fields", None, {}),
    ],
)
def test_parse_docstring(text, description, params):
    parsed = parse_docstring(text)
    assert (parsed.description, parsed.params) == (description, params)


# ---- with the emulator --------------------------------------------------------------------------


def get_capital(country: str) -> str:
    """Get the capital city of a country.

    :param country: The country, for example France.
    """
    return {"France": "Paris"}.get(country, "unknown")


@pytest.mark.parametrize("prefix", ["", "/v1"])
async def test_tool_from_function_round_trip(clients, emulator, prefix):
    tool = ChatCompletionsToolDefinition(function=FunctionDefinition.from_function(get_capital))
    chat = clients.chat(emulator.url + prefix, tools=[tool])
    question = UserMessage("What is the capital of France?")
    first = await resolve(chat.complete(messages=[question]))
    call = first.choices[0].message.tool_calls[0]
    answer = get_capital(**json.loads(call.function.arguments))
    sent_tool = emulator.last_request.json()["tools"][0]
    second = await resolve(
        chat.complete(messages=[question, first.choices[0].message, ToolMessage(answer, tool_call_id=call.id)])
    )
    assert sent_tool == {"function": FunctionDefinition.from_function(get_capital).as_dict(), "type": "function"}
    assert (call.function.name, answer) == ("get_capital", "Paris")
    assert second.choices[0].message.content == "According to the get_capital tool, the result is: Paris"
