"""B6: the text and image embeddings request body of the keyword form, and the result's vectors."""

from __future__ import annotations

import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference.models import EmbeddingEncodingFormat, EmbeddingInputType, ImageEmbeddingInput
from tests.behavior.wire import EMBEDDINGS_RESPONSE, assert_body, assert_json_body
from tests.emulator import Reply
from tests.flavors import resolve

IMAGE_URL = "data:image/png;base64,AAAA"


async def test_embed_sends_keys_in_the_fixed_order(clients, emulator):
    """B6.1: ``input, dimensions, encoding_format, input_type, model`` then extras."""
    client = clients.embeddings()
    await resolve(
        client.embed(
            model_extras={"truncate": "END"},
            model="m",
            input_type="query",
            encoding_format="float",
            dimensions=3,
            input=["a"],
        )
    )
    expected = (
        '{"input": ["a"], "dimensions": 3, "encoding_format": "float", "input_type": "query", "model": "m", '
        '"truncate": "END"}'
    )
    assert_body(emulator.last_request, expected)


async def test_embed_sends_only_input_when_nothing_else_is_set(clients, emulator):
    """B6.1: None values are removed; the text input list is sent as given."""
    await resolve(clients.embeddings().embed(input=["first phrase", "second phrase"]))
    assert_body(emulator.last_request, '{"input": ["first phrase", "second phrase"]}')


@pytest.mark.parametrize("factory", ["embeddings", "image_embeddings"])
async def test_embed_requires_input(clients, emulator, factory):
    """B6.1: no body and no input -> TypeError before any I/O."""
    with pytest.raises(TypeError) as caught:
        await resolve(getattr(clients, factory)().embed(dimensions=3))
    assert str(caught.value) == "missing required argument: input"
    assert emulator.requests == []


async def test_image_embed_sends_image_inputs_as_objects(clients, emulator):
    """B6.1: image input is a list of ``{"image": <data URL>, "text"?: ...}`` objects."""
    inputs = [ImageEmbeddingInput(image=IMAGE_URL, text="a red pixel"), ImageEmbeddingInput(image=IMAGE_URL)]
    await resolve(clients.image_embeddings().embed(input=inputs, encoding_format="float"))
    expected = {
        "input": [{"image": IMAGE_URL, "text": "a red pixel"}, {"image": IMAGE_URL}],
        "encoding_format": "float",
    }
    assert_json_body(emulator.last_request, expected)


async def test_embed_sends_enum_values_as_strings(clients, emulator):
    """B6.2: ``EmbeddingInputType.QUERY`` -> ``"query"``, ``EmbeddingEncodingFormat.FLOAT`` -> ``"float"``."""
    client = clients.embeddings()
    enums = {"input_type": EmbeddingInputType.QUERY, "encoding_format": EmbeddingEncodingFormat.FLOAT}
    await resolve(client.embed(input=["x"], **enums))
    assert_body(emulator.last_request, '{"input": ["x"], "encoding_format": "float", "input_type": "query"}')


async def test_embed_uses_sticky_defaults_and_extras(clients, emulator):
    """B6.2: sticky defaults and extras (W7): ``extra-parameters: pass-through`` when merged."""
    client = clients.embeddings(
        dimensions=1024,
        encoding_format=EmbeddingEncodingFormat.FLOAT,
        input_type=EmbeddingInputType.QUERY,
        model="ctor-embed",
        model_extras={"truncate": "END"},
    )
    await resolve(client.embed(input=["x"]))
    expected = (
        '{"input": ["x"], "dimensions": 1024, "encoding_format": "float", "input_type": "query", '
        '"model": "ctor-embed", "truncate": "END"}'
    )
    assert_body(emulator.last_request, expected)
    assert emulator.last_request.header("extra-parameters") == "pass-through"


async def test_embed_call_values_win_and_call_extras_replace_sticky_ones(clients, emulator):
    """B6.2: per-call non-None wins (falsy included); per-call extras replace the sticky ones."""
    client = clients.embeddings(dimensions=1024, model="ctor-embed", model_extras={"truncate": "END"})
    await resolve(client.embed(input=["x"], dimensions=1, model=None, model_extras={"user": "u"}))
    assert_json_body(emulator.last_request, {"input": ["x"], "dimensions": 1, "model": "ctor-embed", "user": "u"})


async def test_embed_empty_call_extras_fall_back_to_sticky_extras(clients, emulator):
    """B6.2: per-call ``{}`` uses the constructor's extras."""
    await resolve(clients.embeddings(model_extras={"truncate": "END"}).embed(input=["x"], model_extras={}))
    assert_json_body(emulator.last_request, {"input": ["x"], "truncate": "END"})


async def test_embed_leaves_base64_embeddings_undecoded(clients, emulator):
    """B6.4: ``encoding_format="base64"`` is only a hint; the embedding stays the base64 ``str``."""
    body = {**EMBEDDINGS_RESPONSE, "data": [{"object": "embedding", "index": 0, "embedding": "AAAAPwAAgD4AAAC+"}]}
    emulator.script(Reply(json=body))
    result = await resolve(clients.embeddings().embed(input=["x"], encoding_format="base64"))
    assert result.data[0].embedding == "AAAAPwAAgD4AAAC+"


async def test_embed_returns_float_embeddings_as_parsed_lists(clients, emulator):
    """B6.4: a JSON array stays a list of Python numbers as parsed."""
    body = {**EMBEDDINGS_RESPONSE, "data": [{"object": "embedding", "index": 0, "embedding": [1, 0.5, -0.125]}]}
    emulator.script(Reply(json=body))
    result = await resolve(clients.embeddings().embed(input=["x"]))
    assert result.data[0].embedding == [1, 0.5, -0.125]
    assert [type(value) for value in result.data[0].embedding] == [int, float, float]


@pytest.mark.parametrize(("option", "value"), [("input_type", "sentence"), ("dimensions", 0)])
async def test_embed_forwards_values_unchecked_and_maps_422(clients, emulator, option, value):
    """B6.5: ``input_type``/``dimensions`` go unchecked; the service's 422 -> HttpResponseError."""
    with pytest.raises(HttpResponseError) as caught:
        await resolve(clients.embeddings().embed(input=["x"], **{option: value}))
    assert caught.value.status_code == 422
    assert emulator.last_request.json()[option] == value
