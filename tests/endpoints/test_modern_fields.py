"""Modern request fields on the wire and modern response fields parsed back, sync and aio."""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, List

import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference._sansio import payloads
from azure.ai.inference._sansio.payloads import Unset
from azure.ai.inference._sansio.settings import ChatSettings
from azure.ai.inference.models import (
    ChatCompletionsToolDefinition,
    CompletionsUsageDetails,
    FunctionDefinition,
    PromptUsageDetails,
    UserMessage,
    UserSecurityContext,
)

from tests.emulator import Reply
from tests.flavors import collect, resolve

PREFIXES = ["", "/openai/deployments/gpt-4o", "/v1", "/openai/v1"]
PREFIX_IDS = ["model-inference", "aoai-deployment", "v1", "openai-v1"]
MESSAGES_JSON = '"messages": [{"role": "user", "content": "hi"}]'
SECURITY = {
    "application_name": "contoso-app",
    "end_user_id": "00000000-0000-0000-0000-000000000001",
    "end_user_tenant_id": "00000000-0000-0000-0000-000000000002",
    "source_ip": "203.0.113.7",
}
SECURITY_JSON = json.dumps(SECURITY)

RESPONSE = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1717171717,
    "model": "o4-mini",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {
                "role": "assistant",
                "content": "42",
                "reasoning_content": "Six times seven is forty-two.",
                "refusal": None,
                "tool_calls": None,
            },
        }
    ],
    "usage": {
        "prompt_tokens": 12,
        "completion_tokens": 30,
        "total_tokens": 42,
        "completion_tokens_details": {"reasoning_tokens": 20, "audio_tokens": 0, "accepted_prediction_tokens": 0},
        "prompt_tokens_details": {"cached_tokens": 8, "audio_tokens": 0},
    },
}


def script_ok(emulator: Any) -> None:
    emulator.script(Reply(json=RESPONSE))


# ---- request side -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES, ids=PREFIX_IDS)
async def test_new_fields_are_sent_after_older_ones_without_extra_parameters(clients, emulator, prefix):
    script_ok(emulator)
    chat = clients.chat(emulator.url + prefix)
    await resolve(
        chat.complete(
            messages=[UserMessage("hi")],
            user_security_context=UserSecurityContext(**SECURITY),
            stream_options={"include_usage": True},
            reasoning_effort="low",
            parallel_tool_calls=False,
            max_completion_tokens=100,
            max_tokens=5,
        )
    )
    request = emulator.last_request
    expected = (
        f'{{{MESSAGES_JSON}, "max_tokens": 5, "max_completion_tokens": 100, "parallel_tool_calls": false, '
        f'"reasoning_effort": "low", "user_security_context": {SECURITY_JSON}}}'
    )
    assert request.body.decode() == expected
    assert (request.header("extra-parameters"), request.path) == (None, prefix + "/chat/completions")


async def test_new_fields_fall_back_to_client_defaults(clients, emulator):
    script_ok(emulator)
    chat = clients.chat(
        max_completion_tokens=64, reasoning_effort="high", parallel_tool_calls=True, user_security_context=SECURITY
    )
    await resolve(chat.complete(messages=[UserMessage("hi")], reasoning_effort=None))
    assert emulator.last_request.json() == {
        "messages": [{"role": "user", "content": "hi"}],
        "max_completion_tokens": 64,
        "parallel_tool_calls": True,
        "reasoning_effort": "high",
        "user_security_context": SECURITY,
    }


async def test_per_call_values_override_client_defaults(clients, emulator):
    script_ok(emulator)
    chat = clients.chat(max_completion_tokens=64, reasoning_effort="high", parallel_tool_calls=True)
    await resolve(
        chat.complete(
            messages=[UserMessage("hi")], max_completion_tokens=0, reasoning_effort="minimal", parallel_tool_calls=False
        )
    )
    body = emulator.last_request.json()
    sent = (body["max_completion_tokens"], body["reasoning_effort"], body["parallel_tool_calls"])
    assert sent == (0, "minimal", False)


async def test_user_security_context_model_and_dict_send_same_bytes(clients, emulator):
    chat = clients.chat()
    script_ok(emulator)
    await resolve(chat.complete(messages=[UserMessage("hi")], user_security_context=UserSecurityContext(**SECURITY)))
    script_ok(emulator)
    await resolve(chat.complete(messages=[UserMessage("hi")], user_security_context=dict(SECURITY)))
    first, second = emulator.requests
    assert first.body == second.body == f'{{{MESSAGES_JSON}, "user_security_context": {SECURITY_JSON}}}'.encode()


async def test_stream_options_are_not_sent_without_streaming(clients, emulator):
    script_ok(emulator)
    chat = clients.chat(stream_options={"include_usage": True})
    await resolve(chat.complete(messages=[UserMessage("hi")]))
    assert emulator.last_request.body == f"{{{MESSAGES_JSON}}}".encode()




def stream_event(choices: List[Any], **fields: Any) -> Dict[str, Any]:
    return {"id": "c1", "created": 1, "model": "o4-mini", "choices": choices, **fields}


STREAM_EVENTS = [
    stream_event([{"index": 0, "delta": {"role": "assistant", "content": ""}}]),
    stream_event([{"index": 0, "delta": {"reasoning_content": "Six "}}]),
    stream_event([{"index": 0, "delta": {"reasoning_content": "sevens."}}]),
    stream_event([{"index": 0, "delta": {"content": "42"}}]),
    stream_event([{"index": 0, "delta": {}, "finish_reason": "stop"}]),
    stream_event([], usage=RESPONSE["usage"]),
]


@pytest.mark.parametrize("prefix", ["/v1", ""])
async def test_streaming_sends_stream_options_and_reads_reasoning_deltas(clients, emulator, prefix):
    emulator.script(Reply.sse(STREAM_EVENTS))
    chat = clients.chat(emulator.url + prefix, stream_options={"include_usage": True})
    updates = await collect(await resolve(chat.complete(messages=[UserMessage("hi")], stream=True)))
    expected = f'{{{MESSAGES_JSON}, "stream": true, "stream_options": {{"include_usage": true}}}}'
    assert emulator.last_request.body == expected.encode()
    reasoning = "".join(u.choices[0].delta.reasoning_content or "" for u in updates if u.choices)
    usage = updates[-1].usage
    assert reasoning == "Six sevens."
    assert (usage.completion_tokens_details.reasoning_tokens, usage.prompt_tokens_details.cached_tokens) == (20, 8)


async def test_model_inference_route_accepts_user_security_context_as_a_declared_field(clients, emulator):
    chat = clients.chat()
    result = await resolve(chat.complete(messages=[UserMessage("hi")], user_security_context=SECURITY))
    assert (emulator.last_request.header("extra-parameters"), result.choices[0].finish_reason) == (None, "stop")


async def test_model_inference_route_rejects_undeclared_field_unless_pass_through(clients, emulator):
    chat = clients.chat()
    with pytest.raises(HttpResponseError) as caught:
        await resolve(chat.complete(messages=[UserMessage("hi")], max_completion_tokens=10))
    headers = {"extra-parameters": "pass-through"}
    result = await resolve(chat.complete(messages=[UserMessage("hi")], max_completion_tokens=10, headers=headers))
    assert caught.value.status_code == 422
    assert (emulator.last_request.json()["max_completion_tokens"], result.choices[0].finish_reason) == (10, "stop")


async def test_load_client_keeps_new_fields_as_defaults(clients, emulator):
    client = await clients.load_client(max_completion_tokens=7, reasoning_effort="low")
    script_ok(emulator)
    await resolve(client.complete(messages=[UserMessage("hi")]))
    assert emulator.requests[0].path == "/info"
    expected = f'{{{MESSAGES_JSON}, "max_completion_tokens": 7, "reasoning_effort": "low"}}'
    assert emulator.last_request.body == expected.encode()


# ---- response side -------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/v1", "/openai/deployments/gpt-4o"])
async def test_modern_response_fields_are_typed_and_round_trip(clients, emulator, prefix):
    emulator.script(Reply(json=RESPONSE))
    result = await resolve(clients.chat(emulator.url + prefix).complete(messages=[UserMessage("hi")]))
    message, usage = result.choices[0].message, result.usage
    assert (message.content, message.reasoning_content) == ("42", "Six times seven is forty-two.")
    assert message.refusal is None
    details = usage.completion_tokens_details
    assert isinstance(details, CompletionsUsageDetails)
    assert (details.reasoning_tokens, details.audio_tokens, details["accepted_prediction_tokens"]) == (20, 0, 0)
    assert isinstance(usage.prompt_tokens_details, PromptUsageDetails)
    assert (usage.prompt_tokens_details.cached_tokens, usage.prompt_tokens_details.audio_tokens) == (8, 0)
    assert result.as_dict() == RESPONSE


def test_response_models_round_trip_dict_attribute_dict():
    data = copy.deepcopy(RESPONSE["usage"])
    usage = payloads.parse_chat_completions(json.dumps({**RESPONSE, "usage": data}).encode()).usage
    assert usage.completion_tokens_details is not None and usage.prompt_tokens_details is not None
    read = (usage.completion_tokens_details.reasoning_tokens, usage.prompt_tokens_details.cached_tokens)
    assert read == (20, 8)
    assert usage.as_dict() == RESPONSE["usage"]


def test_usage_detail_models_build_from_keywords():
    details = CompletionsUsageDetails(reasoning_tokens=3, audio_tokens=1)
    prompt = PromptUsageDetails(cached_tokens=4)
    assert (details.as_dict(), prompt.as_dict()) == ({"reasoning_tokens": 3, "audio_tokens": 1}, {"cached_tokens": 4})


def test_user_security_context_model_round_trips():
    context = UserSecurityContext(SECURITY)
    assert (context.application_name, context.source_ip, context.as_dict()) == ("contoso-app", "203.0.113.7", SECURITY)


# ---- settings: wire order pinned ----------------------------------------------------------------


def test_chat_settings_field_order_is_the_wire_order():
    names = list(ChatSettings.field_names())
    assert names == [
        "frequency_penalty", "max_tokens", "model", "presence_penalty", "response_format", "seed", "stop",
        "temperature", "tool_choice", "tools", "top_p",
        "max_completion_tokens", "parallel_tool_calls", "reasoning_effort", "stream_options", "user_security_context",
        "model_extras", "output_type",
    ]  # fmt: skip


def test_older_fields_body_stays_byte_identical():
    tool = ChatCompletionsToolDefinition(
        function=FunctionDefinition(name="f", description="d", parameters={"type": "object", "properties": {}})
    )
    defaults = ChatSettings(
        frequency_penalty=0.1, max_tokens=100, model="ctor-model", presence_penalty=0.2,
        response_format="json_object", seed=7, stop=["END"], temperature=0.5, tool_choice="auto",
        tools=[tool], top_p=0.9, model_extras={"ctor_extra": 1, "top_k": 5},
    )  # fmt: skip
    plan = payloads.chat_request(Unset, [{"role": "user", "content": "x"}], None, defaults.merged_with(ChatSettings()))
    assert plan.content == (
        '{"messages": [{"role": "user", "content": "x"}], "frequency_penalty": 0.1, "max_tokens": 100, '
        '"model": "ctor-model", "presence_penalty": 0.2, "response_format": {"type": "json_object"}, "seed": 7, '
        '"stop": ["END"], "temperature": 0.5, "tool_choice": "auto", "tools": [{"function": {"name": "f", '
        '"description": "d", "parameters": {"type": "object", "properties": {}}}, "type": "function"}], '
        '"top_p": 0.9, "ctor_extra": 1, "top_k": 5}'
    )
    assert plan.headers["extra-parameters"] == "pass-through"


def test_new_fields_alone_add_no_extra_parameters_header():
    call = ChatSettings(max_completion_tokens=1, parallel_tool_calls=True, reasoning_effort="low", stream_options={})
    plan = payloads.chat_request(Unset, [], True, ChatSettings().merged_with(call))
    assert "extra-parameters" not in plan.headers
    assert isinstance(plan.content, str)  # JSON text, as 1.0.0b9 sent it
    assert json.loads(plan.content) == {
        "messages": [], "stream": True, "max_completion_tokens": 1, "parallel_tool_calls": True,
        "reasoning_effort": "low", "stream_options": {},
    }  # fmt: skip
