"""The request and response paths after the hot-path work give the same results as the plain versions."""

from __future__ import annotations

import gc
import json
import sys
import weakref
from typing import Any, Callable, List, Optional

import pytest

from azure.ai.inference import models
from azure.ai.inference._model_base import SdkJSONEncoder
from azure.ai.inference._sansio import json_parser, payloads
from azure.ai.inference._sansio.settings import ChatSettings, EmbeddingsSettings


def _replace_merge(defaults: Any, call: Any) -> Any:
    """The merge rule spelled out field by field: a new settings object of the same class."""
    values = {
        name: getattr(call, name) if getattr(call, name) is not None else getattr(defaults, name)
        for name in defaults.field_names()
    }
    values["model_extras"] = call.model_extras or defaults.model_extras or None
    return type(defaults)(**values)


@pytest.mark.parametrize(
    "defaults, call",
    [
        (ChatSettings(), ChatSettings()),
        (ChatSettings(temperature=0.5, stop=["x"], model_extras={"a": 1}), ChatSettings(temperature=0.1)),
        (ChatSettings(response_format="json_object", seed=3), ChatSettings(model_extras={"b": 2}, top_p=0.2)),
        (EmbeddingsSettings(dimensions=8, model_extras={"a": 1}), EmbeddingsSettings(encoding_format="base64")),
    ],
)
def test_merged_with_matches_the_field_by_field_merge(defaults, call):
    merged = defaults.merged_with(call)
    assert type(merged) is type(defaults)
    assert merged == _replace_merge(defaults, call)
    assert list(merged.body_items()) == [
        (name, getattr(merged, name)) for name in merged.field_names() if name not in ("model_extras", "output_type")
    ]


def test_keyword_body_text_matches_json_dumps_with_the_sdk_encoder():
    messages = [models.SystemMessage("sys é"), models.UserMessage("hi")]
    plan = payloads.chat_request(payloads.Unset, messages, True, ChatSettings(temperature=0.5, stop=["\n"]))
    expected = {"messages": messages, "stream": True, "stop": ["\n"], "temperature": 0.5}
    assert plan.content == json.dumps(expected, cls=SdkJSONEncoder)


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": "\\u00e9", "b": [1.5]}',
        b'\xef\xbb\xbf{"a": 1}',
        '{"a": "é"}'.encode("utf-16"),
        '{"a": "é"}'.encode("utf-16-le"),
        '{"a": "é"}'.encode("utf-32"),
    ],
)
def test_body_parsing_decodes_like_json_loads_of_bytes(body):
    stripped = body[3:] if body.startswith(b"\xef\xbb\xbf") else body
    assert payloads.parse_model_info(body).as_dict() == json.loads(stripped)


class _Response:
    status_code, reason, request = 200, "OK", None

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.headers = {"Content-Type": "application/json"}


def test_embeddings_response_parses_to_the_same_result_as_the_bytes_parser():
    body = json.dumps(
        {"data": [{"embedding": [0.25, -1.5], "index": 0}], "usage": {"prompt_tokens": 2, "total_tokens": 2}}
    ).encode()
    result = payloads.parse_embeddings_response(_Response(body))
    assert result == payloads.parse_embeddings_result(body)
    assert result.data[0].embedding == [0.25, -1.5]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="callers hold call arguments until the call returns")
def test_embeddings_response_is_released_before_the_json_values_are_built(monkeypatch):
    released = []
    probes: List[Callable[[], Optional[_Response]]] = []
    original_loads = json_parser.loads

    def loads_noting_release(document):
        gc.collect()
        released.append(probes[0]() is None)
        return original_loads(document)

    def response() -> _Response:
        made = _Response(b'{"data": [], "usage": {"prompt_tokens": 0, "total_tokens": 0}}')
        probes.append(weakref.ref(made))
        return made

    monkeypatch.setattr(json_parser, "loads", loads_noting_release)
    result = payloads.parse_embeddings_response(response())
    assert (released, result.data) == ([True], [])
