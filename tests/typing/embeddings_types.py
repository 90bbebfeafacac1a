"""User-style code of the sync embeddings clients: the embedding's type follows ``encoding_format``.

Never run: ``mypy --strict`` and pyright (strict) check it (``test_typing.py``). A line ending in
``# type: ignore[<code>]`` must be an error: both checkers report an ignore that is not needed.
"""

import base64
from typing import List, Union

from typing_extensions import assert_type

from azure.ai.inference import EmbeddingsClient, ImageEmbeddingsClient
from azure.ai.inference.models import EmbeddingEncodingFormat, EmbeddingItem, EmbeddingsResult, ImageEmbeddingInput
from azure.core.credentials import AzureKeyCredential

KEY = AzureKeyCredential("key")


def text_embeddings() -> None:
    client = EmbeddingsClient("https://example.invalid", KEY)
    floats = client.embed(input=["a"], encoding_format=EmbeddingEncodingFormat.FLOAT)
    assert_type(floats, EmbeddingsResult[List[float]])
    assert_type(floats.data[0], EmbeddingItem[List[float]])
    print(sum(floats.data[0].embedding))
    encoded = client.embed(input=["a"], encoding_format=EmbeddingEncodingFormat.BASE64, dimensions=8)
    assert_type(encoded.data[0].embedding, str)
    print(base64.b64decode(encoded.data[0].embedding))
    unknown = client.embed(input=["a"])  # the client's default format applies: either form
    assert_type(unknown.data[0].embedding, Union[List[float], str])
    assert_type(client.embed(input=["a"], encoding_format="int8"), EmbeddingsResult)
    assert_type(client.embed({"input": ["a"]}).usage.total_tokens, int)
    client.embed(input=["a"], stream=True)  # type: ignore[call-overload]
    client.embed(input="a")  # type: ignore[call-overload]


def image_embeddings() -> None:
    client = ImageEmbeddingsClient("https://example.invalid", KEY)
    image = ImageEmbeddingInput(image="data:image/png;base64,AAAA")
    result = client.embed(input=[image], encoding_format="float", timeout=5)
    assert_type(result.data[0].embedding, List[float])
