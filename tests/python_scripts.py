"""Run a Python script in a fresh interpreter, as a user would, for the samples and documentation tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Tuple


def run_python_script(arguments: List[str], environment: Dict[str, str], cwd: Path, timeout: float) -> Tuple[int, str, str]:
    """Run ``python -W always::ResourceWarning <arguments>`` to completion; returns (exit code, stdout, stderr)."""
    completed = subprocess.run(
        [sys.executable, "-W", "always::ResourceWarning", *arguments],
        env=environment,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return completed.returncode, completed.stdout, completed.stderr
