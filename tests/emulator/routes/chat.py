"""``POST /chat/completions``: validation and the non-streaming JSON response."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

from ..generation import Completion, GeneratedChoice, generate_completion
from ..recorder import RecordedRequest
from ..script import Reply
from ..routing import ApiStyle
from ..validation import CHAT_PARAMETERS, OPENAI_CHAT_PARAMETERS, check_integer, read_options, reject_unless
from . import errors
from .streaming import stream_completion

MESSAGE_ROLES = ("system", "developer", "user", "assistant", "tool")


def complete_chat(request: RecordedRequest, model_name: str, style: ApiStyle = ApiStyle.MODEL_INFERENCE) -> Reply:
    """Answer a chat completions request: JSON, or SSE when the body has ``"stream": true``.

    Azure OpenAI and OpenAI-style routes also know the OpenAI-only body parameters
    (``max_completion_tokens``, ``reasoning_effort``, ...); the Model Inference routes reject them
    (422) unless the request says ``extra-parameters: pass-through``.
    """
    known = CHAT_PARAMETERS if style is ApiStyle.MODEL_INFERENCE else OPENAI_CHAT_PARAMETERS
    options = read_options(request, known, required="messages")
    check_chat_options(options)
    refusal = _triggered_refusal(options, style)
    if refusal is not None:
        return refusal
    completion = generate_completion(options, default_model=model_name, fingerprint=request.body)
    if options.get("stream") is True:
        return stream_completion(completion)
    return Reply(json=completion_json(completion))


def _triggered_refusal(options: Dict[str, Any], style: ApiStyle) -> Optional[Reply]:
    """The content-filter or context-length error asked for by a trigger text in the messages, if any."""
    text = json.dumps(options["messages"])
    if errors.CONTENT_FILTER_TRIGGER in text:
        if style is ApiStyle.MODEL_INFERENCE:
            return errors.content_filter_model_inference()
        return errors.content_filter_azure_openai()
    if errors.CONTEXT_LENGTH_TRIGGER in text:
        return errors.context_length_exceeded(128001)
    return None


def check_chat_options(options: Dict[str, Any]) -> None:
    """422 for malformed ``messages``, ``max_tokens``, ``n``, ``stop`` or ``response_format``."""
    messages = options["messages"]
    reject_unless(isinstance(messages, list) and bool(messages), ["messages"], "Input should be a non-empty list")
    for position, message in enumerate(messages):
        role = message.get("role") if isinstance(message, dict) else None
        reject_unless(role in MESSAGE_ROLES, ["messages", position, "role"], f"Input should be one of {MESSAGE_ROLES}")
    check_integer(options, "max_tokens", 0)
    check_integer(options, "n", 1)
    stop = options.get("stop")
    reject_unless(stop is None or isinstance(stop, (str, list)), ["stop"], "Input should be a list of strings")
    response_format = options.get("response_format")
    reject_unless(
        response_format is None or isinstance(response_format, dict) and "type" in response_format,
        ["response_format"],
        "Input should be an object with a 'type'",
    )


def completion_json(completion: Completion) -> Dict[str, Any]:
    """The ``ChatCompletions`` JSON object, keys in the real service's order."""
    return {
        "id": completion.id,
        "object": "chat.completion",
        "created": completion.created,
        "model": completion.model,
        "choices": [_choice_json(choice) for choice in completion.choices],
        "usage": completion.usage,
    }


def _choice_json(choice: GeneratedChoice) -> Dict[str, Any]:
    tool_calls: Any = [tool_call_json(call) for call in choice.tool_calls] or None
    message = {"role": "assistant", "content": choice.content, "tool_calls": tool_calls}
    return {"index": choice.index, "finish_reason": choice.finish_reason, "message": message}


def tool_call_json(call: Any) -> Dict[str, Any]:
    """One ``ChatCompletionsToolCall`` object."""
    return {"id": call.id, "type": "function", "function": {"name": call.name, "arguments": call.arguments}}

