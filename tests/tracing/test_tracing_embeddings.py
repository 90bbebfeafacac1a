"""Embeddings spans (beyond 1.0.0b9): ``embeddings <model>`` around azure-core's own ``<Client>.embed`` span."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from azure.core.exceptions import HttpResponseError
from opentelemetry.trace import SpanKind, StatusCode

from azure.ai.inference.models import ImageEmbeddingInput
from tests.emulator import Reply
from tests.flavors import resolve

RESULT = {
    "id": "emb-1",
    "object": "list",
    "model": "embed-v3-2025",
    "data": [{"index": 0, "object": "embedding", "embedding": [0.25, -0.5]}],
    "usage": {"prompt_tokens": 4, "total_tokens": 4},
}


def _port(emulator) -> int:
    return int(urlsplit(emulator.url).port or 0)


async def test_embed_span_has_the_genai_embeddings_attributes(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    emulator.script(Reply(json=RESULT))
    result = await resolve(
        clients.embeddings().embed(input=["first phrase"], model="embed-v3", dimensions=2, encoding_format="float")
    )
    assert result.data[0].embedding == [0.25, -0.5]
    span = telemetry.only_span()
    assert (span.name, span.kind, span.status.status_code) == ("embeddings embed-v3", SpanKind.CLIENT, StatusCode.UNSET)
    assert telemetry.attributes(span) == [
        ("gen_ai.operation.name", "embeddings"),
        ("gen_ai.system", "az.ai.inference"),
        ("gen_ai.request.model", "embed-v3"),
        ("gen_ai.embeddings.dimension.count", 2),
        ("gen_ai.request.encoding_formats", ["float"]),
        ("server.address", "127.0.0.1"),
        ("server.port", _port(emulator)),
        ("gen_ai.response.model", "embed-v3-2025"),
        ("gen_ai.usage.input_tokens", 4),
    ]
    assert span.events == ()


async def test_embed_span_is_the_parent_of_azure_cores_method_span(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    emulator.script(Reply(json=RESULT))
    await resolve(clients.embeddings().embed(input=["x"]))
    http, method, ours = telemetry.spans()
    assert [(span.name, span.kind) for span in (http, method, ours)] == [
        ("POST", SpanKind.CLIENT),
        ("EmbeddingsClient.embed", SpanKind.INTERNAL),
        ("embeddings", SpanKind.CLIENT),
    ]
    assert (http.parent.span_id, method.parent.span_id, ours.parent) == (
        method.context.span_id,
        ours.context.span_id,
        None,
    )


async def test_image_embed_is_traced_with_the_client_default_model(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument(enable_content_recording=True)
    emulator.script(Reply(json=RESULT))
    client = clients.image_embeddings(model="image-embed")
    await resolve(client.embed(input=[ImageEmbeddingInput(image="data:image/png;base64,AAAA", text="a cat")]))
    assert emulator.last_request.path == "/images/embeddings"
    span = telemetry.only_span()
    assert (span.name, dict(span.attributes)["gen_ai.request.model"], span.events) == (
        "embeddings image-embed",
        "image-embed",
        (),
    )


async def test_embed_error_is_recorded(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    emulator.script(Reply(status=401, json={"error": {"code": "Unauthorized", "message": "Bad key"}}))
    with pytest.raises(HttpResponseError) as raised:
        await resolve(clients.embeddings().embed(input=["x"]))
    span = telemetry.only_span()
    assert (span.status.status_code, span.status.description) == (StatusCode.ERROR, str(raised.value))
    assert dict(span.attributes)["error.type"] == type(raised.value).__module__ + "." + type(raised.value).__name__


async def test_uninstrumented_embed_has_only_azure_cores_spans(clients, emulator, telemetry):
    emulator.script(Reply(json=RESULT))
    await resolve(clients.embeddings().embed(input=["x"]))
    assert [span.name for span in telemetry.spans()] == ["POST", "EmbeddingsClient.embed"]
