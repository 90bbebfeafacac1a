"""Generated-style: the three async clients' pipeline set-up, ``send_request`` and lifetime; no behaviour
of their own."""

from __future__ import annotations

from copy import deepcopy
from typing import Any, Awaitable  # mirror: aio-only

from azure.core import AsyncPipelineClient
from azure.core.rest import AsyncHttpResponse, HttpRequest  # mirror: aio-only
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
from .._optional import require_default_async_transport  # mirror: aio-only
from .._types import AsyncCredential

__all__ = ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient"]


class _PipelineClientBase:
    """Owns the azure-core pipeline client of one service client."""

    def __init__(self, config: _ClientConfiguration, **kwargs: Any) -> None:
        self._config = config
        policies = kwargs.pop("policies", None)  # the caller's whole policy list replaces the default one
        if policies is None:
            policies = config.pipeline_policies(**kwargs)
        require_default_async_transport(kwargs)  # mirror: aio-only
        self._client: AsyncPipelineClient[HttpRequest, AsyncHttpResponse] = AsyncPipelineClient(
            base_url="{endpoint}", policies=policies, **kwargs
        )

    def send_request(  # mirror: aio-only
        self, request: HttpRequest, *, stream: bool = False, **kwargs: Any  # mirror: aio-only
    ) -> Awaitable[AsyncHttpResponse]:  # mirror: aio-only
        """Runs the network request through the client's chained policies.

        >>> from azure.core.rest import HttpRequest
        >>> request = HttpRequest("GET", "https://www.example.org/")
        <HttpRequest [GET], url: 'https://www.example.org/'>
        >>> response = await client.send_request(request)
        <AsyncHttpResponse: 200 OK>

        :param request: The network request you want to make. Required.
        :type request: ~azure.core.rest.HttpRequest
        :keyword bool stream: Whether the response payload will be streamed. Defaults to False.
        :return: The response of your network call. Does not do error handling on your response.
        :rtype: ~azure.core.rest.AsyncHttpResponse
        """
        request_copy = deepcopy(request)
        request_copy.url = self._client.format_url(request_copy.url, endpoint=self._config.endpoint)
        return self._client.send_request(request_copy, stream=stream, **kwargs)

    async def close(self) -> None:
        """Close the client's transport and end its calls and streams in flight. Safe to call more than once."""
        self._config.lifetime.close()
        await self._client.close()

    async def __aenter__(self) -> Self:
        await self._client.__aenter__()
        return self

    async def __aexit__(self, *exc_details: Any) -> None:
        self._config.lifetime.close()
        await self._client.__aexit__(*exc_details)


class ChatCompletionsClient(ChatCompletionsClientOperationsMixin, _PipelineClientBase):
    """ChatCompletionsClient.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: Credential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    """

    def __init__(self, endpoint: str, credential: AsyncCredential, **kwargs: Any) -> None:
        super().__init__(ChatCompletionsClientConfiguration(endpoint, credential, **kwargs), **kwargs)


class EmbeddingsClient(EmbeddingsClientOperationsMixin, _PipelineClientBase):
    """EmbeddingsClient.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: Credential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    """

    def __init__(self, endpoint: str, credential: AsyncCredential, **kwargs: Any) -> None:
        super().__init__(EmbeddingsClientConfiguration(endpoint, credential, **kwargs), **kwargs)


class ImageEmbeddingsClient(ImageEmbeddingsClientOperationsMixin, _PipelineClientBase):
    """ImageEmbeddingsClient.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: Credential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    """

    def __init__(self, endpoint: str, credential: AsyncCredential, **kwargs: Any) -> None:
        super().__init__(ImageEmbeddingsClientConfiguration(endpoint, credential, **kwargs), **kwargs)
