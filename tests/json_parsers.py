"""The parsers the JSON-parser tests run under: the standard library alone, a strict stand-in for orjson
(so the fallback is exercised without it), and orjson itself when it is installed."""

from __future__ import annotations

import json
from typing import Any, Callable, List, Optional, Union

import pytest

try:
    import orjson
except ImportError:  # the standard library path is tested either way
    orjson = None

Loads = Optional[Callable[[Union[bytes, str]], Any]]


def strict_fake(document: Union[bytes, str]) -> Any:
    """A stand-in for orjson that refuses what orjson refuses, to exercise the fallback without it."""
    text = document.decode("utf-8") if isinstance(document, bytes) else document
    if "NaN" in text or "Infinity" in text or "\\ud800" in text:
        raise ValueError("refused")
    return json.loads(text)


PARSERS: List[Any] = [pytest.param(None, id="stdlib"), pytest.param(strict_fake, id="fake-fast")]
if orjson is not None:
    PARSERS.append(pytest.param(orjson.loads, id="orjson"))
