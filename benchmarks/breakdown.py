"""Where a profiled client spends its time: cProfile's own time grouped by package, per operation.

A C function (``dict.get``, ``isinstance``, a socket read) has no package of its own: its time goes to
the package of the Python function that called it, in proportion to the calls from each caller. The
profiler inflates short Python calls more than C work, so read the shares rather than the absolute
numbers; ``--profile-client core`` shows the same breakdown for the bare azure-core reference.
"""

from __future__ import annotations

import pstats
from collections import defaultdict
from typing import Any, Dict, List, Tuple

__all__ = ["format_breakdown", "own_time_by_area"]

# (path fragment, area), first match wins; paths use "/" (normalised below)
_AREAS: List[Tuple[str, str]] = [
    ("/azure/ai/inference/", "azure-ai-inference (ours)"),
    ("/azure/core/", "azure-core"),
    ("/requests/", "requests"),
    ("/urllib3/", "urllib3"),
    ("/aiohttp/", "aiohttp"),
    ("/yarl/", "aiohttp (yarl, multidict)"),
    ("/multidict/", "aiohttp (yarl, multidict)"),
    ("/asyncio/", "asyncio"),
    ("/http/client.py", "http.client, socket, ssl"),
    ("/socket.py", "http.client, socket, ssl"),
    ("/ssl.py", "http.client, socket, ssl"),
    ("/json/", "json (stdlib)"),
    ("/benchmarks/", "benchmark harness (reads the fields)"),
]
_Key = Tuple[str, int, str]


def _area_of(path: str) -> str:
    path = path.replace("\\", "/")
    for fragment, area in _AREAS:
        if fragment in path:
            return area
    return "other Python (stdlib)"


def own_time_by_area(stats: pstats.Stats) -> Dict[str, float]:
    """Own time (seconds) per area, C functions charged to the areas of their callers.

    :param stats: The profile.
    :type stats: pstats.Stats
    :return: Area -> seconds.
    :rtype: dict[str, float]
    """
    table: Dict[_Key, Any] = stats.stats  # type: ignore[attr-defined]
    areas: Dict[str, float] = defaultdict(float)
    for (path, _line, _name), (_cc, _nc, own, _cum, callers) in table.items():
        if path != "~":
            areas[_area_of(path)] += own
            continue
        calls_by_caller = {caller: timing[1] for caller, timing in callers.items()}
        total_calls = sum(calls_by_caller.values()) or 1
        for caller, calls in calls_by_caller.items():
            areas[_area_of(caller[0]) if caller[0] != "~" else "C (called from C)"] += own * calls / total_calls
    return dict(areas)


def format_breakdown(areas: Dict[str, float], operations: int, unit: str) -> str:
    """The areas as lines of profiled microseconds per operation and share, largest first.

    :param areas: Area -> seconds, from :func:`own_time_by_area`.
    :type areas: dict[str, float]
    :param operations: Operations in the profiled batch.
    :type operations: int
    :param unit: What one operation is ("call", "chunk").
    :type unit: str
    :return: The text to print.
    :rtype: str
    """
    total = sum(areas.values()) or 1.0
    lines = [f"own time by area, profiled, per {unit} ({operations} {unit}s; C functions charged to their callers):"]
    for area, seconds in sorted(areas.items(), key=lambda item: -item[1]):
        lines.append(f"  {area:<42} {seconds / operations * 1e6:9.2f} us  {seconds / total:6.1%}")
    lines.append(f"  {'total':<42} {total / operations * 1e6:9.2f} us")
    return "\n".join(lines)
