"""Fixtures for the prompt template tests: fixture paths, environment and prompty file writers."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    """The directory holding the static .prompty / prompty.json fixture files."""
    return FIXTURES


@pytest.fixture
def env_for_sub(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment of PROMPTS.md example 9.5."""
    monkeypatch.setenv("MY_DEPLOY", "dep-from-env")
    monkeypatch.setenv("MY_KEY", "sk-123")
    monkeypatch.setenv("MY_STOP", "  END  ")
    monkeypatch.setenv("MY_ENDPOINT", "https://ep")
    monkeypatch.delenv("MISSING_VAR", raising=False)


@pytest.fixture
def write_prompty(tmp_path: Path) -> Callable[..., Path]:
    """Write a file below ``tmp_path`` and return its absolute path."""

    def write(text: str, name: str = "test.prompty") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write
