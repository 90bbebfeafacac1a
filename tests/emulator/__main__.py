"""Run the emulator as a process: ``python -m tests.emulator --port 0``.

Prints the base URL (e.g. ``http://127.0.0.1:43125``) as the first stdout line, then serves until
SIGINT or SIGTERM and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType
from typing import List, Optional

from .server import Emulator


class _StopRequested(Exception):
    """Raised by the signal handler in the main thread to leave the wait."""


def parse_arguments(argv: Optional[List[str]] = None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(prog="python -m tests.emulator", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default 0: any free port)")
    parser.add_argument("--api-key", default="emulator-key", help="accepted key (default emulator-key)")
    parser.add_argument("--model-type", default="chat-completion", help="model_type answered by /info")
    parser.add_argument("--model-name", default="emulator-model", help="model_name answered by /info")
    parser.add_argument("--accept-token", action="append", default=[], help="extra accepted bearer token")
    return parser.parse_args(argv)


def build_emulator(arguments: argparse.Namespace) -> Emulator:
    """The (not yet started) emulator configured by the command line."""
    return Emulator(
        arguments.api_key,
        arguments.model_type,
        arguments.model_name,
        accepted_tokens=arguments.accept_token,
        host=arguments.host,
        port=arguments.port,
    )


def _request_stop(signum: int, frame: Optional[FrameType]) -> None:
    raise _StopRequested(signum)


def _wait_for_signal() -> None:
    if hasattr(signal, "pause"):
        while True:
            signal.pause()
    threading.Event().wait()


def main(argv: Optional[List[str]] = None) -> int:
    """Serve until SIGINT/SIGTERM; the first stdout line is the base URL."""
    emulator = build_emulator(parse_arguments(argv))
    signal.signal(signal.SIGINT, _request_stop)
    signal.signal(signal.SIGTERM, _request_stop)
    try:
        emulator.start()
        print(emulator.url, flush=True)
        _wait_for_signal()
    except _StopRequested:
        pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
