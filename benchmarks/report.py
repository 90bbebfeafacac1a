"""The result table: one row per workload and measure, with the ratio of ours to the floor and the target."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from typing import Any, Dict, List

__all__ = ["Row", "build_row", "format_table", "paired_ratio", "rows_as_json"]


@dataclass
class Row:
    """One line of the table.

    ``floor``/``core``/``ours`` are medians (seconds per operation, or bytes; ``core`` is 0 when not
    measured). Ratios are paired: the median over rounds of ours / floor within the same round, which
    cancels the drift of the machine between rounds better than a ratio of medians.
    """

    key: str
    title: str
    measure: str
    floor: float
    core: float
    ours: float
    ratio: float
    core_ratio: float = 0.0
    wall_ratio: float = 0.0
    target: float = 0.0
    note: str = ""

    @property
    def met(self) -> str:
        if not self.target:
            return "-"
        return "yes" if self.ratio <= self.target else "NO"


def paired_ratio(numerators: List[float], denominators: List[float]) -> float:
    """Return the median of the per-round ratios (0 when there is nothing to compare).

    :param numerators: One value per round.
    :type numerators: list[float]
    :param denominators: One value per round, same rounds.
    :type denominators: list[float]
    :return: The median ratio.
    :rtype: float
    """
    ratios = [top / bottom for top, bottom in zip(numerators, denominators) if bottom]
    return statistics.median(ratios) if ratios else 0.0


def build_row(key: str, title: str, measure: str, values: Dict[str, List[float]], **extra: Any) -> Row:
    """Build a row from per-round values of ``floor``, ``ours`` and optionally ``core``.

    :param key: The workload id.
    :type key: str
    :param title: The workload description.
    :type title: str
    :param measure: ``CPU`` or ``peak memory``.
    :type measure: str
    :param values: Client -> one value per round.
    :type values: dict[str, list[float]]
    :keyword extra: ``wall_ratio``, ``target``, ``note``.
    :return: The row.
    :rtype: Row
    """
    core = values.get("core", [])
    return Row(
        key,
        title,
        measure,
        statistics.median(values["floor"]),
        statistics.median(core) if core else 0.0,
        statistics.median(values["ours"]),
        paired_ratio(values["ours"], values["floor"]),
        paired_ratio(core, values["floor"]) if core else 0.0,
        **extra,
    )


def _amount(value: float, measure: str) -> str:
    if measure == "peak memory":
        return f"{value / 1e6:.1f} MB"
    if value >= 0.1:
        return f"{value:.3f} s"
    if value >= 1e-4:
        return f"{value * 1e3:.2f} ms"
    return f"{value * 1e6:.1f} us"


def _cells(row: Row) -> List[str]:
    target = f"<= {row.target:.1f}x" if row.target else "info"
    return [
        row.key,
        row.title,
        row.measure,
        _amount(row.floor, row.measure),
        _amount(row.core, row.measure) if row.core else "-",
        _amount(row.ours, row.measure),
        f"{row.ratio:.2f}x",
        f"{row.core_ratio:.2f}x" if row.core else "-",
        target,
        row.met,
        f"{row.wall_ratio:.2f}x" if row.wall_ratio else "-",
        row.note,
    ]


_HEADER = ["id", "workload", "measure", "floor", "core", "ours", "ratio", "core ratio", "target", "met?", "wall ratio",
           "note"]


def format_table(rows: List[Row]) -> str:
    """Format the rows as an aligned plain-text table.

    :param rows: The rows.
    :type rows: list[Row]
    :return: The table, with a header line and a rule.
    :rtype: str
    """
    lines = [_HEADER] + [_cells(row) for row in rows]
    widths = [max(len(line[column]) for line in lines) for column in range(len(_HEADER))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines]
    text.insert(1, "-" * len(text[0]))
    return "\n".join(text)


def rows_as_json(rows: List[Row]) -> List[Dict[str, Any]]:
    """Return the rows as JSON-ready dicts, ratio and verdict included.

    :param rows: The rows.
    :type rows: list[Row]
    :return: One dict per row.
    :rtype: list[dict[str, Any]]
    """
    return [dict(asdict(row), met=row.met) for row in rows]
