"""Server-sent events decoding per the HTML standard's event-stream rules: bytes in, events out, no I/O.

A chunk boundary may fall anywhere (inside a line, a CRLF pair or a multi-byte UTF-8 character)
without changing the events produced. Lines end with LF, CRLF or CR; lines starting with ``:`` are
comments; ``data:`` lines (with or without the space after the colon) accumulate, joined by ``\\n``,
until a blank line dispatches the event; ``event:``, ``id:`` and ``retry:`` are kept; other fields
are ignored. Invalid UTF-8 is replaced by U+FFFD, as the standard requires.
"""

from __future__ import annotations

import codecs
import re
from typing import List, NamedTuple, Optional

__all__ = ["SSEDecoder", "ServerSentEvent"]

_LINE_END = re.compile(r"\r\n|\r|\n")


class ServerSentEvent(NamedTuple):
    """One dispatched event: its data (lines joined by ``\\n``), type, last event id and retry hint."""

    data: str
    event: str = "message"
    id: Optional[str] = None
    retry: Optional[int] = None


class SSEDecoder:
    """Incremental event-stream decoder: ``feed(bytes) -> events``, then ``flush()`` at end of stream.

    ``truncated`` is True after ``flush()`` when the stream ended inside a line, inside an event (data
    received but no blank line) or inside a UTF-8 character. ``flush()`` still dispatches such a last
    event so that callers can decide how lenient to be.
    """

    def __init__(self) -> None:
        self._text = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._partial: List[str] = []
        self._skip_lf = False
        self._started = False
        self._data: List[str] = []
        self._event = ""
        self._last_id: Optional[str] = None
        self._retry: Optional[int] = None
        self.truncated = False

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        """Decode a chunk of bytes and return the events it completes.

        :param chunk: The next bytes of the stream.
        :type chunk: bytes
        :return: The events dispatched by this chunk, in order.
        :rtype: list[ServerSentEvent]
        """
        return self._feed_text(self._text.decode(chunk))

    def flush(self) -> List[ServerSentEvent]:
        """Signal the end of the stream and return any event still pending.

        :return: The last event, if data was pending.
        :rtype: list[ServerSentEvent]
        """
        if self._text.getstate()[0]:
            self.truncated = True
        events = self._feed_text(self._text.decode(b"", final=True))
        if self._partial:
            self.truncated = True
            line = "".join(self._partial)
            self._partial = []
            self._process_line(line)
        if self._data:
            self.truncated = True
            events.append(self._dispatch())
        return events

    def _feed_text(self, text: str) -> List[ServerSentEvent]:
        if self._skip_lf or not self._started:
            text = self._strip_leading(text)
        has_cr = "\r" in text
        if not has_cr and "\n" not in text:
            if text:  # no line ends here: keep the piece, join once the line is complete
                self._partial.append(text)
            return []
        if self._partial:
            self._partial.append(text)
            text = "".join(self._partial)
        lines = _LINE_END.split(text) if has_cr else text.split("\n")
        last = lines.pop()
        self._partial = [last] if last else []
        self._skip_lf = not last and text.endswith("\r")
        events: List[ServerSentEvent] = []
        for line in lines:
            if line:
                self._process_line(line)
            elif self._data:
                events.append(self._dispatch())
            else:
                self._event = ""
        return events

    def _strip_leading(self, text: str) -> str:
        """Drop a byte order mark at the start of the stream and the LF of a CRLF split across chunks."""
        if text and not self._started:
            self._started = True
            text = text[1:] if text.startswith("\ufeff") else text
        if text and self._skip_lf:
            self._skip_lf = False
            text = text[1:] if text.startswith("\n") else text
        return text

    def _process_line(self, line: str) -> None:
        if line.startswith("data: "):  # the usual line, first
            self._data.append(line[6:])
            return
        if line.startswith(":"):
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)

    def _dispatch(self) -> ServerSentEvent:
        event = ServerSentEvent("\n".join(self._data), self._event or "message", self._last_id, self._retry)
        self._data = []
        self._event = ""
        return event
