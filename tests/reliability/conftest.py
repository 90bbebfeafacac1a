"""Fixtures of the reliability tests: recorded retry waits (no real sleeping) and stalled-reply cleanup."""

from __future__ import annotations

import socket
from typing import Any, Callable, Iterator, List

import pytest

from tests.emulator import Emulator

def pytest_configure(config: pytest.Config) -> None:
    """Register the ``soak`` marker (the long soak test; deselect it with ``-m "not soak"``)."""
    config.addinivalue_line("markers", "soak: long-running soak test (about 20 s); runs by default")


JITTER_FRACTION = 0.5
"""The random fraction the watched retry policies draw: backoff waits are then exactly half the ceiling."""


class WaitRecorder:
    """Replaces a client's retry-policy wait with a recorder (and its random draw with a constant)."""

    def __init__(self) -> None:
        self.waits: List[float] = []

    def watch(self, client: Any, *, fraction: float = JITTER_FRACTION) -> List[float]:
        """Record ``client``'s waits between attempts instead of sleeping; return the list of waits."""
        policy = client._config.retry_policy
        policy._random = lambda: fraction
        policy._pause = self._async_pause if _is_async_client(client) else self._pause
        return self.waits

    def _pause(self, transport: Any, seconds: float) -> None:
        self.waits.append(seconds)

    async def _async_pause(self, transport: Any, seconds: float) -> None:
        self.waits.append(seconds)


def _is_async_client(client: Any) -> bool:
    return type(client).__module__.startswith("azure.ai.inference.aio")


@pytest.fixture
def record_waits() -> Callable[..., List[float]]:
    """``record_waits(client)`` makes the client's retries wait for nothing and returns the waits it chose."""
    return WaitRecorder().watch


@pytest.fixture
def stalls(emulator: Emulator) -> Iterator[Emulator]:
    """The emulator, with every stalled reply released after the test (so no server thread stays blocked)."""
    yield emulator
    emulator.release_stalls()


@pytest.fixture
def closed_port_url() -> str:
    """The URL of a 127.0.0.1 port on which nothing listens (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
