"""The README's troubleshooting table names every exception class the package exports (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import azure.ai.inference as inference
from azure.ai.inference import _exceptions

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _troubleshooting_rows() -> list[str]:
    section = README.split("## Troubleshooting\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_every_exported_exception_class_has_a_row() -> None:
    named = {name for row in _troubleshooting_rows() for name in re.findall(r"`(\w+)`", row.split("|")[1])}
    exported = {name for name in _exceptions.__all__ if name != "ServiceErrorDetails"}  # the shared base
    assert exported <= named, sorted(exported - named)
    assert all(getattr(inference, name) is getattr(_exceptions, name) for name in exported)


def test_each_row_says_when_and_what_to_do() -> None:
    rows = _troubleshooting_rows()
    assert len(rows) >= 12
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 3 and all(cells), row
