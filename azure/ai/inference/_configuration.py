"""Generated-style: client configuration (endpoint, credential, api-version, scopes) and the pipeline
policies in azure-core's documented order; no behaviour of its own beyond the credential headers."""

from __future__ import annotations

from typing import Any, List, Optional, Type

from azure.core.credentials import AzureKeyCredential
from azure.core.pipeline import PipelineRequest, policies

from ._closed_client import closed_client_policies
from ._deadline import DeadlinePolicy
from ._lifetime import ClientLifetime
from ._network_logging import RedactingNetworkTraceLoggingPolicy
from ._retry import InferenceRetryPolicy
from ._sansio import endpoints
from ._tracing_interrupts import EndSpanOnInterruptPolicy
from ._version import VERSION

__all__ = [
    "ChatCompletionsClientConfiguration",
    "DEFAULT_API_VERSION",
    "DEFAULT_CREDENTIAL_SCOPES",
    "EmbeddingsClientConfiguration",
    "ImageEmbeddingsClientConfiguration",
]

DEFAULT_API_VERSION = "2024-05-01-preview"
DEFAULT_CREDENTIAL_SCOPES = [endpoints.MACHINE_LEARNING_SCOPE]
_API_KEY_HEADER = "api-key"


class KeyCredentialPolicy(policies.SansIOHTTPPolicy):  # type: ignore[type-arg]
    """Sends an ``AzureKeyCredential``'s current key as ``Authorization: Bearer <key>`` and ``api-key``.

    ``api-key`` is left alone when the client was constructed with an ``api-key`` header of its own.
    Works in the sync and the async pipeline alike.

    :param credential: The key credential.
    :type credential: ~azure.core.credentials.AzureKeyCredential
    :keyword send_api_key: Whether to send the ``api-key`` header.
    :paramtype send_api_key: bool
    """

    def __init__(self, credential: AzureKeyCredential, *, send_api_key: bool = True) -> None:
        super().__init__()
        self._credential = credential
        self._send_api_key = send_api_key

    def on_request(self, request: PipelineRequest) -> None:  # type: ignore[type-arg]
        request.context.options.pop("enforce_https", None)  # a token policy's option: not for the transport
        key = self._credential.key
        request.http_request.headers["Authorization"] = f"Bearer {key}"
        if self._send_api_key:
            request.http_request.headers[_API_KEY_HEADER] = key


class _ClientConfiguration:  # pylint: disable=too-many-instance-attributes
    """Configuration of a client: what it talks to, how it authenticates, and its pipeline policies.

    The async configurations (``aio/_configuration.py``) change only the three policy types below.
    """

    retry_policy_type: Type[Any] = InferenceRetryPolicy
    redirect_policy_type: Type[Any] = policies.RedirectPolicy
    bearer_policy_type: Type[Any] = policies.BearerTokenCredentialPolicy
    span_interrupt_policy_type: Type[Any] = EndSpanOnInterruptPolicy
    pool_wait_policy_type: Optional[Type[Any]] = None  # aio: bounds the wait for a free connection
    is_async = False

    def __init__(self, endpoint: str, credential: Any, **kwargs: Any) -> None:
        if endpoint is None:
            raise ValueError("Parameter 'endpoint' must not be None.")
        if credential is None:
            raise ValueError("Parameter 'credential' must not be None.")
        # A route or api-version pasted into the endpoint is taken out (logged at DEBUG); OpenAI-style routes
        # take no api-version unless the caller gives one (None: not sent), and the token scope follows the
        # host; explicit values always win (see _sansio/endpoints.py).
        endpoint, pasted_api_version = endpoints.without_pasted_route(endpoint)
        self.endpoint = endpoint
        self.credential = credential
        api_version = kwargs.pop("api_version", None) or pasted_api_version
        self.api_version: Optional[str] = api_version or endpoints.default_api_version(endpoint, DEFAULT_API_VERSION)
        scopes = kwargs.pop("credential_scopes", None)
        self.credential_scopes: List[str] = endpoints.default_scopes(endpoint) if scopes is None else scopes
        self.polling_interval = kwargs.get("polling_interval", 30)
        self.lifetime = ClientLifetime()
        kwargs.setdefault("sdk_moniker", f"ai-inference/{VERSION}")
        self._configure(**kwargs)

    def _configure(self, **kwargs: Any) -> None:
        self.user_agent_policy = kwargs.get("user_agent_policy") or policies.UserAgentPolicy(**kwargs)
        self.headers_policy = kwargs.get("headers_policy") or policies.HeadersPolicy(**kwargs)
        self.proxy_policy = kwargs.get("proxy_policy") or policies.ProxyPolicy(**kwargs)
        self.logging_policy = kwargs.get("logging_policy") or RedactingNetworkTraceLoggingPolicy(**kwargs)
        self.http_logging_policy = kwargs.get("http_logging_policy") or policies.HttpLoggingPolicy(**kwargs)
        self.custom_hook_policy = kwargs.get("custom_hook_policy") or policies.CustomHookPolicy(**kwargs)
        self.redirect_policy = kwargs.get("redirect_policy") or self.redirect_policy_type(**kwargs)
        self.retry_policy = kwargs.get("retry_policy") or self.retry_policy_type(
            client_lifetime=self.lifetime, **kwargs
        )
        self.caller_retry_policy = bool(kwargs.get("retry_policy"))  # ours knows the lifetime, a caller's does not
        self.authentication_policy = kwargs.get("authentication_policy") or self._credential_policy(**kwargs)

    def _credential_policy(self, **kwargs: Any) -> Any:
        if isinstance(self.credential, AzureKeyCredential):
            headers = kwargs.get("headers") or {}
            send_api_key = not any(name.lower() == _API_KEY_HEADER for name in headers)
            return KeyCredentialPolicy(self.credential, send_api_key=send_api_key)
        if hasattr(self.credential, "get_token"):
            return self.bearer_policy_type(self.credential, *self.credential_scopes, **kwargs)
        raise TypeError(
            "Unsupported credential: 'credential' must be an AzureKeyCredential or a TokenCredential "
            f"(an object with get_token), got {type(self.credential).__name__}"
        )

    def pipeline_policies(self, **kwargs: Any) -> List[Optional[Any]]:
        """Return the policies of the client's pipeline, in azure-core's documented order.

        ``ContentDecodePolicy`` is left out: the operations parse each response body once themselves.
        The tracing policy is followed by one that ends its span when a call is interrupted (cancelled).
        The retry policy is followed by one that turns errors once the client is closed into an ``AzureError``
        (and, around a caller's ``retry_policy``, keeps it from retrying them).

        :return: The policies.
        :rtype: list
        """
        tracing_policy = policies.DistributedTracingPolicy(**kwargs)
        before_retry, after_retry = closed_client_policies(
            self.lifetime, is_async=self.is_async, caller_retry_policy=self.caller_retry_policy
        )
        return [
            policies.RequestIdPolicy(**kwargs),
            self.headers_policy,
            self.user_agent_policy,
            self.proxy_policy,
            self.redirect_policy,
            before_retry,
            self.retry_policy,
            after_retry,
            DeadlinePolicy(),
            self.pool_wait_policy_type() if self.pool_wait_policy_type is not None else None,
            self.authentication_policy,
            self.custom_hook_policy,
            self.logging_policy,
            tracing_policy,
            self.span_interrupt_policy_type(tracing_policy),
            policies.SensitiveHeaderCleanupPolicy(**kwargs) if self.redirect_policy else None,
            self.http_logging_policy,
        ]


class ChatCompletionsClientConfiguration(_ClientConfiguration):
    """Configuration for ChatCompletionsClient."""


class EmbeddingsClientConfiguration(_ClientConfiguration):
    """Configuration for EmbeddingsClient."""


class ImageEmbeddingsClientConfiguration(_ClientConfiguration):
    """Configuration for ImageEmbeddingsClient."""
