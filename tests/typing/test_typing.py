"""The public types, as a user's type checker sees them: ``mypy --strict`` and pyright (strict).

Both checkers read the user-style files of this folder (``*_types.py``: ``assert_type`` expectations,
and lines that must be errors, marked ``# type: ignore[<code>]``, which both checkers report when
unneeded), every sample (the docstring examples are regions of them), and every runnable Python
block of README.md and docs/*.md (written to a temporary folder, both checkers run once over all of
them). They find the package through its installation, as a user's project does: the checks run
from this folder, not from the repository root. pyright is the npm package pinned in ``tools/pyright`` (``make test``
installs it); without node or that install the pyright tests skip and say why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

from tests.docs.markdown_blocks import runnable_blocks  # pyright: ignore[reportMissingTypeStubs]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLES = ROOT / "samples"
USER_FILES = sorted(path.name for path in HERE.glob("*_types.py"))
PYRIGHT = Path(os.environ.get("PYRIGHT_BIN") or ROOT / "tools" / "pyright" / "node_modules" / ".bin" / "pyright")
TIMEOUT = 600  # seconds; a cold mypy run over the package and the samples takes well under a minute


def why_pyright_cannot_run() -> Optional[str]:
    """A reason to skip the pyright checks, or ``None`` when pyright can run here."""
    if shutil.which("node") is None:
        return "node is not installed: pyright is a Node.js program"
    if not PYRIGHT.is_file():
        return f"pyright is not installed at {PYRIGHT} (run `make test`, which installs it with npm, or set PYRIGHT_BIN)"
    return None


needs_pyright = pytest.mark.skipif(why_pyright_cannot_run() is not None, reason=str(why_pyright_cannot_run()))


def run_mypy(*targets: str, cwd: Path = HERE) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--config-file", str(HERE / "mypy.ini"), "--no-error-summary", *targets]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def run_pyright(*arguments: str, cwd: Path = HERE) -> subprocess.CompletedProcess[str]:
    command = [str(PYRIGHT), "--pythonpath", sys.executable, *arguments]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def test_the_user_files_cover_chat_async_embeddings_construction_and_errors() -> None:
    assert USER_FILES == ["aio_types.py", "chat_types.py", "construction_types.py", "embeddings_types.py", "errors_types.py"]
    samples = sorted(SAMPLES.rglob("*.py"))
    assert len(samples) >= 38
    assert not [path.name for path in samples if "type: ignore" in path.read_text(encoding="utf-8")]


@pytest.mark.timeout(TIMEOUT)
def test_mypy_strict_accepts_the_user_files_and_the_samples() -> None:
    result = run_mypy(*USER_FILES, str(SAMPLES))
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@needs_pyright
@pytest.mark.timeout(TIMEOUT)
def test_pyright_strict_accepts_the_user_files_and_the_samples() -> None:
    result = run_pyright("-p", str(HERE / "pyrightconfig.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


WRONG = '''\
from typing_extensions import assert_type

from azure.ai.inference import ChatCompletionsClient
from azure.ai.inference.models import UserMessage


def check(chat: ChatCompletionsClient) -> None:
    response = chat.complete(messages=[UserMessage("Hi")])
    assert_type(response.choices[0].message.content, str)
    chat.complete(messages=[UserMessage("Hi")], temperature=0.5)  # type: ignore[call-overload]
'''
"""A user file with a wrong expectation (content can be None) and an ignore that is not needed."""


def _wrong_file(tmp_path: Path) -> List[str]:
    (tmp_path / "wrong_types.py").write_text(WRONG, encoding="utf-8")
    (tmp_path / "pyrightconfig.json").write_text(
        (HERE / "pyrightconfig.json").read_text(encoding="utf-8").replace('"../../samples"', '"."'), encoding="utf-8"
    )
    return ["wrong_types.py"]


@pytest.mark.timeout(TIMEOUT)
def test_mypy_reports_a_wrong_expectation_and_an_unneeded_ignore(tmp_path: Path) -> None:
    result = run_mypy(*_wrong_file(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert 'wrong_types.py:9: error: Expression is of type "str | None", not "str"' in result.stdout
    assert 'wrong_types.py:10: error: Unused "type: ignore" comment' in result.stdout


@needs_pyright
@pytest.mark.timeout(TIMEOUT)
def test_pyright_reports_a_wrong_expectation_and_an_unneeded_ignore(tmp_path: Path) -> None:
    _wrong_file(tmp_path)
    result = run_pyright("-p", str(tmp_path / "pyrightconfig.json"), cwd=tmp_path)
    assert result.returncode == 1
    assert 'wrong_types.py:9:17 - error: "assert_type" mismatch: expected "str" but received "str | None"' in result.stdout
    assert "wrong_types.py:10:" in result.stdout and "Unnecessary" in result.stdout
    assert "2 errors" in result.stdout


def _doc_snippets(folder: Path) -> List[str]:
    """Writes every runnable Python block of README.md and docs/*.md into ``folder``; returns the file names."""
    names: List[str] = []
    for document, block in runnable_blocks():
        name = f"{document.stem}_{block.argument}".lower().replace("-", "_") + ".py"
        (folder / name).write_text(block.code, encoding="utf-8")
        names.append(name)
    (folder / "pyrightconfig.json").write_text(
        (HERE / "pyrightconfig.json").read_text(encoding="utf-8").replace(', "../../samples"', ""), encoding="utf-8"
    )
    return names


@pytest.mark.timeout(TIMEOUT)
def test_mypy_strict_accepts_every_runnable_snippet_of_the_docs(tmp_path: Path) -> None:
    names = _doc_snippets(tmp_path)
    assert len(names) >= 20
    result = run_mypy(*names, cwd=tmp_path)
    assert result.stdout + result.stderr == "", result.stdout + result.stderr
    assert result.returncode == 0


@needs_pyright
@pytest.mark.timeout(TIMEOUT)
def test_pyright_strict_accepts_every_runnable_snippet_of_the_docs(tmp_path: Path) -> None:
    names = _doc_snippets(tmp_path)
    result = run_pyright("-p", str(tmp_path / "pyrightconfig.json"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(names)} source files" in result.stdout or "0 errors" in result.stdout
