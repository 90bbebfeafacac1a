"""The Markdown code block reader the documentation tests rely on."""

from __future__ import annotations

from typing import List, Optional, Tuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.docs.markdown_blocks import code_blocks

_CODE_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).filter(
    lambda line: not line.startswith((" ", "\t")) and not line.lstrip().startswith(("```", "<!--"))
)
_BLOCK = st.tuples(
    st.sampled_from([None, "run", "fragment", "file"]),
    st.sampled_from(["python", "bash", "yaml", ""]),
    st.lists(_CODE_LINE, max_size=6),
)


def _document(blocks: List[Tuple[Optional[str], str, List[str]]]) -> str:
    parts = ["# Title", ""]
    for index, (marker, language, lines) in enumerate(blocks):
        parts += ["Some prose.", ""]
        if marker is not None:
            parts += [f"<!-- {marker}: name-{index} -->", ""]
        parts += [f"```{language}", *lines, "```", ""]
    return "\n".join(parts)


@given(st.lists(_BLOCK, max_size=5))
def test_code_blocks_returns_each_block_with_its_marker(blocks: List[Tuple[Optional[str], str, List[str]]]) -> None:
    found = code_blocks(_document(blocks))
    assert [(block.marker, block.language) for block in found] == [(marker, language) for marker, language, _ in blocks]
    assert [block.argument for block in found] == [
        f"name-{index}" if marker else "" for index, (marker, _, _) in enumerate(blocks)
    ]
    assert [block.code for block in found] == [
        "\n".join(lines) + "\n" if "\n".join(lines) else "" for _, _, lines in blocks
    ]


def test_code_blocks_dedents_an_indented_block_and_keeps_its_marker() -> None:
    text = "1. Step\n\n   <!-- run: step -->\n\n   ```python\n   print(1)\n       print(2)\n   ```\n"
    (block,) = code_blocks(text)
    assert (block.marker, block.argument, block.code, block.line) == ("run", "step", "print(1)\n    print(2)\n", 5)


def test_code_blocks_ignores_a_marker_separated_by_prose() -> None:
    (block,) = code_blocks("<!-- run: x -->\n\nprose\n\n```python\npass\n```\n")
    assert block.marker is None


def test_code_blocks_refuses_an_unclosed_block() -> None:
    with pytest.raises(ValueError, match="line 2: the code block is never closed"):
        code_blocks("text\n```python\nprint(1)\n")
