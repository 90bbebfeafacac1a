"""Deterministic text answers of the emulated chat model (pure functions of the messages)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])")
_WORD = re.compile(r"[a-z0-9]+")
_ARITHMETIC = re.compile(r"(-?\d+)\s*([-+*/x×])\s*(-?\d+)")

GREETING = "Hello! How can I help you today?"

# (keywords that must all appear in the question, answer)
CANNED_ANSWERS: Tuple[Tuple[Tuple[str, ...], str], ...] = (
    (("capital", "france"), "The capital of France is Paris."),
    (("capital", "germany"), "The capital of Germany is Berlin."),
    (("capital", "japan"), "The capital of Japan is Tokyo."),
    (("feet", "mile"), "There are 5,280 feet in a mile."),
    (("yards", "mile"), "There are 1,760 yards in a mile."),
    (("reasons", "exercise"), "Here are three good reasons to exercise every day: 1. It strengthens your "
     "heart and muscles. 2. It lifts your mood and lowers stress. 3. It helps you sleep better."),
    (("how", "are", "you"), "I'm doing well, thank you for asking! How can I help you today?"),
    (("joke",), "Why do programmers prefer dark mode? Because light attracts bugs."),
    (("hello",), GREETING),
    (("hi",), GREETING),
)  # fmt: skip


def split_tokens(text: str) -> List[str]:
    """Word-ish tokens, each with its leading whitespace, so ``"".join`` restores the text."""
    return _TOKEN.findall(text)


def count_tokens(text: str) -> int:
    """The number of word-ish tokens in ``text`` (words and punctuation marks)."""
    return len(split_tokens(text))


def message_text(content: Any) -> str:
    """The text of a message ``content``: a string, or the text items of a content list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = [item.get("text", "") for item in content if isinstance(item, dict) and item.get("type") == "text"]
        return " ".join(text for text in texts if isinstance(text, str))
    return ""


def last_user_message(messages: Sequence[Mapping[str, Any]]) -> Optional[Mapping[str, Any]]:
    """The last message with role ``user``, if any."""
    return next((message for message in reversed(messages) if message.get("role") == "user"), None)


def compose_answer(messages: Sequence[Mapping[str, Any]]) -> str:
    """The model's text answer to a conversation.

    After a tool message the answer reports the tool result; otherwise it answers the last user message
    (canned answers for a few common questions, simple arithmetic, else a reply quoting the question),
    prefixed by an acknowledgement of any image or audio items in that message.
    """
    if messages and messages[-1].get("role") == "tool":
        return _tool_result_answer(messages)
    user = last_user_message(messages)
    if user is None:
        return GREETING
    question = message_text(user.get("content")).strip()
    media = _acknowledge_media(user.get("content"))
    answer = answer_question(question) if question or not media else ""
    return " ".join(part for part in (media, answer) if part)


def answer_question(question: str) -> str:
    """A believable answer to one question."""
    words = set(_WORD.findall(question.lower()))
    for keywords, answer in CANNED_ANSWERS:
        if all(keyword in words for keyword in keywords):
            return answer
    arithmetic = _ARITHMETIC.search(question)
    if arithmetic:
        return _arithmetic_answer(*arithmetic.groups())
    if not question:
        return GREETING
    return f'You asked: "{question}". Here is my answer: this is a deterministic reply from the service emulator.'


def _arithmetic_answer(left: str, operator: str, right: str) -> str:
    a, b = int(left), int(right)
    results = {"+": a + b, "-": a - b, "*": a * b, "x": a * b, "×": a * b}
    if operator == "/":
        return f"{a} / {b} is undefined." if b == 0 else f"{a} / {b} = {a / b:g}."
    return f"{a} {operator} {b} = {results[operator]}."


def _acknowledge_media(content: Any) -> str:
    listed = content if isinstance(content, list) else []
    items: List[Dict[str, Any]] = [item for item in listed if isinstance(item, dict)]
    images = sum(1 for item in items if item.get("type") == "image_url")
    audios = sum(1 for item in items if item.get("type") in ("input_audio", "audio_url"))
    parts = []
    if images:
        parts.append("I see an image in your message." if images == 1 else f"I see {images} images in your message.")
    if audios:
        clips = "an audio clip" if audios == 1 else f"{audios} audio clips"
        parts.append(f"I hear {clips} in your message.")
    return " ".join(parts)


def _tool_result_answer(messages: Sequence[Mapping[str, Any]]) -> str:
    tool_message = messages[-1]
    result = message_text(tool_message.get("content")).strip() or "no result"
    name = _tool_name_for(messages, tool_message.get("tool_call_id"))
    source = f"the {name} tool" if name else "the tool"
    return f"According to {source}, the result is: {result}"


def _tool_name_for(messages: Sequence[Mapping[str, Any]], call_id: Any) -> Optional[str]:
    for message in reversed(messages):
        for call in message.get("tool_calls") or ():
            if isinstance(call, dict) and call.get("id") == call_id:
                function = call.get("function") or {}
                return str(function.get("name")) if function.get("name") else None
    return None


def apply_limits(text: str, max_tokens: Optional[int], stop: Sequence[str]) -> Tuple[str, str]:
    """Cut ``text`` at the first ``stop`` sequence and to ``max_tokens`` tokens.

    :return: The text and its finish reason (``"stop"``, or ``"length"`` when ``max_tokens`` cut it).
    """
    cuts = [text.find(sequence) for sequence in stop if sequence and sequence in text]
    if cuts:
        text = text[: min(cuts)]
    tokens = split_tokens(text)
    if max_tokens is not None and len(tokens) > max_tokens:
        return "".join(tokens[:max_tokens]), "length"
    return text, "stop"
