"""B2: authentication headers for key and token credentials."""

from __future__ import annotations

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import ServiceRequestError

from azure.ai.inference.models import UserMessage
from tests.behavior.wire import ENTRA_TOKEN, TokenSource, assert_key_auth, assert_token_auth
from tests.flavors import EMULATOR_KEY, resolve

MESSAGES = [UserMessage("hi")]
AOAI_SCOPE = "https://cognitiveservices.azure.com/.default"


async def test_key_credential_sends_api_key_and_bearer_headers(clients, emulator):
    """B2.1: AzureKeyCredential("K") -> ``api-key: K`` and ``Authorization: Bearer K`` on every request."""
    client = clients.chat()
    await resolve(client.complete(messages=MESSAGES))
    await resolve(client.get_model_info())
    for request in emulator.requests:
        assert_key_auth(request, EMULATOR_KEY)


async def test_key_credential_update_changes_both_headers(clients, emulator):
    """B2.2 (fixed): after ``update()`` both ``Authorization`` and ``api-key`` carry the new key."""
    credential = AzureKeyCredential("old-key")
    client = clients.chat(credential=credential)
    credential.update(EMULATOR_KEY)
    await resolve(client.complete(messages=MESSAGES))
    assert_key_auth(emulator.last_request, EMULATOR_KEY)


@pytest.mark.parametrize("name", ["api-key", "API-Key"])
async def test_constructor_api_key_header_wins_over_the_key(clients, emulator, name):
    """B2.2/B2.7: a constructor ``headers={"api-key": X}`` (any case) is sent instead of the key;
    ``Authorization`` still carries the key."""
    client = clients.chat(credential=AzureKeyCredential("other-key"), headers={name: EMULATOR_KEY})
    await resolve(client.complete(messages=MESSAGES))
    assert emulator.last_request.header("api-key") == EMULATOR_KEY
    assert emulator.last_request.header("authorization") == "Bearer other-key"


async def test_per_call_auth_headers_are_overridden_by_the_key_credential(clients, emulator):
    """B2.7: per-call ``api-key``/``Authorization`` headers are replaced by the credential's."""
    client = clients.chat()
    headers = {"api-key": "call-key", "Authorization": "Bearer call-key"}
    await resolve(client.complete(messages=MESSAGES, headers=headers))
    assert_key_auth(emulator.last_request, EMULATOR_KEY)


async def test_per_call_authorization_is_overridden_by_the_token_credential(clients, emulator):
    """B2.7: the bearer policy overwrites a per-call ``Authorization`` header."""
    client = clients.chat(credential=clients.token_credential(TokenSource()))
    await resolve(client.complete(messages=MESSAGES, headers={"Authorization": "Bearer x"}, enforce_https=False))
    assert_token_auth(emulator.last_request, ENTRA_TOKEN)


async def test_token_credential_sends_only_bearer_token(clients, emulator):
    """B2.3: a token credential -> ``Authorization: Bearer <token>``, no ``api-key``."""
    client = clients.chat(credential=clients.token_credential(TokenSource()))
    await resolve(client.complete(messages=MESSAGES, enforce_https=False))
    assert_token_auth(emulator.last_request, ENTRA_TOKEN)


async def test_token_is_requested_for_the_default_scope(clients):
    """B2.3: ``get_token`` is called with ``("https://ml.azure.com/.default",)`` and no keyword arguments."""
    source = TokenSource()
    client = clients.chat(credential=clients.token_credential(source))
    await resolve(client.complete(messages=MESSAGES, enforce_https=False))
    assert source.calls == [(("https://ml.azure.com/.default",), {})]


async def test_token_is_requested_for_the_constructor_scopes(clients):
    """B2.3: ``credential_scopes=[...]`` replaces the default scope."""
    source = TokenSource()
    client = clients.chat(credential=clients.token_credential(source), credential_scopes=[AOAI_SCOPE])
    await resolve(client.complete(messages=MESSAGES, enforce_https=False))
    assert [scopes for scopes, _ in source.calls] == [(AOAI_SCOPE,)]


async def test_token_is_cached_between_calls(clients, emulator):
    """B2.4: two requests -> one ``get_token`` call; both carry the token."""
    source = TokenSource()
    client = clients.chat(credential=clients.token_credential(source))
    await resolve(client.complete(messages=MESSAGES, enforce_https=False))
    await resolve(client.complete(messages=MESSAGES, enforce_https=False))
    assert len(source.calls) == 1
    assert [request.header("authorization") for request in emulator.requests] == [f"Bearer {ENTRA_TOKEN}"] * 2


async def test_token_auth_over_http_is_refused_before_sending(clients, emulator):
    """B2.5: bearer-token auth over ``http://`` -> ServiceRequestError, nothing sent."""
    client = clients.chat(credential=clients.token_credential(TokenSource()))
    with pytest.raises(ServiceRequestError) as caught:
        await resolve(client.complete(messages=MESSAGES))
    assert caught.value.message == (
        "Bearer token authentication is not permitted for non-TLS protected (non-https) URLs."
    )
    assert emulator.requests == []


async def test_key_auth_over_http_is_allowed(clients, emulator):
    """B2.5: key auth has no https check."""
    client = clients.chat()
    result = await resolve(client.complete(messages=MESSAGES))
    assert result.choices[0].message.role == "assistant"
    assert emulator.last_request.header("api-key") == EMULATOR_KEY


async def test_async_client_awaits_async_token_credential(clients, emulator):
    """B2.6: the client of each flavor uses its flavor's credential (aio: awaited ``get_token``)."""
    source = TokenSource()
    credential = clients.token_credential(source)
    client = clients.embeddings(credential=credential)
    await resolve(client.embed(input=["x"], enforce_https=False))
    assert len(source.calls) == 1
    assert_token_auth(emulator.last_request, ENTRA_TOKEN)
