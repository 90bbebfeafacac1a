"""What chat (``complete``) and embeddings (``embed``) calls record: shared by the sync and async wrappers.

An operation starts a call's span with the request attributes (and request content when recorded),
then records the result; a chat stream is handed to a stream wrapper, which feeds a
``ChatStreamTrace`` with the updates and ends the span when the stream ends.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional, Sequence

from .. import models as _models
from .._sansio.accumulator import ChatCompletionsAccumulator
from .attributes import (
    chat_response_attributes,
    describe_call,
    embeddings_response_attributes,
    plain,
)
from .conventions import input_messages, output_messages
from .events import CHOICE_EVENT, choice_payloads, request_message_events, streamed_choice_payloads, to_json
from .spans import TracedCall, logged_failures, start_call
from .state import STATE

__all__ = ["CHAT", "EMBEDDINGS", "ChatStreamTrace", "Operation", "StreamAdopter"]

StreamAdopter = Callable[[Any, TracedCall], Optional[Any]]
"""Turns a returned stream into its traced twin, which takes over the span (None for anything else)."""


class Operation:
    """How one kind of call is traced: ``chat`` or ``embeddings``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def start(self, client: Any, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Optional[TracedCall]:
        """Start the span of a call when tracing is on, with its request attributes and content.

        :param client: The client the method was called on.
        :type client: Any
        :param args: The call's positional arguments (after ``self``).
        :type args: Sequence[Any]
        :param kwargs: The call's keyword arguments.
        :type kwargs: Mapping[str, Any]
        :return: The traced call, or None when the call is not traced.
        :rtype: TracedCall or None
        """
        if not STATE.instrumented:
            return None
        call = None
        with logged_failures():
            endpoint = str(getattr(getattr(client, "_config", None), "endpoint", ""))
            facts = describe_call(
                self.name, endpoint, args, kwargs, getattr(client, "_defaults", None), STATE.latest_conventions
            )
            call = start_call(facts)
            if call is not None and self.name == "chat" and STATE.content_recording:
                _record_request_content(call)
        return call

    def finish(self, call: TracedCall, result: Any, adopt_stream: StreamAdopter) -> Any:
        """Record the result of a call that returned; a chat stream is wrapped and takes over the span.

        :param call: The traced call.
        :type call: TracedCall
        :param result: What the original method returned.
        :type result: Any
        :param adopt_stream: Wraps a stream of the caller's flavor.
        :type adopt_stream: StreamAdopter
        :return: The result, or its traced stream.
        :rtype: Any
        """
        with logged_failures():
            stream = adopt_stream(result, call) if self.name == "chat" else None
            if stream is not None:
                call.handed_off = True
                return stream
            if isinstance(result, _models.ChatCompletions):
                _record_completion(call, plain(result), streamed=False, completed=True)
            elif isinstance(result, _models.EmbeddingsResult):
                call.set_attributes(embeddings_response_attributes(plain(result)))
        return result


CHAT = Operation("chat")
EMBEDDINGS = Operation("embeddings")


class ChatStreamTrace:
    """The span of a chat stream: accumulates the updates, records the outcome once, ends the span."""

    def __init__(self, call: TracedCall) -> None:
        self._call = call
        self._accumulator = ChatCompletionsAccumulator()

    def add(self, update: Any) -> None:
        """Accumulate one update the consumer received.

        :param update: The update.
        :type update: ~azure.ai.inference.models.StreamingChatCompletionsUpdate
        """
        with logged_failures():
            self._accumulator.add(update)

    def finish(self, completed: bool) -> None:
        """Record the accumulated response and end the span (only the first call does anything).

        :param completed: Whether the consumer reached the end of the stream.
        :type completed: bool
        """
        if self._call.ended:
            return
        try:
            with logged_failures():
                completion = plain(self._accumulator.result())
                _record_completion(self._call, completion, streamed=True, completed=completed)
        finally:
            self._call.end()

    def fail(self, error: BaseException) -> None:
        """Record an error raised while reading the stream, then finish it as incomplete.

        :param error: The exception.
        :type error: BaseException
        """
        if not self._call.ended:
            self._call.record_error(error)
            self.finish(completed=False)


def _record_request_content(call: TracedCall) -> None:
    if call.facts.latest:
        messages = input_messages(call.facts.sent_messages)
        call.set_attributes({"gen_ai.input.messages": to_json(messages) if messages else None})
        return
    for name, payload in request_message_events(call.facts.keyword_messages):
        call.add_event(name, payload)


def _record_completion(call: TracedCall, completion: Any, *, streamed: bool, completed: bool) -> None:
    """Response attributes (for a complete response) and, by mode, choice events or output messages."""
    if completed:
        call.set_attributes(chat_response_attributes(completion))
    recording = STATE.content_recording
    if call.facts.latest:
        messages = output_messages(completion, completed) if recording else []
        call.set_attributes({"gen_ai.output.messages": to_json(messages) if messages else None})
    elif streamed:
        for payload in streamed_choice_payloads(completion, recording, completed):
            call.add_event(CHOICE_EVENT, payload)
    else:
        for payload in choice_payloads(completion, recording):
            call.add_event(CHOICE_EVENT, payload)
