"""B16 (W16): what is logged: redacted summaries by default, full traces only when asked."""

from __future__ import annotations

import logging
from typing import List

import pytest
from azure.core.credentials import AzureKeyCredential

from azure.ai.inference.models import UserMessage
from tests.flavors import EMULATOR_KEY, resolve

HTTP_LOGGER = "azure.core.pipeline.policies.http_logging_policy"
TRACE_LOGGER = "azure.core.pipeline.policies._universal"


def _messages(caplog: pytest.LogCaptureFixture, logger: str) -> List[str]:
    return [record.getMessage() for record in caplog.records if record.name == logger]


async def test_default_logging_redacts_credentials(clients, emulator, caplog):
    """B16.1: INFO summaries show ``api-key`` and ``Authorization`` as REDACTED, never the key."""
    with caplog.at_level(logging.INFO, logger=HTTP_LOGGER):
        await resolve(clients.chat().complete(messages=[UserMessage("secret question")]))
    request_log, response_log = _messages(caplog, HTTP_LOGGER)
    assert "    'api-key': 'REDACTED'" in request_log.splitlines()
    assert "    'Authorization': 'REDACTED'" in request_log.splitlines()
    assert "A body is sent with the request" in request_log
    assert EMULATOR_KEY not in request_log + response_log
    assert "secret question" not in request_log
    assert response_log.startswith("Response status: 200")


async def test_default_logging_shows_url_and_method(clients, emulator, caplog):
    """B16.1 (W16): the summary starts with the request URL and method."""
    with caplog.at_level(logging.INFO, logger=HTTP_LOGGER):
        await resolve(clients.chat().complete(messages=[UserMessage("x")]))
    lines = _messages(caplog, HTTP_LOGGER)[0].splitlines()
    assert lines[:2] == [
        f"Request URL: '{clients.endpoint}/chat/completions?api-version=2024-05-01-preview'",
        "Request method: 'POST'",
    ]


async def test_no_network_trace_without_logging_enable(clients, emulator, caplog):
    """B16.2: the DEBUG network trace is off by default."""
    with caplog.at_level(logging.DEBUG, logger=TRACE_LOGGER):
        await resolve(clients.chat().complete(messages=[UserMessage("x")]))
    assert _messages(caplog, TRACE_LOGGER) == []


@pytest.mark.parametrize("where", ["constructor", "call"])
async def test_logging_enable_traces_the_full_request(clients, emulator, caplog, where):
    """B16.2 (changed, see CHANGELOG): ``logging_enable=True`` logs headers and body at DEBUG, secrets redacted."""
    client = clients.chat(logging_enable=True) if where == "constructor" else clients.chat()
    options = {"logging_enable": True} if where == "call" else {}
    with caplog.at_level(logging.DEBUG, logger=TRACE_LOGGER):
        await resolve(client.complete(messages=[UserMessage("x")], **options))
    request_log = _messages(caplog, TRACE_LOGGER)[0]
    assert "    'api-key': 'REDACTED'" in request_log.splitlines()
    assert "    'Authorization': 'REDACTED'" in request_log.splitlines()
    assert EMULATOR_KEY not in request_log
    assert "Request body:" in request_log
    assert '{"messages": [{"role": "user", "content": "x"}]}' in request_log


async def test_sdk_logs_nothing_of_its_own_for_operations(clients, emulator, caplog):
    """B16.3: ``complete``/``embed``/``get_model_info`` log nothing on ``azure.ai.inference`` loggers."""
    with caplog.at_level(logging.DEBUG, logger="azure.ai.inference"):
        await resolve(clients.chat().complete(messages=[UserMessage("x")]))
        await resolve(clients.embeddings().embed(input=["x"]))
        await resolve(clients.chat().get_model_info())
    assert [record.name for record in caplog.records if record.name.startswith("azure.ai.inference")] == []


async def test_unsupported_credential_error_does_not_reach_logs(clients, caplog):
    """B16.3/B1.3: a rejected plain-string key is neither in the message nor logged."""
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(TypeError) as caught:
            clients.package.ChatCompletionsClient(clients.endpoint, "plain-secret")
    assert "plain-secret" not in str(caught.value)
    assert all("plain-secret" not in record.getMessage() for record in caplog.records)


async def test_updated_key_is_redacted_too(clients, emulator, caplog):
    """B16.1 with B2.2: after ``update()`` neither the old nor the new key is logged."""
    credential = AzureKeyCredential("old-secret")
    client = clients.chat(credential=credential)
    credential.update(EMULATOR_KEY)
    with caplog.at_level(logging.INFO, logger=HTTP_LOGGER):
        await resolve(client.complete(messages=[UserMessage("x")]))
    text = "\n".join(_messages(caplog, HTTP_LOGGER))
    assert (EMULATOR_KEY in text, "old-secret" in text) == (False, False)
