"""Chat completions stream decoding: SSE events to ``StreamingChatCompletionsUpdate`` objects, no I/O.

Rules: ``[DONE]`` ends the stream; an event whose JSON has a top-level ``error`` object raises the
service's error; events with empty ``choices`` and no ``usage`` are skipped; a stream that ends
without ``[DONE]`` is complete only if a choice received a ``finish_reason``. An error found while
decoding a chunk is raised on the next call, after the updates decoded before it were delivered.
"""

from __future__ import annotations

import json
from typing import Any, List, Optional

from .. import models as _models
from .._model_base import deserialize
from .sse import ServerSentEvent, SSEDecoder
from .errors import malformed_event_error, stream_error_event, truncated_stream_error

__all__ = ["ChatStreamDecoder"]

_DONE = "[DONE]"


class ChatStreamDecoder:
    """Incremental decoder: ``feed(bytes) -> updates``; ``flush()`` at end of body; ``done`` after ``[DONE]``."""

    def __init__(self) -> None:
        self._sse = SSEDecoder()
        self._deferred: Optional[Exception] = None
        self._finished = False
        self._seen_events = False
        self.done = False

    def feed(self, chunk: bytes) -> List[_models.StreamingChatCompletionsUpdate]:
        """Decode the next chunk of the response body.

        :param chunk: Bytes as received from the network.
        :type chunk: bytes
        :return: The updates completed by this chunk.
        :rtype: list[~azure.ai.inference.models.StreamingChatCompletionsUpdate]
        :raises ~azure.core.exceptions.HttpResponseError: For an error event or malformed event data.
        """
        self._raise_deferred()
        if self.done:
            return []
        return self._updates(self._sse.feed(chunk), at_end=False)

    def flush(self) -> List[_models.StreamingChatCompletionsUpdate]:
        """Finish decoding at the end of the response body.

        Call it again until ``done`` is True: an error found here is raised by the next call when
        updates were decoded before it.

        :return: The last updates, if the body ended without a blank line after them.
        :rtype: list[~azure.ai.inference.models.StreamingChatCompletionsUpdate]
        :raises ~azure.core.exceptions.IncompleteReadError: If the stream ended before the service finished it.
        """
        self._raise_deferred()
        if self.done:
            return []
        updates = self._updates(self._sse.flush(), at_end=True)
        if self._deferred is None and not self.done and not self._finished:
            detail = "the connection closed before the final event" if self._seen_events else "no event was received"
            self._deferred = truncated_stream_error(detail + " (no [DONE] and no finish_reason)")
        if self._deferred is None:
            self.done = True
        elif not updates:
            self._raise_deferred()
        return updates

    def _raise_deferred(self) -> None:
        if self._deferred is not None:
            error, self._deferred = self._deferred, None
            self.done = True
            raise error

    def _updates(self, events: List[ServerSentEvent], at_end: bool) -> List[_models.StreamingChatCompletionsUpdate]:
        updates: List[_models.StreamingChatCompletionsUpdate] = []
        for event in events:
            self._seen_events = True
            if event.data == _DONE:
                self.done = True
                break
            try:
                update = self._parse(event.data, at_end)
            except Exception as error:  # pylint: disable=broad-except
                self._deferred = error
                break
            if update is not None:
                updates.append(update)
        return updates

    def _parse(self, data: str, at_end: bool) -> Optional[_models.StreamingChatCompletionsUpdate]:
        try:
            payload: Any = json.loads(data)
        except ValueError as error:
            if at_end and self._sse.truncated:
                raise truncated_stream_error("the last event was cut off") from error
            raise malformed_event_error(data, error) from error
        if not isinstance(payload, dict):
            raise malformed_event_error(data, TypeError("expected a JSON object"))
        if payload.get("error") is not None:
            raise stream_error_event(payload)
        choices = payload.get("choices")
        if choices and not self._finished:
            self._finished = any(isinstance(c, dict) and c.get("finish_reason") for c in choices)
        if not choices and not payload.get("usage"):
            return None
        return deserialize(_models.StreamingChatCompletionsUpdate, payload)
