"""The benchmark command: ``python -m benchmarks [--quick] [--only W1,W2,...] [--json FILE] [--profile W2]``.

Starts the benchmark server in its own process, runs each workload for the floor client and ours with
interleaved rounds, and prints a table of medians (client CPU per operation) with the ratio of ours to
the floor and the target.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
from typing import Any, Callable, Dict, List, Optional

from . import core, floor, fresh, ours
from .breakdown import format_breakdown, own_time_by_area
from .measure import Series, profile_batch, run_workload
from .processes import BenchmarkServer, probe_rounds
from .report import Row, build_row, format_table, paired_ratio, rows_as_json
from .workloads import WORKLOADS, Workload, find

__all__ = ["main"]

_ALL_KEYS = [workload.key for workload in WORKLOADS] + ["W5", "W6"]


def _factories(workload: Workload, base_url: str) -> Dict[str, Callable[[], Any]]:
    if workload.is_async:
        return {
            "floor": lambda: floor.AsyncFloor(base_url, workload.route),
            "core": lambda: core.AsyncCore(base_url, workload.route),
            "ours": lambda: ours.AsyncOurs(base_url, workload.route),
        }
    return {
        "floor": lambda: floor.SyncFloor(base_url, workload.route),
        "core": lambda: core.SyncCore(base_url, workload.route),
        "ours": lambda: ours.SyncOurs(base_url, workload.route),
    }


def _first_update_note(series: Dict[str, Series]) -> str:
    floor_first, ours_first = series["floor"].first_update, series["ours"].first_update
    if not floor_first:
        return ""
    return f"first update {floor_first * 1e3:.2f} ms vs {ours_first * 1e3:.2f} ms"


def _workload_row(workload: Workload, base_url: str, rounds: int, quick: bool) -> Row:
    series = run_workload(workload, _factories(workload, base_url), rounds, quick)
    return build_row(
        workload.key,
        f"{workload.title} (per {workload.unit})",
        "CPU",
        {name: values.cpu for name, values in series.items()},
        wall_ratio=paired_ratio(series["ours"].wall, series["floor"].wall),
        target=workload.target,
        note=_first_update_note(series),
    )


def _w5_rows(base_url: str, rounds: int) -> List[Row]:
    clients = ["floor", "core", "ours"]
    timing = probe_rounds("w5-time", rounds, clients, base_url)
    memory = probe_rounds("w5-memory", rounds, clients, base_url)["peak"]
    growth = "/".join(f"{statistics.median(timing['rss_growth'][client]) / 1e6:.0f}" for client in clients)
    title = "512x1536 float embeddings, fresh process"
    wall_ratio = paired_ratio(timing["wall"]["ours"], timing["wall"]["floor"])
    return [
        build_row("W5", title, "CPU", timing["cpu"], wall_ratio=wall_ratio, target=1.3),
        build_row("W5", title, "peak memory", memory, target=1.2,
                  note=f"tracemalloc; peak RSS growth floor/core/ours {growth} MB"),
    ]


def _minima_note(values: Dict[str, List[float]]) -> str:
    return f"ratio of minima {min(values['ours']) / min(values['floor']):.2f}x"


def _w6_rows(rounds: int) -> List[Row]:
    imports = probe_rounds("import", rounds, ["floor", "ours"])
    construct = probe_rounds("construct", rounds, ["floor", "ours"])
    return [
        build_row("W6", "from azure.ai.inference import ChatCompletionsClient vs import azure.core.pipeline", "CPU",
                  imports["cpu"], wall_ratio=paired_ratio(imports["wall"]["ours"], imports["wall"]["floor"]),
                  target=1.3, note=_minima_note(imports["cpu"])),
        build_row("W6", "import + first ChatCompletionsClient vs PipelineClient", "CPU", construct["cpu"],
                  wall_ratio=paired_ratio(construct["wall"]["ours"], construct["wall"]["floor"]),
                  note=_minima_note(construct["cpu"])),
    ]


def _rows(keys: List[str], base_url: str, rounds: int, quick: bool) -> List[Row]:
    rows: List[Row] = []
    for key in keys:
        workload = find(key)
        if workload is not None:
            rows.append(_workload_row(workload, base_url, rounds, quick))
        elif key.upper() == "W5":
            rows.extend(_w5_rows(base_url, max(3, rounds // 2)))
        elif key.upper() == "W6":
            rows.extend(_w6_rows(2 * rounds))
        print(f"  {key} done", file=sys.stderr, flush=True)
    return rows


def _profile(key: str, base_url: str, client: str, limit: int) -> None:
    workload = find(key)
    if workload is None:
        raise SystemExit(f"--profile takes an in-process workload: {', '.join(w.key for w in WORKLOADS)}")
    factory = _factories(workload, base_url)[client]
    profiler = cProfile.Profile()
    batch = profile_batch(workload, factory, profiler)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats(limit)
    print(format_breakdown(own_time_by_area(stats), batch.ops, workload.unit))


def _json_parser_name() -> str:
    try:  # after --no-orjson took effect; versions of the package before the orjson extra have no parser module
        from azure.ai.inference._sansio import json_parser
    except ImportError:
        return "the standard library"
    fast = json_parser.fast_parser_name()
    return "the standard library (orjson not installed or hidden)" if fast is None else f"orjson ({fast})"


def _parse(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and smaller batches (~1 minute)")
    parser.add_argument("--only", default=",".join(_ALL_KEYS), help="comma-separated workload ids")
    parser.add_argument("--rounds", type=int, default=None, help="counted rounds (default 11, quick 5)")
    parser.add_argument("--json", default=None, help="also write the rows to this JSON file")
    parser.add_argument("--no-orjson", action="store_true", help="hide orjson from our client (stdlib JSON path)")
    parser.add_argument("--profile", default=None, metavar="ID", help="cProfile one workload instead")
    parser.add_argument("--profile-client", default="ours", choices=["ours", "core", "floor"])
    parser.add_argument("--profile-limit", type=int, default=30)
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    """Run the benchmarks and print the table; returns 0 (targets never fail the command).

    :param argv: Command-line arguments.
    :type argv: list[str] or None
    :return: The exit status.
    :rtype: int
    """
    args = _parse(argv)
    rounds = args.rounds or (5 if args.quick else 11)
    if args.no_orjson:
        sys.modules["orjson"] = None  # type: ignore[assignment]
        os.environ[fresh.NO_ORJSON] = "1"
    parser_name = _json_parser_name()
    with BenchmarkServer() as server:
        if args.profile:
            _profile(args.profile, server.base_url, args.profile_client, args.profile_limit)
            return 0
        rows = _rows([key.strip() for key in args.only.split(",") if key.strip()], server.base_url, rounds, args.quick)
    print(format_table(rows))
    targets = [row for row in rows if row.target]
    print(f"\ntargets met: {sum(row.met == 'yes' for row in targets)}/{len(targets)} (client CPU per operation, "
          f"median of {rounds} interleaved rounds; ratio = ours / floor)")
    print(f"ours parses JSON with {parser_name}; the floor and core use the standard library")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(rows_as_json(rows), out, indent=2)
    return 0
