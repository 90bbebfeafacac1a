"""The emulated chat model: a deterministic completion computed from the request options."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Sequence, Tuple

from .answers import apply_limits, compose_answer, count_tokens, last_user_message, message_text
from .json_values import StringSupply, value_for_schema
from .tool_calls import build_arguments, choose_tool, wants_tool_call

CREATED = 1717171717
"""The fixed ``created`` timestamp of every completion (2024-05-31T16:08:37Z)."""


@dataclass(frozen=True)
class ToolCall:
    """One function call made by the model."""

    id: str
    name: str
    arguments: str


@dataclass(frozen=True)
class GeneratedChoice:
    """One choice of a completion: text (``content``) or tool calls, and why generation stopped."""

    index: int
    content: str
    tool_calls: Tuple[ToolCall, ...]
    finish_reason: str


@dataclass(frozen=True)
class Completion:
    """A whole chat completion, independent of how it is sent (JSON or SSE)."""

    id: str
    created: int
    model: str
    choices: Tuple[GeneratedChoice, ...]
    prompt_tokens: int
    completion_tokens: int

    @property
    def usage(self) -> dict[str, int]:
        """The ``usage`` object of the response."""
        total = self.prompt_tokens + self.completion_tokens
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens, "total_tokens": total}


def generate_completion(options: Mapping[str, Any], *, default_model: str, fingerprint: bytes) -> Completion:
    """Compute the completion for chat ``options`` (a validated request body).

    :param default_model: The model name used when the request has no ``model``.
    :param fingerprint: Bytes identifying the request (its raw body); ids are derived from them.
    """
    digest = hashlib.sha256(fingerprint).hexdigest()
    n = options.get("n")
    count = n if isinstance(n, int) and n > 0 else 1
    choices = tuple(_generate_choice(options, index, digest) for index in range(count))
    completion_tokens = sum(_choice_tokens(choice) for choice in choices)
    model = options.get("model") if isinstance(options.get("model"), str) else default_model
    prompt_tokens = count_prompt_tokens(options.get("messages") or [])
    return Completion(f"chatcmpl-{digest[:24]}", CREATED, str(model), choices, prompt_tokens, completion_tokens)


def count_prompt_tokens(messages: Sequence[Any]) -> int:
    """Word-ish tokens of every message text plus 3 per message (role and separators)."""
    texts = [message_text(message.get("content")) for message in messages if isinstance(message, dict)]
    return sum(count_tokens(text) + 3 for text in texts)


def _generate_choice(options: Mapping[str, Any], index: int, digest: str) -> GeneratedChoice:
    messages = [message for message in options.get("messages") or [] if isinstance(message, dict)]
    user = last_user_message(messages)
    question = message_text(user.get("content")) if user else ""
    if wants_tool_call(options):
        function = choose_tool(options["tools"], options.get("tool_choice"), question)
        name = str(function.get("name", "function"))
        call_id = "call_" + hashlib.sha256(f"{digest}:{index}".encode()).hexdigest()[:24]
        call = ToolCall(call_id, name, build_arguments(function, question))
        return GeneratedChoice(index, "", (call,), "tool_calls")
    text = _formatted_answer(options, messages, question, index)
    content, finish_reason = apply_limits(text, _max_tokens(options), _stop_sequences(options))
    return GeneratedChoice(index, content, (), finish_reason)


def _formatted_answer(
    options: Mapping[str, Any], messages: Sequence[Mapping[str, Any]], question: str, index: int
) -> str:
    answer = compose_answer(messages)
    if index > 0:
        answer = f"{answer} (Alternative answer {index + 1}.)"
    response_format = options.get("response_format")
    kind = response_format.get("type") if isinstance(response_format, dict) else None
    if kind == "json_object":
        return json.dumps({"answer": answer})
    if kind == "json_schema":
        definition = response_format.get("json_schema") if isinstance(response_format, dict) else None
        schema = definition.get("schema") if isinstance(definition, dict) else None
        return json.dumps(value_for_schema(schema or {"type": "object"}, StringSupply(question)))
    return answer


def _max_tokens(options: Mapping[str, Any]) -> Optional[int]:
    value = options.get("max_tokens")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _stop_sequences(options: Mapping[str, Any]) -> List[str]:
    stop = options.get("stop")
    if isinstance(stop, str):
        return [stop]
    return [item for item in stop if isinstance(item, str)] if isinstance(stop, list) else []


def _choice_tokens(choice: GeneratedChoice) -> int:
    call_tokens = sum(count_tokens(call.name) + count_tokens(call.arguments) for call in choice.tool_calls)
    return count_tokens(choice.content) + call_tokens
