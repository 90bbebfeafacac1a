"""``python -m tests.emulator``: prints the base URL first, serves, exits 0 on SIGTERM/SIGINT."""

from __future__ import annotations

import json
import re
import selectors
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0


def _first_line(process: "subprocess.Popen[str]") -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(TIMEOUT), "the emulator printed nothing in time"
    return process.stdout.readline()


def _start(*arguments: str) -> "subprocess.Popen[str]":
    command = [sys.executable, "-m", "tests.emulator", "--port", "0", *arguments]
    return subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_cli_prints_url_serves_and_exits_zero_on_signal(stop_signal):
    with _start("--api-key", "k", "--model-type", "embeddings", "--model-name", "cli-model") as process:
        try:
            url = _first_line(process).rstrip("\n")
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
            request = urllib.request.Request(f"{url}/info?api-version=1", headers={"api-key": "k"})
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                info = json.loads(response.read())
            process.send_signal(stop_signal)
            assert process.wait(timeout=TIMEOUT) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=TIMEOUT)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    assert info == {"model_name": "cli-model", "model_type": "embeddings", "model_provider_name": "Emulator"}
    assert (stdout, stderr) == ("", "")
