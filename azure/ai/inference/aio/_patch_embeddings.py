"""The public async EmbeddingsClient and ImageEmbeddingsClient: call defaults merged into each ``embed``."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, Dict, List, Literal, Optional, Union, overload

from azure.core.tracing.decorator_async import distributed_trace_async

from .. import models as _models
from ._client import EmbeddingsClient as EmbeddingsClientGenerated
from ._client import ImageEmbeddingsClient as ImageEmbeddingsClientGenerated
from ._patch_model_info import ModelInfoMixin, spans_named_after
from .._sansio import options, payloads
from .._sansio.payloads import Unset
from .._sansio.settings import EmbeddingsSettings
from .._types import JSON, AsyncCredential

if TYPE_CHECKING:
    from azure.core.rest import AsyncHttpResponse
    from typing_extensions import Unpack

    from .._keywords import ClientOptions, EmbeddingsOptions, RequestOptions

__all__ = ["EmbeddingsClient", "ImageEmbeddingsClient"]


class _EmbeddingsClientMixin(ModelInfoMixin):
    """Constructor defaults and the shared body of ``embed`` for the two embeddings clients."""

    def __init__(
        self,
        endpoint: str,
        credential: AsyncCredential,
        *,
        dimensions: Optional[int] = None,
        encoding_format: Optional[Union[str, _models.EmbeddingEncodingFormat]] = None,
        input_type: Optional[Union[str, _models.EmbeddingInputType]] = None,
        model: Optional[str] = None,
        model_extras: Optional[Dict[str, Any]] = None,
        **kwargs: Unpack[ClientOptions],
    ) -> None:
        options.check_client_options(type(self).__name__, kwargs)
        super().__init__(endpoint, credential, **kwargs)
        self._model_info = None
        self._defaults = EmbeddingsSettings(
            dimensions=dimensions,
            encoding_format=encoding_format,
            input_type=input_type,
            model=model,
            model_extras=model_extras,
        )

    if TYPE_CHECKING:

        async def _embed(self, plan: payloads.RequestPlan, **kwargs: Any) -> AsyncHttpResponse: ...

    async def _run_embed(
        self, body: Any, input: Any, call: EmbeddingsSettings, kwargs: Dict[str, Any]  # pylint: disable=redefined-builtin
    ) -> _models.EmbeddingsResult[Any]:
        options.check_embed_options(kwargs)
        plan = payloads.embeddings_request(
            body,
            input,
            self._defaults.merged_with(call),
            content_type=kwargs.pop("content_type", None),
            headers=kwargs.pop("headers", None),
        )
        return payloads.parse_embeddings_response(await self._embed(plan, **kwargs))


@spans_named_after
class EmbeddingsClient(_EmbeddingsClientMixin, EmbeddingsClientGenerated):
    """EmbeddingsClient: gets embedding vectors for text.

    The keyword arguments ``dimensions``, ``encoding_format``, ``input_type``, ``model`` and
    ``model_extras`` are defaults for every ``embed`` call made with keywords; a call's own value (when
    not None) wins. See ``embed`` for their meaning.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: AsyncCredential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    :keyword api_version: The API version to use for this operation. Default value is
     "2024-05-01-preview", except on OpenAI-style routes (an endpoint path ending in ``/v1`` or
     ``/openai/v1``, or GitHub Models' ``https://models.github.ai/inference``), where no
     ``api-version`` is sent unless one is given.
    :paramtype api_version: str

    .. admonition:: Example:

        .. literalinclude:: ../../samples/async_samples/sample_embeddings_async.py
            :start-after: [START embeddings_async]
            :end-before: [END embeddings_async]
            :language: python
            :dedent: 4
            :caption: Create a client and get text embeddings.
    """

    @overload
    async def embed(
        self,
        *,
        input: List[str],
        encoding_format: Literal["base64", _models.EmbeddingEncodingFormat.BASE64],
        **kwargs: Unpack[EmbeddingsOptions],
    ) -> _models.EmbeddingsResult[str]: ...

    @overload
    async def embed(
        self,
        *,
        input: List[str],
        encoding_format: Literal["float", _models.EmbeddingEncodingFormat.FLOAT],
        **kwargs: Unpack[EmbeddingsOptions],
    ) -> _models.EmbeddingsResult[List[float]]: ...

    @overload
    async def embed(
        self,
        *,
        input: List[str],
        encoding_format: Optional[Union[str, _models.EmbeddingEncodingFormat]] = None,
        **kwargs: Unpack[EmbeddingsOptions],
    ) -> _models.EmbeddingsResult: ...

    @overload
    async def embed(
        self, body: JSON, *, content_type: str = "application/json", **kwargs: Unpack[RequestOptions]
    ) -> _models.EmbeddingsResult: ...

    @overload
    async def embed(
        self, body: Union[IO[bytes], bytes], *, content_type: str = "application/json", **kwargs: Unpack[RequestOptions]
    ) -> _models.EmbeddingsResult: ...

    @distributed_trace_async
    async def embed(
        self,
        body: Union[JSON, IO[bytes], bytes] = Unset,
        *,
        input: List[str] = Unset,  # pylint: disable=redefined-builtin
        dimensions: Optional[int] = None,
        encoding_format: Optional[Union[str, _models.EmbeddingEncodingFormat]] = None,
        input_type: Optional[Union[str, _models.EmbeddingInputType]] = None,
        model: Optional[str] = None,
        model_extras: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> _models.EmbeddingsResult[Any]:
        """Return the embedding vectors for the given text prompts (route ``/embeddings``).

        Every keyword below except ``input`` falls back to the value given to the client's
        constructor when it is None. When ``body`` is given, the keywords and the defaults are ignored.

        :param body: The request body as a JSON object (dict) or as bytes / a binary file.
        :type body: JSON or IO[bytes] or bytes
        :keyword input: Input text to embed, encoded as a string or array of tokens. Required when
         ``body`` is not given.
        :paramtype input: list[str]
        :keyword dimensions: The number of dimensions the resulting output embeddings should have.
        :paramtype dimensions: int
        :keyword encoding_format: The format of the embedding vectors: "float" gives lists of numbers,
         "base64" gives base64 strings (not decoded by the client).
        :paramtype encoding_format: str or ~azure.ai.inference.models.EmbeddingEncodingFormat
        :keyword input_type: The type of the input: "text", "query" or "document".
        :paramtype input_type: str or ~azure.ai.inference.models.EmbeddingInputType
        :keyword model: The model deployment name to use, for endpoints that serve several models.
        :paramtype model: str
        :keyword model_extras: Additional, model-specific parameters, added to the root of the JSON
         request body; when given, the request carries the header ``extra-parameters: pass-through``.
        :paramtype model_extras: dict[str, Any]
        :return: EmbeddingsResult. The EmbeddingsResult is compatible with MutableMapping.
        :rtype: ~azure.ai.inference.models.EmbeddingsResult
        :raises TypeError: If neither ``body`` nor ``input`` is given, or for a keyword argument that
         neither ``embed`` nor the azure-core pipeline accepts (``stream`` included; before any I/O).
        :raises ~azure.core.exceptions.HttpResponseError: If the service answers with an error.

        .. admonition:: Example:

            .. literalinclude:: ../../samples/async_samples/sample_embeddings_async.py
                :start-after: [START embeddings_async]
                :end-before: [END embeddings_async]
                :language: python
                :dedent: 4
                :caption: Get text embeddings.
        """
        call = EmbeddingsSettings(
            dimensions=dimensions,
            encoding_format=encoding_format,
            input_type=input_type,
            model=model,
            model_extras=model_extras,
        )
        return await self._run_embed(body, input, call, kwargs)


@spans_named_after
class ImageEmbeddingsClient(_EmbeddingsClientMixin, ImageEmbeddingsClientGenerated):
    """ImageEmbeddingsClient: gets embedding vectors for images (with optional text).

    The keyword arguments ``dimensions``, ``encoding_format``, ``input_type``, ``model`` and
    ``model_extras`` are defaults for every ``embed`` call made with keywords; a call's own value (when
    not None) wins. See ``embed`` for their meaning.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: AsyncCredential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    :keyword api_version: The API version to use for this operation. Default value is
     "2024-05-01-preview", except on OpenAI-style routes (an endpoint path ending in ``/v1`` or
     ``/openai/v1``, or GitHub Models' ``https://models.github.ai/inference``), where no
     ``api-version`` is sent unless one is given.
    :paramtype api_version: str

    .. admonition:: Example:

        .. literalinclude:: ../../samples/async_samples/sample_image_embeddings_async.py
            :start-after: [START image_embeddings_async]
            :end-before: [END image_embeddings_async]
            :language: python
            :dedent: 4
            :caption: Create a client and get image embeddings.
    """

    @overload
    async def embed(
        self,
        *,
        input: List[_models.ImageEmbeddingInput],
        encoding_format: Literal["base64", _models.EmbeddingEncodingFormat.BASE64],
        **kwargs: Unpack[EmbeddingsOptions],
    ) -> _models.EmbeddingsResult[str]: ...

    @overload
    async def embed(
        self,
        *,
        input: List[_models.ImageEmbeddingInput],
        encoding_format: Literal["float", _models.EmbeddingEncodingFormat.FLOAT],
        **kwargs: Unpack[EmbeddingsOptions],
    ) -> _models.EmbeddingsResult[List[float]]: ...

    @overload
    async def embed(
        self,
        *,
        input: List[_models.ImageEmbeddingInput],
        encoding_format: Optional[Union[str, _models.EmbeddingEncodingFormat]] = None,
        **kwargs: Unpack[EmbeddingsOptions],
    ) -> _models.EmbeddingsResult: ...

    @overload
    async def embed(
        self, body: JSON, *, content_type: str = "application/json", **kwargs: Unpack[RequestOptions]
    ) -> _models.EmbeddingsResult: ...

    @overload
    async def embed(
        self, body: Union[IO[bytes], bytes], *, content_type: str = "application/json", **kwargs: Unpack[RequestOptions]
    ) -> _models.EmbeddingsResult: ...

    @distributed_trace_async
    async def embed(
        self,
        body: Union[JSON, IO[bytes], bytes] = Unset,
        *,
        input: List[_models.ImageEmbeddingInput] = Unset,  # pylint: disable=redefined-builtin
        dimensions: Optional[int] = None,
        encoding_format: Optional[Union[str, _models.EmbeddingEncodingFormat]] = None,
        input_type: Optional[Union[str, _models.EmbeddingInputType]] = None,
        model: Optional[str] = None,
        model_extras: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> _models.EmbeddingsResult[Any]:
        """Return the embedding vectors for the given images (route ``/images/embeddings``).

        Every keyword below except ``input`` falls back to the value given to the client's
        constructor when it is None. When ``body`` is given, the keywords and the defaults are ignored.

        :param body: The request body as a JSON object (dict) or as bytes / a binary file.
        :type body: JSON or IO[bytes] or bytes
        :keyword input: The images to embed, each an ``ImageEmbeddingInput`` (a base64 data URL with
         optional text; see ``ImageEmbeddingInput.load``). Required when ``body`` is not given.
        :paramtype input: list[~azure.ai.inference.models.ImageEmbeddingInput]
        :keyword dimensions: The number of dimensions the resulting output embeddings should have.
        :paramtype dimensions: int
        :keyword encoding_format: The format of the embedding vectors: "float" gives lists of numbers,
         "base64" gives base64 strings (not decoded by the client).
        :paramtype encoding_format: str or ~azure.ai.inference.models.EmbeddingEncodingFormat
        :keyword input_type: The type of the input: "text", "query" or "document".
        :paramtype input_type: str or ~azure.ai.inference.models.EmbeddingInputType
        :keyword model: The model deployment name to use, for endpoints that serve several models.
        :paramtype model: str
        :keyword model_extras: Additional, model-specific parameters, added to the root of the JSON
         request body; when given, the request carries the header ``extra-parameters: pass-through``.
        :paramtype model_extras: dict[str, Any]
        :return: EmbeddingsResult. The EmbeddingsResult is compatible with MutableMapping.
        :rtype: ~azure.ai.inference.models.EmbeddingsResult
        :raises TypeError: If neither ``body`` nor ``input`` is given, or for a keyword argument that
         neither ``embed`` nor the azure-core pipeline accepts (``stream`` included; before any I/O).
        :raises ~azure.core.exceptions.HttpResponseError: If the service answers with an error.

        .. admonition:: Example:

            .. literalinclude:: ../../samples/async_samples/sample_image_embeddings_async.py
                :start-after: [START image_embeddings_async]
                :end-before: [END image_embeddings_async]
                :language: python
                :dedent: 4
                :caption: Get image embeddings.
        """
        call = EmbeddingsSettings(
            dimensions=dimensions,
            encoding_format=encoding_format,
            input_type=input_type,
            model=model,
            model_extras=model_extras,
        )
        return await self._run_embed(body, input, call, kwargs)
