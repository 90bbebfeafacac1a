"""WIRE.md W7-W11, W16: embeddings, base64 embeddings, image embeddings, model info, load_client, logging."""

from __future__ import annotations

import base64
import json
import logging
import re
import struct

from azure.ai.inference.models import EmbeddingInputType, ImageEmbeddingInput
from tests.behavior.wire import (
    EMBEDDINGS_RESPONSE,
    MODEL_INFO_RESPONSE,
    SDK_USER_AGENT,
    api_version_query,
    assert_body,
    assert_json_post_headers,
    assert_key_auth,
    assert_target,
)
from tests.emulator import RecordedRequest, Reply
from tests.flavors import EMULATOR_KEY, resolve

PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


def _assert_get_info(request: RecordedRequest, path: str) -> None:
    assert_target(request, "GET", path, api_version_query())
    assert request.header("accept") == "application/json"
    assert request.header("content-type") is None
    assert SDK_USER_AGENT.match(request.header("user-agent") or "")
    assert_key_auth(request, EMULATOR_KEY)


async def test_w7_text_embeddings(clients, emulator):
    """W7: request line, headers, byte-exact body; the result's values and ``str``."""
    emulator.script(Reply(json=EMBEDDINGS_RESPONSE))
    client = clients.embeddings()
    phrases = ["first phrase", "second phrase"]
    r = await resolve(client.embed(input=phrases, dimensions=3, input_type=EmbeddingInputType.QUERY))
    request = emulator.last_request
    assert_target(request, "POST", "/embeddings", api_version_query())
    assert_json_post_headers(request)
    assert_key_auth(request, EMULATOR_KEY)
    assert_body(request, '{"input": ["first phrase", "second phrase"], "dimensions": 3, "input_type": "query"}')
    assert (type(r).__name__, r.id, r.model) == ("EmbeddingsResult", "emb-1", "mock-embed-model")
    vectors = [(item.index, item.embedding) for item in r.data]
    assert vectors == [(0, [0.0123, -0.0456, 0.0789]), (1, [0.5, 0.25, -0.125])]
    assert (r.usage.prompt_tokens, r.usage.total_tokens, r.data[0]["object"]) == (6, 6, "embedding")
    assert str(r) == json.dumps(EMBEDDINGS_RESPONSE, indent=2)


async def test_w8_base64_embeddings(clients, emulator):
    """W8: ``encoding_format=BASE64`` body; the embedding is the undecoded ``str``."""
    data = [{"object": "embedding", "index": 0, "embedding": "AAAAPwAAgD4AAAC+"}]
    response = {**EMBEDDINGS_RESPONSE, "id": "emb-2", "data": data}
    emulator.script(Reply(json=response))
    r = await resolve(clients.embeddings().embed(input=["x"], encoding_format="base64"))
    assert_target(emulator.last_request, "POST", "/embeddings", api_version_query())
    assert_json_post_headers(emulator.last_request)
    assert_body(emulator.last_request, '{"input": ["x"], "encoding_format": "base64"}')
    assert r.data[0].embedding == "AAAAPwAAgD4AAAC+"
    assert struct.unpack("<3f", base64.b64decode(r.data[0].embedding)) == (0.5, 0.25, -0.125)


async def test_w9_image_embeddings_from_file(clients, emulator, tmp_path):
    """W9: ``ImageEmbeddingInput.load`` with text, to ``/images/embeddings``."""
    (tmp_path / "p.png").write_bytes(base64.b64decode(PNG_B64))
    emulator.script(Reply(json=EMBEDDINGS_RESPONSE))
    image = ImageEmbeddingInput.load(image_file=str(tmp_path / "p.png"), image_format="png", text="a red pixel")
    r = await resolve(clients.image_embeddings().embed(input=[image], encoding_format="float"))
    request = emulator.last_request
    assert_target(request, "POST", "/images/embeddings", api_version_query())
    assert_json_post_headers(request)
    image_json = f'{{"image": "data:image/png;base64,{PNG_B64}", "text": "a red pixel"}}'
    expected = f'{{"input": [{image_json}], "encoding_format": "float"}}'
    assert_body(request, expected)
    assert (type(r).__name__, len(r.data)) == ("EmbeddingsResult", 2)


async def test_w10_model_info(clients, emulator):
    """W10: ``GET .../info``; the values; a second call sends nothing; ``str(client)``."""
    emulator.script(Reply(json=MODEL_INFO_RESPONSE))
    client = clients.chat(endpoint=clients.endpoint + "/mt/chat-completion")
    mi = await resolve(client.get_model_info())
    _assert_get_info(emulator.last_request, "/mt/chat-completion/info")
    assert (type(mi).__name__, mi.model_name, mi.model_type, mi.model_provider_name) == (
        "ModelInfo", "mock-model", "chat-completion", "MockProvider"
    )
    assert await resolve(client.get_model_info()) is mi
    assert len(emulator.requests) == 1
    module = "azure.ai.inference.aio._patch" if clients.is_async else "azure.ai.inference._patch"
    head = re.escape(f"<{module}.ChatCompletionsClient object at ")
    pattern = head + "0x[0-9a-f]+>\n" + re.escape(str(MODEL_INFO_RESPONSE))
    assert re.fullmatch(pattern, str(client))


async def test_w11_load_client(clients, emulator):
    """W11: exactly one ``GET /mt/embeddings/info``; an EmbeddingsClient that sends nothing more."""
    client = await clients.load_client(f"{clients.endpoint}/mt/embeddings", api_version="2024-05-01-preview")
    await resolve(client.get_model_info())
    assert type(client) is clients.package.EmbeddingsClient
    assert len(emulator.requests) == 1
    _assert_get_info(emulator.last_request, "/mt/embeddings/info")


async def test_w16_default_logging_lists_redacted_request_headers(clients, emulator, caplog):
    """W16: the INFO request summary lists the request's headers with the credentials REDACTED."""
    with caplog.at_level(logging.INFO, logger="azure.core.pipeline.policies.http_logging_policy"):
        await resolve(clients.chat().complete(messages=[{"role": "user", "content": "hello"}]))
    summary = caplog.records[0].getMessage().splitlines()
    header_lines = summary[summary.index("Request headers:") + 1 : -1]
    names = {line.split("'")[1]: line.split("'")[3] for line in header_lines}
    expected_names = {"Content-Type", "Content-Length", "Accept", "x-ms-client-request-id"}
    assert set(names) == expected_names | {"api-key", "User-Agent", "Authorization"}
    assert (names["api-key"], names["Authorization"], names["Content-Length"]) == ("REDACTED", "REDACTED", "52")
    assert summary[-1] == "A body is sent with the request"
