"""Line-per-event framing: servers that send one ``data:`` line per event, with or without blank lines.

1.0.0b9 read every ``data: {...}`` line as an update, whether lines end in LF or CRLF and whether blank
lines separate the events; ``[DONE]`` on its own line ended the stream. The HTML standard joins
consecutive ``data:`` lines into one event. Both framings must give the same updates, for every split of
the body into network chunks, while genuine multi-line data (one JSON document over several ``data:``
lines, then a blank line) stays one event.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azure.ai.inference._sansio.sse import ServerSentEvent, SSEDecoder
from azure.ai.inference._sansio.streaming import ChatStreamDecoder
from tests.sse_streams import W2_EVENTS, W2_YIELDED, W2B_EVENTS, chunk, delta
from tests.unit.test_stream_properties import split  # every split of a body into network chunks

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
TEXT = st.text(alphabet=st.sampled_from('ab \n\r\t"\\é世😀\u2028:'), max_size=6)


def _decode(chunks: List[bytes]) -> ChatStreamDecoder:
    decoder = ChatStreamDecoder()
    decoder.updates = [dict(u) for piece in chunks for u in decoder.feed(piece)] + [  # type: ignore[attr-defined]
        dict(u) for u in decoder.flush()
    ]
    return decoder


@st.composite
def events(draw: Any) -> List[Dict[str, Any]]:
    """Text deltas with awkward characters, then a finish; sometimes a usage-only event."""
    contents = draw(st.lists(TEXT, max_size=6))
    found = [chunk([delta({"role": "assistant", "content": ""})])]
    found += [chunk([delta({"content": text})]) for text in contents]
    found.append(chunk([delta({}, "stop")]))
    if draw(st.booleans()):
        found.append(chunk([], usage={"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}))
    return found


@st.composite
def line_per_event_body(draw: Any, sent: List[Dict[str, Any]]) -> bytes:
    """One ``data:`` line per event; each followed by a blank line or not; ``[DONE]`` alone on a line."""
    newline = draw(NEWLINES)
    lines: List[str] = []
    for event in sent:
        prefix = draw(st.sampled_from(["data: ", "data:"]))
        lines.append(prefix + json.dumps(event, ensure_ascii=draw(st.booleans())))
        if draw(st.booleans()):
            lines.append("")
    lines.append("data: [DONE]")
    ending = draw(st.sampled_from(["", newline, newline + newline]))
    return (newline.join(lines) + ending).encode("utf-8")


@PROPERTY_SETTINGS
@given(data=st.data(), sent=events())
def test_line_per_event_gives_one_update_per_line_for_any_split(data, sent):
    body = data.draw(line_per_event_body(sent))
    decoder = _decode(data.draw(split(body)))
    assert decoder.error is None and decoder.done is True
    assert decoder.updates == sent  # type: ignore[attr-defined]
    assert decoder.accumulator.finished is True


@PROPERTY_SETTINGS
@given(data=st.data(), sent=events(), newline=NEWLINES)
def test_done_on_its_own_line_ends_the_stream_before_anything_after_it(data, sent, newline):
    lines = [f"data: {json.dumps(event)}" for event in sent] + ["data: [DONE]", "data: {not json", ""]
    body = newline.join(lines).encode("utf-8")
    decoder = _decode(data.draw(split(body)))
    assert (decoder.error, decoder.done, decoder.updates) == (None, True, sent)  # type: ignore[attr-defined]


@PROPERTY_SETTINGS
@given(data=st.data(), newline=NEWLINES, indent=st.sampled_from([1, 2, "\t"]))
def test_multi_line_json_stays_one_event_for_any_split(data, newline, indent):
    """The HTML standard's framing: a JSON document spread over ``data:`` lines, then a blank line."""
    sent = W2_EVENTS
    lines: List[str] = []
    for event in sent:
        lines += ["data: " + line for line in json.dumps(event, indent=indent).split("\n")] + [""]
    lines += ["data: [DONE]", ""]
    body = newline.join(lines).encode("utf-8")
    decoder = _decode(data.draw(split(body)))
    assert (decoder.error, decoder.updates) == (None, W2_YIELDED)  # type: ignore[attr-defined]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_each_line_is_delivered_as_soon_as_it_ends(newline):
    """No blank line needed: the update comes with its own line, not with the next one."""
    decoder = ChatStreamDecoder()
    first, second = (json.dumps(event) for event in W2B_EVENTS[:2])
    assert [dict(u) for u in decoder.feed(f"data: {first}{newline}".encode())] == [W2B_EVENTS[0]]
    assert [dict(u) for u in decoder.feed(f"data: {second}{newline}".encode())] == [W2B_EVENTS[1]]
    assert decoder.feed(f"data: [DONE]{newline}".encode()) == [] and decoder.done is True


def test_each_line_is_parsed_once(monkeypatch):
    from azure.ai.inference._sansio import streaming

    parsed: List[str] = []
    original = streaming.loads
    monkeypatch.setattr(streaming, "loads", lambda text: parsed.append(text) or original(text))
    body = "".join(f"data: {json.dumps(event)}\n" for event in W2_EVENTS) + "data: [DONE]\n"
    decoder = _decode([body.encode()])
    assert decoder.updates == W2_YIELDED  # type: ignore[attr-defined]
    assert parsed == [json.dumps(event) for event in W2_EVENTS]


def test_a_generic_decoder_keeps_the_standards_rule():
    """Without ``is_complete`` (the SSE decoder alone), consecutive ``data:`` lines form one event."""
    decoder = SSEDecoder()
    assert decoder.feed(b"data: {}\ndata: {}\n\n") == [ServerSentEvent("{}\n{}")]


def test_a_line_that_is_not_json_waits_for_the_blank_line():
    decoder = SSEDecoder(lambda data: data.startswith("{") and data.endswith("}"))
    assert decoder.feed(b"event: note\ndata: {\"a\":\ndata: 1}\n") == []
    assert decoder.feed(b"\n") == [ServerSentEvent('{"a":\n1}', "note")]
    assert decoder.feed(b"data: {}\ndata: {}\n") == [ServerSentEvent("{}"), ServerSentEvent("{}")]
