"""What a store holds, minus timestamps: two runs that did the same work compare equal."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

# Keys that name when something happened, not what: they differ between any two runs.
_TIMES = {"ingested_at", "first_seen", "last_updated", "fused_at", "extracted_at", "recorded_at", "merged_at"}


def _timeless(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if k not in _TIMES}
    if isinstance(value, list):
        return [_timeless(v) for v in value]
    return value


def snapshot(db: Path) -> dict[str, Any]:
    """Articles, links, events, memberships, extractions, entities, records and problems of the store at ``db``."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

        def rows(sql: str) -> list[tuple]:
            return sorted(tuple(r) for r in conn.execute(sql))

        return {
            "articles": rows("SELECT id, title, text, published, published_via, source, url, extra FROM articles"),
            "links": rows("SELECT article_id, relation, target_id, kind, round(score, 4) FROM article_links"),
            "events": rows("SELECT id, founded_by FROM events"),
            "members": rows("SELECT article_id, event_id, round(score, 4), founded FROM event_members"),
            "aliases": rows("SELECT alias_id, event_id FROM event_aliases"),
            "extractions": rows("SELECT article_id, extractor_version, payload FROM extractions"),
            "entities": rows("SELECT id, canonical, label, aliases, country_code FROM entities"),
            "records": sorted(
                (r[0], r[1], json.dumps(_timeless(json.loads(r[2])), sort_keys=True))
                for r in conn.execute("SELECT id, fingerprint, record FROM event_records")
            ),
            "problems": rows("SELECT stage, item_id, kind, reason FROM problems"),
        }
    finally:
        conn.close()
