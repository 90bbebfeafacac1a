"""``POST /embeddings`` and ``POST /images/embeddings``: deterministic vectors derived from the input."""

from __future__ import annotations

import base64
import hashlib
import math
import struct
from typing import Any, Callable, Dict, List, Sequence, Union

from ..answers import count_tokens
from ..recorder import RecordedRequest
from ..script import Reply
from ..validation import (
    EMBEDDINGS_PARAMETERS,
    IMAGE_EMBEDDINGS_PARAMETERS,
    check_choice,
    check_integer,
    read_options,
    reject_unless,
)

DEFAULT_DIMENSIONS = 16
MAX_DIMENSIONS = 8192
TOKENS_PER_IMAGE = 1000
ENCODING_FORMATS = ("float", "base64", "int8", "uint8", "binary", "ubinary")
INPUT_TYPES = ("text", "query", "document")
_QUANTUM = 65536  # vector components are multiples of 2**-16: exact in float32, so base64 == float

Embedding = Union[List[float], List[int], str]


def embed_texts(request: RecordedRequest, model_name: str) -> Reply:
    """Answer a text embeddings request (``input``: a list of strings, or one string)."""
    options = read_options(request, EMBEDDINGS_PARAMETERS, required="input")
    texts = [options["input"]] if isinstance(options["input"], str) else options["input"]
    valid = isinstance(texts, list) and bool(texts) and all(isinstance(text, str) for text in texts)
    reject_unless(valid, ["input"], "Input should be a non-empty list of strings")
    seeds = [text.encode("utf-8") for text in texts]
    usage = _usage(sum(count_tokens(text) for text in texts))
    return _embeddings_reply(request, options, seeds, usage, model_name)


def embed_images(request: RecordedRequest, model_name: str) -> Reply:
    """Answer an image embeddings request (``input``: ``{"image": <data URL>, "text"?: str}`` items)."""
    options = read_options(request, IMAGE_EMBEDDINGS_PARAMETERS, required="input")
    items = options["input"]
    reject_unless(isinstance(items, list) and bool(items), ["input"], "Input should be a non-empty list")
    for position, item in enumerate(items):
        image = item.get("image") if isinstance(item, dict) else None
        valid_image = isinstance(image, str) and image.startswith("data:")
        reject_unless(valid_image, ["input", position, "image"], "Input should be a data URL string")
        reject_unless(isinstance(item.get("text") or "", str), ["input", position, "text"], "Input should be a string")
    seeds = [f"{item['image']}\n{item.get('text') or ''}".encode("utf-8") for item in items]
    text_tokens = sum(count_tokens(item.get("text") or "") for item in items)
    usage = {**_usage(TOKENS_PER_IMAGE * len(items) + text_tokens), "images": len(items)}
    return _embeddings_reply(request, options, seeds, usage, model_name)


def embedding_vector(seed: bytes, dimensions: int) -> List[float]:
    """A unit-length (to 2**-16 rounding) vector derived from ``seed`` by SHA-256."""
    blocks = math.ceil(dimensions * 4 / 32)
    raw = b"".join(hashlib.sha256(seed + block.to_bytes(4, "big")).digest() for block in range(blocks))
    values = [number / 2**31 - 1.0 for number in struct.unpack(f">{dimensions}I", raw[: dimensions * 4])]
    norm = math.sqrt(sum(value * value for value in values)) or 1.0
    return [round(value / norm * _QUANTUM) / _QUANTUM for value in values]


def encode_embedding(vector: Sequence[float], encoding_format: str) -> Embedding:
    """``vector`` in the wire form of ``encoding_format`` (base64: little-endian float32)."""
    return _ENCODERS[encoding_format](vector)


def _embeddings_reply(
    request: RecordedRequest, options: Dict[str, Any], seeds: List[bytes], usage: Dict[str, int], model_name: str
) -> Reply:
    check_integer(options, "dimensions", 1)
    reject_unless((options.get("dimensions") or 0) <= MAX_DIMENSIONS, ["dimensions"], f"At most {MAX_DIMENSIONS}")
    check_choice(options, "encoding_format", ENCODING_FORMATS)
    check_choice(options, "input_type", INPUT_TYPES)
    dimensions = options.get("dimensions") or DEFAULT_DIMENSIONS
    encoding_format = options.get("encoding_format") or "float"
    vectors = [encode_embedding(embedding_vector(seed, dimensions), encoding_format) for seed in seeds]
    data = [{"index": index, "object": "embedding", "embedding": vector} for index, vector in enumerate(vectors)]
    model = options["model"] if isinstance(options.get("model"), str) else model_name
    digest = hashlib.sha256(request.body).hexdigest()[:24]
    return Reply(json={"id": f"embd-{digest}", "object": "list", "data": data, "model": model, "usage": usage})


def _usage(prompt_tokens: int) -> Dict[str, int]:
    return {"prompt_tokens": prompt_tokens, "completion_tokens": 0, "total_tokens": prompt_tokens}


def _packed_bits(vector: Sequence[float]) -> List[int]:
    bits = [1 if value > 0 else 0 for value in vector]
    bits += [0] * (-len(bits) % 8)
    return [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits), 8)]


_ENCODERS: Dict[str, Callable[[Sequence[float]], Embedding]] = {
    "float": list,
    "base64": lambda v: base64.b64encode(struct.pack(f"<{len(v)}f", *v)).decode("ascii"),
    "int8": lambda v: [max(-128, min(127, round(value * 127))) for value in v],
    "uint8": lambda v: [max(0, min(255, round((value + 1) * 127.5))) for value in v],
    "binary": lambda v: [byte - 256 if byte > 127 else byte for byte in _packed_bits(v)],
    "ubinary": _packed_bits,
}
