"""``make demo``'s script: it starts its own emulator, runs the demo samples, and honours real endpoints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict

from tests.emulator import Emulator
from tests.flavors import EMULATOR_KEY

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "scripts" / "demo.py"
DEMO_TIMEOUT_SECONDS = 300


def run_demo(extra_environment: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AZURE_")}
    environment.update(extra_environment)
    return subprocess.run(
        [sys.executable, str(DEMO)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=DEMO_TIMEOUT_SECONDS,
        stdin=subprocess.DEVNULL,
    )


def test_demo_runs_every_demo_sample_against_its_own_emulator() -> None:
    completed = run_demo({})
    assert completed.returncode == 0, completed.stdout + completed.stderr
    output = completed.stdout
    assert output.count("the local emulator at http://127.0.0.1:") == 3
    for header in (
        "=== sample_chat_completions.py (sync) ===",
        "=== sample_chat_completions_streaming.py (sync) ===",
        "=== sample_chat_completions_with_tools.py (sync) ===",
        "=== sample_embeddings.py (sync) ===",
        "=== sample_image_embeddings.py (sync) ===",
        "=== async_samples/sample_chat_completions_async.py (async) ===",
        "=== async_samples/sample_chat_completions_streaming_async.py (async) ===",
        "=== async_samples/sample_chat_completions_with_tools_async.py (async) ===",
        "=== async_samples/sample_embeddings_async.py (async) ===",
        "=== async_samples/sample_image_embeddings_async.py (async) ===",
    ):
        assert header in output
    assert "There are 5,280 feet in a mile." in output
    assert "According to the get_weather tool, the result is: Nice weather" in output
    assert "data[2]: length=16, [" in output
    assert output.count("--- ok (") == 10
    assert output.rstrip().endswith("10 of 10 samples succeeded.")


def test_demo_sends_chat_samples_to_the_endpoint_named_in_the_environment(emulator: Emulator) -> None:
    completed = run_demo({"AZURE_AI_CHAT_ENDPOINT": emulator.url, "AZURE_AI_CHAT_KEY": EMULATOR_KEY})
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"AZURE_AI_CHAT_*: your endpoint {emulator.url}" in completed.stdout
    assert completed.stdout.count("the local emulator at") == 2
    # 6 chat samples, of which the two tools samples make two calls each; no embeddings came here.
    assert [request.path for request in emulator.requests] == ["/chat/completions"] * 8


def test_demo_exits_1_when_a_sample_fails(emulator: Emulator) -> None:
    completed = run_demo({"AZURE_AI_CHAT_ENDPOINT": emulator.url, "AZURE_AI_CHAT_KEY": "wrong-key"})
    assert completed.returncode == 1
    assert completed.stdout.count("--- FAILED with exit code 1") == 6
    assert "4 of 10 samples succeeded. Failed: sample_chat_completions.py, " in completed.stdout
