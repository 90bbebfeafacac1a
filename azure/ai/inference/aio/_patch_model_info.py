"""``get_model_info`` with its cache, and a client ``__str__`` that shows the cached information."""

from __future__ import annotations

import asyncio  # mirror: aio-only
from typing import TYPE_CHECKING, Any, Optional, TypeVar

from azure.core.tracing.decorator_async import distributed_trace_async

from .. import models as _models
from .._sansio import endpoints, model_info, options, payloads
from .._sansio.errors import not_found_message

if TYPE_CHECKING:
    from azure.core.rest import AsyncHttpResponse

    from typing_extensions import Unpack

    from .._configuration import _ClientConfiguration
    from .._keywords import RequestOptions

__all__ = ["ModelInfoMixin", "spans_named_after"]

_ClientClass = TypeVar("_ClientClass", bound=type)


class ModelInfoMixin:
    """``get_model_info`` with its cache, and ``__str__`` showing the cached information.

    Concurrent first calls share one request: the first sends it while the others wait for its result
    (an error is not cached: each waiting call then tries again).
    """

    _model_info: Optional[_models.ModelInfo]
    _config: _ClientConfiguration

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._model_info_lock: Optional[asyncio.Lock] = None  # mirror: aio-only
        super().__init__(*args, **kwargs)

    def _single_flight(self) -> asyncio.Lock:  # mirror: aio-only
        # Made on first use, in the running loop (3.9 binds a lock to a loop when made).  # mirror: aio-only
        if self._model_info_lock is None:  # mirror: aio-only
            self._model_info_lock = asyncio.Lock()  # mirror: aio-only
        return self._model_info_lock  # mirror: aio-only

    if TYPE_CHECKING:

        async def _get_model_info(self, **kwargs: Any) -> AsyncHttpResponse: ...

    async def get_model_info(self, **kwargs: Unpack[RequestOptions]) -> _models.ModelInfo:
        """Return information about the AI model (name, type, provider), fetched once and then cached.

        The ``/info`` route is only available on some endpoints (Serverless API, Managed Compute,
        Azure AI model inference); Azure OpenAI and GitHub Models endpoints do not have it. On
        OpenAI-style routes (``/v1``, ``/openai/v1``, GitHub Models' ``/inference``) the error is raised
        at once, without a request.

        :return: ModelInfo. The ModelInfo is compatible with MutableMapping.
        :rtype: ~azure.ai.inference.models.ModelInfo
        :raises TypeError: For a keyword argument that the azure-core pipeline does not accept.
        :raises ~azure.core.exceptions.ResourceNotFoundError: If the endpoint has no ``/info`` route.
        :raises ~azure.core.exceptions.HttpResponseError: For any other failed request.

        .. admonition:: Example:

            .. literalinclude:: ../../samples/async_samples/sample_get_model_info_async.py
                :start-after: [START get_model_info_async]
                :end-before: [END get_model_info_async]
                :language: python
                :dedent: 4
                :caption: Get the model information of an endpoint that has ``/info``.
        """
        options.check_model_info_options(kwargs)
        if self._model_info is None:
            endpoints.require_info_route(self._config.endpoint, model_info.INFO_NOT_SUPPORTED)
            async with self._single_flight():
                if self._model_info is None:  # not fetched while this call waited
                    self._model_info = await self._fetch_model_info(**kwargs)
        return self._model_info

    async def _fetch_model_info(self, **kwargs: Any) -> _models.ModelInfo:
        with not_found_message(model_info.INFO_NOT_SUPPORTED):
            return payloads.parse_model_info((await self._get_model_info(**kwargs)))

    def __str__(self) -> str:
        shown = object.__repr__(self)
        return shown if self._model_info is None else f"{shown}\n{self._model_info}"


def spans_named_after(client_class: _ClientClass) -> _ClientClass:
    """Class decorator: ``get_model_info`` traced by azure-core under the client's own name, as in 1.0.0b9.

    azure-core names a traced method's span after the function's qualified name, which for the method
    defined once above would be ``ModelInfoMixin.get_model_info``; users' dashboards match
    ``ChatCompletionsClient.get_model_info``, ``EmbeddingsClient.get_model_info`` and so on.

    :param client_class: A public client class.
    :type client_class: type
    :return: The same class, with its own traced ``get_model_info``.
    :rtype: type
    """

    async def get_model_info(self: ModelInfoMixin, **kwargs: Unpack[RequestOptions]) -> _models.ModelInfo:
        return await ModelInfoMixin.get_model_info(self, **kwargs)

    get_model_info.__qualname__ = f"{client_class.__name__}.get_model_info"
    get_model_info.__doc__ = ModelInfoMixin.get_model_info.__doc__
    setattr(client_class, "get_model_info", distributed_trace_async(get_model_info))
    return client_class
