"""Request bodies and headers of ``complete``/``embed``, and the parsing of their JSON responses."""

from __future__ import annotations

import io
import json
from typing import IO, Any, Dict, Mapping, MutableMapping, Optional, Protocol, Sequence, Union

from azure.core.exceptions import DecodeError
from azure.core.utils import case_insensitive_dict

from .. import models as _models
from .._model_base import SdkJSONEncoder, deserialize
from . import json_parser
from .errors import ResponseSnapshot, invalid_json_error
from .settings import ChatSettings, EmbeddingsSettings
from .structured_output import attach_parsed

__all__ = [
    "RequestPlan",
    "Unset",
    "chat_request",
    "embeddings_request",
    "parse_chat_completions",
    "parse_embeddings_response",
    "parse_embeddings_result",
    "parse_model_info",
]

EXTRA_PARAMETERS_HEADER = "extra-parameters"
_JSON = "application/json"
_ENCODER = SdkJSONEncoder()  # what json.dumps(body, cls=SdkJSONEncoder) builds on every call


class _UnsetType:
    def __repr__(self) -> str:
        return "<unset>"


Unset: Any = _UnsetType()
"""Marks a parameter the caller did not pass (``None`` is a value for some of them)."""


class RequestPlan:
    """What one operation call sends: the body (JSON text as ``str``, as 1.0.0b9 sent it, or the caller's
    bytes or file), content type, headers, and streaming;
    ``output_type`` is the pydantic class to parse the answer as (not sent). A plain class: a dataclass
    would generate its code when the package is imported."""

    __slots__ = ("content", "content_type", "headers", "stream", "output_type")

    def __init__(
        self,
        content: Union[str, bytes, IO[bytes]],
        content_type: str,
        headers: MutableMapping[str, str],
        stream: bool = False,
        output_type: Optional[type] = None,
    ) -> None:
        self.content = content
        self.content_type = content_type
        self.headers = headers
        self.stream = stream
        self.output_type = output_type

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"RequestPlan({fields})"


def chat_request(
    body: Any,
    messages: Any,
    stream: Optional[bool],
    settings: ChatSettings,
    *,
    content_type: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
) -> RequestPlan:
    """Plan a chat completions request: from ``body`` as given, or from keywords over the defaults.

    :param body: The body overload's value, or ``Unset``.
    :type body: Any
    :param messages: The ``messages`` keyword, or ``Unset``.
    :type messages: Any
    :param stream: The ``stream`` keyword.
    :type stream: bool or None
    :param settings: The merged call settings (ignored for a body).
    :type settings: ChatSettings
    :keyword content_type: The ``content_type`` keyword.
    :paramtype content_type: str or None
    :keyword headers: The per-call ``headers`` keyword.
    :paramtype headers: Mapping[str, str] or None
    :return: The request plan; ``stream_options`` is only sent with ``stream=True``.
    :rtype: RequestPlan
    :raises TypeError: If neither ``body`` nor ``messages`` is given, or ``messages`` is not a list.
    """
    if body is not Unset:
        plan = _body_plan(body, content_type, headers)
        plan.stream = _streams(body, stream)
        return plan
    fields: Dict[str, Any] = {"messages": _checked_messages(messages), "stream": stream}
    fields.update(settings.body_items())
    if not stream:
        fields.pop("stream_options")  # OpenAI-style services reject it on a non-streaming call
    plan = _keyword_plan(fields, settings.model_extras, content_type, headers)
    plan.stream = bool(stream)
    plan.output_type = settings.output_type
    return plan


def embeddings_request(
    body: Any,
    input: Any,  # pylint: disable=redefined-builtin
    settings: EmbeddingsSettings,
    *,
    content_type: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
) -> RequestPlan:
    """Plan a text or image embeddings request: from ``body`` as given, or from keywords over defaults.

    :param body: The body overload's value, or ``Unset``.
    :type body: Any
    :param input: The ``input`` keyword, or ``Unset``.
    :type input: Any
    :param settings: The merged call settings (ignored for a body).
    :type settings: EmbeddingsSettings
    :keyword content_type: The ``content_type`` keyword.
    :paramtype content_type: str or None
    :keyword headers: The per-call ``headers`` keyword.
    :paramtype headers: Mapping[str, str] or None
    :return: The request plan.
    :rtype: RequestPlan
    :raises TypeError: If neither ``body`` nor ``input`` is given.
    """
    if body is not Unset:
        return _body_plan(body, content_type, headers)
    if input is Unset or input is None:
        raise TypeError("missing required argument: input")
    fields: Dict[str, Any] = {"input": input}
    fields.update(settings.body_items())
    return _keyword_plan(fields, settings.model_extras, content_type, headers)


def _checked_messages(messages: Any) -> Any:
    if messages is Unset or messages is None:
        raise TypeError("missing required argument: messages")
    if isinstance(messages, (str, bytes, Mapping)) or not isinstance(messages, Sequence):
        raise TypeError(
            "'messages' must be a list of chat messages (ChatRequestMessage objects or dicts), "
            f"got {type(messages).__name__}"
        )
    return messages


def _keyword_plan(
    fields: Dict[str, Any],
    extras: Optional[Dict[str, Any]],
    content_type: Optional[str],
    headers: Optional[Mapping[str, str]],
) -> RequestPlan:
    plan_headers = case_insensitive_dict(headers or {})
    if extras:
        fields.update(extras)
        plan_headers[EXTRA_PARAMETERS_HEADER] = _models._enums.ExtraParameters.PASS_THROUGH.value
    body = {name: value for name, value in fields.items() if value is not None}
    content = _ENCODER.encode(body)  # ASCII (ensure_ascii): azure-core's Content-Length, len(str), is the byte count
    return RequestPlan(content, _content_type(content_type, plan_headers), plan_headers)


def _body_plan(body: Any, content_type: Optional[str], headers: Optional[Mapping[str, str]]) -> RequestPlan:
    plan_headers = case_insensitive_dict(headers or {})
    content: Union[str, bytes, IO[bytes]]
    if isinstance(body, (bytes, bytearray)):
        content = bytes(body)
    elif isinstance(body, io.IOBase):
        content = body  # type: ignore[assignment]
    elif isinstance(body, Mapping):
        content = _ENCODER.encode(body)
    else:
        raise TypeError(f"'body' must be a JSON object (dict), bytes or a binary file, got {type(body).__name__}")
    return RequestPlan(content, _content_type(content_type, plan_headers), plan_headers)


def _content_type(content_type: Optional[str], headers: MutableMapping[str, str]) -> str:
    from_headers = headers.pop("Content-Type", None)
    return content_type or from_headers or _JSON


def _streams(body: Any, stream: Optional[bool]) -> bool:
    if isinstance(body, Mapping) and isinstance(body.get("stream"), bool):
        return bool(body["stream"])
    return bool(stream)


class ResponseWithBody(Protocol):
    """A read HTTP response: the body bytes as ``content``, and ``headers`` (for the charset)."""

    @property
    def content(self) -> bytes:
        """The body."""

    @property
    def headers(self) -> Any:
        """The response headers."""


Body = Union[bytes, ResponseWithBody]
"""A response body: the read response (whose ``DecodeError`` then carries it), or the bytes alone."""


def _loads(body: Body) -> Any:
    """The JSON object of a successful response's body; ``DecodeError`` (as 1.0.0b9) for anything else."""
    if isinstance(body, bytes):
        response: Any = None
        document = json_parser.prepared(body)
    else:
        response = body
        document = json_parser.prepared(body.content, json_parser.charset_of(body.headers.get("Content-Type")))
    return _json_object(_parsed(document, response), response)


def _parsed(document: Union[bytes, str], response: Any) -> Any:
    try:
        return json_parser.loads(document)
    except (ValueError, RecursionError) as error:  # RecursionError: nested deeper than the parser can go
        raise invalid_json_error(response, error) from error


def _json_object(value: Any, response: Any) -> Any:
    """The parsed body if it is a JSON object; a successful response with anything else is an error."""
    if not isinstance(value, dict):
        kind = "null" if value is None else type(value).__name__
        raise DecodeError(f"The service answered with a JSON {kind} where a JSON object was expected.", response)
    return value


def parse_chat_completions(body: Body, output_type: Optional[type] = None) -> _models.ChatCompletions:
    """Parse a chat completions response body.

    :param body: The read response (or its body).
    :type body: bytes or ResponseWithBody
    :param output_type: The pydantic model class requested as ``response_format``, if any: each
     choice's ``message.parsed`` is then its content validated as that class.
    :type output_type: type or None
    :return: The result, wrapping the parsed JSON without copying it.
    :rtype: ~azure.ai.inference.models.ChatCompletions
    :raises ~azure.ai.inference.models.StructuredOutputError: If a choice cannot be parsed as
     ``output_type`` (a subclass says why).
    :raises ~azure.core.exceptions.DecodeError: If the body is not JSON, or JSON but not an object.
    """
    completions = deserialize(_models.ChatCompletions, _loads(body))
    return completions if output_type is None else attach_parsed(completions, output_type)


def parse_embeddings_result(body: Body) -> _models.EmbeddingsResult:
    """Parse an embeddings response body.

    :param body: The read response (or its body).
    :type body: bytes or ResponseWithBody
    :return: The result; embedding vectors are the parsed lists themselves.
    :rtype: ~azure.ai.inference.models.EmbeddingsResult
    :raises ~azure.core.exceptions.DecodeError: If the body is not JSON, or JSON but not an object.
    """
    return deserialize(_models.EmbeddingsResult, _loads(body))


def parse_embeddings_response(response: ResponseWithBody) -> _models.EmbeddingsResult:
    """Parse the body of an embeddings response, letting the response go before the objects are built.

    Pass the response as a temporary (``parse_embeddings_response(self._embed(...))``): from Python
    3.11 on, this function then holds the only reference to it and drops it once the body is prepared
    for parsing, so the response and the transport's copies of the body are freed before the JSON
    values (about twice the size of the body for float vectors) are built. This is what keeps the
    peak memory of a large float response at the level of a plain ``json.loads(body)``. A
    ``DecodeError`` then carries a :class:`~._sansio.errors.ResponseSnapshot` as its ``response``.

    :param response: The read HTTP response.
    :type response: ResponseWithBody
    :return: The result; embedding vectors are the parsed lists themselves.
    :rtype: ~azure.ai.inference.models.EmbeddingsResult
    :raises ~azure.core.exceptions.DecodeError: If the body is not JSON, or JSON but not an object.
    """
    document = json_parser.prepared(response.content, json_parser.charset_of(response.headers.get("Content-Type")))
    snapshot = ResponseSnapshot(response, document)
    del response
    return deserialize(_models.EmbeddingsResult, _json_object(_parsed(document, snapshot), snapshot))


def parse_model_info(body: Body) -> _models.ModelInfo:
    """Parse a ``/info`` response body.

    :param body: The read response (or its body).
    :type body: bytes or ResponseWithBody
    :return: The model information.
    :rtype: ~azure.ai.inference.models.ModelInfo
    :raises ~azure.core.exceptions.DecodeError: If the body is not JSON, or JSON but not an object.
    """
    return deserialize(_models.ModelInfo, _loads(body))
