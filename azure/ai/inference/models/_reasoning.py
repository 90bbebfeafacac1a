"""``reasoning_text``: the model's reasoning whatever the service calls it (``reasoning_content`` or
``reasoning``), on response messages and on streamed deltas."""

from __future__ import annotations

from typing import Optional

from . import _models
from .._model_base import wire_mapping

__all__ = ["ReasoningText", "StreamingChatResponseMessageUpdate"]

_SPELLINGS = ("reasoning_content", "reasoning")


class ReasoningText:
    """Adds ``reasoning_text`` to a message model."""

    @property
    def reasoning_text(self) -> Optional[str]:
        """The model's reasoning text, whichever wire field carries it: ``reasoning_content``
        (DeepSeek, Azure AI, z.ai, ...) or ``reasoning`` (Groq, OpenRouter, Ollama, ...), the first that
        is a non-empty string; None when neither is. The wire fields stay readable under their own
        names (``message.reasoning_content``, ``message.reasoning``, ``message["reasoning"]``).

        :rtype: str or None
        """
        fields = wire_mapping(self)
        for name in _SPELLINGS:
            value = fields.get(name) if fields is not None else None
            if isinstance(value, str) and value:
                return value
        return None


class StreamingChatResponseMessageUpdate(ReasoningText, _models.StreamingChatResponseMessageUpdate):
    """A representation of a chat message update as received in a streaming response.
    ``reasoning_text`` gives its reasoning fragment, whatever the wire field's name."""
