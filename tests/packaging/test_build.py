"""``python -m build`` gives an sdist and a wheel (built from the sdist) that install and import cleanly
in a fresh venv.

The build runs from a copy of the repository's tracked files (as a fresh clone has them), into a
temporary folder; pip installs the wheel's dependencies from the package registry. The wheel
ships ``azure/ai/inference`` only (``py.typed`` included: type checkers use the installed types),
never an ``azure/__init__.py`` or ``azure/ai/__init__.py``, which would hide the other Azure
libraries of the ``azure`` namespace.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 600  # seconds: two builds, a venv and one pip install with dependencies
CHECK_IMPORT = (
    "import pathlib, azure.ai.inference as sdk, azure.ai.inference.aio, azure.ai.inference.models;"
    "print(sdk.__version__, (pathlib.Path(sdk.__file__).parent / 'py.typed').is_file())"
)


def _run(command: List[str], cwd: Path) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _tracked_copy(destination: Path) -> Path:
    files = _run(["git", "ls-files", "-z"], ROOT).split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
    return destination


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dist folder of ``python -m build`` run on a clean copy of the repository."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the build test copies the tracked files")
    source = _tracked_copy(tmp_path_factory.mktemp("checkout"))
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)], source)
    return dist


def _version() -> str:
    namespace: Dict[str, object] = {}
    exec((ROOT / "azure" / "ai" / "inference" / "_version.py").read_text(encoding="utf-8"), namespace)
    return str(namespace["VERSION"])


@pytest.mark.timeout(TIMEOUT)
def test_the_wheel_holds_the_package_and_its_marker_only(built: Path) -> None:
    (wheel,) = built.glob("*.whl")
    assert wheel.name == f"azure_ai_inference-{_version()}-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    package = [name for name in names if not name.startswith("azure_ai_inference-")]
    assert "azure/ai/inference/py.typed" in package
    assert "azure/ai/inference/_version.py" in package
    assert all(name.startswith("azure/ai/inference/") for name in package)
    assert "azure/__init__.py" not in names and "azure/ai/__init__.py" not in names
    metadata = zipfile.ZipFile(wheel).read(f"azure_ai_inference-{_version()}.dist-info/METADATA").decode()
    for extra in ("aio", "opentelemetry", "prompts", "orjson"):
        assert f"Provides-Extra: {extra}" in metadata


@pytest.mark.timeout(TIMEOUT)
def test_the_sdist_holds_the_package_and_not_the_tests(built: Path) -> None:
    (sdist,) = built.glob("*.tar.gz")
    assert sdist.name == f"azure_ai_inference-{_version()}.tar.gz"
    names = tarfile.open(sdist).getnames()
    top = f"azure_ai_inference-{_version()}"
    for name in ("pyproject.toml", "README.md", "LICENSE", "azure/ai/inference/py.typed"):
        assert f"{top}/{name}" in names
    assert not [name for name in names if name.startswith(f"{top}/tests/")]


@pytest.mark.timeout(TIMEOUT)
def test_the_wheel_installs_and_imports_in_a_fresh_venv(built: Path, tmp_path: Path) -> None:
    (wheel,) = built.glob("*.whl")
    _run([sys.executable, "-m", "venv", str(tmp_path / "venv")], tmp_path)
    python = str(tmp_path / "venv" / "bin" / "python")
    _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], tmp_path)
    assert _run([python, "-c", CHECK_IMPORT], tmp_path).split() == [_version(), "True"]
