"""Embeddings, image embeddings and ``/info`` requests of the SDK, validated by Prism (see test_contract_chat.py).

Known differences between the documents and the SDK that requests cannot show (they are about
responses, which Prism generates itself here):

* ``ModelInfo.model_type``: the documents' enum is ``embeddings`` / ``chat-completion``; the SDK's
  ``ModelType`` has ``chat_completion`` (underscore), ``image_embeddings`` and others, and keeps the
  service's ``chat-completion`` as a plain string (``load_client`` accepts both spellings).
* ``EmbeddingItem.embedding`` is an array of numbers in the documents; with ``encoding_format=base64``
  services send a base64 string, which the SDK types as ``Union[str, List[float]]`` and leaves encoded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient, load_client
from azure.ai.inference.models import EmbeddingEncodingFormat, EmbeddingInputType, ImageEmbeddingInput
from azure.core.credentials import AzureKeyCredential
from conftest import CONTRACT_KEY, ContractCase

DATA = Path(__file__).resolve().parents[2] / "samples" / "data"


def test_minimal_embeddings_request_is_valid(contract: ContractCase) -> None:
    client = contract.client("EmbeddingsClient")
    result = contract.accepted(lambda: client.embed(input=["first phrase", "second phrase"]))
    assert contract.last_body == {"input": ["first phrase", "second phrase"]}
    assert "/embeddings?" in contract.sent[-1]["url"]
    assert isinstance(result.data, list)


@pytest.mark.parametrize("encoding_format", list(EmbeddingEncodingFormat))
def test_every_encoding_format_is_valid(contract: ContractCase, encoding_format: Any) -> None:
    client = contract.client("EmbeddingsClient")
    contract.accepted(lambda: client.embed(input=["phrase"], encoding_format=encoding_format))
    assert contract.last_body["encoding_format"] == encoding_format.value


@pytest.mark.parametrize("input_type", list(EmbeddingInputType))
def test_every_input_type_with_all_options_is_valid(contract: ContractCase, input_type: Any) -> None:
    client = contract.client("EmbeddingsClient")
    contract.accepted(
        lambda: client.embed(input=["phrase"], input_type=input_type, dimensions=256, model="my-model")
    )
    assert contract.last_body == {
        "input": ["phrase"],
        "dimensions": 256,
        "input_type": input_type.value,
        "model": "my-model",
    }


def test_embeddings_client_defaults_and_model_extras_are_valid(contract: ContractCase) -> None:
    client = contract.client("EmbeddingsClient", dimensions=64, encoding_format="float", input_type="query")
    contract.accepted(lambda: client.embed(input=["phrase"], model_extras={"truncate": "END"}))
    assert contract.sent[-1]["headers"]["extra-parameters"] == "pass-through"
    assert (contract.last_body["dimensions"], contract.last_body["truncate"]) == (64, "END")


def test_image_embeddings_request_is_valid(contract: ContractCase) -> None:
    client = contract.client("ImageEmbeddingsClient")
    image_file = str(DATA / "sample1.png")
    inputs = [
        ImageEmbeddingInput.load(image_file=image_file, image_format="png"),
        ImageEmbeddingInput.load(image_file=image_file, image_format="png", text="a gradient"),
    ]
    contract.accepted(
        lambda: client.embed(input=inputs, dimensions=32, encoding_format="base64", input_type="document")
    )
    sent = contract.last_body
    assert "/images/embeddings?" in contract.sent[-1]["url"]
    assert [sorted(item) for item in sent["input"]] == [["image"], ["image", "text"]]
    assert sent["input"][0]["image"].startswith("data:image/png;base64,")


@pytest.mark.parametrize("kind", ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient"])
def test_get_model_info_request_is_valid(contract: ContractCase, kind: str) -> None:
    client = contract.client(kind)
    info = contract.accepted(client.get_model_info)
    assert contract.sent[-1]["url"] == f"{contract.server.url}/info?api-version={contract.version}"
    assert contract.sent[-1]["body"] is None
    assert info.model_type in ("embeddings", "chat-completion")


def test_load_client_request_is_valid(contract: ContractCase) -> None:
    client = load_client(
        contract.server.url,
        AzureKeyCredential(CONTRACT_KEY),
        api_version=contract.version,
        raw_request_hook=contract.record_request,
        raw_response_hook=contract.record_response,
    )
    try:
        assert (contract.sent[-1]["url"], contract.statuses[-1]) == (
            f"{contract.server.url}/info?api-version={contract.version}",
            200,
        )
        assert isinstance(client, (ChatCompletionsClient, EmbeddingsClient))
    finally:
        client.close()
