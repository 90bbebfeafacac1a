"""ChatStreamDecoder: SSE events to updates, [DONE], errors, truncation (B10.2-B10.6, B10.11), no I/O."""

from __future__ import annotations

import json
from typing import Any, List, Tuple

import pytest
from azure.core.exceptions import (
    AzureError,
    DecodeError,
    HttpResponseError,
    IncompleteReadError,
    ServiceResponseError,
    ServiceResponseTimeoutError,
    StreamClosedError,
)

from azure.ai.inference import ContentFilterError
from azure.ai.inference._sansio.streaming import ChatStreamDecoder, choice_text, closed_stream_error, read_error
from azure.ai.inference.models import (
    ChatRole,
    CompletionsFinishReason,
    StreamingChatCompletionsUpdate,
    StreamingChatResponseToolCallUpdate,
)
from tests.sse_streams import W2_BODY, W2_EVENTS, W2_YIELDED, W2B_EVENTS, chunk, delta, event_bytes


def run(*chunks: bytes) -> Tuple[List[Any], ChatStreamDecoder]:
    """Feed the chunks, then flush; return the updates and the decoder."""
    decoder = ChatStreamDecoder()
    updates = [update for piece in chunks for update in decoder.feed(piece)]
    return updates + decoder.flush(), decoder


def wire(updates: List[Any]) -> List[Any]:
    return [dict(update) for update in updates]


def test_w2_stream_yields_five_updates_with_the_w2_values():
    updates, decoder = run(W2_BODY)
    assert wire(updates) == W2_YIELDED
    assert all(type(update) is StreamingChatCompletionsUpdate for update in updates)
    first = updates[0]
    assert (first.id, first.model) == ("chatcmpl-s1", "mock-chat-model")
    assert first.created.isoformat() == "2024-05-31T16:10:00+00:00"
    assert first.choices[0].delta.role is ChatRole.ASSISTANT
    assert [u.choices[0].delta.content for u in updates[:4]] == ["", "Hello", " 世界", None]
    assert updates[3].choices[0].finish_reason is CompletionsFinishReason.STOPPED
    assert (updates[4].choices, updates[4].usage.total_tokens) == ([], 14)
    assert (decoder.done, decoder.error) == (True, None)


def test_w2_stream_cut_into_seven_byte_chunks_yields_the_same_updates_b10_2():
    """B10.2: the same updates whatever the chunking, including a cut inside ``世界``."""
    pieces = [W2_BODY[i : i + 7] for i in range(0, len(W2_BODY), 7)]
    assert wire(run(*pieces)[0]) == W2_YIELDED


def test_b10_4_event_with_empty_choices_and_no_usage_is_skipped_but_usage_only_is_kept():
    """B10.4: empty ``choices`` without ``usage`` is skipped; the usage-only update is kept."""
    updates, _ = run(event_bytes(chunk([])), event_bytes(chunk([], usage={"total_tokens": 3})), b"data: [DONE]\n\n")
    assert wire(updates) == [chunk([], usage={"total_tokens": 3})]


def test_b10_5_several_updates_per_chunk_arrive_in_order():
    """B10.5: several updates per chunk, one per event, in arrival order."""
    updates, _ = run(W2_BODY[: len(W2_BODY) // 2], W2_BODY[len(W2_BODY) // 2 :])
    assert [u.choices[0].delta.content for u in updates[:3]] == ["", "Hello", " 世界"]


def test_b10_6_done_ends_the_stream_and_later_input_is_ignored():
    """B10.6: ``[DONE]`` ends the stream; the rest of its chunk and later input are ignored."""
    decoder = ChatStreamDecoder()
    first = decoder.feed(event_bytes(W2_EVENTS[1]) + b"data: [DONE]\n\n" + event_bytes(W2_EVENTS[2]))
    assert wire(first) == [W2_EVENTS[1]]
    assert decoder.done is True
    assert decoder.feed(event_bytes(W2_EVENTS[2])) == []
    assert decoder.flush() == []
    assert decoder.error is None


def test_b10_3_fixed_crlf_comments_event_lines_and_data_without_space_all_decode():
    """B10.3 (changed, see CHANGELOG): CRLF, ``:`` comments, ``event:``/``id:`` lines, ``data:`` without a space."""
    frame = b"data:" + json.dumps(W2_EVENTS[1]).encode() + b"\r\n\r\n"
    body = b": keep-alive\r\n\r\nevent: message\r\nid: 1\r\n" + frame
    updates, decoder = run(body + b"data: [DONE]\r\n\r\n")
    assert wire(updates) == [W2_EVENTS[1]]
    assert decoder.error is None


def test_b10_3_fixed_multi_line_data_event_decodes():
    """B10.3 (changed, see CHANGELOG): an event spread over several ``data:`` lines decodes."""
    text = json.dumps(W2_EVENTS[1], indent=1)
    body = "".join(f"data: {line}\n" for line in text.splitlines()) + "\ndata: [DONE]\n\n"
    assert wire(run(body.encode())[0]) == [W2_EVENTS[1]]


def test_events_without_data_are_skipped():
    updates, decoder = run(b"data:\n\ndata:  \n\n" + W2_BODY)
    assert len(updates) == 5
    assert decoder.error is None


def test_w2b_tool_call_update_has_a_typed_index():
    updates, _ = run(b"".join(event_bytes(event) for event in W2B_EVENTS) + b"data: [DONE]\n\n")
    calls = [update.choices[0].delta.tool_calls[0] for update in updates[:3]]
    assert all(type(call) is StreamingChatResponseToolCallUpdate for call in calls)
    assert [(c.index, c.id, c.function.name, c.function.arguments) for c in calls] == [
        (0, "call_9", "get_weather", ""),
        (0, "", "", '{"city":'),
        (0, "", "", ' "Paris"}'),
    ]
    assert (calls[0]["index"], calls[0]["type"]) == (0, "function")
    assert updates[3].choices[0].finish_reason is CompletionsFinishReason.TOOL_CALLS
    assert updates[3].choices[0].delta.tool_calls is None


def test_error_event_ends_the_stream_with_the_service_code_and_message():
    error_event = {"error": {"code": "content_filter", "message": "The response was filtered.", "status": 400}}
    updates, decoder = run(event_bytes(W2_EVENTS[1]), event_bytes(error_event), event_bytes(W2_EVENTS[2]))
    assert wire(updates) == [W2_EVENTS[1]]
    assert type(decoder.error) is ContentFilterError
    assert isinstance(decoder.error, HttpResponseError)
    assert "content_filter" in decoder.error.message and "The response was filtered." in decoder.error.message
    assert decoder.error.error is not None
    assert (decoder.error.error.code, decoder.error.status_code) == ("content_filter", 400)


def test_b10_5_fixed_updates_before_an_error_in_the_same_chunk_are_kept():
    """B10.5 (changed, see CHANGELOG): updates before an error in the same chunk are kept, in order."""
    error_event = {"error": {"code": "server_error", "message": "boom"}}
    updates, decoder = run(event_bytes(W2_EVENTS[0]) + event_bytes(W2_EVENTS[1]) + event_bytes(error_event))
    assert wire(updates) == W2_EVENTS[:2]
    assert isinstance(decoder.error, HttpResponseError) and "boom" in str(decoder.error)


def test_event_of_type_error_is_a_service_error_even_without_an_error_key():
    updates, decoder = run(b'event: error\ndata: {"code": "overloaded", "message": "try later"}\n\n')
    assert updates == []
    assert isinstance(decoder.error, HttpResponseError)
    assert "overloaded" in decoder.error.message and "try later" in decoder.error.message


def test_event_of_type_error_with_plain_text_data_is_a_service_error():
    _, decoder = run(b"event: error\ndata: Internal server error\n\n")
    assert type(decoder.error) is HttpResponseError
    assert "Internal server error" in decoder.error.message


def test_error_as_a_string_is_reported_verbatim():
    _, decoder = run(b'data: {"error": "quota exceeded"}\n\n')
    assert isinstance(decoder.error, HttpResponseError) and '"quota exceeded"' in decoder.error.message


def test_malformed_event_data_names_the_event_shortened():
    bad = "{not json " + "x" * 500
    updates, decoder = run(event_bytes(W2_EVENTS[1]) + f"data: {bad}\n\n".encode())
    assert wire(updates) == [W2_EVENTS[1]]
    assert type(decoder.error) is DecodeError
    assert repr(bad[:200] + "...") in decoder.error.message
    assert len(decoder.error.message) < 400
    assert isinstance(decoder.error.__cause__, ValueError)


def test_json_that_is_not_an_object_is_malformed():
    _, decoder = run(b"data: [1, 2]\n\n")
    assert type(decoder.error) is DecodeError and "[1, 2]" in decoder.error.message


def test_body_ending_without_done_after_a_finish_reason_is_complete():
    body = b"".join(event_bytes(event) for event in W2_EVENTS)
    updates, decoder = run(body)
    assert wire(updates) == W2_YIELDED
    assert decoder.error is None


def test_body_ending_without_done_or_finish_reason_is_truncated():
    updates, decoder = run(b"".join(event_bytes(event) for event in W2_EVENTS[:3]))
    assert len(updates) == 3
    assert type(decoder.error) is IncompleteReadError
    assert "ended early" in decoder.error.message and "no [DONE]" in decoder.error.message


def test_body_cut_inside_an_event_is_truncated_even_after_a_finish_reason():
    body = b"".join(event_bytes(event) for event in W2_EVENTS[:5]) + event_bytes(W2_EVENTS[5])[:40]
    updates, decoder = run(body)
    assert len(updates) == 4
    assert type(decoder.error) is IncompleteReadError
    assert "ended early" in decoder.error.message and "cut off" in decoder.error.message


def test_empty_body_is_truncated():
    updates, decoder = run(b"")
    assert updates == []
    assert type(decoder.error) is IncompleteReadError and "no event was received" in decoder.error.message


def test_last_event_complete_but_without_its_blank_line_is_delivered():
    updates, decoder = run(b"".join(event_bytes(event) for event in W2_EVENTS)[:-2])
    assert wire(updates) == W2_YIELDED
    assert decoder.error is None


def test_fail_keeps_the_first_error_and_ends_the_stream():
    decoder = ChatStreamDecoder()
    first, second = ValueError("first"), ValueError("second")
    decoder.fail(first)
    decoder.fail(second)
    assert (decoder.done, decoder.error) == (True, first)
    assert decoder.feed(W2_BODY) == []


@pytest.mark.parametrize(
    "raised",
    [IncompleteReadError("Response payload is not completed"), HttpResponseError("Response ended prematurely")],
    ids=["aiohttp-incomplete", "requests-chunked-encoding"],
)
def test_read_error_reports_a_broken_body_as_a_stream_that_ended_early(raised):
    mapped = read_error(raised)
    assert type(mapped) is IncompleteReadError
    assert "ended early" in mapped.message and raised.message in mapped.message
    assert mapped.__cause__ is raised


def test_read_error_keeps_other_azure_errors():
    timeout = ServiceResponseTimeoutError("Read timed out.")
    assert read_error(timeout) is timeout


def test_read_error_wraps_non_azure_errors():
    cause = OSError("socket gone")
    mapped = read_error(cause)
    assert type(mapped) is ServiceResponseError and isinstance(mapped, AzureError)
    assert "socket gone" in mapped.message and mapped.__cause__ is cause


def test_closed_stream_error_says_what_happened():
    class Response:
        request = "<HttpRequest [POST], url: 'http://127.0.0.1/chat/completions'>"

    error = closed_stream_error(Response())
    assert type(error) is StreamClosedError
    assert str(error).startswith("The chat completions stream was closed before it was read to its end")
    assert "/chat/completions" in str(error) and error.message == str(error)


def test_choice_text_reads_the_content_of_the_chosen_choice_index():
    update = chunk([delta({"content": "b"}, index=1), delta({"content": "a"}, index=0)])
    assert (choice_text(update), choice_text(update, 1), choice_text(update, 2)) == ("a", "b", "")
    assert choice_text(chunk([delta({"content": None})])) == ""
    model = run(event_bytes(W2_EVENTS[1]) + b"data: [DONE]\n\n")[0][0]
    assert model.choices[0].delta.content == "Hello"  # nested models already converted
    assert choice_text(model) == "Hello"


def test_an_event_with_malformed_choices_is_returned_not_raised():
    """``choices`` or ``tool_calls`` that are not lists reach the user as received; accumulating them does not raise."""
    decoder = ChatStreamDecoder()
    updates = decoder.feed(
        b'data: {"id": "a", "choices": 5}\n\n'
        b'data: {"id": "a", "choices": [{"index": 0, "delta": {"content": "x", "tool_calls": 7}}]}\n\n'
    )
    assert [update["choices"] for update in updates] == [5, [{"index": 0, "delta": {"content": "x", "tool_calls": 7}}]]
    assert decoder.error is None
    assert decoder.accumulator.result().choices[0].message.content == "x"


@pytest.mark.parametrize(
    "update",
    [{"choices": 5}, {"choices": "ab"}, {"choices": [5, {"index": 0, "delta": 3}]}, {"choices": None}, {}, 7],
    ids=["int", "str", "bad-items", "null", "absent", "not-an-object"],
)
def test_choice_text_of_a_malformed_update_is_empty(update):
    assert choice_text(update) == ""
