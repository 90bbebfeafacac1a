"""``make demo``: run the main samples (sync and async) against the local emulator and print what they print.

For each kind of endpoint the samples use (chat, embeddings, image embeddings), a real endpoint and
key found in the environment (``AZURE_AI_CHAT_ENDPOINT`` + ``AZURE_AI_CHAT_KEY``, and so on) are used
as they are; for every kind not set there, the samples talk to the local emulator
(``python -m tests.emulator``), started on a free port on 127.0.0.1 and stopped at the end.
Exits 0 when every sample succeeded, 1 otherwise.

Run from the repository root: ``python scripts/demo.py``.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EMULATOR_KEY = "emulator-key"
EMULATOR_START_TIMEOUT_SECONDS = 30
SAMPLE_TIMEOUT_SECONDS = 120

# (endpoint variable prefix, samples using it)
DEMO_SAMPLES: Dict[str, List[str]] = {
    "AZURE_AI_CHAT": [
        "sample_chat_completions.py",
        "sample_chat_completions_streaming.py",
        "sample_chat_completions_with_tools.py",
        "async_samples/sample_chat_completions_async.py",
        "async_samples/sample_chat_completions_streaming_async.py",
        "async_samples/sample_chat_completions_with_tools_async.py",
    ],
    "AZURE_AI_EMBEDDINGS": ["sample_embeddings.py", "async_samples/sample_embeddings_async.py"],
    "AZURE_AI_IMAGE_EMBEDDINGS": ["sample_image_embeddings.py", "async_samples/sample_image_embeddings_async.py"],
}


class EmulatorProcess:
    """The emulator as a child process; its first stdout line is its base URL."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.emulator", "--port", "0", "--api-key", EMULATOR_KEY],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        self.url = self._read_url()

    def _read_url(self) -> str:
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout=EMULATOR_START_TIMEOUT_SECONDS):
                self.stop()
                raise RuntimeError("the emulator printed no URL in time")
        line = self.process.stdout.readline().strip()
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError(f"the emulator did not start (first line: {line!r})")
        return line

    def stop(self) -> None:
        """Ask the emulator to stop (SIGINT), and kill it if it does not within 10 seconds."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def configured_kinds(environment: Dict[str, str]) -> List[str]:
    """The endpoint kinds for which the environment already names an endpoint and a key."""
    return [kind for kind in DEMO_SAMPLES if environment.get(f"{kind}_ENDPOINT") and environment.get(f"{kind}_KEY")]


def sample_environment(emulator_url: Optional[str], real_kinds: List[str]) -> Dict[str, str]:
    """The environment for the samples: real settings kept, the others pointed at the emulator."""
    environment = dict(os.environ)
    for kind in DEMO_SAMPLES:
        if kind not in real_kinds and emulator_url is not None:
            environment[f"{kind}_ENDPOINT"] = emulator_url
            environment[f"{kind}_KEY"] = EMULATOR_KEY
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return environment


def run_sample(relative_path: str, environment: Dict[str, str]) -> bool:
    """Run one sample with its output going straight to the terminal; True when it exits 0."""
    flavor = "async" if relative_path.startswith("async_samples/") else "sync"
    print(f"\n=== {relative_path} ({flavor}) ===", flush=True)
    started = time.monotonic()
    try:
        completed = subprocess.run(
            [sys.executable, str(SAMPLES / relative_path)],
            env=environment,
            stdin=subprocess.DEVNULL,
            timeout=SAMPLE_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        print(f"--- FAILED: no result after {SAMPLE_TIMEOUT_SECONDS} s", flush=True)
        return False
    elapsed = time.monotonic() - started
    if completed.returncode != 0:
        print(f"--- FAILED with exit code {completed.returncode}", flush=True)
        return False
    print(f"--- ok ({elapsed:.1f} s)", flush=True)
    return True


def describe_targets(emulator_url: Optional[str], real_kinds: List[str]) -> None:
    """Say where each kind of sample sends its requests."""
    for kind in DEMO_SAMPLES:
        if kind in real_kinds:
            print(f"{kind}_*: your endpoint {os.environ[kind + '_ENDPOINT']}")
        else:
            print(f"{kind}_*: the local emulator at {emulator_url}")


def main() -> int:
    """Start the emulator if needed, run every demo sample, stop the emulator; 0 when all passed."""
    real_kinds = configured_kinds(dict(os.environ))
    emulator = None if len(real_kinds) == len(DEMO_SAMPLES) else EmulatorProcess()
    try:
        describe_targets(emulator.url if emulator else None, real_kinds)
        environment = sample_environment(emulator.url if emulator else None, real_kinds)
        samples = [sample for kind_samples in DEMO_SAMPLES.values() for sample in kind_samples]
        failed = [sample for sample in samples if not run_sample(sample, environment)]
    finally:
        if emulator is not None:
            emulator.stop()
    summary = f"{len(samples) - len(failed)} of {len(samples)} samples succeeded."
    print(f"\n{summary} Failed: {', '.join(failed)}" if failed else f"\n{summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
