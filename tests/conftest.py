"""Shared fixtures: the local emulator (one per session, on its own thread) and sync/aio client factories."""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator, Iterator

import pytest

from tests.emulator import Emulator
from tests.flavors import EMULATOR_KEY, ClientFactory
from tests.paths import SHARED



@pytest.fixture(scope="session")
def emulator_server() -> Iterator[Emulator]:
    """The emulator, listening on 127.0.0.1 before the fixture yields (no start-up polling)."""
    with Emulator(api_key=EMULATOR_KEY, accepted_tokens=["test-entra-token"]) as server:
        yield server


@pytest.fixture
def emulator(emulator_server: Emulator) -> Iterator[Emulator]:
    """The session's emulator with no recorded requests and no scripted replies."""
    emulator_server.clear()
    yield emulator_server
    emulator_server.clear()


@pytest.fixture(params=["sync", "aio"])
def flavor(request: pytest.FixtureRequest) -> str:
    """``sync`` or ``aio``: every behaviour test runs for both clients."""
    return str(request.param)


@pytest.fixture
async def clients(flavor: str, emulator: Emulator) -> AsyncIterator[ClientFactory]:
    """Builds clients of the test's flavor pointed at the emulator; closes them after the test."""
    factory = ClientFactory(flavor, emulator.url)
    yield factory
    await factory.close_all()


@pytest.fixture
def shared_dir() -> Path:
    """The test data kept in the repository (``tests/data``: spec, recordings)."""
    return SHARED
