"""Every recorded exchange of tests/data/realtraffic, replayed byte for byte by the local emulator
(127.0.0.1) on a ``/v1`` endpoint and read through the public API, sync and async: per update what each
field's wire value says, the final completion against the accumulation rule, errors by status and message."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference.models import ContentFilterResults

from tests.emulator import Reply
from tests.flavors import resolve
from tests.realtraffic.exchanges import Exchange, accumulate, load_exchanges, stream_events, yielded

EXCHANGES = load_exchanges()
FILTER_FIELDS = ("filtered", "severity", "detected")


def replay(emulator: Any, exchange: Exchange) -> None:
    content_type = exchange.record["response"]["content_type"]
    headers = {"Content-Type": content_type}
    if exchange.is_stream:
        emulator.script(Reply(status=exchange.status, chunks=exchange.chunks(), headers=headers))
    else:
        emulator.script(Reply(status=exchange.status, body=exchange.chunks()[0], headers=headers))


def client_for(clients: Any, emulator: Any, exchange: Exchange) -> Any:
    kind = clients.chat if exchange.record["kind"] == "chat" else clients.embeddings
    return kind(emulator.url + "/v1", retry_total=0)  # a 429 is answered once, as recorded


def call(client: Any, exchange: Exchange) -> Any:
    body = exchange.request_body
    return client.complete(body) if exchange.record["kind"] == "chat" else client.embed(body)


def expected_reasoning(wire: Dict[str, Any]) -> Optional[str]:
    for name in ("reasoning_content", "reasoning"):
        if isinstance(wire.get(name), str) and wire[name]:
            return str(wire[name])
    return None


def check_filters(typed: Optional[ContentFilterResults], wire: Optional[Dict[str, Any]]) -> None:
    """Each category's verdict reads the same through the typed model and item access as on the wire."""
    if not wire:
        assert typed == wire
        return
    assert isinstance(typed, ContentFilterResults)
    for category, verdict in wire.items():
        assert typed[category] == verdict
        attribute = getattr(typed, category)
        for field in FILTER_FIELDS:
            if field in verdict:
                assert getattr(attribute, field) == verdict[field], (category, field)


def check_message(message: Any, wire: Dict[str, Any]) -> None:
    """A response message or a delta: every modelled field as on the wire."""
    for field in ("content", "role", "reasoning_content", "reasoning", "refusal"):
        assert getattr(message, field, wire.get(field)) == wire.get(field), field
    assert message.reasoning_text == expected_reasoning(wire)
    calls = message.tool_calls or []
    assert len(calls) == len(wire.get("tool_calls") or [])
    for typed_call, wire_call in zip(calls, wire.get("tool_calls") or []):
        assert (typed_call.id, typed_call.function.name) == (wire_call.get("id"), wire_call["function"].get("name"))
        assert typed_call.function.arguments == wire_call["function"].get("arguments")
        assert getattr(typed_call, "index", wire_call.get("index")) == wire_call.get("index")


def check_choices(choices: List[Any], wire_choices: List[Dict[str, Any]], message_key: str) -> None:
    assert [choice.index for choice in choices] == [choice.get("index") for choice in wire_choices]
    for choice, wire in zip(choices, wire_choices):
        assert choice.finish_reason == wire.get("finish_reason")
        if message_key in wire:
            check_message(getattr(choice, message_key), wire[message_key])
        else:  # Azure's last content filter verdict comes in a choice without a delta
            assert getattr(choice, message_key) is None
        check_filters(choice.content_filter_results, wire.get("content_filter_results"))


def check_top_level(result: Any, wire: Dict[str, Any]) -> None:
    assert (result.id, result.model, result.get("created")) == (wire.get("id"), wire.get("model"), wire.get("created"))
    if wire.get("usage"):
        usage = wire["usage"]
        assert (result.usage.prompt_tokens, result.usage.total_tokens) == (usage["prompt_tokens"], usage["total_tokens"])
        assert result.usage.completion_tokens == usage.get("completion_tokens")
    for typed, prompt in zip(result.prompt_filter_results or [], wire.get("prompt_filter_results") or []):
        assert typed.prompt_index == prompt["prompt_index"]
        check_filters(typed.content_filter_results, prompt.get("content_filter_results"))
    assert len(result.prompt_filter_results or []) == len(wire.get("prompt_filter_results") or [])


async def read_stream(stream: Any, updates: List[Any]) -> Any:
    """Iterate into ``updates``, then the final completion (which includes what was iterated)."""
    update = await next_update(stream)
    while update is not None:
        updates.append(update)
        update = await next_update(stream)
    return await resolve(stream.get_final_completion())


async def next_update(stream: Any) -> Any:
    """The next update of a sync or async stream; None at its end."""
    if not hasattr(stream, "__anext__"):
        return next(stream, None)
    try:
        return await stream.__anext__()
    except StopAsyncIteration:
        return None


def check_stream(updates: List[Any], final: Any, events: List[Dict[str, Any]]) -> None:
    expected_updates = yielded(events)
    assert [update.as_dict() for update in updates] == expected_updates
    for update, wire in zip(updates, expected_updates):
        check_top_level(update, wire)
        check_choices(update.choices, wire["choices"], "delta")
    reference = accumulate(events)
    assert final.as_dict() == reference
    check_top_level(final, reference)
    check_choices(final.choices, reference["choices"], "message")


def check_embeddings(result: Any, wire: Dict[str, Any]) -> None:
    assert result.as_dict() == wire
    assert [(item.index, item.embedding) for item in result.data] == [(i["index"], i["embedding"]) for i in wire["data"]]
    assert (result.model, result.usage.prompt_tokens) == (wire.get("model"), wire["usage"]["prompt_tokens"])


@pytest.mark.parametrize("exchange", [e for e in EXCHANGES if e.is_stream], ids=lambda e: e.name)
async def test_streamed_exchange_reads_completely(clients, emulator, exchange):
    replay(emulator, exchange)
    stream = await resolve(call(client_for(clients, emulator, exchange), exchange))
    events, error = stream_events(exchange.body)
    updates: List[Any] = []
    if error is None:
        check_stream(updates, await read_stream(stream, updates), events)
        return
    with pytest.raises(HttpResponseError) as caught:
        await read_stream(stream, updates)
    assert error["message"] in str(caught.value)
    assert [update.as_dict() for update in updates] == yielded(events)


@pytest.mark.parametrize("exchange", [e for e in EXCHANGES if e.status == 200 and not e.is_stream], ids=lambda e: e.name)
async def test_json_exchange_reads_completely(clients, emulator, exchange):
    replay(emulator, exchange)
    result = await resolve(call(client_for(clients, emulator, exchange), exchange))
    wire = json.loads(exchange.body)
    if exchange.record["kind"] == "embeddings":
        check_embeddings(result, wire)
        return
    assert result.as_dict() == wire
    check_top_level(result, wire)
    check_choices(result.choices, wire["choices"], "message")


@pytest.mark.parametrize("exchange", [e for e in EXCHANGES if e.status != 200], ids=lambda e: e.name)
async def test_error_exchange_raises_with_status_and_provider_message(clients, emulator, exchange):
    replay(emulator, exchange)
    client = client_for(clients, emulator, exchange)
    with pytest.raises(HttpResponseError) as caught:
        await resolve(call(client, exchange))
    error = caught.value
    provider = json.loads(exchange.body)["error"]
    assert error.status_code == exchange.status
    assert provider["message"] in str(error)
    assert error.error is not None and error.error.message == provider["message"]


def test_every_exchange_of_the_folder_is_replayed():
    streamed = [e for e in EXCHANGES if e.is_stream]
    json_answers = [e for e in EXCHANGES if e.status == 200 and not e.is_stream]
    errors = [e for e in EXCHANGES if e.status != 200]
    assert len(EXCHANGES) == len(streamed) + len(json_answers) + len(errors) == 101
    assert {e.path.parent.name for e in EXCHANGES} == {
        "azure-openai", "deepseek", "groq", "mistral", "ollama", "openai", "openrouter"
    }


def exchange_named(name: str) -> Exchange:
    return next(e for e in EXCHANGES if e.name == name)


async def final_of(clients: Any, emulator: Any, name: str) -> Any:
    exchange = exchange_named(name)
    replay(emulator, exchange)
    stream = await resolve(call(client_for(clients, emulator, exchange), exchange))
    return await resolve(stream.get_final_completion())


async def test_azure_prompt_filter_verdict_of_the_unyielded_first_event_reaches_the_final_completion(clients, emulator):
    final = await final_of(clients, emulator, "azure-openai/dd-trace-py__completion_azure_stream__i0")
    verdict = final.prompt_filter_results[0].content_filter_results
    assert (verdict.jailbreak.detected, verdict.hate.severity, verdict.violence.filtered) == (False, "safe", False)
    assert final.choices[0].content_filter_results.protected_material_text.detected is False
    assert (final["service_tier"], final.choices[0].finish_reason) == ("default", "stop")


async def test_groq_and_openrouter_reasoning_reaches_the_final_completion(clients, emulator):
    groq = await final_of(clients, emulator, "groq/pydantic-ai__test_tool_use_failed_error_streaming__i2")
    assert groq.choices[0].message.reasoning and groq.choices[0].message.reasoning_text == groq.choices[0].message.reasoning
    assert groq["x_groq"]["id"].startswith("req_")
    router = await final_of(clients, emulator, "openrouter/pydantic-ai__test_openrouter_stream_with_reasoning__i0")
    details = router.choices[0].message["reasoning_details"]
    assert [detail["type"] for detail in details] == ["reasoning.encrypted"]
