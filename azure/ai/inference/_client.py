"""Generated-style: the three sync clients' pipeline set-up, ``send_request`` and lifetime; no behaviour
of their own."""

from __future__ import annotations

from copy import deepcopy
from typing import Any  # mirror: sync-only

from azure.core import PipelineClient
from azure.core.rest import HttpRequest, HttpResponse  # mirror: sync-only
from typing_extensions import Self

from ._configuration import (
    ChatCompletionsClientConfiguration,
    EmbeddingsClientConfiguration,
    ImageEmbeddingsClientConfiguration,
    _ClientConfiguration,
)
from ._operations import (
    ChatCompletionsClientOperationsMixin,
    EmbeddingsClientOperationsMixin,
    ImageEmbeddingsClientOperationsMixin,
)
from ._types import Credential

__all__ = ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient"]


class _PipelineClientBase:
    """Owns the azure-core pipeline client of one service client."""

    def __init__(self, config: _ClientConfiguration, **kwargs: Any) -> None:
        self._config = config
        policies = kwargs.pop("policies", None)  # the caller's whole policy list replaces the default one
        if policies is None:
            policies = config.pipeline_policies(**kwargs)
        if "transport" not in kwargs and "session" not in kwargs:  # mirror: sync-only
            from ._connections import watched_requests_transport  # pylint: disable=import-outside-toplevel  # mirror: sync-only  # requests loads with the first client, not with the package
            kwargs["transport"] = watched_requests_transport(config.lifetime.awaiting_headers, **kwargs)  # mirror: sync-only
        self._client: PipelineClient[HttpRequest, HttpResponse] = PipelineClient(
            base_url="{endpoint}", policies=policies, **kwargs
        )

    def send_request(self, request: HttpRequest, *, stream: bool = False, **kwargs: Any) -> HttpResponse:  # mirror: sync-only
        """Runs the network request through the client's chained policies.

        >>> from azure.core.rest import HttpRequest
        >>> request = HttpRequest("GET", "https://www.example.org/")
        <HttpRequest [GET], url: 'https://www.example.org/'>
        >>> response = client.send_request(request)
        <HttpResponse: 200 OK>

        :param request: The network request you want to make. Required.
        :type request: ~azure.core.rest.HttpRequest
        :keyword bool stream: Whether the response payload will be streamed. Defaults to False.
        :return: The response of your network call. Does not do error handling on your response.
        :rtype: ~azure.core.rest.HttpResponse
        """
        request_copy = deepcopy(request)
        request_copy.url = self._client.format_url(request_copy.url, endpoint=self._config.endpoint)
        return self._client.send_request(request_copy, stream=stream, **kwargs)

    def close(self) -> None:
        """Close the client's transport and end its calls and streams in flight. Safe to call more than once."""
        self._config.lifetime.close()
        self._client.close()

    def __enter__(self) -> Self:
        self._client.__enter__()
        return self

    def __exit__(self, *exc_details: Any) -> None:
        self._config.lifetime.close()
        self._client.__exit__(*exc_details)


class ChatCompletionsClient(ChatCompletionsClientOperationsMixin, _PipelineClientBase):
    """ChatCompletionsClient.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: Credential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials.TokenCredential
    """

    def __init__(self, endpoint: str, credential: Credential, **kwargs: Any) -> None:
        super().__init__(ChatCompletionsClientConfiguration(endpoint, credential, **kwargs), **kwargs)


class EmbeddingsClient(EmbeddingsClientOperationsMixin, _PipelineClientBase):
    """EmbeddingsClient.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: Credential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials.TokenCredential
    """

    def __init__(self, endpoint: str, credential: Credential, **kwargs: Any) -> None:
        super().__init__(EmbeddingsClientConfiguration(endpoint, credential, **kwargs), **kwargs)


class ImageEmbeddingsClient(ImageEmbeddingsClientOperationsMixin, _PipelineClientBase):
    """ImageEmbeddingsClient.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: Credential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials.TokenCredential
    """

    def __init__(self, endpoint: str, credential: Credential, **kwargs: Any) -> None:
        super().__init__(ImageEmbeddingsClientConfiguration(endpoint, credential, **kwargs), **kwargs)
