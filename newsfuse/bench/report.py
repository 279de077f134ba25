"""One result row shape for every benchmark, printed as a table and as JSON."""

from __future__ import annotations

import json
import resource
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True, slots=True)
class BenchRow:
    benchmark: str  # "cluster", "extract", "serve", ...
    metric: str  # "articles/s lexical-only"
    value: float
    unit: str
    baseline: float | None = None  # the same metric for the baseline, measured in the same run
    baseline_name: str | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_report(rows: Iterable[BenchRow], stream=sys.stdout) -> None:
    rows = list(rows)
    table = Table(title="newsfuse benchmarks")
    for column in ("benchmark", "metric", "value", "unit", "baseline", "ratio", "note"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.benchmark,
            row.metric,
            f"{row.value:,.2f}",
            row.unit,
            "" if row.baseline is None else f"{row.baseline:,.2f} ({row.baseline_name})",
            "" if row.ratio is None else f"{row.ratio:,.2f}x",
            row.note,
        )
    Console(file=sys.stderr).print(table)
    payload = [dict(asdict(row), ratio=row.ratio) for row in rows]
    stream.write(json.dumps({"benchmarks": payload}, indent=2) + "\n")
