"""Boundary guard: the shared no-I/O modules import no transport or pipeline and define no coroutine."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import List

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "azure" / "ai" / "inference"
FORBIDDEN = ("asyncio", "aiohttp", "requests", "urllib3", "httpx", "socket", "azure.core.pipeline")
PURE_MODULES = sorted(
    [*PACKAGE.glob("_sansio/*.py")]
    + [path for path in PACKAGE.glob("_tracing/*.py") if path.stem in ("attributes", "conventions", "events", "state")]
)


def _violations(path: Path) -> List[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.AsyncFunctionDef):
            found.append(f"async def {node.name}")
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found += [name for name in names if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)]
    return found


def test_there_are_shared_modules_to_check() -> None:
    assert {path.stem for path in PURE_MODULES} >= {"sse", "streaming", "payloads", "settings", "errors"}


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_shared_module_does_no_io(path: Path) -> None:
    assert _violations(path) == []
