"""The JSON parser gives ``json.loads`` results and errors, with orjson installed or not."""

from __future__ import annotations

import json
import math
from typing import Any, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference._sansio import json_parser
from tests.json_parsers import PARSERS, Loads

@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest) -> Iterator[Loads]:
    saved = json_parser._fast_loads  # pylint: disable=protected-access
    json_parser._fast_loads = request.param  # pylint: disable=protected-access
    yield request.param
    json_parser._fast_loads = saved  # pylint: disable=protected-access


def _parse(body: bytes) -> Any:
    return json_parser.loads(json_parser.prepared(body))


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": [1, 2.5, -0.0, 1e-7, true, false, null], "b": "\\u00e9\\n"}',
        b'\xef\xbb\xbf{"bom": 1}',
        '{"utf16": "é"}'.encode("utf-16"),
        '{"utf32": "é"}'.encode("utf-32-le"),
        b'{"big": 123456789012345678901234567890}',
        b"[-9999999999999999999, 18446744073709551615, -9223372036854775808]",
        b'{"id": "chatcmpl-12345678901234567890123", "n": 1}',
        b'{"lone": "\\ud800"}',
        b'{"dup": 1, "dup": 2}',
        b"  [1]  ",
    ],
)
def test_body_parses_to_the_json_loads_value(parser: Loads, body: bytes) -> None:
    expected = json.loads(body[3:] if body.startswith(b"\xef\xbb\xbf") else body)
    assert _parse(body) == expected


def test_non_finite_numbers_parse_as_json_loads_does(parser: Loads) -> None:
    value = _parse(b'{"n": NaN, "i": -Infinity}')
    assert math.isnan(value["n"]) and value["i"] == -math.inf


@pytest.mark.parametrize("body", [b"", b"{", b'{"a": }', b"[1,]", b"\xff\xfe\x00"])
def test_invalid_json_raises_the_json_decode_error(parser: Loads, body: bytes) -> None:
    with pytest.raises(ValueError) as caught:
        _parse(body)
    assert isinstance(caught.value, (json.JSONDecodeError, UnicodeDecodeError))


def test_prepared_body_is_the_bytes_for_a_fast_parser_and_text_otherwise(parser: Loads) -> None:
    expected_type = str if parser is None else bytes
    assert type(json_parser.prepared(b'{"a": 1}')) is expected_type


def test_body_over_the_fast_size_limit_is_decoded_and_parsed_by_the_stdlib(parser: Loads) -> None:
    body = b'{"v": [' + b",".join([b"0.0123456789"] * 100_000) + b"]}"
    assert len(body) > 1 << 20
    document = json_parser.prepared(body)
    assert type(document) is str
    assert json_parser.loads(document) == json.loads(body)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20,
)


@given(value=_JSON_VALUES)
def test_any_document_parses_to_the_json_loads_value(value: Any) -> None:
    body = json.dumps(value).encode("utf-8")
    assert _parse(body) == json.loads(body)
    assert json_parser.loads(body.decode("utf-8")) == json.loads(body)


@pytest.mark.parametrize("digit_scan_max_size", [16 << 10, 0], ids=["digit-scan", "value-check"])
@given(value=_JSON_VALUES)
def test_both_checks_for_long_integers_give_the_json_loads_value(digit_scan_max_size: int, value: Any) -> None:
    """Small documents are scanned for long digit runs, larger ones have orjson's values checked: either way,
    integers beyond 64 bits (which orjson reads as floats) come out as ``json.loads`` gives them."""
    body = json.dumps({"v": value, "n": [0.5, value, -(2**63) - 1]}).encode("utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_parser, "_DIGIT_SCAN_MAX_SIZE", digit_scan_max_size)
        parsed = json_parser.loads(body)
    assert parsed == json.loads(body)
    assert type(parsed["n"][2]) is int


@pytest.mark.parametrize(
    "body",
    [
        b'{"data": [{"embedding": [0.25, -0.5, 18446744073709551616], "index": 0}]}',
        b'{"data": [{"embedding": [0.25, -9223372036854775809.0], "index": 0}]}',
        b'[["a", 1e30], {"k": [true, -9223372036854775808, 18446744073709551615]}]',
        b'{"deep": ' + b"[" * 900 + b"1" + b"]" * 900 + b"}",
    ],
    ids=["int-beyond-64-bits", "float-at-the-bound", "mixed", "deep"],
)
def test_large_documents_are_checked_by_value(body: bytes) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_parser, "_DIGIT_SCAN_MAX_SIZE", 0)
        parsed = json_parser.loads(body)
    assert parsed == json.loads(body)
    assert repr(parsed) == repr(json.loads(body))
