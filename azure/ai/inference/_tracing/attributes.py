"""Pure: from a call's arguments and its result to span names and span attributes, in both convention modes.

The default mode reproduces 1.0.0b9 (``gen_ai.system="az.ai.inference"``, request values taken from
the call's keywords only, ``gen_ai.request.model="chat"`` when no ``model`` keyword is given,
``server.port`` only when explicit and not 443). The latest mode follows the current GenAI semantic
conventions (``gen_ai.provider.name="azure.ai.inference"``, the values that were actually sent:
keywords over client defaults or the ``body`` mapping, ``server.port`` always, more request attributes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlsplit

from .._model_base import Model
from .._sansio.settings import Settings

__all__ = [
    "CallFacts",
    "chat_response_attributes",
    "describe_call",
    "embeddings_response_attributes",
    "error_type",
    "finish_reason_text",
    "metric_attributes",
    "plain",
]

SYSTEM_B9 = ("gen_ai.system", "az.ai.inference")
PROVIDER_LATEST = ("gen_ai.provider.name", "azure.ai.inference")
NAMESPACE_LATEST = ("azure.resource_provider.namespace", "Microsoft.CognitiveServices")
_DEFAULT_PORTS = {"https": 443, "http": 80}
_B9_CHAT_PARAMETERS = (
    ("gen_ai.request.max_tokens", "max_tokens"),
    ("gen_ai.request.temperature", "temperature"),
    ("gen_ai.request.top_p", "top_p"),
)
_LATEST_CHAT_PARAMETERS = (
    ("gen_ai.request.frequency_penalty", "frequency_penalty"),
    ("gen_ai.request.max_tokens", "max_tokens"),
    ("gen_ai.request.presence_penalty", "presence_penalty"),
    ("gen_ai.request.seed", "seed"),
    ("gen_ai.request.temperature", "temperature"),
    ("gen_ai.request.top_p", "top_p"),
)
_METRIC_KEYS = (
    "gen_ai.operation.name",
    SYSTEM_B9[0],
    PROVIDER_LATEST[0],
    "gen_ai.request.model",
    "gen_ai.response.model",
    "server.address",
    "server.port",
    "error.type",
)


@dataclass(frozen=True)
class CallFacts:
    """What a traced call records before it runs: span name, request attributes and request messages."""

    operation: str
    latest: bool
    span_name: str
    request_attributes: Dict[str, Any]
    keyword_messages: Optional[Sequence[Any]]
    """The ``messages`` keyword (1.0.0b9 emits request events only for it)."""
    sent_messages: Optional[Sequence[Any]]
    """The messages actually sent: the keyword, or those of a ``body`` mapping."""

    @property
    def system(self) -> Tuple[str, str]:
        """The ``gen_ai.system`` or ``gen_ai.provider.name`` attribute of the mode."""
        return PROVIDER_LATEST if self.latest else SYSTEM_B9


def describe_call(
    operation: str, endpoint: str, args: Sequence[Any], kwargs: Mapping[str, Any], defaults: Any, latest: bool
) -> CallFacts:
    """Describe one ``complete`` (operation ``chat``) or ``embed`` (operation ``embeddings``) call.

    :param operation: ``chat`` or ``embeddings``.
    :type operation: str
    :param endpoint: The client's endpoint URL.
    :type endpoint: str
    :param args: The call's positional arguments (after ``self``).
    :type args: Sequence[Any]
    :param kwargs: The call's keyword arguments.
    :type kwargs: Mapping[str, Any]
    :param defaults: The client's defaults (a settings dataclass), or None.
    :type defaults: Any
    :param latest: Whether to follow the current GenAI conventions.
    :type latest: bool
    :return: The facts to record at span start.
    :rtype: CallFacts
    """
    sent = _sent_values(args, kwargs, defaults) if latest or operation == "embeddings" else kwargs
    model = sent.get("model")
    attributes = _request_attributes(operation, endpoint, sent, latest)
    return CallFacts(
        operation=operation,
        latest=latest,
        span_name=f"{operation} {model}" if model else operation,
        request_attributes={key: value for key, value in attributes if value is not None},
        keyword_messages=_as_list(kwargs.get("messages")),
        sent_messages=_as_list(sent.get("messages")),
    )


def _request_attributes(operation: str, endpoint: str, sent: Mapping[str, Any], latest: bool) -> List[Tuple[str, Any]]:
    model = sent.get("model")
    if operation == "chat" and not latest and model is None:
        model = "chat"  # the 1.0.0b9 placeholder (Q2)
    attributes: List[Tuple[str, Any]] = [("gen_ai.operation.name", operation)]
    attributes += [PROVIDER_LATEST, NAMESPACE_LATEST] if latest else [SYSTEM_B9]
    attributes.append(("gen_ai.request.model", model))
    if operation == "embeddings":
        attributes += _embeddings_parameters(sent)
    else:
        attributes += _chat_parameters(sent, latest)
    return attributes + _server_attributes(endpoint, latest)


def _sent_values(args: Sequence[Any], kwargs: Mapping[str, Any], defaults: Any) -> Mapping[str, Any]:
    """The request values as sent: a ``body`` mapping, else keywords over client defaults and extras."""
    body = args[0] if args else kwargs.get("body")
    if isinstance(body, Mapping):
        return body
    values: Dict[str, Any] = {}
    settings = _settings_items(defaults)
    values.update(kwargs.get("model_extras") or settings.get("model_extras") or {})
    values.update((key, value) for key, value in settings.items() if value is not None)
    values.update((key, value) for key, value in kwargs.items() if value is not None)
    return values


def _settings_items(defaults: Any) -> Dict[str, Any]:
    return defaults.items() if isinstance(defaults, Settings) else {}


def _embeddings_parameters(sent: Mapping[str, Any]) -> List[Tuple[str, Any]]:
    encoding = _text(sent.get("encoding_format"))
    return [
        ("gen_ai.embeddings.dimension.count", sent.get("dimensions")),
        ("gen_ai.request.encoding_formats", None if encoding is None else [encoding]),
    ]


def _chat_parameters(sent: Mapping[str, Any], latest: bool) -> List[Tuple[str, Any]]:
    if not latest:
        return [(attribute, sent.get(name)) for attribute, name in _B9_CHAT_PARAMETERS]
    stop, choices = sent.get("stop"), sent.get("n")
    return [(attribute, sent.get(name)) for attribute, name in _LATEST_CHAT_PARAMETERS] + [
        ("gen_ai.request.stop_sequences", [str(item) for item in stop] if isinstance(stop, (list, tuple)) else None),
        ("gen_ai.request.choice.count", choices if isinstance(choices, int) and choices != 1 else None),
        ("gen_ai.output.type", _output_type(sent.get("response_format"))),
        ("gen_ai.request.stream", True if sent.get("stream") is True else None),
    ]


def _output_type(response_format: Any) -> Optional[str]:
    """``text`` or ``json`` for a ``response_format`` given as a string, a wire mapping or a JSON schema."""
    kind = response_format.get("type") if isinstance(response_format, Mapping) else _text(response_format)
    if kind is None and isinstance(response_format, Mapping) and "schema" in response_format:
        kind = "json_schema"
    return {"text": "text", "json_object": "json", "json_schema": "json"}.get(kind) if kind else None


def _server_attributes(endpoint: str, latest: bool) -> List[Tuple[str, Any]]:
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return []
    if latest and port is None:
        port = _DEFAULT_PORTS.get(parts.scheme.lower())
    elif not latest and port == 443:
        port = None
    return [("server.address", parts.hostname), ("server.port", port if parts.hostname else None)]


def chat_response_attributes(completion: Mapping[str, Any]) -> Dict[str, Any]:
    """Response attributes of a chat completion (a plain wire dict, received or accumulated).

    :param completion: The completion's wire form.
    :type completion: Mapping[str, Any]
    :return: ``gen_ai.response.*`` and ``gen_ai.usage.*`` attributes, None values left out.
    :rtype: dict[str, Any]
    """
    usage = completion.get("usage") or {}
    choices = completion.get("choices") or []
    attributes = {
        "gen_ai.response.id": completion.get("id"),
        "gen_ai.response.model": completion.get("model"),
        "gen_ai.usage.input_tokens": usage.get("prompt_tokens"),
        "gen_ai.usage.output_tokens": usage.get("completion_tokens"),
        "gen_ai.response.finish_reasons": [finish_reason_text(choice.get("finish_reason")) for choice in choices]
        or None,
    }
    return {key: value for key, value in attributes.items() if value is not None}


def embeddings_response_attributes(result: Mapping[str, Any]) -> Dict[str, Any]:
    """Response attributes of an embeddings result (its wire dict).

    :param result: The result's wire form.
    :type result: Mapping[str, Any]
    :return: ``gen_ai.response.model`` and ``gen_ai.usage.input_tokens``, None values left out.
    :rtype: dict[str, Any]
    """
    usage = result.get("usage") or {}
    attributes = {"gen_ai.response.model": result.get("model"), "gen_ai.usage.input_tokens": usage.get("prompt_tokens")}
    return {key: value for key, value in attributes.items() if value is not None}


def finish_reason_text(value: Any) -> str:
    """The text of a finish reason: the service's string (known or not), ``none`` for anything else.

    :param value: A finish reason as received (string, enum member or None).
    :type value: Any
    :return: The text recorded for it.
    :rtype: str
    """
    text = _text(value)
    return "none" if text is None else text


def error_type(error: BaseException) -> str:
    """``<module>.<ClassName>`` of an exception, or just ``<ClassName>`` for builtins.

    :param error: The exception.
    :type error: BaseException
    :return: The ``error.type`` value.
    :rtype: str
    """
    cls = type(error)
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__name__}"


def metric_attributes(span_attributes: Mapping[str, Any]) -> Dict[str, Any]:
    """The subset of a span's attributes that the GenAI client metrics carry.

    :param span_attributes: The attributes recorded on the span.
    :type span_attributes: Mapping[str, Any]
    :return: Operation, system/provider, models, server and error type.
    :rtype: dict[str, Any]
    """
    return {key: span_attributes[key] for key in _METRIC_KEYS if key in span_attributes}


def plain(value: Any) -> Any:
    """A deep plain-container copy of a model, mapping or list (models become their wire dicts).

    :param value: Any value.
    :type value: Any
    :return: The value with every model and mapping converted to a dict.
    :rtype: Any
    """
    if isinstance(value, Model):
        return value.as_dict()
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def _text(value: Any) -> Optional[str]:
    """A string or a string enum member as plain text; None for anything else."""
    if isinstance(value, str):
        return str(getattr(value, "value", value))
    return None


def _as_list(value: Any) -> Optional[Sequence[Any]]:
    return value if isinstance(value, (list, tuple)) else None
