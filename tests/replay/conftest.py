"""Fixtures of the replay tests: the recordings folder (``tests/data/recordings``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.replay.recordings import RECORDINGS_FOLDER, Recordings


@pytest.fixture
def recordings(shared_dir: Path) -> Recordings:
    """The recorded real-service traffic."""
    return Recordings(shared_dir / RECORDINGS_FOLDER)
