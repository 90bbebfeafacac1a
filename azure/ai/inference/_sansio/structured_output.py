"""``.parsed`` for each choice of a chat completions response requested with a pydantic model class."""

from __future__ import annotations

from typing import Any

from .. import models as _models

__all__ = ["attach_parsed"]

_LENGTH = "length"


def attach_parsed(completions: _models.ChatCompletions, output_type: type) -> _models.ChatCompletions:
    """Set ``message.parsed`` of every choice to its content validated as ``output_type``.

    :param completions: The parsed response.
    :type completions: ~azure.ai.inference.models.ChatCompletions
    :param output_type: The pydantic model class given as ``response_format``.
    :type output_type: type
    :return: ``completions``, its messages updated.
    :rtype: ~azure.ai.inference.models.ChatCompletions
    :raises ~azure.ai.inference.models.ContentRefusalError: If a choice carries a ``refusal``.
    :raises ~azure.ai.inference.models.LengthFinishReasonError: If a choice stopped at the token limit.
    :raises ~azure.ai.inference.models.StructuredOutputValidationError: If a choice's content does not
     validate.
    """
    for choice in completions.choices or []:
        message = choice.message
        if message is not None:
            message.parsed = _parsed_content(choice, output_type, completions)
    return completions


def _parsed_content(choice: _models.ChatChoice, output_type: Any, completions: _models.ChatCompletions) -> Any:
    _check_finished(choice, output_type, completions)
    content = choice.message.content
    if content is None:
        return None
    try:
        return output_type.model_validate_json(content)
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        raise _models.StructuredOutputValidationError(
            f"Choice {choice.index}: the message content does not validate as {output_type.__name__}: {error}",
            choice_index=choice.index,
            completions=completions,
        ) from error


def _check_finished(choice: _models.ChatChoice, output_type: Any, completions: _models.ChatCompletions) -> None:
    """Raise when the choice carries a refusal or stopped at the token limit."""
    refusal, index = choice.message.refusal, choice.index
    if refusal:
        message = f"Choice {index}: the model refused to answer: {refusal}"
        raise _models.ContentRefusalError(message, refusal=refusal, choice_index=index, completions=completions)
    if choice.finish_reason == _LENGTH:
        raise _models.LengthFinishReasonError(
            f"Choice {index}: generation stopped at the token limit (finish_reason 'length'), so its "
            f"content cannot be parsed as {output_type.__name__}",
            choice_index=index,
            completions=completions,
        )
