"""The coverage chart of an event page: one row per outlet, one mark per report on a shared time axis,
so an analyst sees who reported when (publication dates; reports without one are counted apart)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

WIDTH = 600  # drawing units of the time axis
ROW = 22


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def coverage_chart(sources: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Rows of outlets with their reports placed by publication day; None when no report has a date."""
    sources = list(sources)
    days = [d for d in (_day(s.get("published")) for s in sources) if d]
    if not days:
        return None
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    rows: dict[str, dict[str, Any]] = {}
    for source in sources:
        name = source.get("display_outlet") or source.get("outlet") or "unnamed outlet"
        row = rows.setdefault(name, {"outlet": name, "marks": [], "undated": 0})
        day = _day(source.get("published"))
        if day is None:
            row["undated"] += 1
            continue
        x = 0 if first == last else round((day - first).days / span * WIDTH, 1)
        row["marks"].append({"x": x, "day": day.isoformat(), "title": source.get("title", "")})
    ordered = sorted(rows.values(), key=lambda r: (-len(r["marks"]) - r["undated"], r["outlet"]))
    for index, row in enumerate(ordered):
        row["y"] = index * ROW + ROW // 2
        row["count"] = len(row["marks"]) + row["undated"]
    return {
        "rows": ordered,
        "width": WIDTH,
        "height": len(ordered) * ROW,
        "first": first.isoformat(),
        "last": last.isoformat(),
    }
