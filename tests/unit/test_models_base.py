"""B15.1-B15.7, B15.11, B15.12: the model runtime: construction, attributes, mapping, equality, copies."""

from __future__ import annotations

import json

import pytest

from azure.ai.inference._model_base import SdkJSONEncoder, deserialize
from azure.ai.inference.models import (
    AudioContentItem,
    ChatCompletions,
    ChatCompletionsToolCall,
    ChatCompletionsToolDefinition,
    ChatRequestMessage,
    ContentItem,
    FunctionCall,
    FunctionDefinition,
    ImageDetailLevel,
    ImageUrl,
    TextContentItem,
    ToolMessage,
    UserMessage,
)
from azure.ai.inference.models import _models

RESPONSE_FORMAT = _models.ChatCompletionsResponseFormat


def test_keyword_construction_stores_wire_names_and_enum_values():
    """B15.1: keywords are stored under wire names; enums as their values."""
    image = ImageUrl(url="u", detail=ImageDetailLevel.HIGH)
    assert dict(image) == {"url": "u", "detail": "high"}
    assert type(image["detail"]) is str


def test_keyword_construction_converts_nested_dicts_of_model_fields():
    """B15.1: a dict given for a model-typed field becomes that model."""
    call = ChatCompletionsToolCall(id="c", function={"name": "f", "arguments": "{}"})  # type: ignore[call-overload]
    assert type(call.function) is FunctionCall
    assert call.function.name == "f"


def test_keyword_construction_skips_none_values():
    """B15.1: keywords whose value is None are not stored."""
    assert dict(ImageUrl(url="u", detail=None)) == {"url": "u"}


def test_mapping_construction_copies_every_key_including_unknown_ones():
    """B15.2: ``Cls({...})`` copies the mapping key by key; unknown keys are kept."""
    source = {"url": "u", "extra": [1]}
    image = ImageUrl(source)
    source["url"] = "changed"
    assert dict(image) == {"url": "u", "extra": [1]}


def test_mapping_construction_converts_model_fields_and_lists_of_models():
    """B15.2: values of model-typed fields (and lists of models) become models."""
    definition = ChatCompletionsToolDefinition({"function": {"name": "f"}})
    result = ChatCompletions({"choices": [{"index": 0, "message": {"role": "assistant"}}]})
    assert type(definition.function) is FunctionDefinition
    assert type(result.choices[0]) is _models.ChatChoice


def test_mapping_construction_adds_no_discriminator():
    """B15.2: a mapping without ``role``/``type`` stays without it."""
    assert dict(UserMessage({"content": "m"})) == {"content": "m"}
    assert dict(TextContentItem({"text": "t"})) == {"text": "t"}


def test_mapping_construction_keeps_union_content_serializing_as_given():
    """B15.2: union-typed ``UserMessage.content`` given as plain dicts serializes unchanged."""
    content = [{"type": "text", "text": "t"}, {"type": "image_url", "image_url": {"url": "u"}}]
    message = UserMessage({"role": "user", "content": content})
    assert json.dumps(message, cls=SdkJSONEncoder) == json.dumps({"role": "user", "content": content})


def test_missing_attribute_reads_as_none():
    """B15.3: attribute access returns None for absent keys."""
    assert ImageUrl(url="u").detail is None


def test_setting_an_attribute_to_none_deletes_the_key():
    """B15.3: ``m.attr = None`` removes the key."""
    message = UserMessage("x")
    message.content = None  # type: ignore[assignment]
    assert dict(message) == {"role": "user"}


def test_setting_a_model_attribute_to_a_dict_converts_it():
    """B15.3: assigning a dict to a model-typed attribute stores the model."""
    call = ChatCompletionsToolCall(id="c", function=FunctionCall(name="f", arguments="{}"))
    call.function = {"name": "g", "arguments": "1"}  # type: ignore[assignment]
    assert (type(call["function"]), call.function.name) == (FunctionCall, "g")


def test_extra_keys_set_by_item_are_serialized():
    """B15.4: models are mutable mappings; extra keys are sent."""
    message = UserMessage("x")
    message["name"] = "bob"
    assert json.dumps(message, cls=SdkJSONEncoder) == '{"role": "user", "content": "x", "name": "bob"}'
    assert (len(message), list(message)) == (3, ["role", "content", "name"])
    del message["name"]
    assert "name" not in message


def test_no_validation_of_required_fields():
    """B15.5: ``UserMessage()`` and ``ToolMessage("r")`` build without their "required" fields."""
    assert dict(UserMessage()) == {"role": "user"}  # type: ignore[call-overload]
    assert dict(ToolMessage("r")) == {"role": "tool", "content": "r"}  # type: ignore[call-overload]


def test_unknown_keyword_raises_type_error():
    """B15.5: an unknown keyword -> TypeError."""
    with pytest.raises(TypeError) as caught:
        UserMessage(foo=1)  # type: ignore[call-overload]
    assert "foo" in str(caught.value)


def test_more_than_one_positional_argument_raises_type_error():
    """B15.5: more than one positional argument -> TypeError with Python's wording."""
    with pytest.raises(TypeError) as caught:
        ImageUrl({"url": "u"}, {"detail": "low"})  # type: ignore[call-overload]
    assert str(caught.value) == "ImageUrl.__init__() takes 2 positional arguments but 3 were given"


def test_model_equals_plain_dict_with_same_data():
    """B15.6: equality with a model or a mapping of the same wire data; ``!=`` is its negation."""
    message = UserMessage("x")
    assert (message == {"role": "user", "content": "x"}, message == UserMessage(content="x")) == (True, True)
    assert (message != {"role": "user", "content": "y"}, message == 5) == (True, False)


def test_as_dict_is_a_deep_plain_copy_keeping_none():
    """B15.7: nested models become dicts, lists stay lists, JSON null stays None; no sharing."""
    result = deserialize(ChatCompletions, {"choices": [{"message": {"role": "assistant", "tool_calls": None}}]})
    assert result.choices[0].message.role == "assistant"  # converts the nested models in place
    plain = result.as_dict()
    assert plain == {"choices": [{"message": {"role": "assistant", "tool_calls": None}}]}
    assert (type(plain["choices"][0]), type(plain["choices"][0]["message"])) == (dict, dict)
    plain["choices"][0]["message"]["role"] = "changed"
    assert result.choices[0].message.role == "assistant"


@pytest.mark.parametrize(
    ("base", "data", "expected"),
    [
        (ChatRequestMessage, {"role": "tool", "content": "x"}, ToolMessage),
        (ChatRequestMessage, {"role": "user", "content": "x"}, UserMessage),
        (ChatRequestMessage, {"role": "weird"}, ChatRequestMessage),
        (ContentItem, {"type": "input_audio"}, AudioContentItem),
        (ContentItem, {"type": "text", "text": "t"}, TextContentItem),
        (RESPONSE_FORMAT, {"type": "json_object"}, _models.ChatCompletionsResponseFormatJsonObject),
        (RESPONSE_FORMAT, {"type": "json_schema"}, _models.ChatCompletionsResponseFormatJsonSchema),
    ],
)
def test_polymorphic_deserialization_picks_class_by_discriminator(base, data, expected):
    """B15.11: the subclass is chosen by ``role``/``type``; unknown -> the base class."""
    assert type(deserialize(base, data)) is expected


def test_copy_is_a_shallow_copy_of_the_same_class():
    """B15.12 (fixed): ``copy()`` returns the same class with a new top-level mapping."""
    original = UserMessage([TextContentItem(text="t")])
    duplicate = original.copy()
    duplicate["name"] = "bob"
    assert (type(duplicate), dict(original)) == (UserMessage, {"role": "user", "content": original.content})
    assert duplicate.content is original.content
