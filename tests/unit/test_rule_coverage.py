"""Guard: every MUST rule of BEHAVIOR.md (B1-B17) and every worked request of WIRE.md is named by a test.

A test names rule ``B10.1`` in its docstring (``B10.1``) or its name (``test_b10_1_...``); a WIRE.md
example ``W5`` the same way (``W5`` or ``w5``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Set

import pytest

from tests.paths import SHARED

TESTS = Path(__file__).resolve().parents[1]
SPEC = SHARED / "spec"


def _named_in_tests() -> Set[str]:
    names: Set[str] = set()
    for path in TESTS.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\b(B\d+\.\d+)", text))
        names |= {f"B{major}.{minor}" for major, minor in re.findall(r"(?<![a-z0-9])b(\d+)_(\d+)(?![0-9])", text)}
        names |= set(re.findall(r"\b(W\d+b?)\b", text)) | {name.upper() for name in re.findall(r"\b(w\d+b?)_", text)}
    return names


def _spec(name: str) -> str:
    path = SPEC / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: the spec lives outside the repository")
    return path.read_text(encoding="utf-8")


def test_every_must_rule_of_b1_to_b17_is_named_by_a_test() -> None:
    rules = {rule for rule, major in re.findall(r"^(B(\d+)\.\d+) MUST\b", _spec("BEHAVIOR.md"), re.M)
             if 1 <= int(major) <= 17}  # fmt: skip
    assert len(rules) > 50
    assert sorted(rules - _named_in_tests()) == []


def test_every_worked_request_of_wire_md_is_named_by_a_test() -> None:
    examples = set(re.findall(r"^## (W\d+b?)\.", _spec("WIRE.md"), re.M)) - {"W17"}  # W17: the recordings (tests/replay)
    assert len(examples) >= 15
    assert sorted(examples - _named_in_tests()) == []
