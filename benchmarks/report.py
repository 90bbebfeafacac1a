"""The result table: one row per workload and measure, with the ratio of ours to the floor and the target."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Dict, List

__all__ = ["Row", "format_table", "rows_as_json"]


@dataclass
class Row:
    """One line of the table: medians (seconds per operation, or bytes) of the floor, of the bare
    azure-core reference (0 when not measured) and of ours."""

    key: str
    title: str
    measure: str
    floor: float
    ours: float
    target: float = 0.0
    core: float = 0.0
    floor_wall: float = 0.0
    ours_wall: float = 0.0
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.floor if self.floor else float("inf")

    @property
    def core_ratio(self) -> float:
        return self.core / self.floor if self.floor and self.core else 0.0

    @property
    def met(self) -> str:
        if not self.target:
            return "-"
        return "yes" if self.ratio <= self.target else "NO"


def _amount(value: float, measure: str) -> str:
    if measure == "peak memory":
        return f"{value / 1e6:.1f} MB"
    if value >= 0.1:
        return f"{value:.3f} s"
    if value >= 1e-4:
        return f"{value * 1e3:.2f} ms"
    return f"{value * 1e6:.1f} us"


def _wall_ratio(row: Row) -> str:
    return f"{row.ours_wall / row.floor_wall:.2f}x" if row.floor_wall else "-"


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
        _wall_ratio(row),
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
    return [dict(asdict(row), ratio=row.ratio, core_ratio=row.core_ratio, met=row.met) for row in rows]
