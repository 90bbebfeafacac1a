"""Request body checks shared by the routes: JSON object, known parameters, ``extra-parameters``."""

from __future__ import annotations

import json
from typing import Any, Collection, Dict, Iterable, List, Optional

from .recorder import RecordedRequest
from .routes.errors import ServiceError, bad_request, detail, extra_inputs, invalid_input

# Body parameters defined by the REST API: the union of the ChatCompletionsOptions /
# EmbeddingsOptions / ImageEmbeddingsOptions properties of openapi 2024-05-01-preview and 2025-05-01.
CHAT_PARAMETERS = frozenset(
    {
        "messages", "frequency_penalty", "stream", "presence_penalty", "temperature", "top_p",
        "max_tokens", "response_format", "stop", "tools", "tool_choice", "seed", "model",
        "modalities", "user_security_context",
    }
)  # fmt: skip
# What Azure OpenAI and OpenAI-style (``/v1``) routes also accept in a chat body.
OPENAI_CHAT_PARAMETERS = CHAT_PARAMETERS | frozenset(
    {
        "max_completion_tokens", "reasoning_effort", "parallel_tool_calls", "stream_options", "n", "logprobs",
        "top_logprobs", "logit_bias", "user", "store", "metadata", "prediction", "audio",
    }
)  # fmt: skip
EMBEDDINGS_PARAMETERS = frozenset({"input", "dimensions", "encoding_format", "input_type", "model"})
IMAGE_EMBEDDINGS_PARAMETERS = EMBEDDINGS_PARAMETERS

PASS_THROUGH = "pass-through"
DROP = "drop"


def read_options(request: RecordedRequest, known: Collection[str], required: str) -> Dict[str, Any]:
    """Parse the body as a JSON object and apply the ``extra-parameters`` rule.

    Unknown parameters give 422 unless the header is ``pass-through`` (kept) or ``drop`` (removed).
    A missing ``required`` parameter gives 422.

    :raises ServiceError: With the 400/422 reply to send.
    """
    options = parse_json_object(request.body)
    extras = [name for name in options if name not in known]
    mode = (request.header("extra-parameters") or "error").strip().lower()
    if extras and mode == DROP:
        options = {name: value for name, value in options.items() if name in known}
    elif extras and mode != PASS_THROUGH:
        raise ServiceError(extra_inputs(extras))
    if required not in options:
        missing = [detail("missing", [required], "Field required")]
        raise ServiceError(invalid_input(missing, f"Field required: '{required}'"))
    return options


def parse_json_object(body: bytes) -> Dict[str, Any]:
    """Decode ``body`` as a JSON object; 400 otherwise."""
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ServiceError(bad_request(f"Request body is not valid JSON: {error}")) from error
    if not isinstance(value, dict):
        raise ServiceError(bad_request("Request body must be a JSON object."))
    return value


def reject_unless(condition: bool, location: List[Any], message: str, kind: str = "value_error") -> None:
    """Raise a one-detail 422 when ``condition`` is false."""
    if not condition:
        raise ServiceError(invalid_input([detail(kind, location, message)]))


def check_choice(options: Dict[str, Any], name: str, allowed: Iterable[Optional[str]]) -> None:
    """422 when ``options[name]`` is present and not one of ``allowed``."""
    value = options.get(name)
    choices = list(allowed)
    message = f"Input should be {' or '.join(repr(choice) for choice in choices if choice)}"
    reject_unless(value is None or value in choices, [name], message, "enum")


def check_integer(options: Dict[str, Any], name: str, minimum: int) -> None:
    """422 when ``options[name]`` is present and not an integer >= ``minimum``."""
    value = options.get(name)
    is_int = isinstance(value, int) and not isinstance(value, bool)
    valid = value is None or (is_int and value >= minimum)
    reject_unless(valid, [name], f"Input should be an integer greater than or equal to {minimum}")
