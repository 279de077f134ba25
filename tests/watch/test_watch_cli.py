"""``newsfuse watch`` against a loopback feed: one event from the seeds, 304s, later items, SIGKILL, SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

from watch_support import FOLLOW_UP, REPO, Item, wait_for

from newsfuse.errors import StoreError
from newsfuse.store import open_store


def counts(db) -> dict:
    with open_store(db, readonly=True) as store:
        q = lambda sql: store.db.query(sql)[0][0]  # noqa: E731
        return {
            "articles": q("SELECT COUNT(*) FROM articles"),
            "members": q("SELECT COUNT(*) FROM event_members"),
            "extractions": q("SELECT COUNT(*) FROM extractions"),
            "events": q("SELECT COUNT(DISTINCT event_id) FROM event_members"),
            "records": q("SELECT COUNT(*) FROM event_records"),
            "fetches": q("SELECT COALESCE(SUM(fetches), 0) FROM watch_sources"),
        }


def fused_counts(db) -> dict | None:
    """The counts once the store exists and holds a fused record."""
    try:
        found = counts(db)
    except (StoreError, sqlite3.Error):  # not created, or not migrated yet
        return None
    return found if found["records"] else None


def fused_sources(db) -> set[str]:
    """Article ids named as sources by the stored event records."""
    with open_store(db, readonly=True) as store:
        return {s.article_id for r in store.iter_event_records() for s in r.sources}


def test_watch_follows_a_feed_resumes_after_sigkill_and_stops_on_sigterm(feed, start_watch, tmp_path):
    db = tmp_path / "watch.db"
    args = (feed.url, "--db", str(db), "--every", "2", "--allow-private")
    watch = start_watch(*args)

    seeded = wait_for(lambda: fused_counts(db), "the seeds", watch)
    assert seeded["articles"] == 3 and seeded["members"] == 3 and seeded["extractions"] == 3
    assert seeded["events"] == 1, "the three seed reports are one event"
    wait_for(lambda: 304 in feed.statuses, "a 304 for the unchanged feed", watch, timeout=30)

    with feed.lock:
        feed.items.append(FOLLOW_UP)
    wait_for(lambda: len(fused_sources(db)) == 4, "the added item in a fused record", watch, timeout=30)

    # Killed without warning right after a new item is stored (its processing most likely in flight) ...
    late = Item(
        "follow-up-2",
        "Japan and Turkiye to deepen drone cooperation",
        FOLLOW_UP.text.replace("toured", "visited").replace("Wednesday", "Thursday")
        + "\nTalks will continue in Tokyo.",
        "2025-08-21",
    )
    with feed.lock:
        feed.items.append(late)
    wait_for(lambda: counts(db)["articles"] == 5, "the second added item stored", watch, timeout=30)
    assert watch.kill(signal.SIGKILL) == -signal.SIGKILL

    # ... a restarted watcher finishes the work and stores nothing twice.
    before = counts(db)["fetches"]
    watch = start_watch(*args)
    wait_for(lambda: counts(db)["fetches"] >= before + 2, "two polls after the restart", watch, timeout=60)
    wait_for(lambda: len(fused_sources(db)) == 5, "every article in a fused record", watch, timeout=30)
    assert "indexes: snapshot loaded" in watch.stderr(), "the restart loads the kept indexes, not rebuilds them"
    after = counts(db)
    assert after["articles"] == after["members"] == after["extractions"] == 5

    assert watch.kill(signal.SIGTERM) == 0, watch.stderr()
    assert "stopped" in watch.stderr().splitlines()[-1]

    shown = subprocess.run(
        [sys.executable, "-m", "newsfuse.cli.main", "sources", "--db", str(db), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    (source,) = json.loads(shown.stdout)
    assert source["name"] == feed.url and source["items_new"] == 5 and source["etag"]
    assert source["status"] in {"ok", "not-modified"} and source["last_fetch"]
