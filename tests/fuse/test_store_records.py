"""Fused records in a real SQLite store: round trip, listing filters and cursor pagination."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fuse_fixtures import meeting_event

from newsfuse.fuse.record import fuse_event
from newsfuse.records.claims import TimeSpan
from newsfuse.store import open_store
from newsfuse.store.records import decode_cursor


@pytest.fixture(scope="module")
def lima(models):
    articles, extractions, links = meeting_event()
    return fuse_event(articles, extractions, links, models=models, event_id="ev_lima")


def _copies(record, count: int):
    """Records of distinct events, a day apart, for listing tests."""
    return [
        replace(record, id=f"ev_{n:03d}", time=TimeSpan(f"2024-03-{n + 1:02d}", f"2024-03-{n + 1:02d}", "day", "test"))
        for n in range(count)
    ]


def test_record_round_trips_through_the_store(tmp_path, lima):
    with open_store(tmp_path / "s.db") as store:
        store.put_event_records([lima], {lima.id: "fp1"})
        assert store.get_event_record("ev_lima") == lima
        assert store.get_event_record("ev_lim") == lima  # unique prefix
        assert store.event_record_fingerprints(["ev_lima", "ev_none"]) == {"ev_lima": "fp1"}
        store.put_event_records([lima], {lima.id: "fp2"})  # replacing keeps one row
        assert store.stats()["event_records"] == 1


def test_listing_filters(tmp_path, lima):
    with open_store(tmp_path / "s.db") as store:
        store.put_event_records([lima])
        assert [r.id for r in store.event_records(entity="Wang Li").records] == ["ev_lima"]
        assert [r.id for r in store.event_records(entity="lopez").records] == ["ev_lima"]  # surname, any case
        assert store.event_records(entity="Nobody Here").records == ()
        assert [r.id for r in store.event_records(place="PE").records] == ["ev_lima"]
        assert [r.id for r in store.event_records(q="Lopez meets").records] == ["ev_lima"]
        assert store.event_records(since="2024-03-05").records == ()
        assert [r.id for r in store.event_records(until="2024-03-04").records] == ["ev_lima"]
        assert [r.id for r in store.event_records(min_independent_sources=2).records] == ["ev_lima"]
        assert store.event_records(min_independent_sources=3).records == ()


def test_cursor_pagination_visits_every_record_once_latest_first(tmp_path, lima):
    with open_store(tmp_path / "s.db") as store:
        store.put_event_records(_copies(lima, 7))
        seen, cursor = [], None
        while True:
            page = store.event_records(limit=3, cursor=cursor)
            seen.extend(r.id for r in page.records)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == [f"ev_{n:03d}" for n in range(6, -1, -1)]
        with pytest.raises(ValueError, match="cursor"):
            decode_cursor("not-a-cursor")


def test_deleted_records_leave_no_lookup_rows(tmp_path, lima):
    with open_store(tmp_path / "s.db") as store:
        store.put_event_records([lima])
        store.delete_event_records([lima.id])
        assert store.get_event_record(lima.id) is None
        assert store.event_records(entity="Wang Li").records == ()
        assert store.event_records(q="Lopez").records == ()
