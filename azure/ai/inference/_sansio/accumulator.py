"""Accumulation of streamed chat completions updates into one ``ChatCompletions``, no I/O.

Per choice index: content and reasoning content are concatenated, the role and the finish reason
are kept, and tool calls are stitched by their ``index`` (falling back to their ``id``, then to the
last open call) with their arguments concatenated. Usage comes from the update that carries it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional

from .. import models as _models
from .._model_base import deserialize, wire_data

__all__ = ["ChatCompletionsAccumulator"]


class _ChoiceState:
    """What has been received for one choice index."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.role: Optional[str] = None
        self.content: List[str] = []
        self.reasoning: List[str] = []
        self.finish_reason: Optional[str] = None
        self.tool_calls: List[Dict[str, Any]] = []
        self._by_index: Dict[int, Dict[str, Any]] = {}
        self._by_id: Dict[str, Dict[str, Any]] = {}

    def add(self, choice: Mapping[str, Any]) -> None:
        if choice.get("finish_reason"):
            self.finish_reason = choice["finish_reason"]
        delta = choice.get("delta")
        if not isinstance(delta, Mapping):
            return
        if delta.get("role"):
            self.role = delta["role"]
        if isinstance(delta.get("content"), str):
            self.content.append(delta["content"])
        if isinstance(delta.get("reasoning_content"), str):
            self.reasoning.append(delta["reasoning_content"])
        for fragment in delta.get("tool_calls") or ():
            if isinstance(fragment, Mapping):
                self._add_tool_call(fragment)

    def _add_tool_call(self, fragment: Mapping[str, Any]) -> None:
        call = self._call_for(fragment)
        if fragment.get("id"):
            call["id"] = fragment["id"]
        if fragment.get("type"):
            call["type"] = fragment["type"]
        function = fragment.get("function")
        if isinstance(function, Mapping):
            if function.get("name"):
                call["function"]["name"] = function["name"]
            if isinstance(function.get("arguments"), str):
                call["function"]["arguments"] += function["arguments"]

    def _call_for(self, fragment: Mapping[str, Any]) -> Dict[str, Any]:
        index, call_id = fragment.get("index"), fragment.get("id")
        call = self._by_index.get(index) if isinstance(index, int) else None
        if call is None and call_id:
            call = self._by_id.get(call_id)
        if call is None and not isinstance(index, int) and not call_id and self.tool_calls:
            call = self.tool_calls[-1]
        if call is None:
            call = {"id": "", "type": "function", "function": {"name": "", "arguments": ""}}
            self.tool_calls.append(call)
        if isinstance(index, int):
            self._by_index.setdefault(index, call)
        if call_id:
            self._by_id.setdefault(call_id, call)
        return call

    def as_wire(self) -> Dict[str, Any]:
        message: Dict[str, Any] = {"role": self.role or "assistant", "content": "".join(self.content) or None}
        if self.reasoning:
            message["reasoning_content"] = "".join(self.reasoning)
        if self.tool_calls:
            message["tool_calls"] = self.tool_calls
        return {"index": self.index, "finish_reason": self.finish_reason, "message": message}


class ChatCompletionsAccumulator:
    """Builds the final ``ChatCompletions`` of a streamed chat completion from its updates.

    Use it when you iterate a stream yourself::

        accumulator = ChatCompletionsAccumulator()
        for update in client.complete(messages=messages, stream=True):
            accumulator.add(update)
            ...
        completion = accumulator.result()
    """

    def __init__(self) -> None:
        self._header: Dict[str, Any] = {}
        self._choices: Dict[int, _ChoiceState] = {}
        self._usage: Optional[Any] = None
        self.updates = 0

    def add(self, update: Mapping[str, Any]) -> None:
        """Add one update (a ``StreamingChatCompletionsUpdate`` or its wire dict).

        :param update: The update.
        :type update: ~azure.ai.inference.models.StreamingChatCompletionsUpdate or Mapping[str, Any]
        """
        self.updates += 1
        data: Mapping[str, Any] = wire_data(update)
        for key in ("id", "created", "model"):
            if data.get(key) is not None and key not in self._header:
                self._header[key] = data[key]
        if data.get("usage"):
            self._usage = data["usage"]
        for choice in data.get("choices") or ():
            if isinstance(choice, Mapping):
                raw_index = choice.get("index")
                index = raw_index if isinstance(raw_index, int) else 0
                self._choices.setdefault(index, _ChoiceState(index)).add(wire_data(choice))

    def result(self) -> _models.ChatCompletions:
        """Return the completion built from the updates added so far.

        :return: The accumulated completion; choices are ordered by index.
        :rtype: ~azure.ai.inference.models.ChatCompletions
        """
        data: Dict[str, Any] = dict(self._header)
        data["object"] = "chat.completion"
        data["choices"] = [self._choices[index].as_wire() for index in sorted(self._choices)]
        if self._usage is not None:
            data["usage"] = _plain(self._usage)
        return deserialize(_models.ChatCompletions, data)


def _plain(value: Any) -> Any:
    return value.as_dict() if hasattr(value, "as_dict") else dict(value)
