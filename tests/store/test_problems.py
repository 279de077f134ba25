"""The dead-letter table: stored, replaced per stage and item, cleared once handled, counted by stats."""

from __future__ import annotations

from newsfuse.store import open_store
from newsfuse.store.problems import LIMITED, SKIPPED, Problem


def test_problems_round_trip_replace_and_clear(tmp_path):
    with open_store(tmp_path / "p.db") as store:
        store.record_problems(
            [
                Problem("extract", "a_1", SKIPPED, "boom", "v1:a_1"),
                Problem("ingest", "a_2", LIMITED, "title cut", "a_2"),
            ]
        )
        store.record_problems([Problem("extract", "a_1", SKIPPED, "boom again", "v2:a_1")])
        assert [(p.stage, p.item_id, p.reason) for p in store.problems(stage="extract")] == [
            ("extract", "a_1", "boom again")
        ]
        assert store.skipped_fingerprints("extract") == {"a_1": "v2:a_1"}
        assert store.stats()["problems_skipped"] == 1 and store.stats()["problems_limited"] == 1
        store.clear_problems("extract", ["a_1"])
        store.clear_problems("ingest", ["a_2"])  # a limit is a fact about the stored article: it stays
        assert [p.item_id for p in store.problems()] == ["a_2"]
