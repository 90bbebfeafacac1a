"""Timing of batches: client CPU (this process's CPU time) and wall time per operation, rounds interleaved.

The server runs in another process, so ``time.process_time()`` here counts only the client's work
(all of its threads). Each round runs every subject once; the order alternates from round to round so
that a slow drift of the machine does not favour one client. One warm-up round is not counted.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List

from .workloads import Batch, Workload

__all__ = ["Sample", "Series", "profile_batch", "run_workload"]


@dataclass
class Sample:
    """One timed batch, per operation: CPU seconds, wall seconds; and its streams' first-update times."""

    cpu: float
    wall: float
    first_update: List[float] = field(default_factory=list)


@dataclass
class Series:
    """The samples of one subject on one workload, one per round."""

    samples: List[Sample] = field(default_factory=list)

    @property
    def cpu(self) -> List[float]:
        return [sample.cpu for sample in self.samples]

    @property
    def wall(self) -> List[float]:
        return [sample.wall for sample in self.samples]

    @property
    def first_update(self) -> float:
        firsts = [first for sample in self.samples for first in sample.first_update]
        return statistics.median(firsts) if firsts else 0.0


def _sample(batch: Batch, cpu: float, wall: float) -> Sample:
    return Sample(cpu / batch.ops, wall / batch.ops, batch.first_update)


def _timed(workload: Workload, subject: Any, size: int) -> Sample:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    batch = workload.run(subject, size)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return _sample(batch, cpu, wall)


async def _timed_async(workload: Workload, subject: Any, size: int) -> Sample:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    batch = await workload.run(subject, size)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return _sample(batch, cpu, wall)


def _order(names: List[str], round_index: int) -> List[str]:
    return names if round_index % 2 == 0 else names[::-1]


def _run_sync(workload: Workload, subjects: Dict[str, Any], rounds: int, size: int) -> Dict[str, Series]:
    series = {name: Series() for name in subjects}
    try:
        for name, subject in subjects.items():
            _timed(workload, subject, max(1, size // 2))
        for round_index in range(rounds):
            for name in _order(list(subjects), round_index):
                series[name].samples.append(_timed(workload, subjects[name], size))
    finally:
        for subject in subjects.values():
            subject.close()
    return series


async def _run_async(workload: Workload, factories: Dict[str, Any], rounds: int, size: int) -> Dict[str, Series]:
    subjects = {name: factory() for name, factory in factories.items()}
    series = {name: Series() for name in subjects}
    try:
        for name, subject in subjects.items():
            await _timed_async(workload, subject, size)
        for round_index in range(rounds):
            for name in _order(list(subjects), round_index):
                series[name].samples.append(await _timed_async(workload, subjects[name], size))
    finally:
        for subject in subjects.values():
            await subject.close()
    return series


def run_workload(workload: Workload, factories: Dict[str, Any], rounds: int, quick: bool) -> Dict[str, Series]:
    """Run ``rounds`` interleaved rounds of ``workload`` for every subject factory (after one warm-up).

    :param workload: The workload.
    :type workload: Workload
    :param factories: Subject name -> zero-argument factory building the subject (called in the loop for
     async subjects, so that their sessions belong to it).
    :type factories: dict[str, Callable[[], Any]]
    :param rounds: Counted rounds.
    :type rounds: int
    :param quick: Use the workload's quick batch size.
    :type quick: bool
    :return: Subject name -> its series of samples.
    :rtype: dict[str, Series]
    """
    size = workload.quick_size if quick else workload.size
    if workload.is_async:
        return asyncio.run(_run_async(workload, factories, rounds, size))
    subjects = {name: factory() for name, factory in factories.items()}
    return _run_sync(workload, subjects, rounds, size)


def profile_batch(workload: Workload, factory: Any, profiler: Any) -> Batch:
    """Run one full batch of ``workload`` under ``profiler`` (enabled for that batch only), after a warm-up.

    :param workload: The workload.
    :type workload: Workload
    :param factory: Zero-argument factory of the subject.
    :type factory: Callable[[], Any]
    :param profiler: A ``cProfile.Profile``.
    :type profiler: cProfile.Profile
    :return: What the profiled batch did.
    :rtype: Batch
    """
    if workload.is_async:
        return asyncio.run(_profile_async(workload, factory, profiler))
    subject = factory()
    try:
        workload.run(subject, max(1, workload.size // 2))
        gc.collect()
        profiler.enable()
        batch: Batch = workload.run(subject, workload.size)
        profiler.disable()
    finally:
        subject.close()
    return batch


async def _profile_async(workload: Workload, factory: Any, profiler: Any) -> Batch:
    subject = factory()
    try:
        await workload.run(subject, workload.size)
        gc.collect()
        profiler.enable()
        batch: Batch = await workload.run(subject, workload.size)
        profiler.disable()
    finally:
        await subject.close()
    return batch
