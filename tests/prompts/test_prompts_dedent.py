"""``remove_leading_empty_space`` (PROMPTS.md section 7); its import path is pinned."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azure.ai.inference.prompts._utils import remove_leading_empty_space


@pytest.mark.parametrize(
    "text, expected",
    [
        ("First line\nSecond line", "First line\nSecond line"),
        ("\n    \n    First line\n\n      Second line\n        Third line\n", "First line\n\n  Second line\n    Third line"),
        ("\ta\n\t\tb", "a\n\tb"),
        ("  a\tb\n c", " a\tb\nc"),
        ("", ""),
        ("\n\n", ""),
        ("  a\n      \n  b", "a\n    \nb"),
    ],
)
def test_dedent_examples(text, expected):
    assert remove_leading_empty_space(text) == expected


def test_dedent_counts_only_leading_whitespace():
    """QUIRK 12 fixed: b9 counted the inner tab as 2 and returned "b\\nc"."""
    assert remove_leading_empty_space("  a\tb\n    c") == "a\tb\n  c"


def test_dedent_drops_trailing_newline():
    """QUIRK 12 kept: the joined lines never end with a newline."""
    assert remove_leading_empty_space("  a\n  b\n") == "a\nb"


@given(st.text(alphabet=" \t\nab:", max_size=60))
def test_dedent_only_removes_whitespace(text):
    result = remove_leading_empty_space(text)
    visible = [character for character in text if not character.isspace()]
    assert [character for character in result if not character.isspace()] == visible
    for line in result.split("\n"):
        assert any(original.endswith(line) for original in text.splitlines()) or line == ""
