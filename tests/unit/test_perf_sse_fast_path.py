"""The SSE decoder's fast path (a chunk that is exactly one ``data:`` line and a blank line) gives what the
general line-by-line path gives, chunk by chunk, whatever came before."""

from __future__ import annotations

from typing import List, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from azure.ai.inference._sansio.sse import ServerSentEvent, SSEDecoder


class _GeneralPathDecoder(SSEDecoder):
    """The same decoder with the fast path switched off: every chunk goes line by line."""

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        return self._feed_text(self._decode(chunk, final=False))  # pylint: disable=protected-access


PIECES = st.sampled_from(
    [b"data: ", b"data:", b"data", b"event: error\n", b"id: 7\n", b"retry: 30\n", b": ping\n", b"\n", b"\n\n",
     b"\r", b"\r\n", b"\xef\xbb\xbf", b"\xe4\xb8", b"\x96", b"\xff", b"\xe4\xb8\x96", b"x", b" ", b'{"a": 1}']
)
ONE_DATA_EVENT = st.builds(
    lambda value: b"data: " + value + b"\n\n", st.binary(max_size=12) | st.text(max_size=8).map(str.encode)
)
CHUNK = ONE_DATA_EVENT | st.lists(PIECES, max_size=6).map(b"".join) | st.binary(max_size=8)
SETTINGS = settings(max_examples=400, deadline=None)


def _run(decoder: SSEDecoder, chunks: List[bytes]) -> Tuple[List[List[ServerSentEvent]], List[ServerSentEvent], bool]:
    per_chunk = [decoder.feed(chunk) for chunk in chunks]
    return per_chunk, decoder.flush(), decoder.truncated


@SETTINGS
@given(chunks=st.lists(CHUNK, max_size=12))
def test_fast_path_gives_the_events_of_the_general_path_for_every_chunk(chunks):
    assert _run(SSEDecoder(), chunks) == _run(_GeneralPathDecoder(), chunks)


@SETTINGS
@given(chunks=st.lists(CHUNK, max_size=8))
def test_input_after_flush_is_decoded_as_by_the_general_path(chunks):
    fast, general = SSEDecoder(), _GeneralPathDecoder()
    fast.feed(b"event: late\nda")
    general.feed(b"event: late\nda")
    assert (fast.flush(), [fast.feed(chunk) for chunk in chunks]) == (
        general.flush(),
        [general.feed(chunk) for chunk in chunks],
    )


def test_the_usual_chunk_takes_the_fast_path_with_the_last_id_and_retry():
    decoder = SSEDecoder()
    assert decoder.feed(b"id: 3\nretry: 5\n\n") == []
    assert decoder.feed('data: {"c": "世界"}\n\n'.encode()) == [ServerSentEvent('{"c": "世界"}', "message", "3", 5)]
    assert decoder.feed(b"data: a\xffb\n\n") == [ServerSentEvent("a\ufffdb", "message", "3", 5)]


def test_an_event_type_or_an_unfinished_line_before_keeps_the_chunk_on_the_general_path():
    decoder = SSEDecoder()
    assert decoder.feed(b"event: error\n") == []
    assert decoder.feed(b"data: x\n\n") == [ServerSentEvent("x", "error")]
    assert decoder.feed(b"data: y") == []
    assert decoder.feed(b"data: z\n\n") == [ServerSentEvent("ydata: z")]


def test_a_byte_order_mark_after_a_fast_path_chunk_is_not_stripped():
    decoder = SSEDecoder()
    assert decoder.feed(b"data: x\n\n") == [ServerSentEvent("x")]
    assert decoder.feed(b"\xef\xbb\xbfdata: y\n\n") == []
    assert decoder.flush() == []
