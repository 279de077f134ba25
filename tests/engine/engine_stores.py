"""Test helpers: one ingested store copied for each engine, processed through the CLI, and what the copies hold."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from newsfuse.store import open_store


def run(app, *args):
    return CliRunner().invoke(app, [str(a) for a in args])


def processed_copies(app, tmp_path: Path, inputs: list, engines=("local", "ray")) -> dict[str, dict]:
    """Ingest ``inputs`` once (store only), then ``newsfuse process`` a copy per engine; each copy's contents."""
    base = tmp_path / "ingested.db"
    result = run(app, "ingest", *inputs, "--store-only", "--db", base, "--quiet")
    assert result.exit_code == 0, result.output
    out = {}
    for engine in engines:
        db = tmp_path / f"{engine}.db"
        with sqlite3.connect(base) as source, sqlite3.connect(db) as copy:
            source.backup(copy)  # the same articles, ingest times included
        result = run(app, "process", "--db", db, "--engine", engine, "--json", "--quiet")
        assert result.exit_code == 0, result.output
        with open_store(db) as store:
            out[engine] = {"report": json.loads(result.stdout), **contents(store)}
    return out


def contents(store) -> dict:
    """Memberships, each article's extraction and each event's record (its claims included), as plain JSON."""
    events = {e: sorted(store.event_members(e)) for e in store.event_ids()}
    return {
        "events": events,
        "assignments": sorted((a.article_id, a.event_id, a.founded) for a in store.iter_assignments()),
        "extractions": {a: _plain(x.to_json()) for a in store.article_ids() if (x := store.get_extraction(a))},
        "records": {e: _plain(store.get_event_record(e).to_json()) for e in events},
    }


def claims_of(stored: dict) -> dict[str, list]:
    return {e: json.loads(record)["claims"] for e, record in stored["records"].items()}


def _plain(value) -> str:
    return json.dumps(value, sort_keys=True, default=str)
