"""What two stores must agree on after the same run: events and their members, extractions, and each record."""

from __future__ import annotations

import json


def contents(store) -> dict:
    """Memberships, each article's extraction and each event's record (claims included), as plain JSON."""
    events = {e: sorted(store.event_members(e)) for e in store.event_ids()}
    return {
        "events": events,
        "assignments": sorted((a.article_id, a.event_id, a.founded) for a in store.iter_assignments()),
        "extractions": {a: _plain(store.get_extraction(a).to_json()) for m in events.values() for a in m},
        "records": {e: _plain(store.get_event_record(e).to_json()) for e in events},
    }


def _plain(value) -> str:
    return json.dumps(value, sort_keys=True, default=str)
