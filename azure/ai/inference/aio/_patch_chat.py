"""The public async ChatCompletionsClient: call defaults merged into each ``complete`` call."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, Dict, List, Literal, Optional, Type, Union, overload

from .. import models as _models
from ._client import ChatCompletionsClient as ChatCompletionsClientGenerated
from ._patch_model_info import ModelInfoMixin, spans_named_after
from .._sansio import options, payloads
from .._sansio.payloads import Unset
from .._sansio.settings import ChatSettings
from .._types import JSON, AsyncCredential, Messages, ParsedT, ResponseFormat, ToolChoice, Tools

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .._keywords import ChatOptions, ClientOptions, RequestOptions

__all__ = ["ChatCompletionsClient"]


@spans_named_after
class ChatCompletionsClient(ModelInfoMixin, ChatCompletionsClientGenerated):
    """ChatCompletionsClient: gets chat completions for chat messages.

    The keyword arguments ``frequency_penalty``, ``presence_penalty``, ``temperature``, ``top_p``,
    ``max_tokens``, ``response_format``, ``stop``, ``tools``, ``tool_choice``, ``seed``, ``model``,
    ``max_completion_tokens``, ``reasoning_effort``, ``parallel_tool_calls``, ``stream_options``,
    ``user_security_context`` and ``model_extras`` are defaults for every ``complete`` call made with
    keywords; a call's own value (when not None) wins. See ``complete`` for their meaning.

    :param endpoint: Service endpoint URL for AI model inference. Required.
    :type endpoint: str
    :param credential: AsyncCredential used to authenticate requests to the service. Required.
    :type credential: ~azure.core.credentials.AzureKeyCredential or ~azure.core.credentials_async.AsyncTokenCredential
    :keyword api_version: The API version to use for this operation. Default value is
     "2024-05-01-preview", except on OpenAI-style routes (an endpoint path ending in ``/v1`` or
     ``/openai/v1``, or GitHub Models' ``https://models.github.ai/inference``), where no
     ``api-version`` is sent unless one is given.
    :paramtype api_version: str
    :keyword credential_scopes: The scopes requested for a token credential. Default value is
     ``["https://cognitiveservices.azure.com/.default"]`` for hosts under ``openai.azure.com``,
     ``cognitiveservices.azure.com`` and ``services.ai.azure.com``, else
     ``["https://ml.azure.com/.default"]``.
    :paramtype credential_scopes: list[str]

    .. admonition:: Example:

        .. literalinclude:: ../../samples/async_samples/sample_chat_completions_async.py
            :start-after: [START chat_completions_async]
            :end-before: [END chat_completions_async]
            :language: python
            :dedent: 4
            :caption: Create a client and get a chat completion.
    """

    def __init__(
        self,
        endpoint: str,
        credential: AsyncCredential,
        *,
        frequency_penalty: Optional[float] = None,
        presence_penalty: Optional[float] = None,
        temperature: Optional[float] = None,
        top_p: Optional[float] = None,
        max_tokens: Optional[int] = None,
        response_format: Optional[ResponseFormat] = None,
        stop: Optional[List[str]] = None,
        tools: Optional[Tools] = None,
        tool_choice: Optional[ToolChoice] = None,
        seed: Optional[int] = None,
        model: Optional[str] = None,
        max_completion_tokens: Optional[int] = None,
        reasoning_effort: Optional[str] = None,
        parallel_tool_calls: Optional[bool] = None,
        stream_options: Optional[Dict[str, Any]] = None,
        user_security_context: Optional[Union[_models.UserSecurityContext, Dict[str, Any]]] = None,
        model_extras: Optional[Dict[str, Any]] = None,
        **kwargs: Unpack[ClientOptions],
    ) -> None:
        options.check_client_options(type(self).__name__, kwargs)
        super().__init__(endpoint, credential, **kwargs)
        self._model_info = None
        self._defaults = ChatSettings(
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            presence_penalty=presence_penalty,
            response_format=response_format,
            seed=seed,
            stop=stop,
            temperature=temperature,
            tool_choice=tool_choice,
            tools=tools,
            top_p=top_p,
            max_completion_tokens=max_completion_tokens,
            parallel_tool_calls=parallel_tool_calls,
            reasoning_effort=reasoning_effort,
            stream_options=stream_options,
            user_security_context=user_security_context,
            model_extras=model_extras,
        )

    @overload
    async def complete(
        self,
        *,
        messages: Messages,
        stream: Literal[False] = False,
        response_format: Type[ParsedT],
        **kwargs: Unpack[ChatOptions],
    ) -> _models.ChatCompletions[ParsedT]: ...

    @overload
    async def complete(
        self,
        *,
        messages: Messages,
        stream: Literal[False] = False,
        response_format: Optional[ResponseFormat] = None,
        **kwargs: Unpack[ChatOptions],
    ) -> _models.ChatCompletions: ...

    @overload
    async def complete(
        self,
        *,
        messages: Messages,
        stream: Literal[True],
        response_format: Type[ParsedT],
        **kwargs: Unpack[ChatOptions],
    ) -> _models.AsyncStreamingChatCompletions[ParsedT]: ...

    @overload
    async def complete(
        self,
        *,
        messages: Messages,
        stream: Literal[True],
        response_format: Optional[ResponseFormat] = None,
        **kwargs: Unpack[ChatOptions],
    ) -> _models.AsyncStreamingChatCompletions: ...

    @overload
    async def complete(
        self,
        *,
        messages: Messages,
        stream: Optional[bool] = None,
        response_format: Optional[ResponseFormat] = None,
        **kwargs: Unpack[ChatOptions],
    ) -> Union[_models.AsyncStreamingChatCompletions, _models.ChatCompletions]: ...

    @overload
    async def complete(
        self, body: JSON, *, content_type: str = "application/json", **kwargs: Unpack[RequestOptions]
    ) -> Union[_models.AsyncStreamingChatCompletions, _models.ChatCompletions]: ...

    @overload
    async def complete(
        self, body: Union[IO[bytes], bytes], *, content_type: str = "application/json", **kwargs: Unpack[RequestOptions]
    ) -> Union[_models.AsyncStreamingChatCompletions, _models.ChatCompletions]: ...

    async def complete(
        self,
        body: Union[JSON, IO[bytes], bytes] = Unset,
        *,
        messages: Messages = Unset,
        stream: Optional[bool] = None,
        frequency_penalty: Optional[float] = None,
        presence_penalty: Optional[float] = None,
        temperature: Optional[float] = None,
        top_p: Optional[float] = None,
        max_tokens: Optional[int] = None,
        response_format: Optional[ResponseFormat] = None,
        stop: Optional[List[str]] = None,
        tools: Optional[Tools] = None,
        tool_choice: Optional[ToolChoice] = None,
        seed: Optional[int] = None,
        model: Optional[str] = None,
        max_completion_tokens: Optional[int] = None,
        reasoning_effort: Optional[str] = None,
        parallel_tool_calls: Optional[bool] = None,
        stream_options: Optional[Dict[str, Any]] = None,
        user_security_context: Optional[Union[_models.UserSecurityContext, Dict[str, Any]]] = None,
        model_extras: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> Union[_models.AsyncStreamingChatCompletions, _models.ChatCompletions]:
        # pylint: disable=line-too-long
        """Gets chat completions for the provided chat messages.

        Completions support a wide variety of tasks and generate text that continues from or
        "completes" provided prompt data. The method makes a REST API call to the ``/chat/completions``
        route on the given endpoint. When using this method with ``stream=True``, the response is
        streamed back to the client: iterate over the returned ``AsyncStreamingChatCompletions`` to get
        ``StreamingChatCompletionsUpdate`` objects. Otherwise the result is a ``ChatCompletions``.
        A stream's ``text_stream`` yields just the text deltas of choice 0, and
        ``await stream.get_final_completion()`` returns the whole answer as a ``ChatCompletions``.

        Every keyword below except ``messages`` and ``stream`` falls back to the value given to the
        client's constructor when it is None. When ``body`` is given, the keywords and the client's
        defaults are ignored and the body is sent as is.

        ``max_completion_tokens``, ``reasoning_effort``, ``parallel_tool_calls``, ``stream_options`` and
        ``user_security_context`` are first-class body fields, sent under these names after the older
        ones; they do not add the ``extra-parameters`` header. OpenAI-style routes accept them; the
        Azure AI Model Inference contract (2025-05-01) declares only ``user_security_context``, so a
        Model Inference endpoint may answer 422 to the others unless the call sends
        ``headers={"extra-parameters": "pass-through"}``.

        :param body: The request body as a JSON object (dict) or as bytes / a binary file.
        :type body: JSON or IO[bytes] or bytes
        :keyword messages: The collection of context messages associated with this chat completions
         request: ``SystemMessage``, ``DeveloperMessage``, ``UserMessage``, ``AssistantMessage`` and
         ``ToolMessage`` objects, dicts in their wire form, or the ``ChatResponseMessage`` of an earlier
         response (to continue the conversation). Required when ``body`` is not given.
        :paramtype messages: list[~azure.ai.inference.models.ChatRequestMessage or
         ~azure.ai.inference.models.ChatResponseMessage or dict[str, Any]]
        :keyword stream: Whether to stream the response with server-sent events. Default value is None
         (not sent).
        :paramtype stream: bool
        :keyword frequency_penalty: A value in the range [-2, 2] that influences the probability of
         generated tokens appearing based on their cumulative frequency in generated text.
        :paramtype frequency_penalty: float
        :keyword presence_penalty: A value in the range [-2, 2] that influences the probability of
         generated tokens appearing based on their existing presence in generated text.
        :paramtype presence_penalty: float
        :keyword temperature: The sampling temperature, in the range [0, 1]; higher values make the
         output more random.
        :paramtype temperature: float
        :keyword top_p: An alternative to temperature called nucleus sampling, in the range [0, 1].
        :paramtype top_p: float
        :keyword max_tokens: The maximum number of tokens to generate.
        :paramtype max_tokens: int
        :keyword response_format: The format the model must output: ``"text"``, ``"json_object"``, a
         ``JsonSchemaFormat`` for structured output, the same as OpenAI-style dicts (``{"type": "text"}``,
         ``{"type": "json_object"}``, ``{"type": "json_schema", "json_schema": {"name": ..., "schema":
         {...}}}``), or a pydantic model class: its strict JSON schema is sent, and each choice's
         ``message.parsed`` is the answer validated as that class (streamed answers are not parsed).
        :paramtype response_format: str or ~azure.ai.inference.models.JsonSchemaFormat or dict[str, Any]
         or type[pydantic.BaseModel]
        :keyword stop: Textual sequences that will end completions generation.
        :paramtype stop: list[str]
        :keyword tools: The tools the model may request to call, as models or dicts in their wire form.
        :paramtype tools: list[~azure.ai.inference.models.ChatCompletionsToolDefinition or dict[str, Any]]
        :keyword tool_choice: How the model chooses tools: ``"auto"``, ``"none"``, ``"required"`` or a
         ``ChatCompletionsNamedToolChoice``.
        :paramtype tool_choice: str or ~azure.ai.inference.models.ChatCompletionsToolChoicePreset or
         ~azure.ai.inference.models.ChatCompletionsNamedToolChoice
        :keyword seed: If specified, the system will make a best effort to sample deterministically.
        :paramtype seed: int
        :keyword model: The model deployment name to use, for endpoints that serve several models.
        :paramtype model: str
        :keyword max_completion_tokens: An upper bound for the number of tokens the model may generate,
         visible output and reasoning tokens together (reasoning models take it instead of
         ``max_tokens``).
        :paramtype max_completion_tokens: int
        :keyword reasoning_effort: How much a reasoning model reasons before it answers; known values
         are ``"minimal"``, ``"low"``, ``"medium"`` and ``"high"`` (each model supports some of them).
        :paramtype reasoning_effort: str
        :keyword parallel_tool_calls: Whether the model may request several tool calls in one answer.
        :paramtype parallel_tool_calls: bool
        :keyword stream_options: Options of a streamed answer, e.g. ``{"include_usage": True}``. Sent
         only with ``stream=True`` (OpenAI-style services reject it otherwise).
        :paramtype stream_options: dict[str, Any]
        :keyword user_security_context: Describes the application and its end user for Microsoft
         Defender for Cloud (Azure AI Model Inference api-version 2025-05-01).
        :paramtype user_security_context: ~azure.ai.inference.models.UserSecurityContext or
         dict[str, Any]
        :keyword model_extras: Additional, model-specific parameters, added to the root of the JSON
         request body; when given, the request carries the header ``extra-parameters: pass-through``.
        :paramtype model_extras: dict[str, Any]

        :keyword headers: Additional HTTP headers for this request.
        :paramtype headers: dict[str, str]
        :keyword params: Additional query parameters for this request.
        :paramtype params: dict[str, str]
        :keyword content_type: The body's content type. Default value is "application/json".
        :paramtype content_type: str
        :return: ChatCompletions for a non-streaming call, or AsyncStreamingChatCompletions for
         ``stream=True``.
        :rtype: ~azure.ai.inference.models.ChatCompletions or
         ~azure.ai.inference.models.AsyncStreamingChatCompletions
        :raises TypeError: If neither ``body`` nor ``messages`` is given, or for a keyword argument that
         neither ``complete`` nor the azure-core pipeline accepts (raised before any I/O).
        :raises ValueError: For an unsupported ``response_format``.
        :raises ~azure.ai.inference.models.StructuredOutputError: With a pydantic ``response_format``,
         if a choice's content does not validate (``StructuredOutputValidationError``), the model
         refused (``ContentRefusalError``) or stopped at the token limit (``LengthFinishReasonError``).
        :raises ~azure.core.exceptions.HttpResponseError: If the service answers with an error.

        .. admonition:: Example:

            .. literalinclude:: ../../samples/async_samples/sample_chat_completions_streaming_async.py
                :start-after: [START chat_completions_streaming_async]
                :end-before: [END chat_completions_streaming_async]
                :language: python
                :dedent: 4
                :caption: Stream the answer as it is generated.
        """
        options.check_complete_options(kwargs)
        call = ChatSettings(
            frequency_penalty=frequency_penalty,
            max_tokens=max_tokens,
            model=model,
            presence_penalty=presence_penalty,
            response_format=response_format,
            seed=seed,
            stop=stop,
            temperature=temperature,
            tool_choice=tool_choice,
            tools=tools,
            top_p=top_p,
            max_completion_tokens=max_completion_tokens,
            parallel_tool_calls=parallel_tool_calls,
            reasoning_effort=reasoning_effort,
            stream_options=stream_options,
            user_security_context=user_security_context,
            model_extras=model_extras,
        )
        plan = payloads.chat_request(
            body,
            messages,
            stream,
            self._defaults.merged_with(call),
            content_type=kwargs.pop("content_type", None),
            headers=kwargs.pop("headers", None),
        )
        response = await self._complete(plan, **kwargs)
        if plan.stream:
            updates = _models.AsyncStreamingChatCompletions(response, output_type=plan.output_type)
            return self._config.lifetime.tracked(updates)
        return payloads.parse_chat_completions(response, plan.output_type)
