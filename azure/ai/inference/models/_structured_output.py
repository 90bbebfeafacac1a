"""Structured outputs: the response message with ``.parsed``, and the errors raised when a choice
cannot be parsed as the pydantic model class given as ``response_format``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Optional

from .._types import ParsedT
from . import _models
from ._reasoning import ReasoningText

if TYPE_CHECKING:
    from ._patch import ChatCompletions

__all__ = [
    "ChatResponseMessage",
    "ContentRefusalError",
    "LengthFinishReasonError",
    "StructuredOutputError",
    "StructuredOutputValidationError",
]


class ChatResponseMessage(ReasoningText, _models.ChatResponseMessage, Generic[ParsedT]):
    """A representation of a chat message as received in a response. Generic in the type of
    ``parsed``: ``ChatResponseMessage[Recipe]`` for ``response_format=Recipe``. ``reasoning_text``
    gives its reasoning, whatever the wire field's name."""

    parsed: Optional[ParsedT] = None
    """The message content validated as an instance of the pydantic model class given as
    ``response_format`` to ``complete`` (or to the client). None for any other ``response_format``,
    and when the choice has no content (for example a tool call). Not part of the wire data: it is
    not in ``as_dict()`` and is not sent back when the message is reused in a request."""


class StructuredOutputError(ValueError):
    """A choice of a chat completions response could not be parsed as the requested pydantic model.

    :param message: The error message.
    :type message: str
    :keyword choice_index: The ``index`` of the choice.
    :paramtype choice_index: int
    :keyword completions: The whole response, for inspection.
    :paramtype completions: ~azure.ai.inference.models.ChatCompletions
    """

    def __init__(self, message: str, *, choice_index: int, completions: ChatCompletions[Any]) -> None:
        super().__init__(message)
        self.message = message
        self.choice_index = choice_index
        """The ``index`` of the choice that could not be parsed."""
        self.completions = completions
        """The whole chat completions response."""


class StructuredOutputValidationError(StructuredOutputError):
    """The content of a choice is not valid JSON for the requested pydantic model; the pydantic
    ``ValidationError`` is the ``__cause__``."""


class ContentRefusalError(StructuredOutputError):
    """The model refused to answer (the message has a ``refusal`` instead of the requested JSON).

    :param message: The error message.
    :type message: str
    :keyword refusal: The model's refusal text.
    :paramtype refusal: str
    :keyword choice_index: The ``index`` of the choice.
    :paramtype choice_index: int
    :keyword completions: The whole response, for inspection.
    :paramtype completions: ~azure.ai.inference.models.ChatCompletions
    """

    def __init__(
        self, message: str, *, refusal: str, choice_index: int, completions: ChatCompletions[Any]
    ) -> None:
        super().__init__(message, choice_index=choice_index, completions=completions)
        self.refusal = refusal
        """The model's refusal text."""


class LengthFinishReasonError(StructuredOutputError):
    """Generation of a choice stopped at the token limit (``finish_reason`` ``"length"``), so its
    JSON is incomplete; raise ``max_tokens``/``max_completion_tokens`` or shorten the request."""
