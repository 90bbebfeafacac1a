"""Every Python example of README.md and of the guides in docs/ runs, as written, against the emulator.

Each ``<!-- run: NAME -->`` block runs as its own script (a subprocess, working directory a fresh
temporary folder) with the environment variables the examples read pointing at the session's
emulator, and its output must contain what ``EXPECTED`` lists. ``<!-- fragment: why -->`` blocks are
parsed only. An unmarked python block fails the test, so no example can slip past it.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import pytest

from tests.docs.examples import EXPECTED, FORBIDDEN, OFFLINE, SETUP
from tests.docs.markdown_blocks import DOCUMENTS, ROOT, CodeBlock, document_blocks, runnable_blocks
from tests.emulator import Emulator
from tests.flavors import EMULATOR_KEY
from tests.python_scripts import run_python_script

# Files a user reads install instructions in (the docstrings of the samples included).
INSTALL_INSTRUCTIONS = DOCUMENTS + [ROOT / "samples" / "README.md", *sorted((ROOT / "samples").rglob("*.py"))]
EXAMPLE_TIMEOUT_SECONDS = 90
_STRIPPED_PREFIXES = ("AZURE_", "GITHUB_", "OPENAI_", "OTEL_", "APPLICATIONINSIGHTS_")


def _document_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


RUNNABLE: List[Tuple[Path, CodeBlock]] = runnable_blocks()


def _example_id(item: Tuple[Path, CodeBlock]) -> str:
    return f"{_document_id(item[0])}:{item[1].argument}"


def docs_environment(emulator_url: str) -> Dict[str, str]:
    """The process environment with every variable the examples read pointing at the emulator."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith(_STRIPPED_PREFIXES)}
    environment.update(
        {
            "OPENAI_COMPATIBLE_ENDPOINT": f"{emulator_url}/v1",
            "OPENAI_COMPATIBLE_MODEL": "emulator-model",
            "OPENAI_COMPATIBLE_KEY": EMULATOR_KEY,
            "AZURE_OPENAI_ENDPOINT": f"{emulator_url}/openai/v1",
            "AZURE_OPENAI_DEPLOYMENT": "gpt-4o-mini",
            "AZURE_OPENAI_API_KEY": EMULATOR_KEY,
            "GITHUB_MODELS_ENDPOINT": f"{emulator_url}/v1",
            "GITHUB_TOKEN": EMULATOR_KEY,
            "AZURE_AI_CHAT_ENDPOINT": emulator_url,
            "AZURE_AI_CHAT_KEY": EMULATOR_KEY,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return environment


def _write_files(document: Path, folder: Path) -> None:
    for block in document_blocks(document):
        if block.marker == "file":
            (folder / block.argument).write_text(block.code, encoding="utf-8")


def run_example(document: Path, block: CodeBlock, emulator: Emulator, folder: Path) -> Tuple[int, str]:
    """Run one example to completion; returns (exit code, stdout + stderr)."""
    _write_files(document, folder)
    script = folder / "example.py"
    script.write_text(block.code, encoding="utf-8")
    environment = docs_environment(emulator.url)
    prepare: Callable[[Emulator], Dict[str, str]] = SETUP.get(_example_id((document, block)), lambda _: {})
    environment.update(prepare(emulator))
    exit_code, stdout, stderr = run_python_script([str(script)], environment, folder, EXAMPLE_TIMEOUT_SECONDS)
    return exit_code, stdout + "\n--- stderr ---\n" + stderr


@pytest.mark.parametrize("item", RUNNABLE, ids=_example_id)
def test_example_prints_what_it_should(item: Tuple[Path, CodeBlock], emulator: Emulator, tmp_path: Path) -> None:
    document, block = item
    name = _example_id(item)
    assert name in EXPECTED, f"add what {name} prints to EXPECTED in tests/docs/examples.py"
    exit_code, output = run_example(document, block, emulator, tmp_path)
    assert exit_code == 0, output
    for problem in ("Traceback", "ResourceWarning", "Exception ignored", "Unclosed"):
        assert problem not in output, output
    missing = [fragment for fragment in EXPECTED[name] if fragment not in output]
    assert missing == [], output
    present = [fragment for fragment in FORBIDDEN.get(name, []) if fragment in output]
    assert present == [], output
    assert bool(emulator.requests) != (name in OFFLINE), "the example should send requests unless it is OFFLINE"


def test_every_expected_output_belongs_to_an_example() -> None:
    assert sorted(EXPECTED) == sorted(_example_id(item) for item in RUNNABLE)
    assert set(SETUP) <= set(EXPECTED)
    assert set(FORBIDDEN) <= set(EXPECTED)
    assert OFFLINE <= set(EXPECTED)


@pytest.mark.parametrize("document", DOCUMENTS, ids=_document_id)
def test_every_python_block_is_run_or_marked_as_a_fragment(document: Path) -> None:
    python_blocks = [block for block in document_blocks(document) if block.language == "python"]
    assert python_blocks, "no python example at all"
    unmarked = [block.line for block in python_blocks if block.marker not in ("run", "fragment")]
    assert unmarked == [], f"mark these blocks <!-- run: NAME --> or <!-- fragment: why -->: lines {unmarked}"
    if document.name == "README.md":
        assert {block.marker for block in python_blocks} == {"run"}, "every README example must run as copied"
    for block in python_blocks:
        ast.parse(block.code, filename=f"{document.name}:{block.line}", feature_version=(3, 9))


@pytest.mark.parametrize("document", INSTALL_INSTRUCTIONS, ids=_document_id)
def test_no_install_line_fetches_microsofts_package(document: Path) -> None:
    """This package is not on PyPI: install commands name a checkout or a wheel (or warn about the name)."""
    for line in document.read_text(encoding="utf-8").splitlines():
        if "fetches Microsoft's" in line:
            continue
        for command in re.findall(r"pip install [^`]*", line):
            names_the_package = re.search(r"azure[-_]ai[-_]inference", command)
            assert not names_the_package or "/" in command or "<" in command, line


def _heading_anchors(markdown: str) -> List[str]:
    """GitHub's anchors of the headings: lower case, punctuation dropped, spaces as hyphens."""
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S)
    headings = re.findall(r"^#+ (.+)$", prose, flags=re.M)
    return [re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings]


@pytest.mark.parametrize("document", DOCUMENTS, ids=_document_id)
def test_relative_links_point_at_existing_files_and_headings(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    for target, anchor in re.findall(r"\]\(([^)#\s]*)(?:#([^)]*))?\)", text):
        if "://" in target:
            continue
        linked = document.parent / target if target else document
        assert linked.exists(), target
        if anchor and linked.suffix == ".md":
            assert anchor in _heading_anchors(linked.read_text(encoding="utf-8")), f"{target}#{anchor}"


def test_readme_links_every_guide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for guide in sorted((ROOT / "docs").glob("*.md")):
        assert f"](docs/{guide.name})" in readme, guide.name
