"""B5.1, B6.1, B7: the request plans of ``_sansio.payloads`` (the one byte-exact wire-order test)."""

from __future__ import annotations

import io

import pytest

from azure.ai.inference._sansio import payloads
from azure.ai.inference._sansio.payloads import Unset
from azure.ai.inference._sansio.settings import ChatSettings, EmbeddingsSettings
from azure.ai.inference.models import UserMessage

EVERY_CHAT_SETTING = ChatSettings(
    top_p=0.9,
    tools=[{"function": {"name": "f"}, "type": "function"}],
    tool_choice="auto",
    temperature=0.5,
    stop=["END"],
    seed=7,
    response_format="json_object",
    presence_penalty=0.2,
    model="m",
    max_tokens=100,
    frequency_penalty=0.1,
    model_extras={"top_k": 5},
)


def test_chat_body_is_byte_exact_in_wire_order():
    """B5.1/B8.1: every key, in the fixed order, with ``json.dumps`` default separators; ASCII text (a ``str``)."""
    plan = payloads.chat_request(Unset, [UserMessage("h\u00e9")], True, EVERY_CHAT_SETTING)
    assert plan.content == (
        '{"messages": [{"role": "user", "content": "h\\u00e9"}], "stream": true, "frequency_penalty": 0.1, '
        '"max_tokens": 100, "model": "m", "presence_penalty": 0.2, "response_format": {"type": "json_object"}, '
        '"seed": 7, "stop": ["END"], "temperature": 0.5, "tool_choice": "auto", '
        '"tools": [{"function": {"name": "f"}, "type": "function"}], "top_p": 0.9, "top_k": 5}'
    )
    assert (plan.content_type, dict(plan.headers), plan.stream) == (
        "application/json", {"extra-parameters": "pass-through"}, True
    )


def test_embeddings_body_is_byte_exact_in_wire_order():
    """B6.1: ``input, dimensions, encoding_format, input_type, model`` then extras."""
    settings = EmbeddingsSettings(
        model="m", input_type="query", encoding_format="float", dimensions=3, model_extras={"x": 1}
    )
    plan = payloads.embeddings_request(Unset, ["a"], settings)
    assert plan.content == (
        '{"input": ["a"], "dimensions": 3, "encoding_format": "float", "input_type": "query", "model": "m", "x": 1}'
    )


def test_extras_are_merged_before_none_values_are_removed():
    """B5.6: an extra may overwrite a standard key in place; None extras vanish."""
    settings = ChatSettings(temperature=0.3, model_extras={"temperature": 1.5, "gone": None})
    plan = payloads.chat_request(Unset, [], None, settings)
    assert plan.content == '{"messages": [], "temperature": 1.5}'


@pytest.mark.parametrize(
    ("content_type", "headers", "expected"),
    [
        (None, None, "application/json"),
        (None, {"content-type": "text/x"}, "text/x"),
        ("application/y", {"Content-Type": "text/x"}, "application/y"),
    ],
)
def test_content_type_precedence(content_type, headers, expected):
    """B4.2: ``content_type`` keyword > ``Content-Type`` header > default; the header is not kept twice."""
    plan = payloads.chat_request(Unset, [], None, ChatSettings(), content_type=content_type, headers=headers)
    assert (plan.content_type, "content-type" in plan.headers) == (expected, False)


@pytest.mark.parametrize(
    ("body", "stream", "expected"),
    [
        ({"stream": True}, None, True),
        ({"stream": False}, True, False),
        ({"stream": "yes"}, None, False),
        ({"stream": "yes"}, True, True),
        (b'{"stream": true}', None, False),
        (b'{"stream": true}', True, True),
    ],
)
def test_body_streaming_decision(body, stream, expected):
    """B7.3: a real bool ``stream`` in a dict body decides; otherwise the keyword does."""
    assert payloads.chat_request(body, Unset, stream, ChatSettings()).stream is expected


def test_file_body_is_passed_through_unread():
    """B7.1: an ``io.IOBase`` body is the request content itself."""
    body = io.BytesIO(b"{}")
    assert payloads.chat_request(body, Unset, None, ChatSettings()).content is body


def test_body_of_another_type_is_rejected_naming_the_argument():
    """B7.1: a body that is not a mapping, bytes or a file -> TypeError naming ``body``."""
    with pytest.raises(TypeError) as caught:
        payloads.chat_request(["not", "a", "body"], Unset, None, ChatSettings())
    assert "'body'" in str(caught.value)


def test_parse_chat_completions_accepts_a_utf8_bom():
    """B9.2: the 200 body is parsed as JSON (a leading UTF-8 BOM is tolerated)."""
    result = payloads.parse_chat_completions(b'\xef\xbb\xbf{"id": "x"}')
    assert result.id == "x"
