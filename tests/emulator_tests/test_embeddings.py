"""Text and image embeddings: deterministic unit vectors, dimensions, encodings, usage, validation."""

from __future__ import annotations

import base64
import math
import struct
from typing import Any, Dict

import pytest

from .conftest import API_VERSION, JsonClient

IMAGE = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _embed(client: JsonClient, route: str = "/embeddings", **options: Any) -> Dict[str, Any]:
    status, body = client.post(f"{route}?api-version={API_VERSION}", options)
    assert status == 200, body
    return dict(body)


def test_embeddings_response_shape_and_usage(client):
    body = _embed(client, input=["first phrase", "second phrase"])
    assert list(body) == ["id", "object", "data", "model", "usage"]
    assert body["id"].startswith("embd-") and body["object"] == "list" and body["model"] == "emulator-model"
    assert [(item["index"], item["object"]) for item in body["data"]] == [(0, "embedding"), (1, "embedding")]
    assert body["usage"] == {"prompt_tokens": 4, "completion_tokens": 0, "total_tokens": 4}


def test_default_vectors_have_16_unit_length_components(client):
    vector = _embed(client, input=["hello"])["data"][0]["embedding"]
    assert len(vector) == 16
    assert math.isclose(math.sqrt(sum(v * v for v in vector)), 1.0, abs_tol=1e-3)


def test_equal_inputs_give_equal_vectors_and_different_inputs_differ(client):
    data = _embed(client, input=["same", "same", "other"])["data"]
    again = _embed(client, input=["same"], model="m")["data"]
    assert data[0]["embedding"] == data[1]["embedding"] == again[0]["embedding"]
    assert data[0]["embedding"] != data[2]["embedding"]


def test_dimensions_and_model_are_honoured(client):
    body = _embed(client, input=["x"], dimensions=1024, model="embed-v3", input_type="query")
    assert (len(body["data"][0]["embedding"]), body["model"]) == (1024, "embed-v3")


def test_base64_is_little_endian_float32_of_the_float_vector(client):
    floats = _embed(client, input=["x"], dimensions=3)["data"][0]["embedding"]
    encoded = _embed(client, input=["x"], dimensions=3, encoding_format="base64")["data"][0]["embedding"]
    assert isinstance(encoded, str)
    assert list(struct.unpack("<3f", base64.b64decode(encoded))) == floats


@pytest.mark.parametrize("encoding, length, low, high", [("int8", 16, -128, 127), ("uint8", 16, 0, 255),
                                                         ("binary", 2, -128, 127), ("ubinary", 2, 0, 255)])
def test_integer_encodings(client, encoding, length, low, high):
    vector = _embed(client, input=["x"], encoding_format=encoding)["data"][0]["embedding"]
    assert len(vector) == length
    assert all(isinstance(v, int) and low <= v <= high for v in vector)


def test_single_string_input_is_accepted(client):
    assert len(_embed(client, input="just one")["data"]) == 1


def test_image_embeddings_derive_from_image_and_text(client):
    body = _embed(client, "/images/embeddings", input=[{"image": IMAGE}, {"image": IMAGE, "text": "a red pixel"}])
    first, second = (item["embedding"] for item in body["data"])
    assert first != second and len(first) == 16
    assert body["usage"] == {"prompt_tokens": 2003, "completion_tokens": 0, "total_tokens": 2003, "images": 2}
    again = _embed(client, "/images/embeddings", input=[{"image": IMAGE}], encoding_format="float")
    assert again["data"][0]["embedding"] == first


@pytest.mark.parametrize(
    "route, options, location",
    [("/embeddings", {"input": []}, ["body", "input"]), ("/embeddings", {"input": [1]}, ["body", "input"]),
     ("/embeddings", {"input": ["x"], "dimensions": 0}, ["body", "dimensions"]),
     ("/embeddings", {"input": ["x"], "encoding_format": "fp16"}, ["body", "encoding_format"]),
     ("/embeddings", {"input": ["x"], "input_type": "passage"}, ["body", "input_type"]),
     ("/images/embeddings", {"input": [{"text": "no image"}]}, ["body", "input", 0, "image"]),
     ("/images/embeddings", {"input": [{"image": "https://x/y.png"}]}, ["body", "input", 0, "image"])],
)
def test_invalid_embeddings_options_are_422(client, route, options, location):
    status, body = client.post(f"{route}?api-version={API_VERSION}", options)
    assert (status, body["error"]["details"][0]["loc"]) == (422, location)
