"""Guard: every MUST rule of BEHAVIOR.md (B1-B17) and every worked example of WIRE.md is named by a test.

A test names a rule by its dotted id, usually at the start of its docstring (``B5.8: ...``; a QUIRK
the package changed reads ``B6.6 (changed, see CHANGELOG): ...``), and a WIRE.md example by its id
(``W2``, ``W2b``). Only test modules (``test_*.py``) count, not this guard itself, nor helpers such as
the emulator. The spec is read from the copy in ``tests/data/spec``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, List, Set

from tests.paths import SHARED

TESTS = Path(__file__).resolve().parents[1]
RULE_ID = re.compile(r"\b(B\d+\.\d+)(?!\d)")
EXAMPLE_ID = re.compile(r"\b(W\d+)b?\b")
MUST_RULE = re.compile(r"^(B(\d+)\.\d+) MUST\b", re.M)
EXAMPLE_HEADING = re.compile(r"^## (W\d+)\.", re.M)


def _spec(name: str) -> str:
    """The text of ``tests/data/spec/<name>``."""
    return (SHARED / "spec" / name).read_text(encoding="utf-8")


def _mentioned_in_tests(pattern: re.Pattern[str]) -> Set[str]:
    """The ids matching ``pattern`` anywhere in a test module (docstrings, names of ids, comments)."""
    modules = [path for path in TESTS.rglob("test_*.py") if path.resolve() != Path(__file__).resolve()]
    return {found for path in modules for found in pattern.findall(path.read_text(encoding="utf-8"))}


def _in_spec_order(ids: Iterable[str]) -> List[str]:
    return sorted(ids, key=lambda rule: [int(number) for number in re.findall(r"\d+", rule)])


def test_every_must_rule_of_b1_to_b17_is_named_by_a_test() -> None:
    found = MUST_RULE.findall(_spec("BEHAVIOR.md"))
    rules = {rule for rule, section in found if 1 <= int(section) <= 17}
    assert {int(section) for rule, section in found if rule in rules} == set(range(1, 18))
    uncovered = _in_spec_order(rules - _mentioned_in_tests(RULE_ID))
    assert uncovered == [], f"MUST rules of BEHAVIOR.md B1-B17 named by no test: {', '.join(uncovered)}"


def test_every_example_of_wire_md_is_named_by_a_test() -> None:
    examples = set(EXAMPLE_HEADING.findall(_spec("WIRE.md")))
    assert {f"W{number}" for number in range(1, 18)} <= examples  # W17: the recordings (tests/replay)
    uncovered = _in_spec_order(examples - _mentioned_in_tests(EXAMPLE_ID))
    assert uncovered == [], f"WIRE.md examples named by no test: {', '.join(uncovered)}"
