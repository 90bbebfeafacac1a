"""Replay of recorded text and image embeddings (float and base64), sync and aio."""

from __future__ import annotations

import base64
from typing import Any, List

from azure.ai.inference.models import EmbeddingEncodingFormat, ImageEmbeddingInput
from tests.emulator import Emulator
from tests.flavors import resolve
from tests.replay.recordings import Exchange, Recordings
from tests.replay.replay_checks import assert_request_matches, assert_result_matches, client_for

EMBEDDINGS = "test_embeddings_client.pyTestEmbeddingsClienttest_embeddings"
IMAGE_EMBEDDINGS = "test_image_embeddings_client.pyTestImageEmbeddingsClienttest_image_embeddings"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _load(recordings: Recordings, clients: Any, emulator: Emulator, name: str) -> List[Exchange]:
    exchanges = recordings.load(recordings.twin(name, clients.is_async))
    emulator.script(*[exchange.reply() for exchange in exchanges])
    return exchanges


async def test_replay_text_embeddings_float_then_base64(clients, emulator, recordings):
    """B6.1/B6.4: ``embed(input=[...])`` then with ``encoding_format=BASE64``: vectors as lists, then undecoded text."""
    floats, base64s = _load(recordings, clients, emulator, EMBEDDINGS)
    client = client_for(clients, "embeddings", floats)
    phrases = floats.request_body["input"]
    first = await resolve(client.embed(input=phrases))
    second = await resolve(client.embed(input=phrases, encoding_format=EmbeddingEncodingFormat.BASE64))
    for received, exchange, returned in zip(emulator.requests, (floats, base64s), (first, second)):
        assert_request_matches(received, exchange)
        assert_result_matches(returned, exchange)
    assert [item.index for item in first.data] == [0, 1, 2]
    assert first.data[0].embedding[0] == 0.0013399124
    assert second.data[0].embedding.startswith("AKCvOgAggbwA")
    assert (second.model, second.usage.prompt_tokens, second.usage.total_tokens) == ("embed-english-v3.0", 6, 6)


async def test_replay_image_embeddings_float_then_base64(clients, emulator, recordings, tmp_path):
    """B6.1/B15.14: ``ImageEmbeddingInput.load`` then base64 output; the image data is compared by structure."""
    floats, base64s = _load(recordings, clients, emulator, IMAGE_EMBEDDINGS)
    (tmp_path / "test_image1.png").write_bytes(PNG)
    image = ImageEmbeddingInput.load(image_file=str(tmp_path / "test_image1.png"), image_format="png")
    client = client_for(clients, "image_embeddings", floats)
    first = await resolve(client.embed(input=[image]))
    second = await resolve(client.embed(input=[image], encoding_format=EmbeddingEncodingFormat.BASE64))
    for received, exchange, returned in zip(emulator.requests, (floats, base64s), (first, second)):
        assert_request_matches(received, exchange)
        assert_result_matches(returned, exchange)
    assert emulator.requests[0].json()["input"][0]["image"] == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert (len(first.data[0].embedding), first.usage["images"]) == (16, 1)
