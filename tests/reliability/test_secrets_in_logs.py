"""No key or token in any log record (every level, ``logging_enable=True`` too), exception message or
``repr``/``str`` of a client, over every operation, sync and aio."""

from __future__ import annotations

import logging
import traceback
from typing import Any, Iterable, List

import pytest
from azure.core.credentials import AccessToken, AzureKeyCredential
from azure.core.exceptions import AzureError, ClientAuthenticationError

from azure.ai.inference.models import ImageEmbeddingInput, UserMessage

from tests.emulator import Fault, Reply
from tests.flavors import EMULATOR_KEY, ClientFactory, collect, resolve

QUESTION = [UserMessage("What is the capital of France?")]
WRONG_KEY = "sk-wrong-key-7d1f3c9e"
TOKEN = "test-entra-token"


def _formatted(records: Iterable[logging.LogRecord]) -> List[str]:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return [formatter.format(record) for record in records]


def _assert_no_secret(texts: Iterable[str], *secrets: str) -> None:
    texts = list(texts)
    leaks = [text for text in texts for secret in secrets if secret in text]
    assert leaks == []


def _error_texts(error: BaseException) -> List[str]:
    """The message, ``repr`` and formatted form of ``error`` and of every error chained to it."""
    texts: List[str] = []
    seen: List[BaseException] = []
    pending: List[Any] = [error]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or any(current is old for old in seen):
            continue
        seen.append(current)
        texts += [str(current), repr(current), *traceback.format_exception_only(type(current), current)]
        pending += [current.__cause__, current.__context__, getattr(current, "inner_exception", None)]
    return texts


async def _run(clients: ClientFactory, operation: str, **call_options: Any) -> Any:
    if operation == "complete":
        return await resolve(clients.chat(logging_enable=True).complete(messages=QUESTION, **call_options))
    if operation == "stream":
        stream = await resolve(clients.chat(logging_enable=True).complete(messages=QUESTION, stream=True, **call_options))
        return await collect(stream)
    if operation == "embed":
        return await resolve(clients.embeddings(logging_enable=True).embed(input=["hello"], **call_options))
    if operation == "image_embed":
        image = ImageEmbeddingInput(image="data:image/png;base64,iVBORw0KGgo=")
        return await resolve(clients.image_embeddings(logging_enable=True).embed(input=[image], **call_options))
    if operation == "get_model_info":
        return await resolve(clients.chat(logging_enable=True).get_model_info(**call_options))
    client = await clients.load_client(logging_enable=True)
    return await resolve(client.complete(messages=QUESTION, **call_options))


OPERATIONS = ["complete", "stream", "embed", "image_embed", "get_model_info", "load_client"]


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_network_trace_logging_never_logs_the_key(clients, emulator, caplog, operation):
    caplog.set_level(logging.DEBUG)
    result = await _run(clients, operation)
    texts = _formatted(caplog.records)
    assert result
    assert any("Request headers:" in text and "'api-key': 'REDACTED'" in text for text in texts)
    assert any("'Authorization': 'REDACTED'" in text for text in texts)
    _assert_no_secret(texts, EMULATOR_KEY)
    assert all(request.header("api-key") == EMULATOR_KEY for request in emulator.requests)


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_per_call_logging_enable_never_logs_the_key(clients, caplog, operation):
    caplog.set_level(logging.DEBUG)
    await _run(clients, operation, logging_enable=True)
    _assert_no_secret(_formatted(caplog.records), EMULATOR_KEY)


async def test_wrong_key_is_in_no_log_and_no_error_message(clients, caplog):
    caplog.set_level(logging.DEBUG)
    chat = clients.chat(credential=AzureKeyCredential(WRONG_KEY), logging_enable=True)
    with pytest.raises(ClientAuthenticationError) as raised:
        await resolve(chat.complete(messages=QUESTION))
    _assert_no_secret(_formatted(caplog.records) + _error_texts(raised.value), WRONG_KEY)
    assert raised.value.status_code == 401


@pytest.mark.parametrize(
    "reply",
    [
        Reply(500, json={"error": {"code": "500", "message": "boom"}}),
        Reply(fault=Fault.RESET_BEFORE_RESPONSE),
        Reply(json={"id": "x" * 100}, fault=Fault.RESET_MID_BODY),
    ],
    ids=["server-error", "reset-before-response", "reset-mid-body"],
)
async def test_failed_calls_log_and_raise_without_the_key(clients, emulator, caplog, record_waits, reply):
    caplog.set_level(logging.DEBUG)
    chat = clients.chat(logging_enable=True)
    record_waits(chat)
    emulator.script(*[reply] * 4)
    with pytest.raises(AzureError) as raised:
        await resolve(chat.complete(messages=QUESTION))
    _assert_no_secret(_formatted(caplog.records) + _error_texts(raised.value), EMULATOR_KEY)


async def test_refused_connection_logs_and_raises_without_the_key(clients, closed_port_url, caplog, record_waits):
    caplog.set_level(logging.DEBUG)
    chat = clients.chat(endpoint=closed_port_url, logging_enable=True)
    record_waits(chat)
    with pytest.raises(AzureError) as raised:
        await resolve(chat.complete(messages=QUESTION))
    _assert_no_secret(_formatted(caplog.records) + _error_texts(raised.value), EMULATOR_KEY)


async def test_bearer_token_is_never_logged(clients, emulator, caplog):
    caplog.set_level(logging.DEBUG)
    credential = clients.token_credential(lambda *scopes, **kwargs: AccessToken(TOKEN, 4_102_444_800))
    chat = clients.chat(credential=credential, logging_enable=True)
    result = await resolve(chat.complete(messages=QUESTION, enforce_https=False))
    assert "Paris" in result.choices[0].message.content
    assert emulator.last_request.header("authorization") == f"Bearer {TOKEN}"
    _assert_no_secret(_formatted(caplog.records), TOKEN)


async def test_client_repr_and_str_show_no_key(clients):
    chat = clients.chat()
    loaded = await clients.load_client()
    shown = [repr(chat), str(chat), repr(loaded), str(loaded), repr(chat._config), str(chat._config)]
    shown += [repr(chat._config.credential), repr(chat._config.authentication_policy), repr(chat._client)]
    _assert_no_secret(shown, EMULATOR_KEY)
    assert "model_name" in str(loaded)


async def test_credential_type_error_does_not_show_a_string_key(clients):
    with pytest.raises(TypeError) as raised:
        clients.chat(credential="sk-plain-string-key")
    assert "str" in str(raised.value)
    _assert_no_secret(_error_texts(raised.value), "sk-plain-string-key")
