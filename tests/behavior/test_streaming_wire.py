"""WIRE.md W2, W2b and W15 reproduced against the emulator, and the B10 MUST rules; sync and aio from one body."""

from __future__ import annotations

import json
from typing import Any, List

import pytest
from azure.core.exceptions import HttpResponseError

from azure.ai.inference.models import (
    AsyncStreamingChatCompletions,
    ChatCompletionsToolDefinition,
    ChatRole,
    CompletionsFinishReason,
    FunctionDefinition,
    StreamingChatCompletions,
    StreamingChatCompletionsUpdate,
    StreamingChatResponseToolCallUpdate,
    UserMessage,
)
from tests.emulator import Fault, Reply
from tests.flavors import close_stream, collect, resolve
from tests.sse_streams import W2_BODY, W2_EVENTS, W2_YIELDED, W2B_EVENTS, chunk, delta, event_bytes

W2_FRAMES = [event_bytes(event) for event in W2_EVENTS]
W2_REQUEST_BODY = b'{"messages": [{"role": "user", "content": "Say hello"}], "stream": true, "temperature": 0.2}'
W15_REQUEST_BODY = b'{"messages": [{"role": "user", "content": "Say hello"}], "stream": true}'


async def say_hello(clients: Any, **client_options: Any) -> Any:
    chat = clients.chat(**client_options)
    return await resolve(chat.complete(messages=[UserMessage("Say hello")], stream=True))


def assert_w2_updates(updates: List[Any]) -> None:
    """The five W2 updates, value by value."""
    assert [dict(update) for update in updates] == W2_YIELDED
    assert all(type(update) is StreamingChatCompletionsUpdate for update in updates)
    first = updates[0]
    assert (first.id, first.model) == ("chatcmpl-s1", "mock-chat-model")
    assert first.created.isoformat() == "2024-05-31T16:10:00+00:00"
    choices = [update.choices[0] for update in updates[:4]]
    rows = [(c.index, c.finish_reason, c.delta.role, c.delta.content) for c in choices]
    assert rows == [
        (0, None, ChatRole.ASSISTANT, ""),
        (0, None, None, "Hello"),
        (0, None, None, " 世界"),
        (0, CompletionsFinishReason.STOPPED, None, None),
    ]
    assert [u.usage for u in updates[:4]] == [None] * 4
    assert updates[4].choices == []
    assert updates[4].usage.as_dict() == {"prompt_tokens": 11, "completion_tokens": 3, "total_tokens": 14}


async def test_w2_b10_11_request_is_byte_exact_and_yields_the_w2_updates(clients, emulator):
    """W2, B10.11: byte-exact request, ``Accept: application/json`` kept (B10.1), the updates convert as B9.4."""
    emulator.script(Reply.sse(W2_FRAMES))
    with_temperature = await say_hello(clients, temperature=0.2)
    updates = await collect(with_temperature)
    assert emulator.last_request.body == W2_REQUEST_BODY
    assert emulator.last_request.header("Accept") == "application/json"
    assert_w2_updates(updates)
    assert str(updates[0]) == str(W2_EVENTS[0])  # B10.11 / W2: dict repr, not JSON


async def test_w15_request_without_defaults_is_byte_exact(clients, emulator):
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await say_hello(clients)
    contents = [u.choices[0].delta.content for u in await collect(stream) if u.choices]
    assert emulator.last_request.body == W15_REQUEST_BODY
    assert contents == ["", "Hello", " 世界", None]


async def test_b10_2_w2_stream_cut_into_seven_byte_chunks_yields_the_same_updates(clients, emulator):
    """B10.2: W2 cut into 7-byte chunks (through ``世界``) yields the same five updates."""
    emulator.script(Reply.sse(W2_FRAMES, chunk_size=7))
    assert_w2_updates(await collect(await say_hello(clients)))


W2_VARIANTS = {
    "no-done": Reply.sse(W2_FRAMES, done=False),
    "data-after-done-in-same-chunk": Reply.sse([*W2_FRAMES, b"data: [DONE]\n\n" + W2_FRAMES[1]], done=False),
    "crlf-line-endings": Reply(chunks=[W2_BODY.replace(b"\n", b"\r\n")]),
    "cr-line-endings": Reply(chunks=[W2_BODY.replace(b"\n", b"\r")]),
    "leading-event-line": Reply.sse([b"event: message\n" + W2_FRAMES[0], *W2_FRAMES[1:]]),
    "leading-keep-alive-comment": Reply.sse([b": keep-alive\n\n", *W2_FRAMES]),
    "data-without-space": Reply.sse([frame.replace(b"data: ", b"data:") for frame in W2_FRAMES]),
}


@pytest.mark.parametrize("variant", sorted(W2_VARIANTS))
async def test_w2_variants_all_yield_the_w2_updates_b10_3_fixed(clients, emulator, variant):
    """B10.3 (changed, see CHANGELOG): CRLF/CR line endings, ``event:`` lines, ``:`` comments and ``data:`` without
    a space decode like W2; B10.7: the response is closed at the end, also when the body ends without [DONE]."""
    emulator.script(W2_VARIANTS[variant])
    stream = await say_hello(clients, temperature=0.2)
    assert_w2_updates(await collect(stream))
    assert stream._response.is_closed is True


async def test_b10_7_fixed_done_closes_the_response_without_a_with_block(clients, emulator):
    """B10.7 (changed, see CHANGELOG): a stream ended by ``[DONE]`` closes its response itself; B10.6."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await say_hello(clients)
    assert len(await collect(stream)) == 5
    assert stream._response.is_closed is True
    assert await collect(stream) == []  # B10.6: further calls keep ending the iteration


async def test_w2b_b10_11_tool_call_updates_and_final_completion(clients, emulator):
    emulator.script(Reply.sse([event_bytes(event) for event in W2B_EVENTS]))
    stream = await say_hello(clients)
    updates = await collect(stream)
    calls = [update.choices[0].delta.tool_calls[0] for update in updates[:3]]
    assert all(type(call) is StreamingChatResponseToolCallUpdate for call in calls)
    assert [(c.index, c.id, c.function.name, c.function.arguments) for c in calls] == [
        (0, "call_9", "get_weather", ""),
        (0, "", "", '{"city":'),
        (0, "", "", ' "Paris"}'),
    ]
    assert (calls[0]["index"], calls[0]["type"]) == (0, "function")
    assert (updates[0].choices[0].delta.role, updates[0].choices[0].delta.content) == (ChatRole.ASSISTANT, None)
    last = updates[3].choices[0]
    assert (last.finish_reason, last.delta.tool_calls) == (CompletionsFinishReason.TOOL_CALLS, None)
    final = await resolve(stream.get_final_completion())
    assert [call.as_dict() for call in final.choices[0].message.tool_calls] == [
        {"id": "call_9", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}}
    ]


async def test_b10_1_stream_keeps_the_other_body_rules(clients, emulator):
    """B10.1: ``stream=True`` sends ``"stream": true``; the other B5 body rules and key order are unchanged."""
    emulator.script(Reply.sse(W2_FRAMES))
    chat = clients.chat()
    stream = await resolve(
        chat.complete(
            messages=[UserMessage("hi")],
            stream=True,
            response_format="json_object",
            seed=42,
            tools=[ChatCompletionsToolDefinition(function=FunctionDefinition(name="f"))],
            tool_choice="none",
        )
    )
    await close_stream(stream)
    assert json.loads(emulator.last_request.body) == {
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
        "response_format": {"type": "json_object"},
        "seed": 42,
        "tool_choice": "none",
        "tools": [{"function": {"name": "f"}, "type": "function"}],
    }
    keys = list(json.loads(emulator.last_request.body))
    assert keys == ["messages", "stream", "response_format", "seed", "tool_choice", "tools"]


async def test_b10_4_usage_only_update_is_yielded_and_empty_choices_are_skipped(clients, emulator):
    """B10.4: an update with empty ``choices`` and no ``usage`` is skipped; the usage-only update is yielded."""
    events = [chunk([]), chunk([delta({"content": "x"}, "stop")]), chunk([], usage={"total_tokens": 2})]
    emulator.script(Reply.sse(events))
    updates = await collect(await say_hello(clients))
    assert [(len(u.choices), u.usage and u.usage["total_tokens"]) for u in updates] == [(1, None), (0, 2)]


async def test_b10_8_context_manager_returns_the_stream_and_closes_it(clients, emulator):
    """B10.8: ``with`` / ``async with`` return the stream itself and close the response on exit."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await say_hello(clients)
    if clients.is_async:
        async with stream as entered:
            first = await entered.__anext__()
    else:
        with stream as entered:
            first = next(entered)
    assert entered is stream
    assert first.choices[0].delta.role == ChatRole.ASSISTANT
    assert stream._response.is_closed is True


async def test_b10_10_async_stream_is_only_async(clients, emulator):
    """B10.10: the async stream has ``__anext__`` and ``aclose``, no ``__iter__`` nor ``close`` (sync: the reverse)."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await say_hello(clients)
    if clients.is_async:
        missing, present = ("__iter__", "close"), ("__aiter__", "__anext__", "aclose")
    else:
        missing, present = ("__aiter__", "aclose"), ("__iter__", "__next__", "close")
    assert [hasattr(stream, name) for name in missing] == [False, False]
    assert [hasattr(stream, name) for name in present] == [True, True, True]
    await close_stream(stream)


async def test_b10_12_http_error_on_a_streaming_request_is_mapped(clients, emulator):
    """B10.12: a 400 answer to a streaming request raises HttpResponseError carrying the service's message."""
    emulator.script(Reply(status=400, json={"error": {"code": "BadRequest", "message": "No good."}}))
    with pytest.raises(HttpResponseError) as raised:
        await say_hello(clients)
    assert raised.value.status_code == 400
    assert "No good." in str(raised.value)


async def test_b10_6_end_of_iteration_repeats(clients, emulator):
    """B10.6: after the end, every further ``next`` / ``__anext__`` raises StopIteration / StopAsyncIteration."""
    emulator.script(Reply.sse(W2_FRAMES))
    stream = await say_hello(clients)
    await collect(stream)
    stop = StopAsyncIteration if clients.is_async else StopIteration
    for _ in range(2):
        with pytest.raises(stop):
            await stream.__anext__() if clients.is_async else next(stream)


async def test_b10_1_stream_is_returned_once_the_headers_arrive_and_read_lazily(clients, emulator):
    """B10.1: ``complete(stream=True)`` returns a (Async)StreamingChatCompletions as soon as the 200 headers
    arrive; the body is read during iteration (the first update is there while the rest is still unsent)."""
    emulator.script(Reply.sse(W2_FRAMES, fault=Fault.STALL_BODY, fault_after_chunks=1))
    try:
        stream = await say_hello(clients, read_timeout=10)
        first = await stream.__anext__() if clients.is_async else next(stream)
        await close_stream(stream)
    finally:
        emulator.release_stalls()
    assert type(stream) is (AsyncStreamingChatCompletions if clients.is_async else StreamingChatCompletions)
    assert dict(first) == W2_EVENTS[0]
    assert stream._response.is_closed is True


async def test_b10_1_response_content_type_is_not_checked(clients, emulator):
    """B10.1: the response ``Content-Type`` is not checked (an event stream labelled ``application/json`` decodes)."""
    emulator.script(Reply(chunks=[W2_BODY], headers={"Content-Type": "application/json"}))
    assert_w2_updates(await collect(await say_hello(clients)))


async def test_b10_13_real_service_framing_is_decoded(clients, emulator):
    """B10.13: the real service's framing: ``text/event-stream; charset=utf-8``, compact JSON, ``\\n\\n``, [DONE]."""
    compact = [b"data: " + json.dumps(event, separators=(",", ":")).encode() + b"\n\n" for event in W2_EVENTS]
    emulator.script(Reply.sse(compact, headers={"Content-Type": "text/event-stream; charset=utf-8"}))
    assert_w2_updates(await collect(await say_hello(clients)))
