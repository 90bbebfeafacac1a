"""Generated-style: the operation methods of the three async clients: build, send, map errors, return the
response; no behaviour of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from azure.core.rest import AsyncHttpResponse, HttpRequest  # mirror: aio-only

from ..._sansio.errors import error_map_with, raise_for_status
from ..._sansio.notes import noted_call
from ..._operations._builders import (
    build_chat_completions_complete_request,
    build_chat_completions_get_model_info_request,
    build_embeddings_embed_request,
    build_embeddings_get_model_info_request,
    build_image_embeddings_embed_request,
    build_image_embeddings_get_model_info_request,
)

if TYPE_CHECKING:
    from azure.core import AsyncPipelineClient

    from ..._configuration import _ClientConfiguration
    from ..._sansio.payloads import RequestPlan

__all__ = [
    "ChatCompletionsClientOperationsMixin",
    "EmbeddingsClientOperationsMixin",
    "ImageEmbeddingsClientOperationsMixin",
]


class _OperationsBase:
    """Sends a built request through the client's pipeline and raises for any status but 200."""

    _client: AsyncPipelineClient[HttpRequest, AsyncHttpResponse]
    _config: _ClientConfiguration

    async def _post(self, build: Callable[..., HttpRequest], plan: RequestPlan, **kwargs: Any) -> AsyncHttpResponse:
        request = build(
            api_version=self._config.api_version,
            content=plan.content,
            content_type=plan.content_type,
            headers=plan.headers,
            params=kwargs.pop("params", None),
        )
        return await self._send(request, stream=plan.stream, **kwargs)

    async def _get(self, build: Callable[..., HttpRequest], **kwargs: Any) -> AsyncHttpResponse:
        request = build(
            api_version=self._config.api_version,
            headers=kwargs.pop("headers", None),
            params=kwargs.pop("params", None),
        )
        return await self._send(request, stream=False, **kwargs)

    async def _send(self, request: HttpRequest, *, stream: bool, **kwargs: Any) -> AsyncHttpResponse:
        error_map = error_map_with(kwargs.pop("error_map", None))
        request.url = self._client.format_url(request.url, endpoint=self._config.endpoint)
        with noted_call(type(self).__name__, request):
            response = await self._client.send_request(request, stream=stream, **kwargs)
            if response.status_code != 200:
                if stream:
                    await response.read()
                raise_for_status(response, error_map)
        return response


class ChatCompletionsClientOperationsMixin(_OperationsBase):
    """Operations of the chat completions client."""

    async def _complete(self, plan: RequestPlan, **kwargs: Any) -> AsyncHttpResponse:
        return await self._post(build_chat_completions_complete_request, plan, **kwargs)

    async def _get_model_info(self, **kwargs: Any) -> AsyncHttpResponse:
        return await self._get(build_chat_completions_get_model_info_request, **kwargs)


class EmbeddingsClientOperationsMixin(_OperationsBase):
    """Operations of the text embeddings client."""

    async def _embed(self, plan: RequestPlan, **kwargs: Any) -> AsyncHttpResponse:
        return await self._post(build_embeddings_embed_request, plan, **kwargs)

    async def _get_model_info(self, **kwargs: Any) -> AsyncHttpResponse:
        return await self._get(build_embeddings_get_model_info_request, **kwargs)


class ImageEmbeddingsClientOperationsMixin(_OperationsBase):
    """Operations of the image embeddings client."""

    async def _embed(self, plan: RequestPlan, **kwargs: Any) -> AsyncHttpResponse:
        return await self._post(build_image_embeddings_embed_request, plan, **kwargs)

    async def _get_model_info(self, **kwargs: Any) -> AsyncHttpResponse:
        return await self._get(build_image_embeddings_get_model_info_request, **kwargs)
