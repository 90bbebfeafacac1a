"""B15.8-B15.10, B15.13-B15.15, B8.2-B8.3: hand-written model behaviour and request JSON encoding."""

from __future__ import annotations

import base64
import datetime
import decimal
import json

import pytest

from azure.ai.inference._model_base import SdkJSONEncoder
from azure.ai.inference.models import (
    AssistantMessage,
    AudioContentFormat,
    ChatCompletions,
    ChatCompletionsNamedToolChoice,
    ChatCompletionsToolCall,
    ChatCompletionsToolDefinition,
    ChatRole,
    DeveloperMessage,
    EmbeddingsResult,
    FunctionCall,
    ImageEmbeddingInput,
    ImageUrl,
    InputAudio,
    ModelInfo,
    StreamingChatCompletionsUpdate,
    SystemMessage,
    TextContentItem,
    ToolMessage,
    UserMessage,
)

BYTES = b"\x89PNG\r\n\x1a\n\x00\x01"
BYTES_B64 = base64.b64encode(BYTES).decode()


@pytest.mark.parametrize(
    ("cls", "role"),
    [
        (SystemMessage, "system"),
        (DeveloperMessage, "developer"),
        (UserMessage, "user"),
        (AssistantMessage, "assistant"),
    ],
)
def test_positional_string_becomes_content_with_the_class_role(cls, role):
    """B15.8: a single positional ``str`` is the content; the role is the class's."""
    assert list(cls("hello").items()) == [("role", role), ("content", "hello")]


def test_user_message_accepts_a_positional_list():
    """B15.8: ``UserMessage([...])`` sets list content."""
    message = UserMessage([TextContentItem(text="t")])
    assert message.as_dict() == {"role": "user", "content": [{"type": "text", "text": "t"}]}


def test_tool_message_positional_content_follows_the_keywords():
    """B15.8/B5.11: ``ToolMessage("72F", tool_call_id=...)`` -> role, tool_call_id, content."""
    assert list(ToolMessage("72F", tool_call_id="call_1")) == ["role", "tool_call_id", "content"]


def test_content_given_twice_raises():
    """B15.8: positional content plus a non-None ``content`` keyword -> ValueError."""
    with pytest.raises(ValueError) as caught:
        UserMessage("a", content="b")  # type: ignore[call-overload]
    assert str(caught.value) == "content cannot be provided as positional and keyword arguments"


def test_positional_content_with_none_keyword_is_accepted():
    """B15.8: ``UserMessage("a", content=None)`` -> content "a"."""
    assert dict(UserMessage("a", content=None)) == {"role": "user", "content": "a"}  # type: ignore[call-overload]


def test_mapping_form_adds_no_role():
    """B15.8 (kept): ``UserMessage({"content": "m"})`` has no role key."""
    assert dict(UserMessage({"content": "m"})) == {"content": "m"}


def test_mapping_form_keeps_a_foreign_role():
    """B15.8 (kept): the role of a mapping is not enforced."""
    assert UserMessage({"role": "system", "content": "m"})["role"] == "system"


@pytest.mark.parametrize(("cls", "value"), [(UserMessage, ("a",)), (SystemMessage, ["x"]), (AssistantMessage, None)])
def test_other_single_positional_values_are_treated_as_mappings(cls, value):
    """B15.8 (kept): any other single positional value is read as a mapping -> AttributeError."""
    with pytest.raises(AttributeError) as caught:
        cls(value)
    assert "items" in str(caught.value)


def test_constant_type_fields_are_set_after_the_keywords():
    """B15.9: tool definition, named tool choice and tool call put ``type`` last."""
    definition = ChatCompletionsToolDefinition(function={"name": "f"})  # type: ignore[call-overload]
    choice = ChatCompletionsNamedToolChoice(function={"name": "f"})  # type: ignore[call-overload]
    assert (list(definition), list(choice)) == (["function", "type"], ["function", "type"])
    call = ChatCompletionsToolCall(id="c", function=FunctionCall(name="f", arguments="{}"))
    assert (list(call), call.type) == (["id", "function", "type"], "function")


def test_discriminators_of_content_items_and_messages_come_first():
    """B15.9: content items and messages set their discriminator first."""
    assert list(TextContentItem(text="t")) == ["type", "text"]
    assert list(AssistantMessage(tool_calls=[])) == ["role", "tool_calls"]


@pytest.mark.parametrize("cls", [ChatCompletions, EmbeddingsResult])
def test_str_of_results_is_indented_ascii_json(cls):
    """B15.10: ``str()`` = ``json.dumps(as_dict(), indent=2)``: raw ``created``, unknown keys, ASCII escapes."""
    data = {"id": "\u00e9", "created": 1717171717, "unknown": [1]}
    assert str(cls(data)) == '{\n  "id": "\\u00e9",\n  "created": 1717171717,\n  "unknown": [\n    1\n  ]\n}'


@pytest.mark.parametrize(
    "model",
    [
        StreamingChatCompletionsUpdate({"id": "s", "choices": []}),
        ModelInfo({"model_name": "m"}),
        UserMessage("x"),
    ],
)
def test_str_and_repr_of_other_models_are_the_dict_repr(model):
    """B15.10: other models print as the Python ``str()`` of their dict."""
    assert str(model) == repr(model) == str(dict(model))


def test_enum_lookup_rules():
    """B15.13: name lookup is case-insensitive, value lookup case-sensitive, members equal values."""
    assert (ChatRole["user"], ChatRole.user, ChatRole("user")) == (ChatRole.USER,) * 3
    assert ChatRole.USER == "user"  # type: ignore[comparison-overlap]
    with pytest.raises(ValueError):
        ChatRole("USER")


def test_image_url_load_builds_a_data_url(tmp_path):
    """B15.14: the file's standard base64 in ``data:image/<format>;base64,``; no ``detail`` when None."""
    path = tmp_path / "p.png"
    path.write_bytes(BYTES)
    image = ImageUrl.load(image_file=str(path), image_format="png")
    assert (type(image), dict(image)) == (ImageUrl, {"url": f"data:image/png;base64,{BYTES_B64}"})


def test_image_url_load_inserts_the_format_verbatim(tmp_path):
    """B15.14: no MIME detection: ``"image/png"`` -> ``data:image/image/png;...``; detail kept."""
    path = tmp_path / "p.png"
    path.write_bytes(BYTES)
    image = ImageUrl.load(image_file=str(path), image_format="image/png", detail="low")
    assert dict(image) == {"url": f"data:image/image/png;base64,{BYTES_B64}", "detail": "low"}


@pytest.mark.parametrize("text", ["a red pixel", None])
def test_image_embedding_input_load_builds_image_and_text(tmp_path, text):
    """B15.14: ``ImageEmbeddingInput.load`` -> ``image`` data URL, ``text`` omitted when None."""
    path = tmp_path / "p.png"
    path.write_bytes(BYTES)
    value = ImageEmbeddingInput.load(image_file=str(path), image_format="png", text=text)
    expected = {"image": f"data:image/png;base64,{BYTES_B64}", **({"text": text} if text else {})}
    assert (type(value), dict(value)) == (ImageEmbeddingInput, expected)


@pytest.mark.parametrize("audio_format", ["mp3", AudioContentFormat.MP3])
def test_input_audio_load_reads_base64_without_prefix(tmp_path, audio_format):
    """B15.15: base64 without a data-URL prefix; an enum format is stored as its value."""
    path = tmp_path / "a.mp3"
    path.write_bytes(BYTES)
    audio = InputAudio.load(audio_file=str(path), audio_format=audio_format)
    assert (type(audio), dict(audio)) == (InputAudio, {"data": BYTES_B64, "format": "mp3"})
    assert type(audio["format"]) is str


def test_encoder_serializes_models_enums_bytes_datetimes_and_decimals():
    """B8.2: models as wire dicts, enums as values, bytes as base64, datetime RFC 3339 ``Z``, Decimal float."""
    value = {
        "m": UserMessage("x"),
        "e": ChatRole.USER,
        "b": b"\x00\x01",
        "d": datetime.datetime(2024, 1, 1, 2, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        "n": decimal.Decimal("1.5"),
    }
    text = json.dumps(value, cls=SdkJSONEncoder)
    assert text == (
        '{"m": {"role": "user", "content": "x"}, "e": "user", "b": "AAE=", "d": "2024-01-01T00:00:00Z", "n": 1.5}'
    )


def test_encoder_rejects_arbitrary_objects():
    """B8.2: other objects -> ``TypeError("Object of type X is not JSON serializable")``."""
    with pytest.raises(TypeError) as caught:
        json.dumps({"x": object()}, cls=SdkJSONEncoder)
    assert str(caught.value) == "Object of type object is not JSON serializable"


def test_plain_json_dumps_of_a_model_fails():
    """B8.3: ``json.dumps(model)`` without the SDK encoder -> TypeError; ``as_dict()`` works."""
    with pytest.raises(TypeError):
        json.dumps(UserMessage("x"))
    assert json.dumps(UserMessage("x").as_dict()) == '{"role": "user", "content": "x"}'
