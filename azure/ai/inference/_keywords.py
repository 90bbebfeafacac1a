"""TypedDicts of the keyword arguments the clients accept, for ``**kwargs: Unpack[...]`` in signatures.

Only type checkers read this module (the signatures import it under ``TYPE_CHECKING``), so it costs
nothing at run time; the checks made at run time are ``_sansio/options.py``, whose name lists these
TypedDicts repeat exactly (a unit test compares them). A misspelt keyword, ``temprature=0.5``, is
then an error in the user's type checker, while every azure-core option 1.0.0b9 accepted still is.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Collection, Dict, List, Mapping, Optional, Sequence, Tuple, Type, Union

from azure.core.exceptions import HttpResponseError
from azure.core.pipeline import PipelineRequest, PipelineResponse
from typing_extensions import TypedDict

from ._types import ResponseFormat, Tools, ToolChoice
from .models import EmbeddingEncodingFormat, EmbeddingInputType, UserSecurityContext

__all__ = [
    "BodyRequestOptions",
    "ChatOptions",
    "ClientOptions",
    "EmbeddingsOptions",
    "LoadClientOptions",
    "PipelineCallOptions",
    "RequestOptions",
]


class PipelineCallOptions(TypedDict, total=False):
    """Per-call options of the azure-core pipeline: ``options.PIPELINE_CALL_OPTIONS``."""

    request_id: str
    user_agent: str
    user_agent_overwrite: bool
    proxies: Mapping[str, str]
    permit_redirects: bool
    redirect_max: int
    retry_total: int
    retry_connect: int
    retry_read: int
    retry_status: int
    retry_backoff_factor: float
    retry_backoff_max: float
    retry_on_methods: Collection[str]
    timeout: float
    enforce_https: bool
    enable_cae: bool
    raw_request_hook: Callable[[PipelineRequest[Any]], object]
    raw_response_hook: Callable[[PipelineResponse[Any, Any]], object]
    logging_enable: bool
    logger: logging.Logger
    http_logging_level: int
    tracing_options: Mapping[str, Any]
    connection_timeout: float
    read_timeout: float
    connection_verify: Union[bool, str]
    connection_cert: Union[str, Tuple[str, str]]


class RequestOptions(PipelineCallOptions, total=False):
    """The options of an operation call: the pipeline's, and the request's own headers and query."""

    headers: Mapping[str, str]
    params: Mapping[str, str]
    error_map: Mapping[int, Type[HttpResponseError]]


class BodyRequestOptions(RequestOptions, total=False):
    """The options of a call that sends a body (``complete``, ``embed``)."""

    content_type: str


class _SharedDefaults(TypedDict, total=False):
    """The call defaults of every client."""

    model: Optional[str]
    model_extras: Optional[Dict[str, Any]]


class _ChatDefaults(_SharedDefaults, total=False):
    """The call defaults of the chat client but ``response_format``."""

    frequency_penalty: Optional[float]
    presence_penalty: Optional[float]
    temperature: Optional[float]
    top_p: Optional[float]
    max_tokens: Optional[int]
    stop: Optional[List[str]]
    tools: Optional[Tools]
    tool_choice: Optional[ToolChoice]
    seed: Optional[int]
    max_completion_tokens: Optional[int]
    reasoning_effort: Optional[str]
    parallel_tool_calls: Optional[bool]
    stream_options: Optional[Dict[str, Any]]
    user_security_context: Optional[Union[UserSecurityContext, Dict[str, Any]]]


class _EmbeddingsDefaults(_SharedDefaults, total=False):
    """The call defaults of the embeddings clients but ``encoding_format``."""

    dimensions: Optional[int]
    input_type: Optional[Union[str, EmbeddingInputType]]


class ChatOptions(BodyRequestOptions, _ChatDefaults, total=False):
    """The keyword arguments of ``complete`` other than ``messages``, ``stream`` and ``response_format``."""


class EmbeddingsOptions(BodyRequestOptions, _EmbeddingsDefaults, total=False):
    """The keyword arguments of ``embed`` other than ``input`` and ``encoding_format``."""


class ClientOptions(PipelineCallOptions, total=False):
    """Constructor options of the clients besides their call defaults: ``options.CLIENT_OPTIONS``."""

    api_version: str
    credential_scopes: Sequence[str]
    polling_interval: float
    headers: Mapping[str, str]
    auto_request_id: bool
    request_id_header_name: str
    user_agent_use_env: bool
    sdk_moniker: str
    redirect_remove_headers: Collection[str]
    redirect_on_status_codes: Collection[int]
    retry_mode: str
    retry_on_status_codes: Collection[int]
    additional_allowed_query_params: Collection[str]
    instrumentation_config: Mapping[str, Any]
    network_span_namer: Callable[[Any], str]
    tracing_attributes: Mapping[str, Any]
    blocked_redirect_headers: Collection[str]
    disable_redirect_cleanup: bool
    authentication_policy: Any
    custom_hook_policy: Any
    headers_policy: Any
    http_logging_policy: Any
    logging_policy: Any
    proxy_policy: Any
    redirect_policy: Any
    retry_policy: Any
    user_agent_policy: Any
    policies: Any
    per_call_policies: Any
    per_retry_policies: Any
    transport: Any
    connection_data_block_size: int
    session: Any
    session_owner: bool
    use_env_settings: bool


class LoadClientOptions(ClientOptions, _ChatDefaults, _EmbeddingsDefaults, total=False):
    """The keyword arguments of ``load_client``: the constructor options, and the call defaults of
    every kind of client (those of the other kinds are dropped once the kind is known)."""

    response_format: Optional[ResponseFormat]
    encoding_format: Optional[Union[str, EmbeddingEncodingFormat]]
