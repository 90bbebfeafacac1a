"""B1: client construction (endpoint, credential, api_version, sticky defaults, headers, no I/O)."""

from __future__ import annotations

import pytest
from azure.core.credentials import AzureKeyCredential

from azure.ai.inference.models import JsonSchemaFormat, UserMessage
from tests.behavior.wire import TokenSource, assert_json_body, assert_key_auth, unsupported_response_format_message
from tests.flavors import EMULATOR_KEY, resolve

CLIENT_NAMES = ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient"]


@pytest.mark.parametrize("name", CLIENT_NAMES)
async def test_constructor_rejects_none_endpoint(clients, name):
    """B1.1: ``endpoint=None`` -> ValueError naming the parameter."""
    with pytest.raises(ValueError) as caught:
        getattr(clients.package, name)(None, AzureKeyCredential("k"))
    assert str(caught.value) == "Parameter 'endpoint' must not be None."


@pytest.mark.parametrize("name", CLIENT_NAMES)
async def test_constructor_rejects_none_credential(clients, name):
    """B1.1: ``credential=None`` -> ValueError naming the parameter."""
    with pytest.raises(ValueError) as caught:
        getattr(clients.package, name)(clients.endpoint, None)
    assert str(caught.value) == "Parameter 'credential' must not be None."


async def test_constructor_accepts_endpoint_and_credential_as_keywords(clients, emulator):
    """B1.1: endpoint and credential may be passed by keyword."""
    client = clients.package.ChatCompletionsClient(
        endpoint=clients.endpoint, credential=AzureKeyCredential(EMULATOR_KEY)
    )
    try:
        await resolve(client.complete(messages=[UserMessage("hi")]))
    finally:
        await resolve(client.close())
    assert emulator.last_request.path == "/chat/completions"
    assert_key_auth(emulator.last_request, EMULATOR_KEY)


async def test_constructor_takes_defaults_only_as_keywords(clients):
    """B1.1: every parameter after endpoint and credential is keyword-only."""
    with pytest.raises(TypeError) as caught:
        clients.package.ChatCompletionsClient(clients.endpoint, AzureKeyCredential("k"), 0.5)
    assert "positional" in str(caught.value)


@pytest.mark.parametrize("endpoint", ["not a url at all/", "ftp://h/x/", ""])
async def test_constructor_stores_endpoint_verbatim(clients, endpoint):
    """B1.2: the endpoint is stored as given: no validation, no trailing-slash normalisation."""
    client = clients.chat(endpoint=endpoint)
    assert client._config.endpoint == endpoint


async def test_constructor_rejects_plain_string_credential_without_showing_it(clients):
    """B1.3 (changed): a credential that is neither a key nor has ``get_token`` -> TypeError that starts
    "Unsupported credential:", names the argument and the type, and never shows the value (a key)."""
    with pytest.raises(TypeError) as caught:
        clients.package.ChatCompletionsClient(clients.endpoint, "secret-key-value")
    message = str(caught.value)
    assert message.startswith("Unsupported credential:")
    assert "'credential'" in message
    assert "str" in message
    assert "secret-key-value" not in message


async def test_constructor_uses_token_auth_for_object_with_get_token(clients, emulator):
    """B1.3: any object with ``get_token`` selects bearer-token authentication."""
    credential = clients.token_credential(TokenSource())
    client = clients.chat(credential=credential)
    await resolve(client.complete(messages=[UserMessage("hi")], enforce_https=False))
    assert emulator.last_request.header("authorization") == "Bearer test-entra-token"
    assert emulator.last_request.header("api-key") is None


async def test_api_version_is_used_for_every_request_including_info(clients, emulator):
    """B1.4: the constructor's ``api_version`` is the query of every request of the client."""
    client = clients.chat(api_version="2024-06-01")
    await resolve(client.complete(messages=[UserMessage("hi")]))
    await resolve(client.get_model_info())
    assert [request.query for request in emulator.requests] == [[("api-version", "2024-06-01")]] * 2


async def test_chat_client_sends_sticky_defaults_in_keyword_form(clients, emulator):
    """B1.5: the twelve chat defaults are used by ``complete`` (W5 first body)."""
    client = clients.chat(**_CHAT_DEFAULTS)
    await resolve(client.complete(messages=[UserMessage("hi")]))
    assert_json_body(emulator.last_request, _CHAT_DEFAULTS_BODY)


@pytest.mark.parametrize("factory", ["embeddings", "image_embeddings"])
async def test_embeddings_clients_store_sticky_defaults(clients, emulator, factory):
    """B1.5: the five embeddings defaults are stored by both embeddings clients and sent by ``embed``."""
    client = getattr(clients, factory)(dimensions=4, encoding_format="float", input_type="query", model="m")
    embed_input = ["x"] if factory == "embeddings" else [{"image": "data:image/png;base64,AAAA"}]
    await resolve(client.embed(input=embed_input))
    expected = {"input": embed_input, "dimensions": 4, "encoding_format": "float", "input_type": "query", "model": "m"}
    assert_json_body(emulator.last_request, expected)


async def test_constructor_converts_response_format_immediately(clients, emulator):
    """B1.6: a sticky ``response_format`` is converted to its wire form at construction."""
    schema = JsonSchemaFormat(name="N", schema={"type": "object"})
    client = clients.chat(response_format=schema)
    await resolve(client.complete(messages=[UserMessage("hi")]))
    expected = {"type": "json_schema", "json_schema": {"name": "N", "schema": {"type": "object"}}}
    assert emulator.last_request.json()["response_format"] == expected


@pytest.mark.parametrize("value", ["JSON_OBJECT", "json_schema", {"type": "yaml"}, 5])
async def test_constructor_rejects_unsupported_response_format(clients, value):
    """B1.6: an unsupported sticky ``response_format`` raises from the constructor."""
    with pytest.raises(ValueError) as caught:
        clients.package.ChatCompletionsClient(clients.endpoint, AzureKeyCredential("k"), response_format=value)
    assert str(caught.value) == unsupported_response_format_message(value)


async def test_constructor_does_not_mutate_the_callers_headers(clients, emulator):
    """B1.7 (changed, see B2.2): the caller's ``headers`` dict is left as it was."""
    headers = {"x-custom": "1"}
    client = clients.chat(headers=headers)
    await resolve(client.complete(messages=[UserMessage("hi")]))
    assert headers == {"x-custom": "1"}
    assert emulator.last_request.header("x-custom") == "1"


@pytest.mark.parametrize("name", CLIENT_NAMES)
async def test_constructing_a_client_performs_no_io(clients, emulator, name):
    """B1.8: constructing a client sends nothing."""
    client = getattr(clients.package, name)(clients.endpoint, AzureKeyCredential(EMULATOR_KEY))
    await resolve(client.close())
    assert emulator.requests == []


async def test_constructor_accepts_unknown_keyword_arguments(clients, emulator):
    """B1.9: an unknown constructor kwarg goes on to azure-core, which ignores it, as in 1.0.0b9."""
    client = clients.chat(no_such_option=1)
    assert emulator.requests == []
    result = await resolve(client.complete(messages=[UserMessage("hi")]))
    assert result.choices[0].message.content and "no_such_option" not in emulator.last_request.text()


_CHAT_DEFAULTS = {
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
    "tools": [{"function": {"name": "f"}, "type": "function"}],
    "model_extras": {"ctor_extra": 1, "top_k": 5},
}
_CHAT_DEFAULTS_BODY = {
    "messages": [{"role": "user", "content": "hi"}],
    "frequency_penalty": 0.1,
    "max_tokens": 100,
    "model": "ctor-model",
    "presence_penalty": 0.2,
    "response_format": {"type": "json_object"},
    "seed": 7,
    "stop": ["END"],
    "temperature": 0.5,
    "tool_choice": "auto",
    "tools": [{"function": {"name": "f"}, "type": "function"}],
    "top_p": 0.9,
    "ctor_extra": 1,
    "top_k": 5,
}
