"""Probes that need a fresh interpreter: W5 (a 512x1536 float embeddings response) and W6 (import).

W5 runs as ``python -m benchmarks.fresh PROBE CLIENT BASE_URL`` and prints one JSON object. W6 runs a
snippet with ``python -c`` (``IMPORT_SNIPPETS``), so that nothing but ``time`` is imported before the
measured import: not even ``typing``, which azure-core needs and would otherwise get for free.

Probes:
    ``import``     CPU/wall time of ``from azure.ai.inference import ChatCompletionsClient`` (ours) or
                   ``import azure.core.pipeline`` (floor).
    ``construct``  the same import plus the first client construction (ours: ``ChatCompletionsClient``;
                   floor: a default ``azure.core.PipelineClient``).
    ``w5-time``    after a small warm-up call, CPU/wall time of one W5 call, and the growth of the
                   process's peak RSS (``ru_maxrss``) during it.
    ``w5-memory``  the same call under ``tracemalloc``: the peak of Python-allocated memory above the
                   level before the call (tracemalloc slows the call, so time is measured separately).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Callable, Dict, List

__all__ = ["IMPORT_SNIPPETS", "NO_ORJSON", "main", "timed_snippet"]


def _timed(action: Callable[[], Any]) -> Dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}


_ENDPOINT = "http://127.0.0.1:9"
_CONSTRUCT_OURS = f"""from azure.ai.inference import ChatCompletionsClient
from azure.core.credentials import AzureKeyCredential
ChatCompletionsClient("{_ENDPOINT}", AzureKeyCredential("key")).close()"""
_CONSTRUCT_FLOOR = f"""from azure.core import PipelineClient
PipelineClient("{_ENDPOINT}").close()"""
NO_ORJSON = "AZURE_AI_INFERENCE_BENCHMARKS_NO_ORJSON"
"""Environment variable: when set, probes hide orjson from our client (the stdlib JSON path)."""
_TIMED_SNIPPET = """import sys, time
{hide}_cpu, _wall = time.process_time(), time.perf_counter()
{code}
print('{{"cpu": %r, "wall": %r}}' % (time.process_time() - _cpu, time.perf_counter() - _wall))"""

IMPORT_SNIPPETS: Dict[str, str] = {
    "import ours": "from azure.ai.inference import ChatCompletionsClient",
    "import floor": "import azure.core.pipeline",
    "construct ours": _CONSTRUCT_OURS,
    "construct floor": _CONSTRUCT_FLOOR,
}
"""``probe client`` -> the code a W6 probe times in a fresh ``python -c``."""


def timed_snippet(probe: str, client: str) -> str:
    """Return the ``python -c`` program of a W6 probe: the snippet between two clock readings.

    :param probe: ``import`` or ``construct``.
    :type probe: str
    :param client: ``ours`` or ``floor``.
    :type client: str
    :return: The program, which prints ``{"cpu": ..., "wall": ...}``.
    :rtype: str
    """
    hide = "sys.modules['orjson'] = None\n" if os.environ.get(NO_ORJSON) else ""
    return _TIMED_SNIPPET.format(code=IMPORT_SNIPPETS[f"{probe} {client}"], hide=hide)


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

    :param argv: ``[probe, client, base_url]``, probe ``w5-time`` or ``w5-memory``.
    :type argv: list[str]
    """
    probe, client, base_url = argv
    if os.environ.get(NO_ORJSON):
        sys.modules["orjson"] = None  # type: ignore[assignment]
    result = _w5_time(client, base_url) if probe == "w5-time" else _w5_memory(client, base_url)
    import json

    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
