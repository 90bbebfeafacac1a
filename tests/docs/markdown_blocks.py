"""The fenced code blocks of a Markdown file, each with the HTML comment marker written above it.

A guide marks each block so the tests know what to do with it:

* ``<!-- run: NAME -->`` above a python block: run it as a script against the emulator
  (tests/docs/test_doc_examples.py lists what each one must print);
* ``<!-- fragment: why -->`` above a python block: only checked to be valid Python (it needs a real
  service, a package the tests do not install, or it is a piece of a larger program);
* ``<!-- file: NAME -->`` above any block: the block's text is written to NAME beside the scripts
  of that Markdown file before they run (a ``.prompty`` file, for example).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```+)(?P<language>[\w+-]*)[ \t]*$")
_MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?P<kind>run|fragment|file):[ \t]*(?P<argument>.*?)[ \t]*-->[ \t]*$")


@dataclass(frozen=True)
class CodeBlock:
    """One fenced block: where it starts (1-based line of the opening fence), its language and text."""

    line: int
    language: str
    code: str
    marker: Optional[str]  # "run", "fragment", "file", or None when the block is not marked
    argument: str


def _marker_before(lines: List[str], index: int) -> Tuple[Optional[str], str]:
    previous = index - 1
    while previous >= 0 and not lines[previous].strip():
        previous -= 1
    match = _MARKER.match(lines[previous]) if previous >= 0 else None
    return (match["kind"], match["argument"]) if match else (None, "")


def code_blocks(markdown: str) -> List[CodeBlock]:
    """Every fenced block of ``markdown`` in order; an unclosed fence raises ValueError."""
    lines = markdown.split("\n")
    blocks: List[CodeBlock] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        end = index + 1
        closing = opening["indent"] + opening["fence"]
        while end < len(lines) and lines[end].rstrip() != closing:
            end += 1
        if end == len(lines):
            raise ValueError(f"line {index + 1}: the code block is never closed")
        body = textwrap.dedent("\n".join(lines[index + 1 : end]))
        marker, argument = _marker_before(lines, index)
        blocks.append(CodeBlock(index + 1, opening["language"], body + "\n" if body else "", marker, argument))
        index = end + 1
    return blocks


def document_blocks(path: Path) -> List[CodeBlock]:
    """Every fenced block of the Markdown file at ``path``."""
    return code_blocks(path.read_text(encoding="utf-8"))


def runnable_blocks() -> List[Tuple[Path, CodeBlock]]:
    """Every ``<!-- run: NAME -->`` block of README.md and of the guides in docs/, with its document."""
    return [(path, block) for path in DOCUMENTS for block in document_blocks(path) if block.marker == "run"]
