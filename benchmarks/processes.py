"""Child processes of a benchmark run: the server, and the fresh interpreters of the W5/W6 probes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Dict, List, Optional, Type

from . import fresh

__all__ = ["BenchmarkServer", "probe_rounds"]

ROOT = Path(__file__).resolve().parents[1]


class BenchmarkServer:
    """``python -m benchmarks.server`` in its own process; ``base_url`` once entered."""

    def __init__(self) -> None:
        self._process: Optional[subprocess.Popen[str]] = None
        self.base_url = ""

    def __enter__(self) -> BenchmarkServer:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.server"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        port = int(self._process.stdout.readline())
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        assert self._process is not None and self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


def _probe_environment() -> Dict[str, str]:
    """The environment of a probe: byte-code caching on, into a cache outside the repository.

    Installed packages (azure-core) come with compiled byte code; without a cache our package would be
    compiled from source in every fresh interpreter (``PYTHONDONTWRITEBYTECODE`` is often set in
    development shells), which is not what an installed client costs.
    """
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "azure-ai-inference-benchmarks-pycache")
    return environment


def _probe(arguments: List[str]) -> Dict[str, float]:
    if arguments[0] in ("import", "construct"):
        command = [sys.executable, "-c", fresh.timed_snippet(arguments[0], arguments[1])]
    else:
        command = [sys.executable, "-m", "benchmarks.fresh", *arguments]
    completed = subprocess.run(
        command,
        cwd=ROOT,
        env=_probe_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"probe {arguments} failed:\n{completed.stderr}")
    result: Dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def probe_rounds(probe: str, rounds: int, clients: List[str], base_url: str = "") -> Dict[str, Dict[str, List[float]]]:
    """Run a fresh-interpreter probe ``rounds`` times per client, interleaved, after one warm-up each.

    :param probe: ``import``, ``construct``, ``w5-time`` or ``w5-memory`` (see ``fresh.py``).
    :type probe: str
    :param rounds: Runs per client.
    :type rounds: int
    :param clients: The clients to probe (``floor``, ``core``, ``ours``).
    :type clients: list[str]
    :param base_url: The server's base URL, for the W5 probes.
    :type base_url: str
    :return: Measure name -> client -> one value per round.
    :rtype: dict[str, dict[str, list[float]]]
    """
    arguments = {client: [probe, client, base_url] if base_url else [probe, client] for client in clients}
    for client in clients:
        _probe(arguments[client])  # warm-up: fills the byte-code cache
    measures: Dict[str, Dict[str, List[float]]] = {}
    for round_index in range(rounds):
        for client in clients if round_index % 2 == 0 else clients[::-1]:
            for name, value in _probe(arguments[client]).items():
                measures.setdefault(name, {}).setdefault(client, []).append(value)
    return measures
