"""GenAI client metrics: ``gen_ai.client.operation.duration`` and ``gen_ai.client.token.usage`` histograms."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference.models import UserMessage
from tests.emulator import Reply
from tests.flavors import collect, resolve

DURATION = "gen_ai.client.operation.duration"
TOKENS = "gen_ai.client.token.usage"
USAGE = {"prompt_tokens": 21, "completion_tokens": 7, "total_tokens": 28}
COMPLETION = {
    "id": "c1",
    "model": "m-2025",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
    "usage": USAGE,
}


def _base(emulator, **extra):
    return {
        "gen_ai.operation.name": "chat",
        "gen_ai.system": "az.ai.inference",
        "gen_ai.request.model": "m",
        "server.address": "127.0.0.1",
        "server.port": urlsplit(emulator.url).port,
        **extra,
    }


def _tokens(points):
    return sorted(
        (attributes.pop("gen_ai.token.type"), point.count, point.sum, attributes) for attributes, point in points
    )


async def test_chat_call_records_duration_and_token_usage(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    emulator.script(Reply(json=COMPLETION))
    await resolve(clients.chat().complete(messages=[UserMessage("hi")], model="m"))
    points = telemetry.histogram_points()
    base = _base(emulator, **{"gen_ai.response.model": "m-2025"})
    ((attributes, duration),) = points["gen_ai.client.operation.duration"]
    assert (attributes, duration.count, 0 < duration.sum < 60) == (base, 1, True)
    assert list(duration.explicit_bounds) == [
        0.01,
        0.02,
        0.04,
        0.08,
        0.16,
        0.32,
        0.64,
        1.28,
        2.56,
        5.12,
        10.24,
        20.48,
        40.96,
        81.92,
    ]
    assert _tokens(points[TOKENS]) == [("input", 1, 21, base), ("output", 1, 7, base)]
    assert list(points[TOKENS][0][1].explicit_bounds)[:4] == [1, 4, 16, 64]


async def test_failed_call_records_duration_with_error_type_and_no_tokens(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    emulator.script(Reply(status=400, json={"error": {"code": "BadRequest", "message": "no"}}))
    with pytest.raises(HttpResponseError):
        await resolve(clients.chat().complete(messages=[UserMessage("hi")], model="m"))
    points = telemetry.histogram_points()
    ((attributes, _),) = points[DURATION]
    assert attributes == _base(emulator, **{"error.type": "azure.core.exceptions.HttpResponseError"})
    assert points.get(TOKENS, []) == []


async def test_stream_records_duration_and_tokens_when_it_ends(clients, emulator, instrumentor, telemetry):
    instrumentor.instrument()
    chunks = [
        {"id": "s", "model": "m-2025", "choices": [{"index": 0, "delta": {"content": "a"}, "finish_reason": None}]},
        {"id": "s", "model": "m-2025", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": USAGE},
    ]
    emulator.script(Reply.sse(chunks))
    stream = await resolve(clients.chat().complete(messages=[UserMessage("hi")], model="m", stream=True))
    assert telemetry.histogram_points().get(DURATION, []) == []
    await collect(stream)
    points = telemetry.histogram_points()
    base = _base(emulator, **{"gen_ai.response.model": "m-2025"})
    assert [attributes for attributes, _ in points[DURATION]] == [base]
    assert _tokens(points[TOKENS]) == [("input", 1, 21, base), ("output", 1, 7, base)]


async def test_embeddings_record_input_tokens_with_the_latest_conventions(
    clients, emulator, instrumentor, telemetry, monkeypatch
):
    monkeypatch.setenv("OTEL_SEMCONV_STABILITY_OPT_IN", "gen_ai_latest_experimental")
    instrumentor.instrument()
    emulator.script(
        Reply(json={"id": "e", "model": "e-1", "data": [], "usage": {"prompt_tokens": 3, "total_tokens": 3}})
    )
    await resolve(clients.embeddings().embed(input=["x"], model="e"))
    base = {
        "gen_ai.operation.name": "embeddings",
        "gen_ai.provider.name": "azure.ai.inference",
        "gen_ai.request.model": "e",
        "gen_ai.response.model": "e-1",
        "server.address": "127.0.0.1",
        "server.port": urlsplit(emulator.url).port,
    }
    points = telemetry.histogram_points()
    assert [attributes for attributes, _ in points[DURATION]] == [base]
    assert _tokens(points[TOKENS]) == [("input", 1, 3, base)]
