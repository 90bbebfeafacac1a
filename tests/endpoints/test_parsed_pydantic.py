"""Structured outputs from a pydantic class: the request, ``message.parsed`` and the typed errors."""

from __future__ import annotations

import enum
import json
from typing import Any, Dict, List, Optional

import pydantic
import pytest

from azure.ai.inference._sansio.settings import ChatSettings
from azure.ai.inference.models import (
    ChatResponseMessage,
    ContentRefusalError,
    JsonSchemaFormat,
    LengthFinishReasonError,
    StructuredOutputError,
    StructuredOutputValidationError,
    SystemMessage,
    UserMessage,
)

from tests.emulator import Reply
from tests.flavors import collect, resolve

PREFIXES = ["", "/openai/deployments/gpt-4o", "/v1", "/openai/v1"]
PREFIX_IDS = ["model-inference", "aoai-deployment", "v1", "openai-v1"]


class Cuisine(str, enum.Enum):
    FRENCH = "french"
    ITALIAN = "italian"


class Ingredient(pydantic.BaseModel):
    name: str
    grams: Optional[float] = None
    organic: bool


class Recipe(pydantic.BaseModel):
    """A recipe from a city."""

    title: str
    cuisine: Cuisine
    ingredients: List[Ingredient]
    garnish: Optional[Ingredient] = None
    minutes: int


def reply_with(message: Dict[str, Any], finish_reason: str = "stop", index: int = 0) -> Reply:
    choice = {"index": index, "finish_reason": finish_reason, "message": {"role": "assistant", **message}}
    usage = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    return Reply(json={"id": "c", "created": 1, "model": "m", "choices": [choice], "usage": usage})


@pytest.mark.parametrize("prefix", PREFIXES, ids=PREFIX_IDS)
async def test_parsed_is_the_validated_nested_model(clients, emulator, prefix):
    chat = clients.chat(emulator.url + prefix)
    result = await resolve(chat.complete(messages=[UserMessage("A recipe from Paris please")], response_format=Recipe))
    recipe = result.choices[0].message.parsed
    assert isinstance(result.choices[0].message, ChatResponseMessage)
    assert isinstance(recipe, Recipe) and isinstance(recipe.ingredients[0], Ingredient)
    assert (recipe.title, recipe.cuisine, recipe.minutes) == ("Paris", Cuisine.FRENCH, 1)
    assert recipe.garnish is None or isinstance(recipe.garnish, Ingredient)
    assert recipe == Recipe.model_validate_json(result.choices[0].message.content)
    sent = emulator.last_request.json()["response_format"]
    assert (sent["type"], sent["json_schema"]["name"], sent["json_schema"]["strict"]) == ("json_schema", "Recipe", True)
    assert sent["json_schema"]["schema"]["required"] == ["title", "cuisine", "ingredients", "garnish", "minutes"]


async def test_every_choice_gets_parsed(clients, emulator):
    chat = clients.chat(response_format=Recipe)
    result = await resolve(chat.complete(messages=[UserMessage("A recipe from Rome")], model_extras={"n": 2}))
    parsed = [choice.message.parsed for choice in result.choices]
    assert [type(value) for value in parsed] == [Recipe, Recipe]
    assert [value.title for value in parsed] == ["Rome", "Rome"]


async def test_per_call_response_format_overrides_pydantic_default(clients, emulator):
    chat = clients.chat(response_format=Recipe)
    result = await resolve(chat.complete(messages=[UserMessage("hi")], response_format="text"))
    assert emulator.last_request.json()["response_format"] == {"type": "text"}
    assert result.choices[0].message.parsed is None


async def test_per_call_pydantic_overrides_json_schema_default(clients, emulator):
    default = JsonSchemaFormat(name="Other", schema={"type": "object", "properties": {}})
    chat = clients.chat(response_format=default)
    result = await resolve(chat.complete(messages=[UserMessage("A recipe from Rome")], response_format=Recipe))
    assert emulator.last_request.json()["response_format"]["json_schema"]["name"] == "Recipe"
    assert result.choices[0].message.parsed.title == "Rome"


async def test_other_calls_leave_parsed_none(clients, emulator):
    result = await resolve(clients.chat().complete(messages=[UserMessage("hi")], response_format="json_object"))
    assert result.choices[0].message.parsed is None


async def test_parsed_is_not_wire_data(clients, emulator):
    chat = clients.chat()
    result = await resolve(chat.complete(messages=[UserMessage("A recipe from Rome")], response_format=Recipe))
    message = result.choices[0].message
    assert "parsed" not in message.as_dict() and "parsed" not in result.as_dict()["choices"][0]["message"]
    await resolve(chat.complete(messages=[UserMessage("hi"), message, UserMessage("again")]))
    assert "parsed" not in emulator.last_request.text()


async def test_content_that_does_not_validate_raises_naming_the_choice(clients, emulator):
    emulator.script(reply_with({"content": '{"title": 5}'}))
    with pytest.raises(StructuredOutputValidationError) as caught:
        await resolve(clients.chat().complete(messages=[UserMessage("hi")], response_format=Recipe))
    error = caught.value
    assert str(error).startswith("Choice 0: the message content does not validate as Recipe: ")
    assert isinstance(error.__cause__, pydantic.ValidationError)
    assert (error.choice_index, error.completions.choices[0].message.content) == (0, '{"title": 5}')
    assert isinstance(error, StructuredOutputError) and isinstance(error, ValueError)


async def test_content_that_is_not_json_raises_validation_error(clients, emulator):
    emulator.script(reply_with({"content": "Sorry, here is prose."}, index=3))
    with pytest.raises(StructuredOutputValidationError, match="^Choice 3: ") as caught:
        await resolve(clients.chat().complete(messages=[UserMessage("hi")], response_format=Recipe))
    assert caught.value.choice_index == 3


async def test_refusal_raises_content_refusal_error(clients, emulator):
    emulator.script(reply_with({"content": None, "refusal": "I can't help with that."}))
    with pytest.raises(ContentRefusalError) as caught:
        await resolve(clients.chat().complete(messages=[UserMessage("hi")], response_format=Recipe))
    error = caught.value
    assert (str(error), error.refusal, error.choice_index) == (
        "Choice 0: the model refused to answer: I can't help with that.",
        "I can't help with that.",
        0,
    )
    assert error.completions.choices[0].message.refusal == "I can't help with that."


async def test_length_finish_raises_length_error(clients, emulator):
    chat = clients.chat()
    with pytest.raises(LengthFinishReasonError) as caught:
        await resolve(chat.complete(messages=[UserMessage("A recipe from Rome")], response_format=Recipe, max_tokens=3))
    assert str(caught.value) == (
        "Choice 0: generation stopped at the token limit (finish_reason 'length'), "
        "so its content cannot be parsed as Recipe"
    )
    assert caught.value.completions.choices[0].finish_reason == "length"


async def test_tool_call_answer_has_no_parsed_value(clients, emulator):
    call = {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
    emulator.script(reply_with({"content": None, "tool_calls": [call]}, finish_reason="tool_calls"))
    result = await resolve(clients.chat().complete(messages=[UserMessage("hi")], response_format=Recipe))
    assert (result.choices[0].message.parsed, result.choices[0].message.tool_calls[0].id) == (None, "call_1")


async def test_body_form_is_never_parsed(clients, emulator):
    body = {"messages": [{"role": "user", "content": "A recipe from Rome"}], "response_format": {"type": "json_object"}}
    result = await resolve(clients.chat(response_format=Recipe).complete(body))
    assert emulator.last_request.json() == body
    assert result.choices[0].message.parsed is None


async def test_streaming_sends_the_schema_and_leaves_parsing_to_the_caller(clients, emulator):
    chat = clients.chat()
    messages = [SystemMessage("Answer in JSON."), UserMessage("A recipe from Rome")]
    stream = await resolve(chat.complete(messages=messages, response_format=Recipe, stream=True))
    updates = await collect(stream)
    text = "".join(update.choices[0].delta.content or "" for update in updates if update.choices)
    assert emulator.last_request.json()["response_format"]["json_schema"]["name"] == "Recipe"
    assert Recipe.model_validate_json(text).title == "Rome"
    assert json.loads(text)["cuisine"] in ("french", "italian")


@pytest.mark.parametrize(
    "default, call, expected",
    [
        (Recipe, None, Recipe),
        (Recipe, "text", None),
        (Recipe, {"type": "json_object"}, None),
        (None, Recipe, Recipe),
        ("json_object", Recipe, Recipe),
        (Ingredient, Recipe, Recipe),
        (None, None, None),
    ],
)
def test_output_type_follows_the_winning_response_format(default, call, expected):
    merged = ChatSettings(response_format=default).merged_with(ChatSettings(response_format=call))
    assert merged.output_type is expected
