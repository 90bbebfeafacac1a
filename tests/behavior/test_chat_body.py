"""B5.1-B5.6, B8.1: the chat completions request body of the keyword form: order, defaults, extras."""

from __future__ import annotations

import pytest

from azure.ai.inference.models import AssistantMessage, SystemMessage, UserMessage
from tests.behavior.wire import CHAT_RESPONSE, assert_body, assert_json_body, json_text
from tests.emulator import Reply
from tests.flavors import close_stream, resolve

HI = {"role": "user", "content": "hi"}
TOOL = {
    "function": {"name": "f", "description": "d", "parameters": {"type": "object", "properties": {}}},
    "type": "function",
}


async def test_complete_sends_every_standard_key_in_the_fixed_order(clients, emulator):
    """B5.1/B5.10: keys in the order messages, stream, frequency_penalty, ..., top_p, then extras."""
    await resolve(
        clients.chat().complete(
            model_extras={"z_extra": 1, "a_extra": 2},
            top_p=0.9,
            tools=[TOOL],
            tool_choice="auto",
            temperature=0.5,
            stop=["END"],
            seed=7,
            response_format="text",
            presence_penalty=0.2,
            model="m",
            max_tokens=100,
            frequency_penalty=0.1,
            stream=False,
            messages=[UserMessage("hi")],
        )
    )
    expected = (
        '{"messages": [{"role": "user", "content": "hi"}], "stream": false, "frequency_penalty": 0.1, '
        '"max_tokens": 100, "model": "m", "presence_penalty": 0.2, "response_format": {"type": "text"}, '
        f'"seed": 7, "stop": ["END"], "temperature": 0.5, "tool_choice": "auto", "tools": [{json_text(TOOL)}], '
        '"top_p": 0.9, "z_extra": 1, "a_extra": 2}'
    )
    assert_body(emulator.last_request, expected)


async def test_complete_sends_only_messages_when_nothing_else_is_set(clients, emulator):
    """B5.1: keys whose value is None are left out."""
    await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    assert_body(emulator.last_request, '{"messages": [{"role": "user", "content": "hi"}]}')


async def test_complete_requires_messages(clients, emulator):
    """B5.2: no body and no messages -> TypeError before any I/O."""
    with pytest.raises(TypeError) as caught:
        await resolve(clients.chat().complete(temperature=0.1))
    assert str(caught.value) == "missing required argument: messages"
    assert emulator.requests == []


async def test_complete_sends_mixed_message_forms(clients, emulator):
    """B5.2: message models, plain dicts (verbatim) and a previous response's message, in one list."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    client = clients.chat()
    first = await resolve(client.complete(messages=[UserMessage("hi")]))
    raw = {"role": "user", "content": "again", "name": "bob"}
    await resolve(client.complete(messages=[SystemMessage("s"), HI, first.choices[0].message, raw]))
    expected = [{"role": "system", "content": "s"}, HI, CHAT_RESPONSE["choices"][0]["message"], raw]
    assert_json_body(emulator.last_request, {"messages": expected})


async def test_complete_does_not_validate_messages(clients, emulator):
    """B5.2: no validation of roles, ordering or emptiness: an empty list is sent."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    await resolve(clients.chat().complete(messages=[]))
    assert_body(emulator.last_request, '{"messages": []}')


async def test_complete_sends_falsy_call_values_over_defaults(clients, emulator):
    """B5.3: ``0.0``, ``0``, ``[]`` given per call override the defaults and are sent."""
    client = clients.chat(temperature=0.5, max_tokens=100, seed=7, stop=["END"], tools=[TOOL])
    falsy = {"temperature": 0.0, "max_tokens": 0, "seed": 0, "stop": [], "tools": []}
    await resolve(client.complete(messages=[UserMessage("hi")], **falsy))
    expected = {"messages": [HI], "max_tokens": 0, "seed": 0, "stop": [], "temperature": 0.0, "tools": []}
    assert_json_body(emulator.last_request, expected)


async def test_complete_uses_defaults_for_none_call_values(clients, emulator):
    """B5.3 (kept): per-call None means "use the constructor default"; it cannot suppress it."""
    client = clients.chat(temperature=0.5, model="ctor-model")
    await resolve(client.complete(messages=[UserMessage("hi")], temperature=None, model=None))
    assert_json_body(emulator.last_request, {"messages": [HI], "model": "ctor-model", "temperature": 0.5})


@pytest.mark.parametrize(
    ("stream", "expected"), [(None, '{"messages": [HI]}'), (False, '{"messages": [HI], "stream": false}')]
)
async def test_complete_sends_stream_key_only_when_given(clients, emulator, stream, expected):
    """B5.4: ``stream=None`` omits the key, ``stream=False`` sends ``false``."""
    await resolve(clients.chat().complete(messages=[UserMessage("hi")], stream=stream))
    assert_body(emulator.last_request, expected.replace("HI", json_text(HI)))


async def test_complete_sends_stream_true_when_streaming(clients, emulator):
    """B5.4: ``stream=True`` sends ``"stream": true`` (the streaming path itself is B10)."""
    stream = await resolve(clients.chat(temperature=0.2).complete(messages=[UserMessage("hi")], stream=True))
    await close_stream(stream)
    assert_body(emulator.last_request, f'{{"messages": [{json_text(HI)}], "stream": true, "temperature": 0.2}}')


async def test_complete_sends_numbers_as_given(clients, emulator):
    """B5.5: Python JSON number formatting, no range checks or coercion."""
    await resolve(clients.chat().complete(messages=[UserMessage("hi")], temperature=7.25, top_p=0.0, max_tokens=100))
    expected = f'{{"messages": [{json_text(HI)}], "max_tokens": 100, "temperature": 7.25, "top_p": 0.0}}'
    assert_body(emulator.last_request, expected)


async def test_model_extras_overwrite_standard_keys_in_place(clients, emulator):
    """B5.6: an extra named like a standard key replaces it at the standard position; None extras are
    dropped; nested values go as they are (WIRE W5 ``out_s1``)."""
    extras = {"temperature": 1.5, "nullish": None, "nested": {"a": [1, 2]}}
    await resolve(clients.chat().complete(messages=[UserMessage("hi")], temperature=0.3, model_extras=extras))
    expected = f'{{"messages": [{json_text(HI)}], "temperature": 1.5, "nested": {{"a": [1, 2]}}}}'
    assert_body(emulator.last_request, expected)
    assert emulator.last_request.header("extra-parameters") == "pass-through"


async def test_per_call_model_extras_replace_sticky_extras(clients, emulator):
    """B5.6 (kept): per-call extras replace the constructor's entirely (no merge)."""
    client = clients.chat(model_extras={"ctor_extra": 1, "top_k": 5})
    await resolve(client.complete(messages=[UserMessage("hi")], model_extras={"call_extra": "x"}))
    assert_json_body(emulator.last_request, {"messages": [HI], "call_extra": "x"})


async def test_empty_per_call_model_extras_fall_back_to_sticky_extras(clients, emulator):
    """B5.6 (kept): per-call ``{}`` uses the constructor's extras."""
    client = clients.chat(model_extras={"ctor_extra": 1})
    await resolve(client.complete(messages=[UserMessage("hi")], model_extras={}))
    assert_json_body(emulator.last_request, {"messages": [HI], "ctor_extra": 1})
    assert emulator.last_request.header("extra-parameters") == "pass-through"


async def test_complete_escapes_non_ascii_text(clients, emulator):
    """B8.1: default ``json.dumps`` separators and ASCII escapes (exact captured body)."""
    await resolve(clients.chat().complete(messages=[UserMessage("h\u00e9llo \u4e16\u754c")], temperature=0.7))
    expected = '{"messages": [{"role": "user", "content": "h\\u00e9llo \\u4e16\\u754c"}], "temperature": 0.7}'
    assert_body(emulator.last_request, expected)


async def test_assistant_message_with_tool_calls_has_no_content_key(clients, emulator):
    """B5.11: an assistant message built from tool calls sends no ``content`` key."""
    emulator.script(Reply(json=CHAT_RESPONSE))
    call = {"id": "call_1", "function": {"name": "f", "arguments": "{}"}, "type": "function"}
    await resolve(clients.chat().complete(messages=[AssistantMessage(tool_calls=[call])]))  # type: ignore[list-item]
    assert_body(emulator.last_request, f'{{"messages": [{{"role": "assistant", "tool_calls": [{json_text(call)}]}}]}}')


W5_DEFAULTS = {
    "temperature": 0.5,
    "max_tokens": 100,
    "top_p": 0.9,
    "seed": 7,
    "frequency_penalty": 0.1,
    "presence_penalty": 0.2,
    "stop": ["END"],
    "model": "ctor-model",
    "response_format": "json_object",
    "tool_choice": "auto",
    "tools": [TOOL],
    "model_extras": {"ctor_extra": 1, "top_k": 5},
}
W5_STICKY_BODY = (
    f'{{"messages": [{json_text(HI)}], "frequency_penalty": 0.1, "max_tokens": 100, "model": "ctor-model", '
    '"presence_penalty": 0.2, "response_format": {"type": "json_object"}, "seed": 7, "stop": ["END"], '
    f'"temperature": 0.5, "tool_choice": "auto", "tools": [{json_text(TOOL)}], "top_p": 0.9, "ctor_extra": 1, '
    '"top_k": 5}'
)
W5_OVERRIDE_BODY = (
    f'{{"messages": [{json_text(HI)}], "frequency_penalty": 0.1, "max_tokens": 0, "model": "call-model", '
    '"presence_penalty": 0.2, "response_format": {"type": "text"}, "seed": 0, "stop": [], "temperature": 0.0, '
    '"tool_choice": "auto", "tools": [], "top_p": 0.9, "call_extra": "x"}'
)


async def test_w5_sticky_defaults_extras_and_overrides(clients, emulator):
    """W5 (B5.3, B5.6): the three captured bodies for a client with every default set: defaults only;
    falsy overrides with call extras replacing the client's; ``None`` and ``{}`` falling back."""
    client = clients.chat(**W5_DEFAULTS)
    overrides = {"temperature": 0.0, "max_tokens": 0, "model": "call-model", "response_format": "text"}
    overrides.update(stop=[], seed=0, tools=[], model_extras={"call_extra": "x"})
    await resolve(client.complete(messages=[UserMessage("hi")]))
    await resolve(client.complete(messages=[UserMessage("hi")], **overrides))
    await resolve(client.complete(messages=[UserMessage("hi")], temperature=None, model_extras={}))
    bodies = [request.body.decode() for request in emulator.requests]
    assert bodies == [W5_STICKY_BODY, W5_OVERRIDE_BODY, W5_STICKY_BODY]
    assert [request.header("extra-parameters") for request in emulator.requests] == ["pass-through"] * 3
