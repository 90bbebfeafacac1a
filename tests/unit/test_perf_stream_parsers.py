"""Event data is parsed by the shared JSON parser (orjson when installed): the same updates and errors either way."""

from __future__ import annotations

import json
from typing import Any, Iterator, List, Optional, Tuple

import pytest

from azure.ai.inference._sansio import json_parser
from tests.json_parsers import PARSERS, Loads
from azure.ai.inference._sansio.streaming import ChatStreamDecoder
from tests.sse_streams import W2_BODY, W2_YIELDED, chunk, delta, event_bytes

@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Loads]:
    monkeypatch.setattr(json_parser, "_fast_loads", request.param)
    yield request.param


def _decode(body: bytes) -> Tuple[List[Any], Optional[Exception]]:
    decoder = ChatStreamDecoder()
    updates = decoder.feed(body) + decoder.flush()
    return [update.as_dict() for update in updates], decoder.error


def test_the_w2_stream_gives_its_updates(parser: Loads) -> None:
    assert _decode(W2_BODY) == (W2_YIELDED, None)


@pytest.mark.parametrize(
    "data",
    [
        '{"id": "c", "choices": [{"index": 0, "delta": {"content": "x"}, "finish_reason": "stop"}], "n": NaN}',
        '{"id": "c", "choices": [{"index": 0, "delta": {"content": "\\ud800"}, "finish_reason": "stop"}]}',
        '{"id": "c", "seed": 123456789012345678901234567890, "choices": [{"index": 0, "finish_reason": "stop"}]}',
        '{"id": "c", "choices": [{"index": 0, "delta": {"content": "é 世界"}, "finish_reason": "stop"}]}',
    ],
    ids=["nan", "lone-surrogate", "big-integer", "non-ascii"],
)
def test_event_data_gives_the_json_loads_values(parser: Loads, data: str) -> None:
    updates, error = _decode(b"data: " + data.encode("utf-8") + b"\n\ndata: [DONE]\n\n")
    assert error is None
    assert json.dumps(updates) == json.dumps([json.loads(data)])  # NaN compares equal as text


@pytest.mark.parametrize("data", [b"{", b'{"a": 1,}', b"[1]", b"nul"])
def test_malformed_event_data_ends_the_stream_with_the_same_error(parser: Loads, data: bytes) -> None:
    body = event_bytes(chunk([delta({"content": "a"})])) + b"data: " + data + b"\n\n"
    updates, error = _decode(body)
    assert [update["choices"][0]["delta"]["content"] for update in updates] == ["a"]
    assert type(error).__name__ == "DecodeError"
    assert type(error.__cause__) in (json.JSONDecodeError, TypeError)
    assert str(error) == str(_decode_with_stdlib(body)[1])


def _decode_with_stdlib(body: bytes) -> Tuple[List[Any], Optional[Exception]]:
    saved = json_parser._fast_loads  # pylint: disable=protected-access
    json_parser._fast_loads = None  # pylint: disable=protected-access
    try:
        return _decode(body)
    finally:
        json_parser._fast_loads = saved  # pylint: disable=protected-access
