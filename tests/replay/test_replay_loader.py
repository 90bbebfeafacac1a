"""The recordings loader itself: PeerSSE expansion, placeholders, aliases, replies."""

from __future__ import annotations

import json

import pytest

from tests.replay.recordings import Exchange, has_placeholder, sse_chunks
from tests.replay.replay_checks import assert_recorded_json

STREAMING = "test_chat_completions_client.pyTestChatCompletionsClienttest_chat_completions_streaming"


def test_peer_sse_expands_to_head_template_per_content_and_tail():
    """SOURCE.md: head chunks, then the template with ``{{C}}`` JSON-string-escaped per content, then tail."""
    compact = {"head": ["h\n\n"], "template": 'data: {"c":"{{C}}"}\n\n', "contents": ['a"b', "\n"], "tail": ["t"]}
    body = {"PeerSSE": compact}
    assert sse_chunks(body) == ["h\n\n", 'data: {"c":"a\\"b"}\n\n', 'data: {"c":"\\n"}\n\n', "t"]


def test_plain_chunk_list_is_returned_as_is():
    """An SSE body already stored as a chunk list."""
    assert sse_chunks(["data: 1\n\n", "data: [DONE]\n\n"]) == ["data: 1\n\n", "data: [DONE]\n\n"]


def test_recorded_stream_expands_to_parseable_events(recordings):
    """The recorded streaming body expands to JSON events ending with ``[DONE]``."""
    (exchange,) = recordings.load(STREAMING)
    chunks = sse_chunks(exchange.response_body)
    events = [json.loads(chunk[len("data: ") :]) for chunk in chunks[:-1]]
    text = "".join(event["choices"][0]["delta"].get("content") or "" for event in events)
    assert (chunks[-1], exchange.is_sse) == ("data: [DONE]\n\n", True)
    assert text.startswith("Absolutely, here are three compelling reasons")
    assert events[-1]["usage"] == {"completion_tokens": 352, "prompt_tokens": 24, "total_tokens": 376}


def test_sse_reply_sends_one_chunk_per_recorded_chunk(recordings):
    """``Exchange.reply`` of a stream: chunked, the recorded Content-Type, framing headers left out."""
    (exchange,) = recordings.load(STREAMING)
    reply = exchange.reply()
    headers = dict(reply.header_list())
    assert len(reply.body_chunks()) == len(sse_chunks(exchange.response_body))
    assert headers["Content-Type"] == "text/event-stream; charset=utf-8"
    assert "Date" not in headers


def test_aliases_resolve_async_twins(recordings):
    """``twin`` picks the async test's name when aliased; ``load`` follows the alias."""
    sync_name = "test_chat_completions_client.pyTestChatCompletionsClienttest_chat_completions_multi_turn"
    async_name = recordings.twin(sync_name, is_async=True)
    assert async_name == (
        "test_chat_completions_client_async.pyTestChatCompletionsClientAsynctest_async_chat_completions_multi_turn"
    )
    assert recordings.resolve(async_name) == sync_name
    assert recordings.load(async_name) == recordings.load(sync_name)


def test_twin_without_alias_is_the_sync_name(recordings):
    """No aliased async twin -> the sync recording itself."""
    name = "test_chat_completions_client.pyTestChatCompletionsClienttest_get_model_info_on_aoai_endpoint"
    assert recordings.twin(name, is_async=True) == name


def test_placeholder_matches_any_base64_in_its_place():
    """``{{PEER_B64:f}}`` stands for base64 text; the rest of the string must match exactly."""
    expected = {"url": "data:image/png;base64,{{PEER_B64:test_image1.png}}", "detail": "high"}
    assert has_placeholder(expected)
    assert_recorded_json({"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "high"}, expected)
    with pytest.raises(AssertionError):
        assert_recorded_json({"url": "data:image/jpeg;base64,iVBORw0KGgo=", "detail": "high"}, expected)


def test_recorded_json_comparison_checks_key_order():
    """Same keys in another order do not match."""
    with pytest.raises(AssertionError):
        assert_recorded_json({"b": 1, "a": 2}, {"a": 2, "b": 1})
    assert has_placeholder({"a": 2}) is False


def test_exchange_splits_the_uri():
    """Path after the host, ordered query, endpoint path without the route, api-version."""
    entry = {
        "RequestUri": "https://h.openai.azure.com/openai/deployments/d/chat/completions?api-version=yyyy-mm-dd-preview",
        "RequestMethod": "POST", "RequestHeaders": {"api-key": "k"}, "RequestBody": None,
        "StatusCode": 200, "ResponseHeaders": {}, "ResponseBody": {},
    }  # fmt: skip
    exchange = Exchange.from_entry(entry)
    assert exchange.path == "/openai/deployments/d/chat/completions"
    assert exchange.endpoint_path == "/openai/deployments/d"
    assert (exchange.query, exchange.api_version) == ([("api-version", "yyyy-mm-dd-preview")], "yyyy-mm-dd-preview")
    assert (exchange.request_header("API-KEY"), exchange.response_header("x")) == ("k", None)
