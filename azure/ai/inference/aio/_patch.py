"""The public async clients (defined in ``_patch_chat`` and ``_patch_embeddings``) and ``load_client``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Dict, Type, Union

from ._patch_chat import ChatCompletionsClient
from ._patch_embeddings import EmbeddingsClient, ImageEmbeddingsClient
from .._sansio import endpoints, model_info, options
from .._sansio.errors import not_found_message
from .._types import AsyncCredential

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._keywords import LoadClientOptions

__all__ = ["ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient", "load_client"]

_LOGGER = logging.getLogger(__name__)

_ClientClass = Union[Type[ChatCompletionsClient], Type[EmbeddingsClient], Type[ImageEmbeddingsClient]]
_CLIENT_CLASSES: Dict[model_info.ClientKind, _ClientClass] = {
    "chat": ChatCompletionsClient,
    "embeddings": EmbeddingsClient,
    "image_embeddings": ImageEmbeddingsClient,
}
for _client_class in _CLIENT_CLASSES.values():
    _client_class.__module__ = __name__  # the documented home of the public clients


async def load_client(
    endpoint: str, credential: AsyncCredential, **kwargs: Unpack[LoadClientOptions]
) -> Union[ChatCompletionsClient, EmbeddingsClient, ImageEmbeddingsClient]:
    """Load a client from a given endpoint URL: the ``/info`` route tells which kind of model it serves.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: AsyncCredential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    :return: A ChatCompletionsClient, an EmbeddingsClient or an ImageEmbeddingsClient, constructed with
     the same arguments, with its model information already cached.
    :rtype: ~azure.ai.inference.aio.ChatCompletionsClient or ~azure.ai.inference.aio.EmbeddingsClient or
     ~azure.ai.inference.aio.ImageEmbeddingsClient
    :raises ~azure.core.exceptions.ResourceNotFoundError: If the endpoint has no ``/info`` route; on
     OpenAI-style routes (``/v1``, ``/openai/v1``, GitHub Models) at once, without a request.
    :raises ValueError: If the model type is missing or no client supports it.

    .. admonition:: Example:

        .. literalinclude:: ../../samples/async_samples/sample_load_client_async.py
            :start-after: [START load_client_async]
            :end-before: [END load_client_async]
            :language: python
            :dedent: 4
            :caption: Load the client that fits the endpoint's model.
    """
    endpoints.require_info_route(endpoint, model_info.LOAD_CLIENT_NOT_SUPPORTED)
    probe_kwargs = model_info.probe_kwargs(options.without_foreign_keywords(kwargs))  # they warn once, below
    async with ChatCompletionsClient(endpoint, credential, **probe_kwargs) as probe:
        with not_found_message(model_info.LOAD_CLIENT_NOT_SUPPORTED):
            info = await probe.get_model_info()
    _LOGGER.info("model_info=%s", info)
    kind = model_info.client_kind(info.model_type)
    client = _CLIENT_CLASSES[kind](endpoint, credential, **options.kwargs_for_client(kind, kwargs))
    client._model_info = info  # pylint: disable=protected-access
    return client
