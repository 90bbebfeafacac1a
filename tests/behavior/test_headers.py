"""B4: Accept, Content-Type, User-Agent, request id, ``extra-parameters`` and custom header precedence."""

from __future__ import annotations

import re

import pytest

from azure.ai.inference.models import UserMessage
from tests.behavior.wire import REQUEST_ID, SDK_USER_AGENT
from tests.flavors import close_stream, resolve

MESSAGES = [UserMessage("hi")]
SDK_PART = SDK_USER_AGENT.pattern.strip("^$")


async def test_every_operation_accepts_json(clients, emulator):
    """B4.1: ``Accept: application/json`` on complete, embed and get_model_info."""
    await resolve(clients.chat().complete(messages=MESSAGES))
    await resolve(clients.embeddings().embed(input=["x"]))
    await resolve(clients.chat().get_model_info())
    assert [request.header("accept") for request in emulator.requests] == ["application/json"] * 3


async def test_streaming_complete_also_accepts_json(clients, emulator):
    """B4.1: a streaming request still sends ``Accept: application/json`` (not text/event-stream)."""
    stream = await resolve(clients.chat().complete(messages=MESSAGES, stream=True))
    await close_stream(stream)
    assert emulator.last_request.header("accept") == "application/json"


async def test_per_call_accept_header_replaces_the_default(clients, emulator):
    """B4.1: a per-call ``Accept`` header is sent instead."""
    await resolve(clients.chat().complete(messages=MESSAGES, headers={"Accept": "application/x-custom"}))
    assert emulator.last_request.header("accept") == "application/x-custom"


async def test_post_operations_send_json_content_type(clients, emulator):
    """B4.2: ``Content-Type: application/json`` on POST operations by default."""
    await resolve(clients.chat().complete(messages=MESSAGES))
    await resolve(clients.embeddings().embed(input=["x"]))
    assert [request.header("content-type") for request in emulator.requests] == ["application/json"] * 2


async def test_content_type_keyword_wins_over_header(clients, emulator):
    """B4.2: ``content_type=`` beats a per-call ``Content-Type`` header."""
    headers = {"Content-Type": "application/from-header"}
    await resolve(clients.chat().complete(messages=MESSAGES, content_type="application/json", headers=headers))
    assert emulator.last_request.header("content-type") == "application/json"
    assert [name.lower() for name, _ in emulator.last_request.headers].count("content-type") == 1


async def test_per_call_content_type_header_replaces_the_default(clients, emulator):
    """B4.2: a per-call ``Content-Type`` header beats the default."""
    headers = {"content-type": "application/json; charset=utf-8"}
    await resolve(clients.chat().complete(messages=MESSAGES, headers=headers))
    assert emulator.last_request.header("content-type") == "application/json; charset=utf-8"


async def test_get_model_info_sends_no_content_type(clients, emulator):
    """B4.2: GET ``/info`` has no body and no Content-Type."""
    await resolve(clients.chat().get_model_info())
    assert emulator.last_request.header("content-type") is None
    assert emulator.last_request.body == b""


async def test_user_agent_names_the_sdk_and_python(clients, emulator):
    """B4.3: ``azsdk-python-ai-inference/<version> Python/<version> (<platform>)``."""
    await resolve(clients.chat().complete(messages=MESSAGES))
    assert SDK_USER_AGENT.match(emulator.last_request.header("user-agent") or "")


async def test_user_agent_prefixes_from_constructor_and_call(clients, emulator):
    """B4.3: constructor ``user_agent`` prefixes the SDK's, and a per-call one prefixes again."""
    client = clients.chat(user_agent="MyApp/1.2")
    await resolve(client.complete(messages=MESSAGES))
    await resolve(client.complete(messages=MESSAGES, user_agent="PerCall/9"))
    first, second = (request.header("user-agent") or "" for request in emulator.requests)
    assert re.match(f"^MyApp/1\\.2 {SDK_PART}$", first)
    assert re.match(f"^PerCall/9 MyApp/1\\.2 {SDK_PART}$", second)


async def test_user_agent_appends_environment_value(clients, emulator, monkeypatch):
    """B4.3: ``AZURE_HTTP_USER_AGENT`` is appended after a space."""
    monkeypatch.setenv("AZURE_HTTP_USER_AGENT", "EnvUA/3")
    await resolve(clients.chat().complete(messages=MESSAGES))
    assert re.match(f"^{SDK_PART} EnvUA/3$", emulator.last_request.header("user-agent") or "")


async def test_each_request_gets_a_fresh_client_request_id(clients, emulator):
    """B4.4: ``x-ms-client-request-id`` is a new UUID1 per request."""
    client = clients.chat()
    await resolve(client.complete(messages=MESSAGES))
    await resolve(client.complete(messages=MESSAGES))
    ids = [request.header("x-ms-client-request-id") or "" for request in emulator.requests]
    assert all(REQUEST_ID.match(value) for value in ids)
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    "option", [{"request_id": "my-id"}, {"headers": {"x-ms-client-request-id": "my-id"}}], ids=["kwarg", "header"]
)
async def test_request_id_can_be_chosen_per_call(clients, emulator, option):
    """B4.4: the per-call ``request_id`` kwarg or header replaces the generated id."""
    await resolve(clients.chat().complete(messages=MESSAGES, **option))
    assert emulator.last_request.header("x-ms-client-request-id") == "my-id"


async def test_complete_sends_no_extra_parameters_header_without_model_extras(clients, emulator):
    """B4.5: without model_extras the SDK never sends ``extra-parameters``."""
    await resolve(clients.chat(temperature=0.1).complete(messages=MESSAGES, seed=1))
    assert emulator.last_request.header("extra-parameters") is None


@pytest.mark.parametrize("where", ["call", "constructor"])
async def test_complete_sends_extra_parameters_header_when_model_extras_given(clients, emulator, where):
    """B4.5: merged model_extras (per call or sticky) -> ``extra-parameters: pass-through``."""
    extras = {"model_extras": {"top_k": 2}}
    client = clients.chat(**extras) if where == "constructor" else clients.chat()
    await resolve(client.complete(messages=MESSAGES, **(extras if where == "call" else {})))
    assert emulator.last_request.header("extra-parameters") == "pass-through"


async def test_per_call_extra_parameters_header_is_sent_as_is_without_extras(clients, emulator):
    """B4.5: a per-call ``extra-parameters: drop`` is sent when no extras are merged."""
    await resolve(clients.chat().complete(messages=MESSAGES, headers={"extra-parameters": "drop"}))
    assert emulator.last_request.header("extra-parameters") == "drop"


async def test_per_call_extra_parameters_header_is_overwritten_when_extras_merged(clients, emulator):
    """B4.5: merged extras overwrite a per-call ``extra-parameters`` header with ``pass-through``."""
    headers = {"Extra-Parameters": "drop"}
    await resolve(clients.chat().complete(messages=MESSAGES, model_extras={"top_k": 2}, headers=headers))
    assert emulator.last_request.header("extra-parameters") == "pass-through"
    assert [name.lower() for name, _ in emulator.last_request.headers].count("extra-parameters") == 1


async def test_embed_sends_extra_parameters_header_when_model_extras_given(clients, emulator):
    """B4.5/B6.2: the same rule for ``embed``."""
    await resolve(clients.embeddings().embed(input=["x"], model_extras={"truncate": "END"}))
    assert emulator.last_request.header("extra-parameters") == "pass-through"


async def test_constructor_headers_overwrite_per_call_headers_of_the_same_name(clients, emulator):
    """B4.6 (kept; B1.10 order): client-level headers win over per-call ones; distinct names all go."""
    client = clients.chat(headers={"x-a": "client", "x-b": "client"})
    await resolve(client.complete(messages=MESSAGES, headers={"X-A": "call", "x-c": "call"}))
    request = emulator.last_request
    assert [request.header(name) for name in ("x-a", "x-b", "x-c")] == ["client", "client", "call"]
    assert [name.lower() for name, _ in request.headers].count("x-a") == 1


async def test_per_call_headers_dict_is_not_modified(clients, emulator):
    """B4.2/B4.5: the SDK works on a copy of the per-call ``headers`` (Content-Type taken out, extras
    header added)."""
    headers = {"Content-Type": "application/json", "x-a": "1"}
    await resolve(clients.chat().complete(messages=MESSAGES, headers=headers, model_extras={"top_k": 1}))
    assert headers == {"Content-Type": "application/json", "x-a": "1"}
    assert emulator.last_request.header("extra-parameters") == "pass-through"
