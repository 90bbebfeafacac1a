"""B9.2: a 200 body that is not valid JSON raises azure-core's ``DecodeError`` as 1.0.0b9 did, and a body
with invalid UTF-8 is decoded like the stream (U+FFFD) unless its Content-Type names a charset; for
``complete``, ``embed``, ``get_model_info`` and ``load_client``, sync and aio, with each JSON parser."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
from azure.core.exceptions import AzureError, DecodeError, HttpResponseError

from azure.ai.inference._sansio import json_parser
from azure.ai.inference.models import ImageEmbeddingInput, UserMessage
from tests.emulator import Reply
from tests.flavors import ClientFactory, resolve
from tests.json_parsers import PARSERS

HTML_PAGE = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
CUT_JSON = b'{"id": "chatcmpl-1", "choices": [{"index": 0, "mess'
OPERATIONS = ["complete", "embed", "image_embed", "get_model_info", "load_client"]


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Parse response bodies with the standard library, the strict stand-in, or orjson."""
    saved = json_parser._fast_loads
    json_parser._fast_loads = request.param
    yield request.param
    json_parser._fast_loads = saved


async def _call(clients: ClientFactory, operation: str) -> Any:
    if operation == "complete":
        return await resolve(clients.chat().complete(messages=[UserMessage("hi")]))
    if operation == "embed":
        return await resolve(clients.embeddings().embed(input=["hi"]))
    if operation == "image_embed":
        return await resolve(clients.image_embeddings().embed(input=[ImageEmbeddingInput(image="data:image/png;base64,AA==")]))
    if operation == "get_model_info":
        return await resolve(clients.chat().get_model_info())
    return await resolve((await clients.load_client()).get_model_info())  # the information load_client read


def _parser_message(body: bytes) -> str:
    try:
        json.loads(body.decode("utf-8"))
    except ValueError as error:
        return str(error)
    raise AssertionError("the body is valid JSON")


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(
    ("body", "content_type"),
    [(HTML_PAGE, "text/html"), (HTML_PAGE, "application/json"), (CUT_JSON, "application/json"), (b"", "application/json")],
    ids=["html-page", "html-as-json", "cut-json", "empty"],
)
async def test_a_200_body_that_is_not_json_raises_decode_error(clients, emulator, parser, operation, body, content_type):
    emulator.script(Reply(body=body, headers={"Content-Type": content_type}))
    with pytest.raises(DecodeError) as raised:
        await _call(clients, operation)
    error = raised.value
    assert isinstance(error, HttpResponseError) and isinstance(error, AzureError)
    assert (error.status_code, error.reason) == (200, "OK")
    assert error.message == f"JSON is invalid: {_parser_message(body)}"
    assert str(error).startswith(f"JSON is invalid: {_parser_message(body)}")
    assert error.response is not None and error.response.text() == body.decode("utf-8")
    assert body.decode("utf-8") in str(error)  # azure-core shows the body: "\nContent: ..."
    assert isinstance(error.__cause__, ValueError)
    assert len(emulator.requests) == 1


CHAT_RESULT = {"id": "caf\u00e9", "created": 1, "model": "m", "object": "chat.completion", "choices": []}
INFO_RESULT = {"model_name": "caf\u00e9", "model_type": "chat-completion", "model_provider_name": "p"}
EMBEDDINGS_RESULT = {"id": "caf\u00e9", "model": "m", "data": [], "usage": {"prompt_tokens": 0, "total_tokens": 0}}


def _latin1(document: Any, invalid: bytes) -> bytes:
    """The document as UTF-8 with its ``é`` written as ``invalid`` (not UTF-8)."""
    return json.dumps(document, ensure_ascii=False).encode("utf-8").replace("\u00e9".encode("utf-8"), invalid)


def _identity(operation: str, result: Any) -> str:
    return result.model_name if operation in ("get_model_info", "load_client") else result.id


def _document(operation: str) -> Any:
    if operation in ("get_model_info", "load_client"):
        return INFO_RESULT
    return CHAT_RESULT if operation == "complete" else EMBEDDINGS_RESULT


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize(
    ("content_type", "expected"),
    [("application/json", "caf\ufffd"), ("application/json; charset=utf-8", "caf\ufffd"), ("application/json; charset=ISO-8859-1", "caf\u00e9")],
    ids=["no-charset", "utf-8", "latin-1"],
)
async def test_invalid_utf8_is_replaced_unless_a_charset_is_named(clients, emulator, parser, operation, content_type, expected):
    emulator.script(Reply(body=_latin1(_document(operation), b"\xe9"), headers={"Content-Type": content_type}))
    result = await _call(clients, operation)
    assert _identity(operation, result) == expected


@pytest.mark.parametrize("operation", ["complete", "embed", "get_model_info"])
async def test_a_json_array_body_names_what_came_with_the_response(clients, emulator, operation):
    emulator.script(Reply(body=b"[1, 2]"))
    with pytest.raises(DecodeError, match="JSON list where a JSON object was expected") as raised:
        await _call(clients, operation)
    assert (raised.value.status_code, raised.value.response.text()) == (200, "[1, 2]")
