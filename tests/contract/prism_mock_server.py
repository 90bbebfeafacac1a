"""Prism (``@stoplight/prism-cli``) as a child process: a validating mock of one OpenAPI document.

``prism mock --errors`` checks each request against the document. A valid request gets a 200 with a
body generated from the response schema; an invalid one gets a 422 whose JSON body lists the
violations (``validation``: ``location``, ``code``, ``message``), as long as the operation declares no
error response of its own (see ``prism_contract_document``). The server is ready when it prints
``Prism is listening on http://...``; its log is drained by a thread so the pipe never fills up.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PRISM = ROOT / "tools" / "prism" / "node_modules" / ".bin" / "prism"
READY_MARKER = "Prism is listening on "
START_TIMEOUT_SECONDS = 90


def prism_executable() -> Path:
    """``$PRISM_BIN`` if set, else the copy ``make test`` installs under ``tools/prism``."""
    return Path(os.environ.get("PRISM_BIN") or DEFAULT_PRISM)


def why_prism_cannot_run() -> Optional[str]:
    """A reason to skip the contract tests, or ``None`` when Prism can run here."""
    if shutil.which("node") is None:
        return "node is not installed: the contract tests need Prism, a Node.js program"
    if not prism_executable().is_file():
        return f"Prism is not installed at {prism_executable()} (run `make test`, or set PRISM_BIN)"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrismServer:
    """``prism mock -h 127.0.0.1 -p <free port> --errors <document>``, started and stopped by the tests."""

    def __init__(self, document: Path) -> None:
        self.document = document
        self.url = ""
        self.log: List[str] = []
        self._process: Optional[subprocess.Popen[str]] = None
        self._drain: Optional[threading.Thread] = None
        self._ready = threading.Event()

    def start(self) -> None:
        """Start Prism and return once it listens (it says so on stdout); raises if it does not."""
        port = free_port()
        command = [str(prism_executable()), "mock", "-h", "127.0.0.1", "-p", str(port), "--errors", str(self.document)]
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True
        )
        self._drain = threading.Thread(target=self._read_log, name="prism-log", daemon=True)
        self._drain.start()
        if not self._ready.wait(timeout=START_TIMEOUT_SECONDS) or not self.url:
            self.stop()
            raise RuntimeError("Prism did not start:\n" + "\n".join(self.log[-40:]))

    def _read_log(self) -> None:
        """Collect Prism's output; note the URL from the "listening" line; wake ``start`` at the end too."""
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self.log.append(line.rstrip("\n"))
            if READY_MARKER in line and not self.url:
                self.url = line.split(READY_MARKER, 1)[1].strip()
                self._ready.set()
        self._ready.set()

    def stop(self) -> None:
        """Terminate Prism (kill it after 10 s) and close its pipe."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._drain is not None:
            self._drain.join(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process = None
