"""Probes that need a fresh interpreter: W5 (a 512x1536 float embeddings response) and W6 (import).

Run by ``run.py`` as ``python -m benchmarks.fresh PROBE CLIENT [BASE_URL]``; prints one JSON object.
Only ``sys`` and ``time`` are imported before the measured code (no argparse, no json), so that the
import probe counts every module the measured import pulls in.

Probes:
    ``import``     CPU/wall time of ``import azure.ai.inference`` (ours) or ``import azure.core.pipeline``
                   (floor).
    ``construct``  the same import plus the first client construction (ours: ``ChatCompletionsClient``;
                   floor: a default ``azure.core.PipelineClient``).
    ``w5-time``    after a small warm-up call, CPU/wall time of one W5 call, and the growth of the
                   process's peak RSS (``ru_maxrss``) during it.
    ``w5-memory``  the same call under ``tracemalloc``: the peak of Python-allocated memory above the
                   level before the call (tracemalloc slows the call, so time is measured separately).
"""

from __future__ import annotations

import sys
import time
from typing import Any, Callable, Dict, List

__all__ = ["main"]

_ENDPOINT = "http://127.0.0.1:9"


def _timed(action: Callable[[], Any]) -> Dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


def _import(client: str) -> Dict[str, float]:
    module = "azure.ai.inference" if client == "ours" else "azure.core.pipeline"
    return _timed(lambda: __import__(module))


def _construct_ours() -> None:
    from azure.ai.inference import ChatCompletionsClient
    from azure.core.credentials import AzureKeyCredential

    ChatCompletionsClient(_ENDPOINT, AzureKeyCredential("key")).close()


def _construct_floor() -> None:
    import azure.core.pipeline  # noqa: F401  pylint: disable=unused-import
    from azure.core import PipelineClient

    PipelineClient(_ENDPOINT).close()


def _construct(client: str) -> Dict[str, float]:
    return _timed(_construct_ours if client == "ours" else _construct_floor)


def _w5_subjects(client: str, base_url: str) -> List[Any]:
    if client == "ours":
        from .ours import SyncOurs as Subject
    elif client == "core":
        from .core import SyncCore as Subject  # type: ignore[assignment]
    else:
        from .floor import SyncFloor as Subject  # type: ignore[assignment]
    return [Subject(base_url, "e1"), Subject(base_url, "w5")]


def _w5_time(client: str, base_url: str) -> Dict[str, float]:
    import gc
    import resource

    warm_up, subject = _w5_subjects(client, base_url)
    warm_up.embed(False)
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = _timed(lambda: subject.embed(False))
    result["rss_growth"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024.0
    return result


def _w5_memory(client: str, base_url: str) -> Dict[str, float]:
    import gc
    import tracemalloc

    warm_up, subject = _w5_subjects(client, base_url)
    warm_up.embed(False)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    subject.embed(False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"peak": float(peak - before)}


def main(argv: List[str]) -> None:
    """Run one probe and print its JSON result.

    :param argv: ``[probe, client]`` or ``[probe, client, base_url]``.
    :type argv: list[str]
    """
    probe, client = argv[0], argv[1]
    if probe == "import":
        result = _import(client)
    elif probe == "construct":
        result = _construct(client)
    elif probe == "w5-time":
        result = _w5_time(client, argv[2])
    else:
        result = _w5_memory(client, argv[2])
    import json

    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
