"""Hand-written model subclasses: messages with positional content, ``.load()`` file helpers, JSON ``__str__``."""

from __future__ import annotations

import base64
import json
import os
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple, Type, Union, overload

from .._types import EmbeddingT, ParsedT
from . import _models
from ._enums import AudioContentFormat, ImageDetailLevel

if TYPE_CHECKING:
    from ._streaming import AsyncStreamingChatCompletions, StreamingChatCompletions
    from ._streaming import BaseStreamingChatCompletions as BaseStreamingChatCompletions  # documented internal name

_STREAM_CLASSES = ("AsyncStreamingChatCompletions", "BaseStreamingChatCompletions", "StreamingChatCompletions")

__all__ = [
    "AssistantMessage",
    "AsyncStreamingChatCompletions",
    "ChatCompletions",
    "ChatRequestMessage",
    "DeveloperMessage",
    "EmbeddingsResult",
    "ImageEmbeddingInput",
    "ImageUrl",
    "InputAudio",
    "StreamingChatCompletions",
    "SystemMessage",
    "ToolMessage",
    "UserMessage",
]

ChatRequestMessage = _models.ChatRequestMessage
_BOTH_CONTENTS = "content cannot be provided as positional and keyword arguments"


def _split_content(
    args: Tuple[Any, ...], kwargs: Dict[str, Any], content_types: Tuple[Type[Any], ...]
) -> Tuple[Tuple[Any, ...], Any]:
    """Take a single positional content argument out of ``args`` (``kwargs`` loses ``content``)."""
    if len(args) != 1 or not isinstance(args[0], content_types):
        return args, None
    if kwargs.pop("content", None) is not None:
        raise ValueError(_BOTH_CONTENTS)
    return (), args[0]


class SystemMessage(_models.ChatRequestSystemMessage, discriminator="system"):
    """A request chat message containing system instructions that influence how the model will
    generate a chat completions response. ``SystemMessage("...")`` sets the content positionally."""

    @overload
    def __init__(self, content: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        args, content = _split_content(args, kwargs, (str,))
        super().__init__(*args, **kwargs)
        if content is not None:
            self.content = content


class DeveloperMessage(_models.ChatRequestDeveloperMessage, discriminator="developer"):
    """A request chat message containing developer instructions that influence how the model will
    generate a chat completions response. ``DeveloperMessage("...")`` sets the content positionally."""

    @overload
    def __init__(self, content: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        args, content = _split_content(args, kwargs, (str,))
        super().__init__(*args, **kwargs)
        if content is not None:
            self.content = content


class UserMessage(_models.ChatRequestUserMessage, discriminator="user"):
    """A request chat message representing user input to the assistant. ``UserMessage("...")`` or
    ``UserMessage([TextContentItem(...), ImageContentItem(...)])`` sets the content positionally."""

    @overload
    def __init__(self, content: Union[str, List[_models.ContentItem]]) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        args, content = _split_content(args, kwargs, (str, list))
        super().__init__(*args, **kwargs)
        if content is not None:
            self.content = content


class AssistantMessage(_models.ChatRequestAssistantMessage, discriminator="assistant"):
    """A request chat message representing response or action from the assistant.
    ``AssistantMessage("...")`` sets the content positionally."""

    @overload
    def __init__(
        self, content: Optional[str] = None, *, tool_calls: Optional[List[_models.ChatCompletionsToolCall]] = None
    ) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        args, content = _split_content(args, kwargs, (str,))
        super().__init__(*args, **kwargs)
        if content is not None:
            self.content = content


class ToolMessage(_models.ChatRequestToolMessage, discriminator="tool"):
    """A request chat message representing requested output from a configured tool.
    ``ToolMessage("...", tool_call_id="...")`` sets the content positionally."""

    @overload
    def __init__(self, content: Optional[str] = None, *, tool_call_id: str) -> None: ...

    @overload
    def __init__(self, mapping: Mapping[str, Any]) -> None: ...

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        args, content = _split_content(args, kwargs, (str,))
        super().__init__(*args, **kwargs)
        if content is not None:
            self.content = content


class ChatCompletions(_models.ChatCompletions[ParsedT]):
    """Representation of the response data from a chat completions request. ``str()`` gives the
    response JSON, indented."""

    def __str__(self) -> str:
        return json.dumps(self.as_dict(), indent=2)


class EmbeddingsResult(_models.EmbeddingsResult[EmbeddingT]):
    """Representation of the response data from an embeddings request. ``str()`` gives the response
    JSON, indented."""

    def __str__(self) -> str:
        return json.dumps(self.as_dict(), indent=2)


FilePath = Union[str, "os.PathLike[str]"]
"""A file path: a string or a path object such as ``pathlib.Path`` (bytes work too, as with ``open()``)."""


def _read_base64(path: FilePath, argument: str) -> str:
    """Read a whole file and return its standard base64 text; errors name the argument."""
    if not isinstance(path, (str, bytes, os.PathLike)):  # bytes: as 1.0.0b9, which handed the path to open()
        raise TypeError(f"'{argument}' must be a file path (str, bytes or os.PathLike), got {type(path).__name__}")
    try:
        with open(path, "rb") as file:
            return base64.b64encode(file.read()).decode("ascii")
    except OSError as error:
        raise type(error)(error.errno, f"{error.strerror} (argument '{argument}')", error.filename) from error


def _checked_format(value: Any, argument: str) -> str:
    if isinstance(value, AudioContentFormat):
        return str(value.value)
    if not isinstance(value, str) or not value:
        raise TypeError(f"'{argument}' must be a non-empty string such as 'png', got {value!r}")
    return value


class ImageUrl(_models.ImageUrl):
    """An internet location from which the model may retrieve an image; ``ImageUrl.load`` builds a data
    URL from a local file."""

    @classmethod
    def load(
        cls, *, image_file: FilePath, image_format: str, detail: Optional[Union[str, ImageDetailLevel]] = None
    ) -> ImageUrl:
        """Create an ImageUrl object from a local image file, as a base64 data URL.

        :keyword image_file: The path of the image file.
        :paramtype image_file: str or os.PathLike[str]
        :keyword image_format: The image format, inserted verbatim in ``data:image/<format>;base64,``
         (for example "png" or "jpeg").
        :paramtype image_format: str
        :keyword detail: The evaluation quality setting ("auto", "low" or "high").
        :paramtype detail: str or ~azure.ai.inference.models.ImageDetailLevel or None
        :return: An ImageUrl object with the image data encoded as a base64 string.
        :rtype: ~azure.ai.inference.models.ImageUrl
        :raises FileNotFoundError: If the image file does not exist (the message names ``image_file``).
        """
        image_format = _checked_format(image_format, "image_format")
        data = _read_base64(image_file, "image_file")
        return cls(url=f"data:image/{image_format};base64,{data}", detail=detail)


class InputAudio(_models.InputAudio):
    """The details of an audio chat message content part; ``InputAudio.load`` reads a local file."""

    @classmethod
    def load(cls, *, audio_file: FilePath, audio_format: Union[str, AudioContentFormat]) -> InputAudio:
        """Create an InputAudio object from a local audio file (base64, without a data-URL prefix).

        :keyword audio_file: The path of the audio file.
        :paramtype audio_file: str or os.PathLike[str]
        :keyword audio_format: The audio format ("wav" or "mp3").
        :paramtype audio_format: str or ~azure.ai.inference.models.AudioContentFormat
        :return: An InputAudio object with the audio data encoded as a base64 string.
        :rtype: ~azure.ai.inference.models.InputAudio
        :raises FileNotFoundError: If the audio file does not exist (the message names ``audio_file``).
        """
        audio_format = _checked_format(audio_format, "audio_format")
        return cls(data=_read_base64(audio_file, "audio_file"), format=audio_format)


class ImageEmbeddingInput(_models.ImageEmbeddingInput):
    """Represents an image with optional text; ``ImageEmbeddingInput.load`` reads a local file."""

    @classmethod
    def load(cls, *, image_file: FilePath, image_format: str, text: Optional[str] = None) -> ImageEmbeddingInput:
        """Create an ImageEmbeddingInput object from a local image file, as a base64 data URL.

        :keyword image_file: The path of the image file.
        :paramtype image_file: str or os.PathLike[str]
        :keyword image_format: The image format, inserted verbatim in ``data:image/<format>;base64,``.
        :paramtype image_format: str
        :keyword text: Optional text to embed with the image.
        :paramtype text: str or None
        :return: An ImageEmbeddingInput object with the image data encoded as a base64 string.
        :rtype: ~azure.ai.inference.models.ImageEmbeddingInput
        :raises FileNotFoundError: If the image file does not exist (the message names ``image_file``).
        """
        image_format = _checked_format(image_format, "image_format")
        data = _read_base64(image_file, "image_file")
        return cls(image=f"data:image/{image_format};base64,{data}", text=text)


def __getattr__(name: str) -> Any:
    """The stream classes, imported on first use: a program that never streams does not load the SSE decoder.

    :param name: The attribute.
    :type name: str
    :return: The stream class.
    :rtype: type
    :raises AttributeError: For any other name.
    """
    if name in _STREAM_CLASSES:
        from . import _streaming  # pylint: disable=import-outside-toplevel

        return getattr(_streaming, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
