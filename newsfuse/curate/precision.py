"""News times and precision of an event: the span it happened in, first and last reported (publication
dates, not ingest times), and how precisely its time and place are known (as ACLED codes them)."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsfuse.records.claims import EventRecord

# Most to least precise: what a place's kind says about where the event happened.
GEO_LEVELS = {"exact": 0, "site": 0, "address": 0, "city": 1, "town": 1, "region": 2, "province": 2, "state": 2}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def time_precision(record: EventRecord) -> str:
    """day, week, month, year or unknown: how closely the event's own time span is known."""
    granularity = record.time.granularity
    start, end = _day(record.time.start), _day(record.time.end or record.time.start)
    if granularity == "day" and start and end:
        days = (end - start).days
        return "day" if days == 0 else "week" if days <= 7 else "month" if days <= 31 else "year"
    return granularity if granularity in ("month", "year") else "unknown"


def geo_precision(record: EventRecord) -> str:
    """exact place, city, region, country or unknown: the most precise place the record names."""
    if not record.places:
        return "unknown"
    best = min(GEO_LEVELS.get(p.kind, 3) for p in record.places)
    return ("exact place", "city", "region", "country")[best]


def news_times(record: EventRecord) -> dict[str, Any]:
    """The event's time span and when it was first and last reported, from the reports' publication dates."""
    published = sorted(s.published for s in record.sources if s.published)
    return {
        "time_start": record.time.start,
        "time_end": record.time.end,
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "time_precision": time_precision(record),
        "geo_precision": geo_precision(record),
    }


def event_json(record: EventRecord) -> dict[str, Any]:
    """The record as ``/api/events/{id}`` and ``newsfuse event --format json`` give it: its JSON plus ``news``."""
    return {**record.to_json(), "news": news_times(record)}


def event_row(record: EventRecord) -> dict[str, Any]:
    """One line of ``newsfuse events``: what the listing shows, in the order it shows it."""
    return {
        "event_id": record.id,
        "headline": record.headline,
        **news_times(record),
        "article_count": len(record.sources),
        "independent_sources": record.independent_sources,
        "places": list(dict.fromkeys(p.name for p in record.places)),
        "outlets": list(dict.fromkeys(s.outlet for s in record.sources if s.outlet)),
        # Ingest-time bookkeeping, kept apart from the news times above.
        "first_seen": record.first_seen,
        "last_updated": record.last_updated,
    }
