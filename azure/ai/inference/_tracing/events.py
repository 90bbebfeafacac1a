"""Pure: the span events of the 1.0.0b9 conventions (``gen_ai.<role>.message``, ``gen_ai.choice``).

Every payload is a JSON string with the default separators of ``json.dumps`` and readable non-ASCII
text. With content recording off, no request message event exists and choice events keep only the
finish reason, the index and the tool calls' ``id``/``type`` (and any other key the service sent
besides the function's ``name`` and ``arguments``).
"""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .attributes import finish_reason_text, plain

__all__ = ["EventClock", "choice_payloads", "request_message_events", "streamed_choice_payloads", "to_json"]

CHOICE_EVENT = "gen_ai.choice"
_MIN_SPACING_NS = 1000


def to_json(payload: Any) -> str:
    """Serialise an event payload: ``json.dumps`` separators, non-ASCII text kept readable.

    :param payload: Plain JSON-compatible data (anything else is written as its ``str``).
    :type payload: Any
    :return: The JSON text.
    :rtype: str
    """
    return json.dumps(payload, ensure_ascii=False, default=str)


def request_message_events(messages: Optional[Sequence[Any]]) -> List[Tuple[str, Dict[str, Any]]]:
    """One ``gen_ai.<role>.message`` event per message that has a role, in order.

    :param messages: The ``messages`` keyword of the call (models or dicts), or None.
    :type messages: Sequence[Any] or None
    :return: ``(event name, payload)`` pairs; the payload is the whole wire dict of the message.
    :rtype: list[tuple[str, dict[str, Any]]]
    """
    events = []
    for message in messages or ():
        payload = plain(message)
        if isinstance(payload, dict) and payload.get("role"):
            role = getattr(payload["role"], "value", payload["role"])
            events.append((f"gen_ai.{role}.message", payload))
    return events


def choice_payloads(completion: Mapping[str, Any], recording: bool) -> List[Dict[str, Any]]:
    """The ``gen_ai.choice`` payloads of a received (non-streamed) completion, one per choice.

    :param completion: The completion's plain wire dict.
    :type completion: Mapping[str, Any]
    :param recording: Whether content recording is on.
    :type recording: bool
    :return: The payloads, in choice order.
    :rtype: list[dict[str, Any]]
    """
    return [_choice_payload(choice, recording) for choice in completion.get("choices") or ()]


def _choice_payload(choice: Mapping[str, Any], recording: bool) -> Dict[str, Any]:
    message = choice.get("message") or {}
    tool_calls = message.get("tool_calls") or []
    reason, index = finish_reason_text(choice.get("finish_reason")), choice.get("index")
    if recording:
        recorded: Dict[str, Any] = {"content": message.get("content")}
        if tool_calls:
            recorded["tool_calls"] = tool_calls
        return {"message": recorded, "finish_reason": reason, "index": index}
    payload: Dict[str, Any] = {"finish_reason": reason, "index": index}
    if tool_calls:
        payload["message"] = {"tool_calls": redacted_tool_calls(tool_calls)}
    return payload


def streamed_choice_payloads(completion: Mapping[str, Any], recording: bool, completed: bool) -> List[Dict[str, Any]]:
    """The ``gen_ai.choice`` payloads of an accumulated stream, one per choice (at least one).

    A choice without a finish reason gets ``"error"`` when the stream did not complete. Content is
    redacted whenever recording is off, however the stream ended.

    :param completion: The accumulated completion's plain wire dict.
    :type completion: Mapping[str, Any]
    :param recording: Whether content recording is on.
    :type recording: bool
    :param completed: Whether the consumer reached the end of the stream.
    :type completed: bool
    :return: The payloads, in choice order.
    :rtype: list[dict[str, Any]]
    """
    choices = completion.get("choices") or [{"index": 0}]
    return [_streamed_choice_payload(choice, recording, completed) for choice in choices]


def _streamed_choice_payload(choice: Mapping[str, Any], recording: bool, completed: bool) -> Dict[str, Any]:
    received = choice.get("message") or {}
    message: Dict[str, Any] = {}
    if recording and received.get("content"):
        message["content"] = received["content"]
    if received.get("tool_calls"):
        tool_calls = received["tool_calls"]
        message["tool_calls"] = tool_calls if recording else redacted_tool_calls(tool_calls)
    payload: Dict[str, Any] = {"message": message} if message else {}
    reason = choice.get("finish_reason")
    if reason is not None or not completed:
        payload["finish_reason"] = finish_reason_text(reason) if reason is not None else "error"
    payload["index"] = choice.get("index", 0)
    return payload


def redacted_tool_calls(tool_calls: Sequence[Any]) -> List[Any]:
    """Copies of tool calls without the function's ``name`` and ``arguments`` (and without an emptied ``function``).

    :param tool_calls: Tool calls as plain wire dicts.
    :type tool_calls: Sequence[Any]
    :return: The redacted copies.
    :rtype: list[Any]
    """
    redacted = []
    for tool_call in tool_calls:
        call = copy.deepcopy(plain(tool_call))
        function = call.get("function") if isinstance(call, dict) else None
        if isinstance(function, dict):
            function.pop("name", None)
            function.pop("arguments", None)
            if not function:
                del call["function"]
        redacted.append(call)
    return redacted


class EventClock:
    """Event timestamps of one span, strictly increasing and at least 1 microsecond apart.

    Backends that order events by time then keep the order in which they were added.
    """

    def __init__(self) -> None:
        self._last = 0

    def next(self, now_ns: int) -> int:
        """Return the timestamp for an event added at ``now_ns``.

        :param now_ns: The wall clock in nanoseconds.
        :type now_ns: int
        :return: ``now_ns``, or 1000 ns after the previous event when that is later.
        :rtype: int
        """
        if self._last > 0 and now_ns <= self._last + _MIN_SPACING_NS:
            now_ns = self._last + _MIN_SPACING_NS
        self._last = now_ns
        return now_ns
