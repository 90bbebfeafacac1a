"""SSEDecoder: the HTML standard's event-stream rules (B10.2, B10.3 fixed), chunk by chunk, no I/O."""

from __future__ import annotations

from typing import List

import pytest

from azure.ai.inference._sansio.sse import ServerSentEvent, SSEDecoder


def decode(*chunks: bytes) -> List[ServerSentEvent]:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return events + decoder.flush()


def data_of(*chunks: bytes) -> List[str]:
    return [event.data for event in decode(*chunks)]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_every_line_ending_frames_the_same_events(newline):
    body = b"data: one" + newline + newline + b"data: two" + newline + newline
    assert data_of(body) == ["one", "two"]


def test_crlf_split_between_cr_and_lf_is_one_line_end():
    assert data_of(b"data: one\r", b"\n\r", b"\ndata: two\r\n\r\n") == ["one", "two"]


def test_cr_at_chunk_end_followed_by_data_is_a_line_end():
    assert data_of(b"data: one\r", b"\r", b"data: two\r\r") == ["one", "two"]


def test_comment_lines_are_ignored():
    assert data_of(b": keep-alive\n\n:another\ndata: x\n: mid-event comment\n\n") == ["x"]


def test_data_without_space_after_colon_is_data():
    assert data_of(b'data:{"a": 1}\n\n') == ['{"a": 1}']


def test_only_one_space_after_the_colon_is_removed():
    assert data_of(b"data:  two spaces\n\n") == [" two spaces"]


def test_multi_line_data_is_joined_with_newlines():
    assert data_of(b"data: {\ndata: \"a\": 1\ndata: }\n\n") == ['{\n"a": 1\n}']


def test_data_line_without_colon_adds_an_empty_line():
    assert data_of(b"data\ndata: x\n\n") == ["\nx"]


def test_event_id_and_retry_fields_are_kept():
    events = decode(b"event: update\nid: 7\nretry: 1500\ndata: x\n\ndata: y\n\n")
    assert events == [ServerSentEvent("x", "update", "7", 1500), ServerSentEvent("y", "message", "7", 1500)]


def test_id_with_nul_and_non_ascii_digit_retry_are_ignored():
    events = decode(b"id: 1\n\nid: a\x00b\nretry: 12x\nretry: \xc2\xb2\ndata: x\n\n")
    assert events == [ServerSentEvent("x", "message", "1", None)]


def test_unknown_fields_are_ignored():
    assert data_of(b"foo: bar\nfoo\ndata: x\n\n") == ["x"]


def test_blank_line_without_data_dispatches_nothing_and_resets_the_event_type():
    events = decode(b"event: ping\n\ndata: x\n\n")
    assert events == [ServerSentEvent("x", "message")]


def test_empty_data_field_dispatches_an_event_with_empty_data():
    assert data_of(b"data:\n\n") == [""]


def test_byte_order_mark_is_stripped_only_at_the_start():
    assert data_of(b"\xef\xbb", b"\xbfdata: x\n\n\xef\xbb\xbfdata: y\n\n") == ["x"]


def test_multi_byte_characters_split_across_chunks_decode_whole():
    body = "data: 世界 😀\n\n".encode("utf-8")
    assert data_of(*[body[i : i + 1] for i in range(len(body))]) == ["世界 😀"]


def test_invalid_utf8_is_replaced():
    assert data_of(b"data: a\xffb\n\n") == ["a\ufffdb"]


def test_long_line_in_many_chunks_is_one_event():
    payload = "x" * 50_000
    body = f"data: {payload}\n\n".encode()
    assert data_of(*[body[i : i + 7] for i in range(0, len(body), 7)]) == [payload]


def test_complete_stream_is_not_truncated():
    decoder = SSEDecoder()
    assert [e.data for e in decoder.feed(b"data: x\n\n")] == ["x"]
    assert decoder.flush() == []
    assert decoder.truncated is False


@pytest.mark.parametrize(
    "tail", [b"data: partial", b"data: complete line\n", b"data: \xe4\xb8"], ids=["in-line", "in-event", "in-char"]
)
def test_end_inside_an_event_dispatches_it_and_reports_truncation(tail):
    decoder = SSEDecoder()
    decoder.feed(b"data: first\n\n" + tail)
    last = decoder.flush()
    assert len(last) == 1
    assert decoder.truncated is True


def test_end_inside_a_comment_dispatches_nothing_but_reports_truncation():
    decoder = SSEDecoder()
    assert decoder.feed(b"data: x\n\n: keep") == [ServerSentEvent("x")]
    assert decoder.flush() == []
    assert decoder.truncated is True
