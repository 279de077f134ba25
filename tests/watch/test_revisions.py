"""A changed text under a stored URL/GUID is a new version of that article, re-extracted and re-fused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

from watch_support import REPO

from newsfuse.store import open_store

UPDATE = "\nUpdate: Baykar said on Thursday that Japan had agreed to buy 24 Bayraktar TB2 drones for $410 million."


def test_a_revised_item_is_a_second_version_not_a_second_article(feed, watcher_for, tmp_path):
    db = tmp_path / "rev.db"
    with open_store(db) as store:
        watcher = watcher_for(store, [feed.url])
        watcher.prepare()
        watcher.run(once=True)
        (event_id,) = store.event_ids()
        before = store.get_event_record(event_id).to_json()
        seed = next(a for a in store.iter_articles() if a.url.endswith("/story/seed-1"))

        with feed.lock:
            feed.items[1] = replace(feed.items[1], text=feed.items[1].text + UPDATE)
        watcher.run(once=True)

        assert store.count_articles() == 3, "a revision is not a new article"
        revised = store.get_article(seed.id)
        assert revised.text.endswith("$410 million.") and revised.id == seed.id
        versions = store.article_versions(seed.id)
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].text == seed.text and versions[1].text == revised.text
        assert store.event_ids() == [event_id] and store.event_of(seed.id) == event_id
        after = store.get_event_record(event_id).to_json()
        assert after != before, "the event's record is re-fused from the new text"
        assert after["independent_sources"] == before["independent_sources"]
        assert "410" in json.dumps(after) and "410" not in json.dumps(before)
        assert store.get_source(feed.url).items_revised == 1

        watcher.run(once=True)  # the same revised feed again: nothing new
        assert len(store.article_versions(seed.id)) == 2 and store.count_articles() == 3

    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsfuse.cli.main",
            "show",
            versions[1].content_id,
            "--versions",
            "--db",
            str(db),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    listed = json.loads(shown.stdout)
    assert listed["article_id"] == seed.id and [v["version"] for v in listed["versions"]] == [1, 2]
