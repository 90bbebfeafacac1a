# ------------------------------------
# Copyright (c) Microsoft Corporation.
# Licensed under the MIT License.
# ------------------------------------
"""Turn mustache template text into a tree of literals, variables and sections.

Tokenising and tree building live here; `_mustache.py` walks the tree. The grammar is the
subset in PROMPTS.md P-5.1; standalone lines follow P-5.6.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Tuple, Union

DEFAULT_DELIMITERS = ("{{", "}}")

_KIND_BY_SIGIL = {
    "#": "section",
    "^": "inverted",
    "/": "end",
    "!": "comment",
    ">": "partial",
    "&": "raw",
    "=": "delimiters",
    "{": "triple",
}
# Tags that may stand alone on a line; such a line disappears from the output (P-5.6).
_STANDALONE_KINDS = frozenset({"section", "inverted", "end", "comment", "partial", "delimiters"})


class ChevronError(SyntaxError):
    """A mustache template is malformed (unclosed tag, unbalanced section, bad delimiters)."""


@dataclass(frozen=True)
class Variable:
    """A ``{{name}}`` (escaped) or ``{{{name}}}`` / ``{{& name}}`` (raw) tag."""

    key: str
    escape: bool


@dataclass
class Section:
    """A ``{{#key}}...{{/key}}`` or ``{{^key}}...{{/key}}`` block."""

    key: str
    inverted: bool
    line: int
    children: List["Node"] = field(default_factory=list)
    source: str = ""
    """The raw template text between the opening and closing tags (given to lambdas)."""


Node = Union[str, Variable, Section]


@dataclass
class _Tag:
    kind: str
    key: str
    line: int
    start: int
    end: int


class _Tokenizer:
    """Walk template text once, from literal to tag to literal, tracking lines and delimiters."""

    def __init__(self, template: str) -> None:
        self.text = template
        self.pos = 0
        self.line = 1
        self.left, self.right = DEFAULT_DELIMITERS
        self.line_blank_so_far = True

    def next_literal(self) -> Tuple[str, int]:
        """Return the literal up to the next opening delimiter, and where that delimiter is."""
        found = self.text.find(self.left, self.pos)
        open_at = len(self.text) if found < 0 else found
        literal = self.text[self.pos : open_at]
        self.line += literal.count("\n")
        if "\n" in literal:
            self.line_blank_so_far = literal.rsplit("\n", 1)[1].strip() == ""
        else:
            self.line_blank_so_far = self.line_blank_so_far and literal.strip() == ""
        self.pos = open_at
        return literal, open_at

    def read_tag(self, open_at: int) -> _Tag:
        """Read the tag whose opening delimiter starts at ``open_at``."""
        body_at = open_at + len(self.left)
        close_at = self.text.find(self.right, body_at)
        if close_at < 0:
            raise ChevronError(f"unclosed tag at line {self.line}")
        body = self.text[body_at:close_at]
        end = close_at + len(self.right)
        kind = _KIND_BY_SIGIL.get(body[:1], "variable")
        key = body if kind == "variable" else body[1:]
        if kind == "triple":
            kind, end = self._finish_triple(end)
        elif kind == "delimiters":
            key = self._set_delimiters(key)
        tag = _Tag(kind, key.strip(), self.line, open_at, end)
        self.line += self.text.count("\n", body_at, close_at)
        return tag

    def _finish_triple(self, end: int) -> Tuple[str, int]:
        if DEFAULT_DELIMITERS == (self.left, self.right) and self.text.startswith("}", end):
            return "raw", end + 1
        raise ChevronError(f"unclosed triple mustache tag at line {self.line}")

    def _set_delimiters(self, body: str) -> str:
        parts = body[:-1].split()
        if not body.endswith("=") or len(parts) != 2:
            raise ChevronError(f"unclosed set delimiter tag\nat line {self.line}")
        self.left, self.right = parts
        return ""

    def finish_tag(self, tag: _Tag, literal: str) -> str:
        """Consume a standalone tag's line; return the literal with its indentation trimmed."""
        line_end = self.text.find("\n", tag.end)
        rest_end = len(self.text) if line_end < 0 else line_end
        standalone = (
            tag.kind in _STANDALONE_KINDS
            and self.line_blank_so_far
            and self.text[tag.end : rest_end].strip() == ""
        )
        if not standalone:
            self.pos = tag.end
            self.line_blank_so_far = False
            return literal
        self.pos = rest_end + 1 if line_end >= 0 else rest_end
        self.line += 1 if line_end >= 0 else 0
        indentation = len(literal) - len(literal.rstrip(" \t"))
        tag.start -= indentation
        return literal[: len(literal) - indentation]


def parse_template(template: str) -> List[Node]:
    """Parse mustache ``template`` into a node tree.

    :param template: The template text.
    :type template: str
    :return: The top-level nodes.
    :rtype: list
    :raises ChevronError: If the template is malformed.
    """
    tokenizer = _Tokenizer(template)
    tree = _TreeBuilder(template)
    while tokenizer.pos < len(template):
        literal, open_at = tokenizer.next_literal()
        if open_at >= len(template):
            tree.add(literal)
            break
        tag = tokenizer.read_tag(open_at)
        tree.add(tokenizer.finish_tag(tag, literal))
        tree.add_tag(tag, body_start=tokenizer.pos)
    return tree.finish()


class _TreeBuilder:
    """Nest nodes into sections as tags open and close them."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.root: List[Node] = []
        self.open_sections: List[Tuple[Section, int]] = []

    def add(self, node: Node) -> None:
        if node != "":
            (self.open_sections[-1][0].children if self.open_sections else self.root).append(node)

    def add_tag(self, tag: _Tag, body_start: int) -> None:
        if tag.kind in ("variable", "raw"):
            self.add(Variable(tag.key, escape=tag.kind == "variable"))
        elif tag.kind in ("section", "inverted"):
            section = Section(tag.key, inverted=tag.kind == "inverted", line=tag.line)
            self.add(section)
            self.open_sections.append((section, body_start))
        elif tag.kind == "end":
            self._close(tag)

    def _close(self, tag: _Tag) -> None:
        if not self.open_sections:
            raise ChevronError(f'Trying to close tag "{tag.key}"\nLooks like it was not opened.\nline {tag.line}')
        section, body_start = self.open_sections.pop()
        if section.key != tag.key:
            raise ChevronError(f'Trying to close tag "{tag.key}"\nlast open tag is "{section.key}"\nline {tag.line}')
        section.source = self.template[body_start : tag.start]

    def finish(self) -> List[Node]:
        if self.open_sections:
            section = self.open_sections[-1][0]
            raise ChevronError(
                f'Unexpected EOF\nthe tag "{section.key}" was never closed\nwas opened at line {section.line}'
            )
        return self.root
