# pylint: disable=too-many-lines
"""Generated-style: one class per schema of the REST spec (a catalogue); no behaviour of its own.

Nested model types are named through the ``models`` package (``_models.X``) so that the hand-written
subclasses of ``models/_patch.py`` are the classes built when responses are read.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, Generic, List, Literal, Mapping, Optional, Union, overload

from .._model_base import Model as _Model
from .._types import EmbeddingT, ParsedT
from .._model_base import rest_discriminator, rest_field
from ._enums import ChatRole

# Annotations name ``_models.X``; the model runtime resolves them lazily, after the package exists.
from .. import models as _models  # pylint: disable=cyclic-import


class ContentItem(_Model):
    """An abstract representation of a structured content item within a chat message.

    You probably want to use the sub-classes and not this class directly. Known sub-classes are:
    ImageContentItem, AudioContentItem, TextContentItem
    """

    type: str = rest_discriminator(name="type")
    """The discriminated object type. Required. Default value is None."""

    @overload
    def __init__(self, *, type: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class AudioContentItem(ContentItem, discriminator="input_audio"):
    """A structured chat content item containing an audio content."""

    type: Literal["input_audio"] = rest_discriminator(name="type")
    """The discriminated object type: always 'input_audio' for this type. Required."""
    input_audio: _models.InputAudio = rest_field()
    """The details of the input audio. Required."""

    @overload
    def __init__(self, *, input_audio: _models.InputAudio) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(type="input_audio", **kwargs)


class ImageContentItem(ContentItem, discriminator="image_url"):
    """A structured chat content item containing an image reference."""

    type: Literal["image_url"] = rest_discriminator(name="type")
    """The discriminated object type: always 'image_url' for this type. Required."""
    image_url: _models.ImageUrl = rest_field()
    """An internet location, which must be accessible to the model, from which the image may be
    retrieved. Required."""

    @overload
    def __init__(self, *, image_url: _models.ImageUrl) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(type="image_url", **kwargs)


class TextContentItem(ContentItem, discriminator="text"):
    """A structured chat content item containing plain text."""

    type: Literal["text"] = rest_discriminator(name="type")
    """The discriminated object type: always 'text' for this type. Required."""
    text: str = rest_field()
    """The content of the message. Required."""

    @overload
    def __init__(self, *, text: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(type="text", **kwargs)


class ImageUrl(_Model):
    """An internet location from which the model may retrieve an image."""

    url: str = rest_field()
    """The URL of the image. Required."""
    detail: Optional[Union[str, _models.ImageDetailLevel]] = rest_field()
    """The evaluation quality setting to use, which controls relative prioritization of speed, token
    consumption, and accuracy. Known values are: "auto", "low", and "high"."""

    @overload
    def __init__(self, *, url: str, detail: Optional[Union[str, _models.ImageDetailLevel]] = None) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class InputAudio(_Model):
    """The details of an audio chat message content part."""

    data: str = rest_field()
    """Base64 encoded audio data. Required."""
    format: Union[str, _models.AudioContentFormat] = rest_field()
    """The audio format of the audio content. Required. Known values are: "wav" and "mp3"."""

    @overload
    def __init__(self, *, data: str, format: Union[str, _models.AudioContentFormat]) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatRequestMessage(_Model):
    """An abstract representation of a chat message as provided in a request.

    You probably want to use the sub-classes and not this class directly. Known sub-classes are:
    AssistantMessage, DeveloperMessage, SystemMessage, ToolMessage, UserMessage
    """

    role: str = rest_discriminator(name="role")
    """The chat role associated with this message. Required."""

    @overload
    def __init__(self, *, role: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatRequestAssistantMessage(ChatRequestMessage, discriminator="assistant"):
    """A request chat message representing response or action from the assistant."""

    role: Literal[ChatRole.ASSISTANT] = rest_discriminator(name="role")
    """The chat role associated with this message, which is always 'assistant'. Required."""
    content: Optional[str] = rest_field()
    """The content of the message."""
    tool_calls: Optional[List[_models.ChatCompletionsToolCall]] = rest_field()
    """The tool calls that must be resolved and have their outputs appended to subsequent input
    messages for the chat completions request to resolve as configured."""

    @overload
    def __init__(
        self, *, content: Optional[str] = None, tool_calls: Optional[List[_models.ChatCompletionsToolCall]] = None
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(role=ChatRole.ASSISTANT, **kwargs)


class ChatRequestDeveloperMessage(ChatRequestMessage, discriminator="developer"):
    """A request chat message containing developer instructions that influence how the model will
    generate a chat completions response."""

    role: Literal[ChatRole.DEVELOPER] = rest_discriminator(name="role")
    """The chat role associated with this message, which is always 'developer'. Required."""
    content: str = rest_field()
    """The contents of the developer message. Required."""

    @overload
    def __init__(self, *, content: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(role=ChatRole.DEVELOPER, **kwargs)


class ChatRequestSystemMessage(ChatRequestMessage, discriminator="system"):
    """A request chat message containing system instructions that influence how the model will
    generate a chat completions response."""

    role: Literal[ChatRole.SYSTEM] = rest_discriminator(name="role")
    """The chat role associated with this message, which is always 'system'. Required."""
    content: str = rest_field()
    """The contents of the system message. Required."""

    @overload
    def __init__(self, *, content: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(role=ChatRole.SYSTEM, **kwargs)


class ChatRequestToolMessage(ChatRequestMessage, discriminator="tool"):
    """A request chat message representing requested output from a configured tool."""

    role: Literal[ChatRole.TOOL] = rest_discriminator(name="role")
    """The chat role associated with this message, which is always 'tool'. Required."""
    content: Optional[str] = rest_field()
    """The content of the message."""
    tool_call_id: str = rest_field()
    """The ID of the tool call resolved by the provided content. Required."""

    @overload
    def __init__(self, *, tool_call_id: str, content: Optional[str] = None) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(role=ChatRole.TOOL, **kwargs)


class ChatRequestUserMessage(ChatRequestMessage, discriminator="user"):
    """A request chat message representing user input to the assistant."""

    role: Literal[ChatRole.USER] = rest_discriminator(name="role")
    """The chat role associated with this message, which is always 'user'. Required."""
    content: Union[str, List[_models.ContentItem]] = rest_field()
    """The contents of the user message, with available input types varying by selected model.
    Required. Is either a str type or a [ContentItem] type."""

    @overload
    def __init__(self, *, content: Union[str, List[_models.ContentItem]]) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(role=ChatRole.USER, **kwargs)


class FunctionCall(_Model):
    """The name and arguments of a function that should be called, as generated by the model."""

    name: str = rest_field()
    """The name of the function to call. Required."""
    arguments: str = rest_field()
    """The arguments to call the function with, as generated by the model in JSON format. Note that
    the model does not always generate valid JSON, and may hallucinate parameters not defined by
    your function schema. Validate the arguments in your code before calling your function.
    Required."""

    @overload
    def __init__(self, *, name: str, arguments: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class FunctionDefinition(_Model):
    """The definition of a caller-specified function that chat completions may invoke in response to
    matching user input."""

    name: str = rest_field()
    """The name of the function to be called. Required."""
    description: Optional[str] = rest_field()
    """A description of what the function does. The model will use this description when selecting
    the function and interpreting its parameters."""
    parameters: Optional[Any] = rest_field()
    """The parameters the function accepts, described as a JSON Schema object."""

    @overload
    def __init__(self, *, name: str, description: Optional[str] = None, parameters: Optional[Any] = None) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatCompletionsToolCall(_Model):
    """A function tool call requested by the AI model."""

    id: str = rest_field()
    """The ID of the tool call. Required."""
    type: Literal["function"] = rest_field()
    """The type of tool call. Currently, only ``function`` is supported. Required. Default value is
    "function"."""
    function: _models.FunctionCall = rest_field()
    """The details of the function call requested by the AI model. Required."""

    @overload
    def __init__(self, *, id: str, function: _models.FunctionCall) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.type = "function"


class ChatCompletionsToolDefinition(_Model):
    """The definition of a chat completions tool that can call a function."""

    type: Literal["function"] = rest_field()
    """The type of the tool. Currently, only ``function`` is supported. Required. Default value is
    "function"."""
    function: _models.FunctionDefinition = rest_field()
    """The function definition details for the function tool. Required."""

    @overload
    def __init__(self, *, function: _models.FunctionDefinition) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.type = "function"


class ChatCompletionsNamedToolChoiceFunction(_Model):
    """A tool selection of a specific, named function tool that will limit chat completions to using
    the named function."""

    name: str = rest_field()
    """The name of the function that should be called. Required."""

    @overload
    def __init__(self, *, name: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatCompletionsNamedToolChoice(_Model):
    """A tool selection of a specific, named function tool that will limit chat completions to using
    the named function."""

    type: Literal["function"] = rest_field()
    """The type of the tool. Currently, only ``function`` is supported. Required. Default value is
    "function"."""
    function: _models.ChatCompletionsNamedToolChoiceFunction = rest_field()
    """The function that should be called. Required."""

    @overload
    def __init__(self, *, function: _models.ChatCompletionsNamedToolChoiceFunction) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.type = "function"


class ChatCompletionsResponseFormat(_Model):
    """Represents the format that the model must output.

    You probably want to use the sub-classes and not this class directly. Known sub-classes are:
    ChatCompletionsResponseFormatJsonObject, ChatCompletionsResponseFormatJsonSchema,
    ChatCompletionsResponseFormatText
    """

    type: str = rest_discriminator(name="type")
    """The response format type to use for chat completions. Required."""

    @overload
    def __init__(self, *, type: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatCompletionsResponseFormatJsonObject(ChatCompletionsResponseFormat, discriminator="json_object"):
    """A response format for Chat Completions that restricts responses to emitting valid JSON objects."""

    type: Literal["json_object"] = rest_discriminator(name="type")
    """Response format type: always 'json_object' for this object. Required."""

    @overload
    def __init__(self) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(type="json_object", **kwargs)


class ChatCompletionsResponseFormatJsonSchema(ChatCompletionsResponseFormat, discriminator="json_schema"):
    """A response format for Chat Completions that restricts responses to emitting valid JSON objects,
    with a JSON schema specified by the caller."""

    type: Literal["json_schema"] = rest_discriminator(name="type")
    """The type of response format being defined: ``json_schema``. Required."""
    json_schema: _models.JsonSchemaFormat = rest_field()
    """The definition of the required JSON schema in the response, and associated metadata. Required."""

    @overload
    def __init__(self, *, json_schema: _models.JsonSchemaFormat) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(type="json_schema", **kwargs)


class ChatCompletionsResponseFormatText(ChatCompletionsResponseFormat, discriminator="text"):
    """A response format for Chat Completions that emits text responses. This is the default response
    format."""

    type: Literal["text"] = rest_discriminator(name="type")
    """Response format type: always 'text' for this object. Required."""

    @overload
    def __init__(self) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args:
            super().__init__(*args)
        else:
            super().__init__(type="text", **kwargs)


class JsonSchemaFormat(_Model):
    """Defines the response format for chat completions as JSON with a given schema. The AI model will
    need to adhere to this schema when generating completions."""

    name: str = rest_field()
    """A name that labels this JSON schema. Must be a-z, A-Z, 0-9, or contain underscores and dashes,
    with a maximum length of 64. Required."""
    schema: Dict[str, Any] = rest_field()
    """The definition of the JSON schema. Required."""
    description: Optional[str] = rest_field()
    """A description of the response format, used by the AI model to determine how to generate
    responses in this format."""
    strict: Optional[bool] = rest_field()
    """If set to True, the service will error out if the provided JSON schema contains keywords not
    supported by the AI model."""

    @overload
    def __init__(
        self,
        *,
        name: str,
        schema: Dict[str, Any],
        description: Optional[str] = None,
        strict: Optional[bool] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class UserSecurityContext(_Model):
    """User security context: parameters that describe the AI application and the end user who
    interacts with it, for security operations (Microsoft Defender for Cloud). Sent as the
    ``user_security_context`` of a chat completions request (api-version 2025-05-01)."""

    application_name: Optional[str] = rest_field()
    """The name of the application (at most 100 characters). Sensitive personal information should
    not be included in this field."""
    end_user_id: Optional[str] = rest_field()
    """The Microsoft Entra ID user object ID of the end user (a GUID). Sensitive personal information
    should not be included in this field."""
    end_user_tenant_id: Optional[str] = rest_field()
    """The Microsoft 365 tenant ID (a GUID) the end user belongs to; required when the application is
    multi-tenant."""
    source_ip: Optional[str] = rest_field()
    """The original client's IP address, IPv4 or IPv6."""

    @overload
    def __init__(
        self,
        *,
        application_name: Optional[str] = None,
        end_user_id: Optional[str] = None,
        end_user_tenant_id: Optional[str] = None,
        source_ip: Optional[str] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ImageEmbeddingInput(_Model):
    """Represents an image with optional text."""

    image: str = rest_field()
    """The input image encoded in base64 string as a data URL. Example:
    ``data:image/{format};base64,{data}``. Required."""
    text: Optional[str] = rest_field()
    """Optional. The text input to feed into the model (like DINO, CLIP)."""

    @overload
    def __init__(self, *, image: str, text: Optional[str] = None) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class CompletionsUsageDetails(_Model):
    """A breakdown of tokens used in a completion."""

    audio_tokens: Optional[int] = rest_field()
    """The number of tokens corresponding to audio input."""
    reasoning_tokens: Optional[int] = rest_field()
    """The number of tokens corresponding to reasoning."""
    total_tokens: Optional[int] = rest_field()
    """The total number of tokens processed for the completions request and response."""

    @overload
    def __init__(
        self,
        *,
        audio_tokens: Optional[int] = None,
        reasoning_tokens: Optional[int] = None,
        total_tokens: Optional[int] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class PromptUsageDetails(_Model):
    """A breakdown of tokens used in the prompt/chat history."""

    audio_tokens: Optional[int] = rest_field()
    """The number of tokens corresponding to audio input."""
    cached_tokens: Optional[int] = rest_field()
    """The total number of tokens cached."""

    @overload
    def __init__(self, *, audio_tokens: Optional[int] = None, cached_tokens: Optional[int] = None) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class CompletionsUsage(_Model):
    """Representation of the token counts processed for a completions request. Counts consider all
    tokens across prompts, choices, choice alternates, best_of generations, and other consumers."""

    completion_tokens: int = rest_field()
    """The number of tokens generated across all completions emissions. Required."""
    prompt_tokens: int = rest_field()
    """The number of tokens in the provided prompts for the completions request. Required."""
    total_tokens: int = rest_field()
    """The total number of tokens processed for the completions request and response. Required."""
    completion_tokens_details: Optional[_models.CompletionsUsageDetails] = rest_field()
    """Breakdown of tokens used in a completion (reasoning and audio tokens), when the service
    reports it."""
    prompt_tokens_details: Optional[_models.PromptUsageDetails] = rest_field()
    """Breakdown of tokens used in the prompt (cached and audio tokens), when the service reports it."""

    @overload
    def __init__(
        self,
        *,
        completion_tokens: int,
        prompt_tokens: int,
        total_tokens: int,
        completion_tokens_details: Optional[_models.CompletionsUsageDetails] = None,
        prompt_tokens_details: Optional[_models.PromptUsageDetails] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatResponseMessage(_Model):
    """A representation of a chat message as received in a response."""

    role: Union[str, _models.ChatRole] = rest_field()
    """The chat role associated with the message. Required. Known values are: "system", "user",
    "assistant", "tool", and "developer"."""
    content: Optional[str] = rest_field()
    """The content of the message. None when the model answers with tool calls only (or refuses)."""
    tool_calls: Optional[List[_models.ChatCompletionsToolCall]] = rest_field()
    """The tool calls that must be resolved and have their outputs appended to subsequent input
    messages for the chat completions request to resolve as configured."""
    reasoning_content: Optional[str] = rest_field()
    """The reasoning content the model produced before its answer, for reasoning models that return
    it (wire name ``reasoning_content``)."""
    refusal: Optional[str] = rest_field()
    """The model's refusal message, when it declined to answer (OpenAI-style services send it with
    structured outputs)."""
    reasoning: Optional[str] = rest_field()
    """The reasoning text the model produced before its answer, for services that call it
    ``reasoning`` (Groq, OpenRouter, Ollama, ...); ``reasoning_text`` reads either spelling."""

    @overload
    def __init__(
        self,
        *,
        role: Union[str, _models.ChatRole],
        content: Optional[str],
        tool_calls: Optional[List[_models.ChatCompletionsToolCall]] = None,
        reasoning_content: Optional[str] = None,
        refusal: Optional[str] = None,
        reasoning: Optional[str] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatChoice(_Model, Generic[ParsedT]):
    """The representation of a single prompt completion as part of an overall chat completions
    request. Generic in the type of ``message.parsed`` (the pydantic class given as ``response_format``)."""

    index: int = rest_field()
    """The ordered index associated with this chat completions choice. Required."""
    finish_reason: _models.CompletionsFinishReason = rest_field()
    """The reason that this chat completions choice completed its generated. Required. Known values
    are: "stop", "length", "content_filter", and "tool_calls" (read as ``CompletionsFinishReason``
    members, a ``str`` enum); another value arrives as a plain ``str``."""
    message: _models.ChatResponseMessage[ParsedT] = rest_field()
    """The chat message for a given chat completions prompt. Required."""
    content_filter_results: Optional[_models.ContentFilterResults] = rest_field()
    """The content filter's verdicts on this choice, by category (Azure OpenAI and Azure AI services)."""

    @overload
    def __init__(
        self,
        *,
        index: int,
        finish_reason: Union[str, _models.CompletionsFinishReason],
        message: _models.ChatResponseMessage[ParsedT],
        content_filter_results: Optional[_models.ContentFilterResults] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ChatCompletions(_Model, Generic[ParsedT]):
    """Representation of the response data from a chat completions request. Completions support a
    wide variety of tasks and generate text that continues from or "completes" provided prompt data.
    Generic in the type of each choice's ``message.parsed``."""

    id: str = rest_field()
    """A unique identifier associated with this chat completions response. Required."""
    created: datetime.datetime = rest_field(format="unix-timestamp")
    """The first timestamp associated with generation activity for this completions response,
    represented as seconds since the beginning of the Unix epoch of 00:00 on 1 Jan 1970. Required."""
    model: str = rest_field()
    """The model used for the chat completion. Required."""
    choices: List[_models.ChatChoice[ParsedT]] = rest_field()
    """The collection of completions choices associated with this completions response. Generally,
    ``n`` choices are generated per provided prompt with a default value of 1. Token limits and
    other settings may limit the number of choices generated. Required."""
    usage: _models.CompletionsUsage = rest_field()
    """Usage information for tokens processed and generated as part of this completions operation.
    Required."""
    prompt_filter_results: Optional[List[_models.ContentFilterResultsForPrompt]] = rest_field()
    """The content filter's verdicts on each prompt of the request (Azure OpenAI and Azure AI services)."""

    @overload
    def __init__(
        self,
        *,
        id: str,  # pylint: disable=redefined-builtin
        created: datetime.datetime,
        model: str,
        choices: List[_models.ChatChoice[ParsedT]],
        usage: _models.CompletionsUsage,
        prompt_filter_results: Optional[List[_models.ContentFilterResultsForPrompt]] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class StreamingChatResponseToolCallUpdate(_Model):
    """An update to the function tool call information requested by the AI model."""

    id: Optional[str] = rest_field()
    """The ID of the tool call: in the first update of a call; None (absent) in the updates that
    only carry more of its arguments."""
    function: _models.FunctionCall = rest_field()
    """Updates to the function call requested by the AI model. Required."""
    index: Optional[int] = rest_field()
    """The position of this tool call in the message's list of tool calls (wire name ``index``);
    deltas with the same index belong to the same call. ``None`` when the service omits it."""

    @overload
    def __init__(self, *, id: str, function: _models.FunctionCall, index: Optional[int] = None) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class StreamingChatResponseMessageUpdate(_Model):
    """A representation of a chat message update as received in a streaming response."""

    role: Optional[Union[str, _models.ChatRole]] = rest_field()
    """The chat role associated with the message. If present, should always be 'assistant'."""
    content: Optional[str] = rest_field()
    """The content of the message."""
    tool_calls: Optional[List[_models.StreamingChatResponseToolCallUpdate]] = rest_field()
    """The tool calls that must be resolved and have their outputs appended to subsequent input
    messages for the chat completions request to resolve as configured."""
    reasoning_content: Optional[str] = rest_field()
    """A fragment of the model's reasoning content, for reasoning models that stream it (wire name
    ``reasoning_content``)."""
    reasoning: Optional[str] = rest_field()
    """A fragment of the model's reasoning, for services that call it ``reasoning`` (Groq, OpenRouter,
    ...); ``reasoning_text`` reads either spelling."""

    @overload
    def __init__(
        self,
        *,
        role: Optional[Union[str, _models.ChatRole]] = None,
        content: Optional[str] = None,
        tool_calls: Optional[List[_models.StreamingChatResponseToolCallUpdate]] = None,
        reasoning_content: Optional[str] = None,
        reasoning: Optional[str] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class StreamingChatChoiceUpdate(_Model):
    """Represents an update to a single prompt completion when the service is streaming updates using
    Server Sent Events (SSE)."""

    index: int = rest_field()
    """The ordered index associated with this chat completions choice. Required."""
    finish_reason: Optional[_models.CompletionsFinishReason] = rest_field()
    """The reason that this chat completions choice completed its generated; None (JSON null) in
    every update but a choice's last. Known values are: "stop", "length", "content_filter", and
    "tool_calls" (read as ``CompletionsFinishReason`` members); another value arrives as a plain ``str``."""
    delta: _models.StreamingChatResponseMessageUpdate = rest_field()
    """An update to the chat message for a given chat completions prompt. Required."""
    content_filter_results: Optional[_models.ContentFilterResults] = rest_field()
    """The content filter's verdicts on the text of this update, by category (Azure OpenAI)."""

    @overload
    def __init__(
        self,
        *,
        index: int,
        finish_reason: Union[str, _models.CompletionsFinishReason],
        delta: _models.StreamingChatResponseMessageUpdate,
        content_filter_results: Optional[_models.ContentFilterResults] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class StreamingChatCompletionsUpdate(_Model):
    """Represents a response update to a chat completions request, when the service is streaming
    updates using Server Sent Events (SSE)."""

    id: str = rest_field()
    """A unique identifier associated with this chat completions response. Required."""
    created: datetime.datetime = rest_field(format="unix-timestamp")
    """The first timestamp associated with generation activity for this completions response,
    represented as seconds since the beginning of the Unix epoch of 00:00 on 1 Jan 1970. Required."""
    model: str = rest_field()
    """The model used for the chat completion. Required."""
    choices: List[_models.StreamingChatChoiceUpdate] = rest_field()
    """An update to the collection of completion choices associated with this completions response.
    Generally, ``n`` choices are generated per provided prompt with a default value of 1. Token
    limits and other settings may limit the number of choices generated. Required."""
    usage: Optional[_models.CompletionsUsage] = rest_field()
    """Usage information for tokens processed and generated as part of this completions operation."""
    prompt_filter_results: Optional[List[_models.ContentFilterResultsForPrompt]] = rest_field()
    """The content filter's verdicts on each prompt of the request (Azure OpenAI)."""

    @overload
    def __init__(
        self,
        *,
        id: str,  # pylint: disable=redefined-builtin
        created: datetime.datetime,
        model: str,
        choices: List[_models.StreamingChatChoiceUpdate],
        usage: Optional[_models.CompletionsUsage] = None,
        prompt_filter_results: Optional[List[_models.ContentFilterResultsForPrompt]] = None,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class EmbeddingItem(_Model, Generic[EmbeddingT]):
    """Representation of a single embeddings relatedness comparison. Generic in the type of
    ``embedding``: ``List[float]`` or ``str`` (base64), as the request's ``encoding_format`` asked."""

    embedding: EmbeddingT = rest_field()
    """List of embedding values for the input prompt. These represent a measurement of the
    vector-based relatedness of the provided input. Or a base64 encoded string of the embedding
    vector. Required. Is either a str type or a [float] type."""
    index: int = rest_field()
    """Index of the prompt to which the EmbeddingItem corresponds. Required."""

    @overload
    def __init__(self, *, embedding: EmbeddingT, index: int) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class EmbeddingsUsage(_Model):
    """Measurement of the amount of tokens used in this request and response."""

    prompt_tokens: int = rest_field()
    """Number of tokens in the request. Required."""
    total_tokens: int = rest_field()
    """Total number of tokens transacted in this request/response. Should equal the number of tokens
    in the request. Required."""

    @overload
    def __init__(self, *, prompt_tokens: int, total_tokens: int) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class EmbeddingsResult(_Model, Generic[EmbeddingT]):
    """Representation of the response data from an embeddings request. Embeddings measure the
    relatedness of text strings and are commonly used for search, clustering, recommendations, and
    other similar scenarios."""

    id: str = rest_field()
    """Unique identifier for the embeddings result. Required."""
    data: List[_models.EmbeddingItem[EmbeddingT]] = rest_field()
    """Embedding values for the prompts submitted in the request. Required."""
    usage: _models.EmbeddingsUsage = rest_field()
    """Usage counts for tokens input using the embeddings API. Required."""
    model: str = rest_field()
    """The model ID used to generate this result. Required."""

    @overload
    def __init__(
        self,
        *,
        id: str,  # pylint: disable=redefined-builtin
        data: List[_models.EmbeddingItem[EmbeddingT]],
        usage: _models.EmbeddingsUsage,
        model: str,
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ModelInfo(_Model):
    """Represents some basic information about the AI model."""

    model_name: str = rest_field()
    """The name of the AI model. For example: ``Phi21``. Required."""
    model_type: Union[str, _models.ModelType] = rest_field()
    """The type of the AI model. A Unique identifier for the profile. Required. Known values are:
    "embeddings", "image_generation", "text_generation", "image_embeddings", "audio_generation", and
    "chat_completion"."""
    model_provider_name: str = rest_field()
    """The model provider name. For example: ``Microsoft Research``. Required."""

    @overload
    def __init__(
        self, *, model_name: str, model_type: Union[str, _models.ModelType], model_provider_name: str
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
