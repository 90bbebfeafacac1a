"""Which keyword arguments the clients and their operations accept, checked before any I/O.

Anything not named by a method's signature must be an option of the azure-core pipeline. The lists
below come from azure-core 1.41: the keyword arguments read by its pipeline policies
(``azure.core.pipeline.policies``: request id, headers, user agent, proxy, redirect, retry,
authentication, custom hook, network-trace and HTTP logging, distributed tracing, sensitive-header
cleanup), by its transports (``RequestsTransport``, ``AioHttpTransport`` and their
``ConnectionConfiguration``), by ``PipelineClient`` and by the ``distributed_trace`` decorators, plus
the generated operations' own ``headers``, ``params``, ``error_map`` and ``content_type``. An unknown
name raises ``TypeError`` here instead of reaching the transport (where requests fails with an
obscure ``TypeError`` and aiohttp ignores it).
"""

from __future__ import annotations

from typing import AbstractSet, Any, Dict, FrozenSet, Mapping, Optional

from .model_info import ClientKind
from .settings import ChatSettings, EmbeddingsSettings

__all__ = [
    "CLIENT_OPTIONS",
    "PIPELINE_CALL_OPTIONS",
    "check_client_options",
    "check_complete_options",
    "check_embed_options",
    "check_model_info_options",
    "kwargs_for_client",
]

PIPELINE_CALL_OPTIONS = frozenset(
    {
        "request_id",  # RequestIdPolicy
        "user_agent",  # UserAgentPolicy
        "user_agent_overwrite",
        "proxies",  # ProxyPolicy, transports
        "permit_redirects",  # RedirectPolicy
        "redirect_max",
        "retry_total",  # RetryPolicy
        "retry_connect",
        "retry_read",
        "retry_status",
        "retry_backoff_factor",
        "retry_backoff_max",
        "retry_on_methods",
        "timeout",
        "enforce_https",  # BearerTokenCredentialPolicy
        "enable_cae",
        "raw_request_hook",  # CustomHookPolicy
        "raw_response_hook",
        "logging_enable",  # NetworkTraceLoggingPolicy
        "logger",  # HttpLoggingPolicy
        "http_logging_level",
        "tracing_options",  # DistributedTracingPolicy, distributed_trace
        "connection_timeout",  # transports
        "read_timeout",
        "connection_verify",
        "connection_cert",
    }
)
"""Per-call options of the azure-core pipeline (policies and transports)."""

CLIENT_OPTIONS = PIPELINE_CALL_OPTIONS | frozenset(
    {
        "api_version",  # the client configuration
        "credential_scopes",
        "polling_interval",
        "headers",  # HeadersPolicy
        "auto_request_id",  # RequestIdPolicy
        "request_id_header_name",
        "user_agent_use_env",  # UserAgentPolicy
        "sdk_moniker",
        "redirect_remove_headers",  # RedirectPolicy
        "redirect_on_status_codes",
        "retry_mode",  # RetryPolicy
        "retry_on_status_codes",
        "additional_allowed_query_params",  # HttpLoggingPolicy, DistributedTracingPolicy
        "instrumentation_config",
        "network_span_namer",
        "tracing_attributes",
        "blocked_redirect_headers",  # SensitiveHeaderCleanupPolicy
        "disable_redirect_cleanup",
        "authentication_policy",  # replacement policies
        "custom_hook_policy",
        "headers_policy",
        "http_logging_policy",
        "logging_policy",
        "proxy_policy",
        "redirect_policy",
        "retry_policy",
        "user_agent_policy",
        "policies",  # PipelineClient
        "per_call_policies",
        "per_retry_policies",
        "transport",
        "connection_data_block_size",  # transports
        "session",
        "session_owner",
        "use_env_settings",
    }
)
"""Constructor options: the per-call options, and those of the configuration, policies and transport."""

_OPERATION_OPTIONS = PIPELINE_CALL_OPTIONS | {"headers", "params", "error_map"}
_BODY_OPERATION_OPTIONS = _OPERATION_OPTIONS | {"content_type"}

# ``output_type`` is derived from ``response_format``: a field of the settings, not a keyword argument.
_CHAT_KEYWORDS = frozenset(ChatSettings.field_names()) - {"output_type"}
_EMBEDDINGS_KEYWORDS = frozenset(EmbeddingsSettings.field_names())
_KIND_KEYWORDS: Mapping[ClientKind, FrozenSet[str]] = {
    "chat": _CHAT_KEYWORDS,
    "embeddings": _EMBEDDINGS_KEYWORDS,
    "image_embeddings": _EMBEDDINGS_KEYWORDS,
}
_CLIENT_KEYWORDS = {
    "ChatCompletionsClient": _CHAT_KEYWORDS,
    "EmbeddingsClient": _EMBEDDINGS_KEYWORDS,
    "ImageEmbeddingsClient": _EMBEDDINGS_KEYWORDS,
}

# Per call, azure-core reads these two only while tracing is enabled; otherwise they reach the
# transport, where requests fails on them.
_HINTS = {
    "cls": "'cls' is not supported; to see the HTTP response, pass raw_response_hook=<a callable that "
    "receives the azure.core.pipeline.PipelineResponse>.",
    "tracing_attributes": "Per call, pass tracing_options={'attributes': {...}}; tracing_attributes is a "
    "constructor option.",
    "network_span_namer": "network_span_namer is a constructor option.",
}


def check_complete_options(kwargs: Mapping[str, Any]) -> None:
    """Raise ``TypeError`` for a keyword argument of ``complete`` that nothing understands.

    :param kwargs: The keyword arguments not named by ``complete``'s signature.
    :type kwargs: Mapping[str, Any]
    :raises TypeError: Naming the first unknown argument, with a suggestion.
    """
    _reject_unknown("complete", kwargs, _BODY_OPERATION_OPTIONS, _CHAT_KEYWORDS | {"messages", "stream"})


def check_embed_options(kwargs: Mapping[str, Any]) -> None:
    """Raise ``TypeError`` for a keyword argument of ``embed`` that nothing understands (``stream`` too).

    :param kwargs: The keyword arguments not named by ``embed``'s signature.
    :type kwargs: Mapping[str, Any]
    :raises TypeError: Naming the first unknown argument, with a suggestion.
    """
    if "stream" in kwargs:
        raise TypeError("embed() got an unexpected keyword argument 'stream': embeddings are not streamed.")
    _reject_unknown("embed", kwargs, _BODY_OPERATION_OPTIONS, _EMBEDDINGS_KEYWORDS | {"input"})


def check_model_info_options(kwargs: Mapping[str, Any]) -> None:
    """Raise ``TypeError`` for a keyword argument of ``get_model_info`` that nothing understands.

    :param kwargs: The keyword arguments of ``get_model_info``.
    :type kwargs: Mapping[str, Any]
    :raises TypeError: Naming the first unknown argument, with a suggestion.
    """
    _reject_unknown("get_model_info", kwargs, _OPERATION_OPTIONS, frozenset(), suggest_extras=False)


def check_client_options(client_name: str, kwargs: Mapping[str, Any]) -> None:
    """Raise ``TypeError`` for a constructor keyword argument that nothing understands.

    :param client_name: The class name, for the message (and to suggest its own keywords).
    :type client_name: str
    :param kwargs: The keyword arguments not named by the constructor's signature.
    :type kwargs: Mapping[str, Any]
    :raises TypeError: Naming the first unknown argument, with a suggestion.
    """
    named = _CLIENT_KEYWORDS.get(client_name, _CHAT_KEYWORDS | _EMBEDDINGS_KEYWORDS)
    _reject_unknown(f"{client_name}.__init__", kwargs, CLIENT_OPTIONS, named)


def kwargs_for_client(kind: ClientKind, kwargs: Mapping[str, Any]) -> Dict[str, Any]:
    """Return the ``load_client`` keyword arguments meant for a client of ``kind``.

    ``load_client`` cannot know in advance which client it builds, so the call defaults of the other
    kinds (``dimensions`` for a chat client, ``temperature`` for an embeddings client) are dropped,
    as the original package ignored them; everything else is passed on (and checked).

    :param kind: The kind of client being built.
    :type kind: str
    :param kwargs: The keyword arguments given to ``load_client``.
    :type kwargs: Mapping[str, Any]
    :return: The keyword arguments for the client's constructor.
    :rtype: dict[str, Any]
    """
    foreign = (_CHAT_KEYWORDS | _EMBEDDINGS_KEYWORDS) - _KIND_KEYWORDS[kind]
    return {name: value for name, value in kwargs.items() if name not in foreign}


def _reject_unknown(
    where: str,
    kwargs: Mapping[str, Any],
    accepted: AbstractSet[str],
    named: AbstractSet[str],
    *,
    suggest_extras: bool = True,
) -> None:
    for name in kwargs:
        if name not in accepted:
            raise TypeError(_unknown_message(where, name, accepted | named, suggest_extras))


def _unknown_message(where: str, name: str, known: AbstractSet[str], suggest_extras: bool) -> str:
    # Only the name is shown, never the value: it may be a key.
    message = f"{where}() got an unexpected keyword argument '{name}'."
    if name in _HINTS:
        return f"{message} {_HINTS[name]}"
    close = _closest(name, known)
    if close is not None:
        message += f" Did you mean '{close}'?"
    if suggest_extras:
        message += f" To send a model-specific parameter, pass it in model_extras={{'{name}': ...}}."
    return message


def _closest(name: str, known: AbstractSet[str]) -> Optional[str]:
    import difflib  # pylint: disable=import-outside-toplevel  # only for this error message: ~1 ms of import time

    matches = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.8)
    return matches[0] if matches else None
