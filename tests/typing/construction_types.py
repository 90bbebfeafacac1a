"""User-style construction of the clients: azure-core options accepted, misspelt names rejected.

Never run: ``mypy --strict`` and pyright (strict) check it (``test_typing.py``). A line ending in
``# type: ignore[<code>]`` must be an error: both checkers report an ignore that is not needed.
"""

import logging
from typing import Any, Union

from typing_extensions import assert_type

from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient, ImageEmbeddingsClient, load_client
from azure.ai.inference.aio import ChatCompletionsClient as AsyncChatCompletionsClient
from azure.ai.inference.models import JsonSchemaFormat
from azure.core.credentials import AzureKeyCredential, TokenCredential
from azure.core.pipeline.policies import RetryPolicy
from azure.core.pipeline.transport import RequestsTransport

KEY = AzureKeyCredential("key")


def with_azure_core_options(token: TokenCredential) -> None:
    """Constructor options 1.0.0b9 code passes, each an azure-core option."""
    ChatCompletionsClient(
        "https://example.invalid",
        token,
        api_version="2024-05-01-preview",
        credential_scopes=["https://cognitiveservices.azure.com/.default"],
        logging_enable=True,
        logger=logging.getLogger("app"),
        user_agent="app/1.0",
        headers={"x-app": "1"},
        retry_total=3,
        retry_policy=RetryPolicy(retry_total=1),
        transport=RequestsTransport(),
        connection_timeout=5,
        read_timeout=60,
        connection_verify=True,
        temperature=0.5,
        max_tokens=100,
        response_format=JsonSchemaFormat(name="answer", schema={"type": "object"}),
        model_extras={"key": "value"},
    )
    EmbeddingsClient("https://example.invalid", KEY, dimensions=256, encoding_format="float", retry_total=0)
    ImageEmbeddingsClient("https://example.invalid", KEY, input_type="text", logging_enable=False)
    AsyncChatCompletionsClient("https://example.invalid", KEY, seed=1, per_call_policies=[])


def misspelt_options() -> None:
    ChatCompletionsClient("https://example.invalid", KEY, temprature=0.5)  # type: ignore[call-arg]
    ChatCompletionsClient("https://example.invalid", KEY, retry_totl=2)  # type: ignore[call-arg]
    EmbeddingsClient("https://example.invalid", KEY, dimension=3)  # type: ignore[call-arg]
    AsyncChatCompletionsClient("https://example.invalid", KEY, loging_enable=True)  # type: ignore[call-arg]
    ChatCompletionsClient("https://example.invalid", KEY, timeout="soon")  # type: ignore[arg-type]


def loaded() -> None:
    client = load_client("https://example.invalid", KEY, logging_enable=True, temperature=0.1, dimensions=8)
    assert_type(client, Union[ChatCompletionsClient, EmbeddingsClient, ImageEmbeddingsClient])
    load_client("https://example.invalid", KEY, temprature=0.1)  # type: ignore[call-arg]


def context_managers() -> None:
    with ChatCompletionsClient("https://example.invalid", KEY) as chat:
        assert_type(chat, ChatCompletionsClient)


def unused(value: Any) -> None:
    print(value)
