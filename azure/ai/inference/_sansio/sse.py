"""Server-sent events decoding per the HTML standard's event-stream rules: bytes in, events out, no I/O.

A chunk boundary may fall anywhere (inside a line, a CRLF pair or a multi-byte UTF-8 character)
without changing the events produced. Lines end with LF, CRLF or CR; lines starting with ``:`` are
comments; ``data:`` lines (with or without the space after the colon) accumulate, joined by ``\\n``,
until a blank line dispatches the event; ``event:``, ``id:`` and ``retry:`` are kept; other fields
are ignored. Invalid UTF-8 is replaced by U+FFFD, as the standard requires.

Some servers send one ``data:`` line per event with no blank line between events (1.0.0b9 read every
``data:`` line as an event of its own). A decoder given ``is_complete`` therefore dispatches an event at
the end of its first ``data:`` line when ``is_complete(data)`` says the line is a whole event already
(for chat streams: it parses as JSON, or is ``[DONE]``); data that is not complete on its first line keeps
the standard's rule, lines joined until the blank line.
"""

from __future__ import annotations

import codecs
import re
from typing import Callable, List, NamedTuple, Optional

__all__ = ["SSEDecoder", "ServerSentEvent"]

_LINE_END = re.compile(r"\r\n|\r|\n")
_utf8_decode = codecs.utf_8_decode


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

    def __init__(self, is_complete: Optional[Callable[[str], bool]] = None) -> None:
        self._is_complete = is_complete
        self._undecoded = b""  # the start of a UTF-8 character cut off at the end of the last chunk
        self._partial: List[str] = []
        self._skip_lf = False
        self._started = False
        self._data: List[str] = []
        self._event = ""
        self._last_id: Optional[str] = None
        self._retry: Optional[int] = None
        self._between_events = True  # nothing pending (no line, event, CR or UTF-8 bytes): fast path allowed
        self.truncated = False

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        """Decode a chunk of bytes and return the events it completes.

        :param chunk: The next bytes of the stream.
        :type chunk: bytes
        :return: The events dispatched by this chunk, in order.
        :rtype: list[ServerSentEvent]
        """
        if not (self._between_events and chunk.endswith(b"\n\n")):
            return self._feed_text(self._decode(chunk, final=False))
        text = chunk.decode("utf-8", "replace")  # no character is cut: the chunk ends with LF, none was pending
        if text.startswith("data: ") and text.find("\n") == len(text) - 2 and "\r" not in text:
            # One data line and the blank line: the general path would dispatch this event and keep no state.
            self._started = True
            return [_new_event(ServerSentEvent, (text[6:-2], "message", self._last_id, self._retry))]
        return self._feed_text(text)

    def flush(self) -> List[ServerSentEvent]:
        """Signal the end of the stream and return any event still pending.

        :return: The last event, if data was pending.
        :rtype: list[ServerSentEvent]
        """
        if self._undecoded:
            self.truncated = True
        events = self._feed_text(self._decode(b"", final=True))
        if self._partial:
            self.truncated = True
            line = "".join(self._partial)
            self._partial = []
            self._process_line(line)
        if self._data:
            self.truncated = True
            events.append(self._dispatch())
        return events

    def _decode(self, chunk: bytes, final: bool) -> str:
        """UTF-8 text of the bytes so far, keeping a character cut at the end for the next chunk."""
        if self._undecoded:
            chunk = self._undecoded + chunk
        text, consumed = _utf8_decode(chunk, "replace", final)
        self._undecoded = chunk[consumed:] if consumed < len(chunk) else b""
        return text

    def _feed_text(self, text: str) -> List[ServerSentEvent]:
        if self._skip_lf or not self._started:
            text = self._strip_leading(text)
        has_cr = "\r" in text
        if not has_cr and "\n" not in text:
            if text:  # no line ends here: keep the piece, join once the line is complete
                self._partial.append(text)
            self._between_events = False
            return []
        if self._partial:
            self._partial.append(text)
            text = "".join(self._partial)
        lines = _LINE_END.split(text) if has_cr else text.split("\n")
        last = lines.pop()
        self._partial = [last] if last else []
        self._skip_lf = not last and text.endswith("\r")
        events = self._events_of(lines)
        self._between_events = not (last or self._skip_lf or self._data or self._event or self._undecoded)
        return events

    def _events_of(self, lines: List[str]) -> List[ServerSentEvent]:
        events: List[ServerSentEvent] = []
        for line in lines:
            if line:
                if self._process_line(line) and self._first_line_completes():
                    events.append(self._dispatch())
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

    def _first_line_completes(self) -> bool:
        """Whether the event's data is one ``data:`` line that is a whole event already (line-per-event framing)."""
        return self._is_complete is not None and len(self._data) == 1 and self._is_complete(self._data[0])

    def _process_line(self, line: str) -> bool:
        """Apply one line to the pending event; True if it was a ``data:`` line."""
        if line.startswith("data: "):  # the usual line, first
            self._data.append(line[6:])
            return True
        if line.startswith(":"):
            return False
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            return True
        if name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._last_id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return False

    def _dispatch(self) -> ServerSentEvent:
        fields = ("\n".join(self._data), self._event or "message", self._last_id, self._retry)
        self._data = []
        self._event = ""
        return _new_event(ServerSentEvent, fields)


_new_event = tuple.__new__  # ServerSentEvent(...) without the Python-level __new__ of a NamedTuple

