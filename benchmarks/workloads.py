"""The in-process workloads (W1, W2, W2t, E1, E2, W3, W4): one batch each, run against any subject.

A subject is a floor client or ours (``floor.py``/``ours.py``). A batch returns how many operations it
did (calls, or streamed updates) and the times to the first update of its streams.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional

__all__ = ["Batch", "Workload", "WORKLOADS"]


@dataclass
class Batch:
    """What one batch did: ``ops`` operations, and the time to first update of each stream (seconds)."""

    ops: int
    first_update: List[float] = field(default_factory=list)


@dataclass(frozen=True)
class Workload:
    """One workload: its route on the server, its unit, its target ratio and its batch function.

    ``size`` is the number of calls or streams in a full batch; ``quick_size`` in ``--quick`` mode.
    """

    key: str
    title: str
    route: str
    unit: str
    target: float
    is_async: bool
    size: int
    quick_size: int
    run: Callable[[Any, int], Any]


def _calls(subject: Any, count: int) -> Batch:
    for _ in range(count):
        subject.chat()
    return Batch(count)


def _streams(tools: bool) -> Callable[[Any, int], Batch]:
    def run(subject: Any, count: int) -> Batch:
        batch = Batch(0)
        for _ in range(count):
            updates, first = subject.stream(tools)
            batch.ops += updates
            batch.first_update.append(first)
        return batch

    return run


def _embeddings(as_base64: bool) -> Callable[[Any, int], Batch]:
    def run(subject: Any, count: int) -> Batch:
        for _ in range(count):
            subject.embed(as_base64)
        return Batch(count)

    return run


async def _concurrent_calls(subject: Any, count: int) -> Batch:
    await asyncio.gather(*(subject.chat() for _ in range(count)))
    return Batch(count)


async def _concurrent_streams(subject: Any, count: int) -> Batch:
    results = await asyncio.gather(*(subject.stream(False) for _ in range(count)))
    return Batch(sum(updates for updates, _ in results), [first for _, first in results])


WORKLOADS: List[Workload] = [
    Workload("W1", "sequential sync chat calls", "chat", "call", 2.5, False, 300, 100, _calls),
    Workload("W2", "sync stream, 1,000 chunks", "stream", "chunk", 2.0, False, 4, 2, _streams(False)),
    Workload("W2t", "sync stream, 1,000 tool-call chunks", "stream-tools", "chunk", 2.0, False, 4, 2, _streams(True)),
    Workload("E1", "16x1536 float embeddings", "e1", "call", 1.3, False, 30, 10, _embeddings(False)),
    Workload("E2", "16x1536 base64 embeddings", "e2", "call", 2.5, False, 100, 40, _embeddings(True)),
    Workload("W3", "256 concurrent async calls", "chat", "call", 2.5, True, 256, 256, _concurrent_calls),
    Workload("W4", "32 concurrent async streams x 250", "stream-short", "chunk", 2.0, True, 32, 16, _concurrent_streams),
]


def find(key: str) -> Optional[Workload]:
    """Return the in-process workload named ``key`` (case-insensitive), if any.

    :param key: A workload key such as ``"W2t"``.
    :type key: str
    :return: The workload, or None.
    :rtype: Workload or None
    """
    return next((workload for workload in WORKLOADS if workload.key.lower() == key.lower()), None)
