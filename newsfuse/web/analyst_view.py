"""What the event page adds for the analyst's daily work: readable outlet names and titles, the map, the
coverage chart, news times and precision, the "updated: ..." line and the corrections made to the event."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsfuse.curate.history import describe, update_summary
from newsfuse.curate.overlay import UNTITLED, first_sentence, host_of
from newsfuse.curate.precision import news_times
from newsfuse.records.claims import event_record_from_json
from newsfuse.web.coverage_chart import coverage_chart
from newsfuse.web.worldmap import event_map

_RAW_ID = re.compile(r"^a_[0-9a-f]{12,}$")


def outlet_name(source: Mapping[str, Any]) -> str:
    """The outlet as a reader knows it: its name, else its web host; never an internal id."""
    outlet = (source.get("outlet") or "").strip()
    if outlet and not _RAW_ID.match(outlet):
        return outlet
    return host_of(source.get("url") or "") or "unnamed outlet"


def readable_sources(store, sources: list[dict[str, Any]]) -> None:
    """Outlet names for every column, and a title from the first sentence for untitled reports (marked)."""
    for source in sources:
        source["outlet"] = outlet_name(source)
        title = source.get("title") or ""
        source["title_derived"] = title.startswith(UNTITLED) or not title
        if title.startswith(UNTITLED):
            source["title"] = title[len(UNTITLED) :]
        elif not title:  # a record stored before titles were made
            article = store.get_article(source["article_id"])
            source["title"] = first_sentence(article.text) if article is not None else ""


def event_corrections(store, event_id: str, article_ids: set[str], claim_ids: set[str]) -> list:
    """Corrections that touched this event: by its id, its articles or its claims."""
    out = []
    for correction in store.corrections():
        payload, op = correction.payload, correction.payload.get("op", {})
        touched = {correction.target, payload.get("event"), op.get("event"), payload.get("new_event")}
        touched |= set(op.get("events", ())) | set(op.get("articles", ()))
        named = correction.kind == "outlet" and event_id in store.events_with_host(correction.target)
        if event_id in touched or touched & article_ids or correction.target in claim_ids or named:
            out.append(correction)
    return out


def analyst_view(store, record: Mapping[str, Any], model: dict[str, Any]) -> dict[str, Any]:
    readable_sources(store, model["sources"])
    versions = store.record_versions(model["id"])
    corrections = event_corrections(
        store, model["id"], {s["article_id"] for s in model["sources"]}, {c["id"] for c in model["claims"]}
    )
    return {
        "news": record.get("news") or news_times(event_record_from_json(dict(record))),
        "map": event_map(model["places"]),
        "coverage": coverage_chart(model["sources"]),
        "updated": update_summary(versions, corrections),
        "version_count": len(versions),
        "corrections": corrections,
        "versions": [{**v.to_json(), "summary": describe(v.changes)} for v in versions],
    }
