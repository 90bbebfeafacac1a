"""Accumulation of streamed chat completions updates into one ``ChatCompletions``, no I/O.

Per choice index: content and reasoning content are concatenated, the role and the finish reason
are kept, and tool calls are stitched by their ``index`` (falling back to their ``id``, then to the
last open call) with their arguments concatenated. ``id``, ``model`` and ``created`` come from the
first update that has them; usage comes from the update that carries it.
"""

from __future__ import annotations

from collections import abc
from typing import Any, Dict, List, Mapping, Optional, Tuple

from .. import models as _models
from .._model_base import deserialize, wire_data, wire_mapping

__all__ = ["ChatCompletionsAccumulator"]

_HEADER_KEYS = ("id", "created", "model")


class _ToolCallState:
    """What has been received for one tool call: its index, id, type, name and argument fragments."""

    def __init__(self, index: Optional[int], position: int) -> None:
        self.index = index
        self.position = position
        self.id = ""
        self.type = "function"
        self.name = ""
        self.arguments: List[str] = []

    def add(self, fragment: Mapping[str, Any]) -> None:
        call_id, call_type, function = fragment.get("id"), fragment.get("type"), fragment.get("function")
        if call_id:
            self.id = call_id
        if call_type:
            self.type = call_type
        if type(function) is not dict:  # pylint: disable=unidiomatic-typecheck
            function = wire_mapping(function)
        if function is not None:
            name, arguments = function.get("name"), function.get("arguments")
            if name:
                self.name = name
            if isinstance(arguments, str):
                self.arguments.append(arguments)

    def order(self) -> Tuple[int, int]:
        """Calls with an ``index`` in index order, then the others in arrival order."""
        return (0, self.index) if self.index is not None else (1, self.position)

    def as_wire(self) -> Dict[str, Any]:
        function = {"name": self.name, "arguments": "".join(self.arguments)}
        return {"id": self.id, "type": self.type, "function": function}


class _ChoiceState:
    """What has been received for one choice index."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.role: Optional[str] = None
        self.content: Optional[List[str]] = None
        self.reasoning: Optional[List[str]] = None
        self.finish_reason: Optional[str] = None
        self.tool_calls: List[_ToolCallState] = []
        self._by_index: Dict[int, _ToolCallState] = {}
        self._by_id: Dict[str, _ToolCallState] = {}

    def add(self, choice: Mapping[str, Any]) -> None:
        finish_reason, delta = choice.get("finish_reason"), choice.get("delta")
        if finish_reason:
            self.finish_reason = finish_reason
        if type(delta) is not dict:  # pylint: disable=unidiomatic-typecheck
            delta = wire_mapping(delta)
            if delta is None:
                return
        for key, value in delta.items():  # a delta has one or two of these keys: fewer lookups than a get() each
            if key == "content":
                if isinstance(value, str):
                    if self.content is None:
                        self.content = [value]
                    else:
                        self.content.append(value)
            elif key == "tool_calls":
                if isinstance(value, (list, tuple)):
                    for fragment in value:
                        self._add_tool_call(fragment)
            elif key == "role":
                if value:
                    self.role = value
            elif key == "reasoning_content" and isinstance(value, str):
                self.reasoning = _append(self.reasoning, value)

    def _add_tool_call(self, fragment: Any) -> None:
        if type(fragment) is not dict:  # pylint: disable=unidiomatic-typecheck
            fragment = wire_mapping(fragment)
            if fragment is None:
                return
        raw_index, call_id, function = fragment.get("index"), fragment.get("id"), fragment.get("function")
        # The usual fragment continues a call of a known index (as the general rules would find it) with
        # an arguments piece only: {"index": i, "function": {"arguments": "..."}}.
        call = self._by_index.get(raw_index) if type(raw_index) is int and not call_id else None  # pylint: disable=unidiomatic-typecheck
        if call is not None and len(fragment) == 2 and type(function) is dict and len(function) == 1:  # pylint: disable=unidiomatic-typecheck
            arguments = function.get("arguments")
            if type(arguments) is str:  # pylint: disable=unidiomatic-typecheck
                call.arguments.append(arguments)
                return
        (call or self._call_for(raw_index, call_id)).add(fragment)

    def _call_for(self, raw_index: Any, call_id: Any) -> _ToolCallState:
        """The call a fragment continues: same ``index``, else same ``id``, else (neither given) the last one;
        a new call when no rule finds one."""
        index = raw_index if isinstance(raw_index, int) else None
        call = self._by_index.get(index) if index is not None else None
        if call is None and call_id:
            call = self._by_id.get(call_id)
        if call is None and index is None and not call_id and self.tool_calls:
            call = self.tool_calls[-1]
        if call is None:
            call = _ToolCallState(index, len(self.tool_calls))
            self.tool_calls.append(call)
        if index is not None:
            self._by_index.setdefault(index, call)
        if call_id:
            self._by_id.setdefault(call_id, call)
        return call

    def as_wire(self) -> Dict[str, Any]:
        content = None if self.content is None else "".join(self.content)
        message: Dict[str, Any] = {"role": self.role or "assistant", "content": content}
        if self.reasoning is not None:
            message["reasoning_content"] = "".join(self.reasoning)
        if self.tool_calls:
            message["tool_calls"] = [call.as_wire() for call in sorted(self.tool_calls, key=_ToolCallState.order)]
        return {"index": self.index, "finish_reason": self.finish_reason, "message": message}


def _append(parts: Optional[List[str]], text: str) -> List[str]:
    if parts is None:
        return [text]
    parts.append(text)
    return parts


class ChatCompletionsAccumulator:
    """Builds the final ``ChatCompletions`` of a streamed chat completion from its updates (no I/O).

    ``StreamingChatCompletions.get_final_completion()`` uses it; use it directly when you iterate a
    stream yourself and also want the whole message at the end::

        accumulator = ChatCompletionsAccumulator()
        for update in client.complete(messages=messages, stream=True):
            accumulator.add(update)
            ...  # show the update
        completion = accumulator.result()

    ``updates`` counts the updates added so far; ``finished`` tells whether a choice received a
    ``finish_reason``.
    """

    def __init__(self) -> None:
        self._header: Dict[str, Any] = {}
        self._header_complete = False
        self._choices: Dict[int, _ChoiceState] = {}
        self._usage: Optional[Any] = None
        self.updates = 0

    def add(self, update: Mapping[str, Any]) -> None:
        """Add one update (a ``StreamingChatCompletionsUpdate`` or its wire dict).

        :param update: The update.
        :type update: ~azure.ai.inference.models.StreamingChatCompletionsUpdate or Mapping[str, Any]
        """
        self.updates += 1
        data: Mapping[str, Any] = update if type(update) is dict else wire_data(update)  # pylint: disable=unidiomatic-typecheck
        if not self._header_complete:
            self._add_header(data)
        usage, choices = data.get("usage"), data.get("choices")
        if usage and isinstance(usage, abc.Mapping):
            self._usage = usage
        if not isinstance(choices, (list, tuple)):
            return  # none, or not a list: nothing to add
        for choice in choices:
            if type(choice) is not dict:  # pylint: disable=unidiomatic-typecheck
                choice = wire_mapping(choice)
                if choice is None:
                    continue
            index = choice.get("index")
            state = self._choices.get(index) if type(index) is int else None  # pylint: disable=unidiomatic-typecheck
            (state or self._choice(index)).add(choice)

    @property
    def finished(self) -> bool:
        """Whether an update so far gave a choice a ``finish_reason``.

        :return: True once any choice has a finish reason.
        :rtype: bool
        """
        return any(state.finish_reason for state in self._choices.values())

    def result(self) -> _models.ChatCompletions:
        """Return the completion built from the updates added so far (a new object on every call).

        A choice's ``message.content`` is ``None`` when no update carried content for it, and its
        ``message.role`` is ``"assistant"`` when no update carried a role.

        :return: The accumulated completion; choices are ordered by index.
        :rtype: ~azure.ai.inference.models.ChatCompletions
        """
        data: Dict[str, Any] = {"id": None, "object": "chat.completion", "created": None, "model": None}
        data.update(self._header)  # the key order of a non-streamed completion
        data = {key: value for key, value in data.items() if value is not None}
        data["choices"] = [self._choices[index].as_wire() for index in sorted(self._choices)]
        if self._usage is not None:
            data["usage"] = _plain(self._usage)
        return deserialize(_models.ChatCompletions, data)

    def _add_header(self, data: Mapping[str, Any]) -> None:
        for key in _HEADER_KEYS:
            if key not in self._header and data.get(key):
                self._header[key] = data[key]
        self._header_complete = len(self._header) == len(_HEADER_KEYS)

    def _choice(self, index: Any) -> _ChoiceState:
        index = index if isinstance(index, int) else 0
        state = self._choices.get(index)
        if state is None:
            state = self._choices[index] = _ChoiceState(index)
        return state


def _plain(value: Any) -> Any:
    return value.as_dict() if hasattr(value, "as_dict") else dict(value)
