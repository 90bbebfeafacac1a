"""Parsing of JSON bodies and event data: orjson when it is installed (the ``orjson`` extra), else the
standard library, with the same values either way.

orjson parses 3-8x faster and reads bytes without decoding them to a string first. Where it refuses a
document the standard library accepts (UTF-16/32 text, ``NaN``/``Infinity``, lone surrogates), the
standard library parses it, so results and errors are those of ``json.loads``. orjson reads integers
beyond 64 bits as floats, and such a document goes to the standard library too: a small document (up to
16 KiB, such as a stream event) when it has a run of 19 or more digits (which every such integer has),
a larger one when orjson's value holds a float outside [-2**63, 2**64) (which every such integer
becomes). Scanning a large body for digits costs more than parsing it when it is mostly strings (base64
embeddings), while checking the values costs little there. Documents over 1 MiB go to the standard
library: orjson reserves about 14 times
a document's size while parsing it (the process grows by about 3 times it), where the standard library
needs the decoded text and the values only, and keeping the peak memory of a large embeddings
response at the level of ``json.loads`` matters more there than the parse time.

Bodies are decoded as the stream decoder and 1.0.0b9 decode them: invalid UTF-8 becomes U+FFFD, unless
the Content-Type names another charset, which then decodes the body (invalid bytes replaced too).
"""

from __future__ import annotations

import codecs
import json
from typing import Any, Callable, List, Optional, Tuple, Union

__all__ = ["charset_of", "fast_parser_name", "loads", "prepared"]

_UTF8_BOM = b"\xef\xbb\xbf"
_DIGITS_AS_ONES = bytes(0x31 if 0x30 <= code <= 0x39 else 0x30 for code in range(256))
_LONG_DIGIT_RUN = b"1" * 19  # the shortest integer orjson may read as a float: -9999999999999999999
_FAST_PARSER_MAX_SIZE = 1 << 20
_DIGIT_SCAN_MAX_SIZE = 16 << 10  # larger documents have orjson's values checked instead of their digits
_LOWEST_INT64, _HIGHEST_UINT64_AND_ONE = -(2.0**63), 2.0**64  # orjson reads integers outside as floats
# What json.loads runs: the scanner of a decoder with default options (undeclared in the type stubs).
_scan_once: Callable[[str, int], Tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]

_FastLoads = Optional[Callable[[Union[bytes, str]], Any]]


def _find_fast_loads() -> _FastLoads:
    try:
        import orjson  # pylint: disable=import-outside-toplevel
    except ImportError:
        return None
    fast_loads: Callable[[Union[bytes, str]], Any] = orjson.loads
    return fast_loads


def _first_fast_loads(document: Union[bytes, str]) -> Any:
    """The first parse: orjson is imported now rather than with this module (about 1 ms of import time)."""
    fast_loads = _look_up_fast_loads()
    if fast_loads is None:
        raise ValueError("orjson is not installed")  # the standard library parses the document instead
    return fast_loads(document)


def _look_up_fast_loads() -> _FastLoads:
    global _fast_loads  # pylint: disable=global-statement
    if _fast_loads is _first_fast_loads:
        _fast_loads = _find_fast_loads()
    return _fast_loads


_fast_loads: _FastLoads = _first_fast_loads


def fast_parser_name() -> Optional[str]:
    """The module of the fast parser in use (orjson's), or None when the standard library parses everything.

    :return: The module name, or None.
    :rtype: str or None
    """
    fast_loads = _look_up_fast_loads()
    return None if fast_loads is None else fast_loads.__module__


def charset_of(content_type: Optional[str]) -> Optional[str]:
    """The charset a Content-Type names for a JSON body, when it is a known one other than UTF-8.

    :param content_type: The Content-Type header, if any.
    :type content_type: str or None
    :return: The codec name, or None (no charset, UTF-8, or a name Python does not know).
    :rtype: str or None
    """
    if not content_type or "charset" not in content_type.lower():
        return None
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            try:
                codec = codecs.lookup(value.strip().strip('"').strip("'")).name
            except LookupError:
                return None
            return None if codec == "utf-8" else codec
    return None


def prepared(content: bytes, charset: Optional[str] = None) -> Union[bytes, str]:
    """Return a body in the form the parser takes: the bytes for orjson, else (or over 1 MiB) the text.

    Decoding follows ``json.loads`` for bytes (UTF-8, UTF-16 or UTF-32, detected), after dropping a UTF-8
    byte order mark, except that invalid UTF-8 becomes U+FFFD. A ``charset`` (see :func:`charset_of`)
    decodes the body instead. A caller that drops its last reference to ``content`` after this call
    lets the bytes go before the values are built.

    :param content: The body.
    :type content: bytes
    :param charset: The charset named by the response's Content-Type, if not UTF-8.
    :type charset: str or None
    :return: What :func:`loads` takes.
    :rtype: bytes or str
    """
    if charset is not None:
        return content.decode(charset, "replace")
    if content.startswith(_UTF8_BOM):
        content = content[len(_UTF8_BOM) :]
    if _fast_loads is not None and len(content) <= _FAST_PARSER_MAX_SIZE:
        return content
    return _decode(content)


def _decode(content: bytes) -> str:
    encoding = json.detect_encoding(content)
    return content.decode(encoding, "replace" if encoding == "utf-8" else "surrogatepass")


def loads(document: Union[bytes, str]) -> Any:
    """Parse a JSON document as ``json.loads`` does.

    :param document: A body from :func:`prepared`, or event data.
    :type document: bytes or str
    :return: The parsed value.
    :rtype: Any
    :raises ValueError: If the document is not valid JSON (``json.JSONDecodeError``).
    """
    if _fast_loads is not None:
        size = len(document)
        if size <= _DIGIT_SCAN_MAX_SIZE:
            raw = document.encode("utf-8", "surrogatepass") if isinstance(document, str) else document
            if raw.translate(_DIGITS_AS_ONES).find(_LONG_DIGIT_RUN) < 0:  # no integer orjson could read as a float
                try:
                    return _fast_loads(document)
                except ValueError:  # orjson is stricter: the standard library decides, and raises its own error
                    pass
        elif size <= _FAST_PARSER_MAX_SIZE:
            value = _checked_fast_loads(document)
            if value is not _REFUSED:
                return value
    return _stdlib_loads(_decode(document) if isinstance(document, bytes) else document)


_REFUSED = object()


def _checked_fast_loads(document: Union[bytes, str]) -> Any:
    """orjson's value of a document, or ``_REFUSED`` when it refuses it or may have read an integer as a float."""
    assert _fast_loads is not None
    try:
        value = _fast_loads(document)
    except ValueError:
        return _REFUSED
    return _REFUSED if _holds_float_out_of_int_range(value) else value


def _holds_float_out_of_int_range(value: Any) -> bool:
    """Whether a parsed value holds a float outside [-2**63, 2**64), what orjson makes of a longer integer.

    Lists of numbers are checked with ``min``/``max`` (C loops); the walk uses a stack, not recursion, so a
    document as deep as orjson accepts cannot exhaust the interpreter's recursion limit.
    """
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is float:
            if item <= _LOWEST_INT64 or item >= _HIGHEST_UINT64_AND_ONE:
                return True
        elif kind is dict:
            pending.extend(item.values())
        elif kind is list and not _numbers_in_int_range(item):
            pending.extend(item)
    return False


def _numbers_in_int_range(items: List[Any]) -> bool:
    """Whether a non-empty list holds numbers only, all within [-2**63, 2**64) (False: look at each item)."""
    try:
        return bool(items) and _LOWEST_INT64 < min(items) and max(items) < _HIGHEST_UINT64_AND_ONE
    except TypeError:  # not numbers only (strings compare with strings, but not with the bounds)
        return False


def _stdlib_loads(text: str) -> Any:
    """``json.loads(text)``, calling its scanner directly (``json.loads`` gets there after three more calls).

    When the scanner does not read one value from the first character to the last (whitespace around it,
    a byte order mark, extra data, no value), ``json.loads`` runs instead, for its result or its error.
    Errors inside the value are the scanner's own, as ``json.loads`` raises them.
    """
    try:
        value, end = _scan_once(text, 0)
    except StopIteration:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)

