"""Chat completions answers: text, limits, media, tool calls, response formats, n, response shape."""

from __future__ import annotations

import json
from typing import Any, Dict

import pytest

from .conftest import JsonClient, chat_target, user
from .schema_check import schema_errors

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the weather for a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}
TIME_TOOL = {
    "type": "function",
    "function": {
        "name": "get_time",
        "description": "Current time in a zone",
        "parameters": {"type": "object", "properties": {"zone": {"type": "string"}}},
    },
}
FRANCE = "What is the capital of France?"
HELLO = "Hello! How can I help you today?"


def _complete(client: JsonClient, **options: Any) -> Dict[str, Any]:
    status, body = client.post(chat_target(), options)
    assert status == 200, body
    return dict(body)


def _content(client: JsonClient, **options: Any) -> str:
    return str(_complete(client, **options)["choices"][0]["message"]["content"])


def test_response_has_the_service_shape(client):
    body = _complete(client, messages=[{"role": "system", "content": "Be brief."}, user(FRANCE)])
    assert list(body) == ["id", "object", "created", "model", "choices", "usage"]
    assert body["id"].startswith("chatcmpl-") and len(body["id"]) == 33
    assert (body["object"], body["created"], body["model"]) == ("chat.completion", 1717171717, "emulator-model")
    assert body["choices"] == [{"index": 0, "finish_reason": "stop", "message": {
        "role": "assistant", "content": "The capital of France is Paris.", "tool_calls": None}}]
    assert body["usage"] == {"prompt_tokens": 16, "completion_tokens": 7, "total_tokens": 23}


def test_answers_are_deterministic_and_model_echoes_the_request(client):
    first = _complete(client, messages=[user("Tell me something")], model="my-model")
    second = _complete(client, messages=[user("Tell me something")], model="my-model")
    assert first == second
    assert first["model"] == "my-model"


@pytest.mark.parametrize(
    "question, answer",
    [
        ("How many feet are in a mile?", "There are 5,280 feet in a mile."),
        ("Say hello", HELLO),
        ("What is 12 * 3?", "12 * 3 = 36."),
        ("what is the capital of japan", "The capital of Japan is Tokyo."),
    ],
)
def test_canned_answers_for_common_questions(client, question, answer):
    assert _content(client, messages=[user(question)]) == answer


def test_fallback_answer_quotes_the_last_user_question(client):
    messages = [user("first question"), {"role": "assistant", "content": "ok"}, user("Why is the sky blue?")]
    assert _content(client, messages=messages).startswith('You asked: "Why is the sky blue?".')


def test_image_and_audio_items_are_acknowledged(client):
    content = [{"type": "text", "text": "Describe"},
               {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "low"}},
               {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}}]
    answer = _content(client, messages=[user(content)])
    expected = 'I see an image in your message. I hear an audio clip in your message. You asked: "Describe"'
    assert answer.startswith(expected)


def test_max_tokens_truncates_and_reports_length(client):
    body = _complete(client, messages=[user(FRANCE)], max_tokens=3)
    choice = body["choices"][0]
    assert (choice["message"]["content"], choice["finish_reason"]) == ("The capital of", "length")
    assert body["usage"]["completion_tokens"] == 3


def test_stop_sequence_cuts_the_answer(client):
    choice = _complete(client, messages=[user(FRANCE)], stop=[" is", "xyz"])["choices"][0]
    assert (choice["message"]["content"], choice["finish_reason"]) == ("The capital of France", "stop")


def test_n_gives_n_slightly_different_choices(client):
    headers = {"extra-parameters": "pass-through"}
    status, body = client.post(chat_target(), {"messages": [user("Say hello")], "n": 3}, headers)
    contents = [choice["message"]["content"] for choice in body["choices"]]
    assert status == 200
    assert [choice["index"] for choice in body["choices"]] == [0, 1, 2]
    assert contents[0] == HELLO
    assert len(set(contents)) == 3 and all(text.startswith(contents[0]) for text in contents)


def test_tool_call_to_best_matching_tool_with_arguments_from_the_question(client):
    body = _complete(client, messages=[user("What's the weather in Seattle?")], tools=[TIME_TOOL, WEATHER_TOOL])
    choice = body["choices"][0]
    call = choice["message"]["tool_calls"][0]
    assert (choice["finish_reason"], choice["message"]["content"]) == ("tool_calls", "")
    assert call["id"].startswith("call_") and call["type"] == "function"
    assert call["function"] == {"name": "get_weather", "arguments": '{"city": "Seattle"}'}


def test_named_tool_choice_calls_that_tool(client):
    choice = {"type": "function", "function": {"name": "get_time"}}
    tools = [WEATHER_TOOL, TIME_TOOL]
    body = _complete(client, messages=[user("What's the weather in Paris?")], tools=tools, tool_choice=choice)
    function = body["choices"][0]["message"]["tool_calls"][0]["function"]
    assert function == {"name": "get_time", "arguments": '{"zone": "Paris"}'}


def test_first_tool_is_called_when_nothing_matches(client):
    body = _complete(client, messages=[user("Anything?")], tools=[TIME_TOOL, WEATHER_TOOL])
    assert body["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == "get_time"


def test_tool_choice_none_answers_with_text(client):
    messages = [user("What's the weather in Seattle?")]
    body = _complete(client, messages=messages, tools=[WEATHER_TOOL], tool_choice="none")
    assert body["choices"][0]["finish_reason"] == "stop"
    assert body["choices"][0]["message"]["tool_calls"] is None


def test_tool_result_turn_answers_with_the_result(client):
    call = {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Seattle"}'}}
    messages = [user("What's the weather in Seattle?"), {"role": "assistant", "tool_calls": [call]},
                {"role": "tool", "tool_call_id": "call_1", "content": "Sunny, 22C"}]
    body = _complete(client, messages=messages, tools=[WEATHER_TOOL])
    assert body["choices"][0]["message"]["content"] == "According to the get_weather tool, the result is: Sunny, 22C"
    assert body["choices"][0]["finish_reason"] == "stop"


def test_required_tool_choice_calls_a_tool_even_after_a_tool_result(client):
    messages = [user("Weather in Oslo?"), {"role": "tool", "tool_call_id": "c", "content": "Rain"}]
    body = _complete(client, messages=messages, tools=[WEATHER_TOOL], tool_choice="required")
    assert body["choices"][0]["finish_reason"] == "tool_calls"


def test_tool_arguments_follow_the_parameter_types():
    from tests.emulator.tool_calls import build_arguments

    properties = {
        "city": {"type": "string"},
        "days": {"type": "integer"},
        "metric": {"type": "boolean"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
        "when": {"type": "number"},
        "optional": {"type": "string"},
    }
    parameters = {"type": "object", "required": ["city", "days", "metric", "unit", "when"], "properties": properties}
    arguments = build_arguments({"name": "f", "parameters": parameters}, "What's the forecast for Lyon?")
    assert json.loads(arguments) == {"city": "Lyon", "days": 1, "metric": True, "unit": "celsius", "when": 1}


def test_json_object_format_gives_a_json_object_text(client):
    content = _content(client, messages=[user("Say hello")], response_format={"type": "json_object"})
    assert json.loads(content) == {"answer": HELLO}


def test_text_format_gives_plain_text(client):
    assert _content(client, messages=[user("Say hello")], response_format={"type": "text"}) == HELLO


DISTANCES_SCHEMA = {"type": "object", "properties": {"distances": {"type": "array", "items": {
    "type": "object", "properties": {"location1": {"type": "string"}, "location2": {"type": "string"},
                                     "distance": {"type": "integer"}},
    "required": ["location1", "location2", "distance"], "additionalProperties": False}}},
    "required": ["distances"], "additionalProperties": False}


def test_json_schema_format_gives_json_valid_against_the_schema(client):
    response_format = {"type": "json_schema", "json_schema": {"name": "D", "schema": DISTANCES_SCHEMA, "strict": True}}
    question = "What's the distance between Seattle and Portland, as the crow flies?"
    value = json.loads(_content(client, messages=[user(question)], response_format=response_format))
    assert schema_errors(value, DISTANCES_SCHEMA) == []
    assert value == {"distances": [{"location1": "Seattle", "location2": "Portland", "distance": 1}]}
