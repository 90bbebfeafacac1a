"""Whether the emulated chat model calls a tool, which one, and with which arguments."""

from __future__ import annotations

import json
import re
from typing import Any, Dict, Mapping, Optional, Sequence

from .json_values import StringSupply, value_for_schema

_WORD = re.compile(r"[A-Za-z][a-z]*|\d+")
_STOP_WORDS = frozenset(
    "a an and are be by can do does for from get give how i in is it me my of on or please set "
    "tell that the this to was what whats when where which who why will with you your".split()
)


def wants_tool_call(options: Mapping[str, Any]) -> bool:
    """True when the answer is a tool call.

    That is when ``tools`` are given, ``tool_choice`` is not ``"none"``, and either the last message
    is a user message or ``tool_choice`` forces a call (``"required"`` or a named function).
    """
    tools = options.get("tools")
    choice = options.get("tool_choice")
    if not isinstance(tools, list) or not tools or choice == "none":
        return False
    messages = options.get("messages") or []
    last_is_user = bool(messages) and isinstance(messages[-1], dict) and messages[-1].get("role") == "user"
    return last_is_user or choice == "required" or isinstance(choice, dict)


def choose_tool(tools: Sequence[Any], tool_choice: Any, question: str) -> Dict[str, Any]:
    """The function definition to call: the named one, else the best match for the question.

    The best match is the first tool whose name or description shares a (non stop-) word with the
    question, else the first tool. A named function that is not among the tools is called anyway.
    """
    functions = [tool.get("function") or {} for tool in tools if isinstance(tool, dict)]
    named = _named_function(tool_choice)
    if named is not None:
        return next((f for f in functions if f.get("name") == named), {"name": named})
    question_words = _words(question)
    for function in functions:
        if question_words & _words(f"{function.get('name', '')} {function.get('description', '')}"):
            return function
    return functions[0] if functions else {"name": "function"}


def build_arguments(function: Mapping[str, Any], question: str) -> str:
    """The JSON arguments text for calling ``function``, built from its ``parameters`` schema.

    Required properties only (all when none is required); strings are taken from the question
    (capitalised words such as a city name, then numbers), numbers are 1, booleans ``true``, enums
    their first value.
    """
    schema = function.get("parameters")
    if not isinstance(schema, dict):
        return "{}"
    value = value_for_schema(schema, StringSupply(question), include_optional=False)
    return json.dumps(value if isinstance(value, dict) else {})


def _named_function(tool_choice: Any) -> Optional[str]:
    if not isinstance(tool_choice, dict):
        return None
    function = tool_choice.get("function")
    name = function.get("name") if isinstance(function, dict) else None
    return str(name) if name else None


def _words(text: str) -> set[str]:
    """Lower-cased words of ``text``; ``snake_case`` and ``camelCase`` names are split."""
    spaced = text.replace("_", " ").replace("-", " ")
    return {word.lower() for word in _WORD.findall(spaced)} - _STOP_WORDS

