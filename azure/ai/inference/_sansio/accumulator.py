"""Accumulation of streamed chat completions updates into one ``ChatCompletions``, no I/O.

The rule (also in the docstring of ``get_final_completion()``), per field of the events:

* text streamed in fragments is concatenated: a choice's ``delta.content``, ``reasoning_content``,
  ``reasoning`` and ``refusal``, a tool call's ``function.arguments``, the ``text`` and ``summary`` of
  a ``reasoning_details`` item;
* list items that carry an integer ``index`` are merged with the item of the same index (tool calls:
  by ``index``, else by ``id``, else into the last call); other list items are appended;
* objects are merged key by key with these rules; any other value is the last non-null one (a field
  that was null in every event is left out);
* ``id``, ``created`` and ``model`` come from the first event that has a non-empty one, ``usage`` is the
  last one received, ``object`` is ``"chat.completion"``; a choice's ``role`` is the last non-empty
  one (``"assistant"`` if none), its ``content`` ``None`` when no event carried content.
"""

from __future__ import annotations

from collections import abc
from typing import Any, Dict, List, Mapping, Optional, Tuple

from .. import models as _models
from .._model_base import deserialize, wire_data, wire_mapping
from .field_merge import OtherFields, merge_fields, owned

__all__ = ["ChatCompletionsAccumulator"]

_HEADER_KEYS = ("id", "created", "model")
# Top-level keys with a rule of their own; any other key of an event is merged into the extras.
_OWN_KEYS = frozenset(("id", "created", "model", "object", "choices", "usage"))
_TOOL_CALL_KEYS = frozenset(("index", "id", "type", "function"))
_FUNCTION_KEYS = frozenset(("name", "arguments"))
_DELTA_TEXTS = frozenset(("reasoning_content", "reasoning", "refusal"))
# Fields of the delta that are lists of items whose strings under these keys are text fragments.
_MESSAGE_ITEM_TEXTS = {"reasoning_details": frozenset(("text", "summary"))}


class _ToolCallState:
    """What has been received for one tool call: its index, id, type, name and argument fragments."""

    def __init__(self, index: Optional[int], position: int) -> None:
        self.index = index
        self.position = position
        self.id = ""
        self.type = "function"
        self.name = ""
        self.arguments: List[str] = []
        self.extras: Dict[str, Any] = {}
        self.function_extras: Dict[str, Any] = {}

    def add(self, fragment: Mapping[str, Any]) -> None:
        call_id, call_type, function = fragment.get("id"), fragment.get("type"), fragment.get("function")
        if call_id:
            self.id = call_id
        if call_type:
            self.type = call_type
        if not fragment.keys() <= _TOOL_CALL_KEYS:
            merge_fields(self.extras, {key: fragment[key] for key in fragment if key not in _TOOL_CALL_KEYS})
        if type(function) is not dict:  # pylint: disable=unidiomatic-typecheck
            function = wire_mapping(function)
        if function is not None:
            self._add_function(function)

    def _add_function(self, function: Mapping[str, Any]) -> None:
        name, arguments = function.get("name"), function.get("arguments")
        if name:
            self.name = name
        if isinstance(arguments, str):
            self.arguments.append(arguments)
        if not function.keys() <= _FUNCTION_KEYS:
            merge_fields(self.function_extras, {key: function[key] for key in function if key not in _FUNCTION_KEYS})

    def order(self) -> Tuple[int, int]:
        """Calls with an ``index`` in index order, then the others in arrival order."""
        return (0, self.index) if self.index is not None else (1, self.position)

    def as_wire(self) -> Dict[str, Any]:
        function = {"name": self.name, "arguments": "".join(self.arguments), **owned(self.function_extras)}
        return {"id": self.id, "type": self.type, "function": function, **owned(self.extras)}


class _ChoiceState:
    """What has been received for one choice index."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.role: Optional[str] = None
        self.content: Optional[List[str]] = None
        self.texts: Dict[str, List[str]] = {}  # reasoning_content, reasoning, refusal: their fragments
        self.finish_reason: Optional[str] = None
        self.tool_calls: List[_ToolCallState] = []
        self.message_extras = OtherFields(_MESSAGE_ITEM_TEXTS)  # any other field of the deltas
        self.extras = OtherFields()  # any other field of the choice: logprobs, content_filter_results, ...
        self._by_index: Dict[int, _ToolCallState] = {}
        self._by_id: Dict[str, _ToolCallState] = {}

    def add(self, choice: Mapping[str, Any]) -> None:
        delta = None
        for key, value in choice.items():  # one pass: fewer lookups than a get() for each known key
            if key == "delta":
                delta = value
            elif key == "finish_reason":
                if value is not None:
                    self.finish_reason = value
            elif key != "index" and value is not None:
                self.extras.add(key, value)  # logprobs, content_filter_results, ...
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
            elif value is not None:
                self._add_other(key, value)

    def _add_other(self, key: str, value: Any) -> None:
        """A delta field other than content, tool calls and role."""
        if key in _DELTA_TEXTS:
            if isinstance(value, str):
                self.texts.setdefault(key, []).append(value)
        else:
            self.message_extras.add(key, value)

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
        for key, parts in self.texts.items():
            message[key] = "".join(parts)
        if self.tool_calls:
            message["tool_calls"] = [call.as_wire() for call in sorted(self.tool_calls, key=_ToolCallState.order)]
        message.update(self.message_extras.snapshot())
        choice = {"index": self.index, "finish_reason": self.finish_reason, "message": message}
        choice.update(self.extras.snapshot())
        return choice


class ChatCompletionsAccumulator:
    """Builds the final ``ChatCompletions`` of a streamed chat completion from its updates (no I/O).

    ``StreamingChatCompletions.get_final_completion()`` uses it; use it directly when you iterate a
    stream yourself and also want the whole message at the end::

        accumulator = ChatCompletionsAccumulator()
        for update in client.complete(messages=messages, stream=True):
            accumulator.add(update)
            ...  # show the update
        completion = accumulator.result()

    Every field of the updates is kept, by the rule of ``get_final_completion()``: text fragments
    (``content``, ``reasoning_content``, ``reasoning``, ``refusal``, tool-call ``arguments``)
    concatenated, list items with an ``index`` (tool calls, ``reasoning_details``) merged by index,
    objects merged key by key, any other field the last non-null value. An accumulator you feed
    yourself sees only the updates you give it: the events a stream does not yield (such as Azure
    OpenAI's first event, which carries only ``prompt_filter_results``) reach only
    ``get_final_completion()``.

    ``updates`` counts the updates added so far; ``finished`` tells whether a choice received a
    ``finish_reason``.
    """

    def __init__(self) -> None:
        self._header: Dict[str, Any] = {}
        self._header_complete = False
        self._choices: Dict[int, _ChoiceState] = {}
        self._usage: Optional[Any] = None
        self._extras = OtherFields()
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
        if not data.keys() <= _OWN_KEYS:
            self._add_extras(data)
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
        data.update(self._extras.snapshot())
        data["choices"] = [self._choices[index].as_wire() for index in sorted(self._choices)]
        if self._usage is not None:
            data["usage"] = owned(self._usage)
        return deserialize(_models.ChatCompletions, data)

    def _add_extras(self, data: Mapping[str, Any]) -> None:
        extras = self._extras
        for key, value in data.items():
            if value is None or key in _OWN_KEYS:
                continue
            if type(value) is str:  # pylint: disable=unidiomatic-typecheck
                extras.values[key] = value  # the usual extra, inline: system_fingerprint, service_tier, ...
            else:
                extras.add(key, value)  # prompt_filter_results, x_groq, ...

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
