"""Which keyword arguments the clients and their operations accept, checked before any I/O.

Per call, anything not named by a method's signature must be an option of the azure-core pipeline. The lists
below come from azure-core 1.41: the keyword arguments read by its pipeline policies
(``azure.core.pipeline.policies``: request id, headers, user agent, proxy, redirect, retry,
authentication, custom hook, network-trace and HTTP logging, distributed tracing, sensitive-header
cleanup), by its transports (``RequestsTransport``, ``AioHttpTransport`` and their
``ConnectionConfiguration``), by ``PipelineClient`` and by the ``distributed_trace`` decorators, plus
the generated operations' own ``headers``, ``params``, ``error_map`` and ``content_type``. An unknown
name raises ``TypeError`` here instead of reaching the transport (where requests fails with an
obscure ``TypeError`` and aiohttp ignores it).

Constructors accept any keyword, as 1.0.0b9 did: what they do not know goes on to azure-core, which
ignores it (real code passes unrelated settings through ``**kwargs``). A DEBUG record names such
keywords; one known to belong to another SDK (openai-python's ``api_key``, ``max_retries``, ...) also
gives a ``UserWarning`` saying what to use instead, since it has no effect here.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings
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
    "without_foreign_keywords",
]

_LOGGER = logging.getLogger(__name__)

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

# Keywords of other SDKs (openai-python's clients and create() calls) and what does their job here. The
# advice must produce the right request when followed literally: extra_body's entries are themselves the
# model_extras (model_extras={'extra_body': ...} would send a field named extra_body).
_EXTRA_BODY = (
    "pass the dict itself as model_extras=<the same dict>: each of its entries becomes a top-level field of "
    "the JSON body (and the request carries the header 'extra-parameters: pass-through')."
)
_HEADERS = "pass the headers as headers={...}."
_FOREIGN_ADVICE = {
    "extra_body": _EXTRA_BODY,
    "extra_headers": _HEADERS,
    "default_headers": _HEADERS,
    "extra_query": "pass the query parameters as params={...} (per call).",
    "default_query": "pass the query parameters as params={...} (per call).",
    "max_retries": "pass retry_total=<number of retries> (azure-core's retry policy; retry_total=0 disables "
    "retries).",
    "request_timeout": "pass timeout=<seconds> for the whole call, or read_timeout=<seconds> for each wait for "
    "data.",
    "api_key": "pass the key as the credential: credential=AzureKeyCredential(<key>) (from azure.core.credentials).",
    "azure_ad_token": "pass a TokenCredential as the credential, e.g. azure.identity.DefaultAzureCredential().",
    "azure_ad_token_provider": "pass a TokenCredential as the credential, e.g. "
    "azure.identity.DefaultAzureCredential().",
    "base_url": "pass the URL as the endpoint (the first argument, endpoint=<url>).",
    "azure_endpoint": "pass the URL as the endpoint (the first argument, endpoint=<url>).",
    "http_client": "pass an azure-core transport as transport=<transport>.",
}
FOREIGN_KEYWORDS = frozenset(_FOREIGN_ADVICE)
"""Keywords known to belong to another SDK: a hint per call, a ``UserWarning`` in a constructor."""
_TAKEN_BY_THE_CLIENT = frozenset({"base_url"})  # the client passes it to PipelineClient itself: cannot go on
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    """Note the constructor keyword arguments that neither the constructor nor azure-core knows; never raises.

    They go on to azure-core unchanged, as in 1.0.0b9. Their names are logged at DEBUG; a keyword of another
    SDK also gives a ``UserWarning`` with what to use instead. Values are never shown (one may be a key).

    :param client_name: The class name, for the messages (and to suggest its own keywords).
    :type client_name: str
    :param kwargs: The keyword arguments not named by the constructor's signature.
    :type kwargs: Mapping[str, Any]
    :raises TypeError: For ``base_url``, which azure-core's ``PipelineClient`` would get twice (1.0.0b9 failed
     there), with what to use instead.
    """
    unknown = [name for name in kwargs if name not in CLIENT_OPTIONS]
    if not unknown:
        return
    for name in _TAKEN_BY_THE_CLIENT.intersection(unknown):
        raise TypeError(_unknown_message(f"{client_name}.__init__", name, CLIENT_OPTIONS, suggest_extras=False))
    for name in unknown:
        if name in _FOREIGN_ADVICE:
            message = f"{client_name}() does not use the keyword argument '{name}' (it belongs to another SDK): "
            warnings.warn(message + _FOREIGN_ADVICE[name], UserWarning, stacklevel=_caller_stacklevel())
    if _LOGGER.isEnabledFor(logging.DEBUG):
        named = _CLIENT_KEYWORDS.get(client_name, _CHAT_KEYWORDS | _EMBEDDINGS_KEYWORDS)
        shown = ", ".join(_with_suggestion(name, CLIENT_OPTIONS | named) for name in unknown)
        _LOGGER.debug("%s: keyword arguments passed on to azure-core unused: %s", client_name, shown)


def without_foreign_keywords(kwargs: Mapping[str, Any]) -> Dict[str, Any]:
    """Return ``kwargs`` without the keywords of other SDKs (so that a probe client does not warn again).

    :param kwargs: Constructor keyword arguments.
    :type kwargs: Mapping[str, Any]
    :return: A new dict.
    :rtype: dict[str, Any]
    """
    return {name: value for name, value in kwargs.items() if name not in FOREIGN_KEYWORDS}


def _caller_stacklevel() -> int:
    """The ``stacklevel`` of ``warnings.warn`` (called here) that names the first caller outside this package."""
    frame = sys._getframe(1)  # pylint: disable=protected-access  # the documented way to walk the stack
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


def _with_suggestion(name: str, known: AbstractSet[str]) -> str:
    close = _closest(name, known)
    return f"'{name}'" if close is None else f"'{name}' (did you mean '{close}'?)"


def kwargs_for_client(kind: ClientKind, kwargs: Mapping[str, Any]) -> Dict[str, Any]:
    """Return the ``load_client`` keyword arguments meant for a client of ``kind``.

    ``load_client`` cannot know in advance which client it builds, so the call defaults of the other
    kinds (``dimensions`` for a chat client, ``temperature`` for an embeddings client) are dropped,
    as the original package ignored them; everything else is passed on.

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
    if name in _FOREIGN_ADVICE:
        return f"{message} It belongs to another SDK: {_FOREIGN_ADVICE[name]}"
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
