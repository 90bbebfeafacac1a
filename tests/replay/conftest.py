"""Fixtures of the replay tests: the recordings folder (skipped when ``../shared`` is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.replay.recordings import RECORDINGS_FOLDER, Recordings


@pytest.fixture
def recordings(shared_dir: Path) -> Recordings:
    """The recorded real-service traffic; skips the test when the folder is absent."""
    directory = shared_dir / RECORDINGS_FOLDER
    if not directory.is_dir():
        pytest.skip(f"{directory} is absent: the recordings of real service traffic live outside the repository")
    return Recordings(directory)
