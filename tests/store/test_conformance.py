"""One conformance suite for every store backend: SQLite and PostgreSQL must behave alike.

Each test runs on both (``store_url`` is parametrised in ``tests/conftest.py``; PostgreSQL is a real
server started for the session). ``fill`` calls every writer of the ``Store`` Protocol with the API
tests' reports and records plus small hand-made rows; ``snapshot`` calls every reader. The two backends'
snapshots must be equal, writing everything twice must change nothing, concurrent writers must not
double-store or lose an update, and a batch that fails or a writer killed mid-batch leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import re
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from api_fixtures import all_articles  # noqa: E402
from api_records import all_records  # noqa: E402

from newsfuse.records import Article, content_id  # noqa: E402
from newsfuse.records.mentions import ArticleExtraction, Entity, EntityMention, Sentence  # noqa: E402
from newsfuse.records.relations import (  # noqa: E402
    DerivationLink,
    DuplicateKind,
    DuplicateLink,
    EventAssignment,
    EventMerge,
    SharedPassage,
)
from newsfuse.store import Store, open_store  # noqa: E402
from newsfuse.store.alerts import Alert  # noqa: E402
from newsfuse.store.problems import LIMITED, SKIPPED, Problem  # noqa: E402
from newsfuse.store.relations import DedupState  # noqa: E402
from newsfuse.store.sources import SourceState  # noqa: E402

MODEL = "test-model"
PARSER = "test-parser"


def _entities(records) -> list[Entity]:
    found = {
        p.entity_id: Entity(p.entity_id, p.name, p.label, p.aliases, p.country_code)
        for r in records
        for p in r.participants
    }
    return list(found.values())


def _extraction(article: Article, entity: Entity) -> ArticleExtraction:
    name = entity.canonical.split()[-1]
    start = max(article.text.find(name), 0)
    mention = EntityMention(start, start + len(name), name, entity.label, entity.id, entity.canonical)
    return ArticleExtraction(article.id, "en", article.published, (Sentence(0, len(article.text)),), (mention,))


def fill(store: Store) -> None:
    """Every writer of the Protocol, once each, with data that exercises its keys."""
    articles, records = all_articles(), all_records()
    a, b, c = (x.id for x in articles[:3])
    store.add_articles(articles, run_id="conformance")
    revised = dataclasses.replace(
        articles[0], text=articles[0].text + " Updated later.", ingested_at="2025-06-03T00:00:00+00:00"
    )
    store.add_articles([dataclasses.replace(revised, id=content_id(revised.title, revised.text))], revisions=True)
    passage = SharedPassage(0, 10, 5, 15, 0.9)
    store.save_dedup(
        [DedupState(x.id, f"h{n}", bytes([n, 255, 0]), bytes([0, n])) for n, x in enumerate(articles)],
        [DuplicateLink(c, a, DuplicateKind.NEAR, 0.875, (passage,)), DerivationLink(b, a, 0.5, (passage,))],
    )
    store.save_clustering(
        [
            EventAssignment(a, "e_one", 1.0, True),
            EventAssignment(b, "e_one", 0.75),
            EventAssignment(c, "e_two", 1.0, True),
        ],
        [],
    )
    store.save_clustering([EventAssignment(c, "e_one", 0.6)], [EventMerge("e_two", "e_one", 0.6, c)])
    store.save_vectors(MODEL, {x.id: np.arange(4, dtype=np.float32) / (n + 3) for n, x in enumerate(articles)})
    store.save_parses(PARSER, {a: b"\x00\x01parse", b: b"\xffbytes"})
    store.count_host_passages([(a, "wire.example", [1, 2, 2**40]), (b, "wire.example", [2]), (a, "wire.example", [9])])
    store.save_content_status([(a, "ok", 120, 0), (b, "truncated", 40, 12)])
    store.save_input_copies([("dup-9", a), ("dup-3", b)])
    store.save_storylines([("e_one", "e_later", 0.123456, ["Brandt"])])
    entities = _entities(records)
    store.put_extractions(
        [_extraction(x, entities[n % len(entities)]) for n, x in enumerate(articles)], entities, "v-test"
    )
    store.put_event_records(records, {records[0].id: "fp-0"})
    store.forget_fingerprints([records[1].id])
    store.mark_fused([records[2].id])
    store.record_problems(
        [Problem("extract", c, SKIPPED, "too long", "fp1"), Problem("ingest", b, LIMITED, "date", "fp2", "2025-01-01")]
    )
    store.clear_problems("dedup", [a])
    correction = store.add_correction("pin", records[0].id, {"headline": "Pinned: ports"}, "ana", "by hand")
    store.add_correction("undo", correction.id, {}, "ana")
    store.add_user("ana", "admin", "hash-ana")
    store.add_user("bo", "read", "hash-bo")
    store.save_source(SourceState("https://feeds.example/rss", "url", 300.0, etag='"x"', fetches=3, items_new=2))
    store.mark_pending([b, c])
    store.clear_pending([b])
    watch = store.add_alert_watch("ports", words="port", min_sources=2)
    alert = Alert(
        "al_1",
        watch.id,
        records[0].id,
        "match",
        "",
        records[0].headline,
        2,
        "2025-06-02T10:00:00+00:00",
        next_attempt_at="2025-06-02T10:00:00+00:00",
    )
    store.record_alert_state(watch.id, records[0].id, 2, 1, [alert])
    store.record_delivery(alert.id, delivered=False, error="timeout", retry_at="2025-06-02T11:00:00+00:00")
    store.move_members({b: "e_split"})
    store.delete_entities(["x_nobody"])  # fmt: skip


_NOW = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")


def _plain(value):
    """JSON-able, with timestamps of today (written by the store's clock) replaced by a marker."""
    if dataclasses.is_dataclass(value):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.astype(float).tolist()
    if isinstance(value, bytes):
        return value.hex()
    if hasattr(value, "value") and not isinstance(value, (str, int, float)):  # enums
        return value.value
    if isinstance(value, str) and _NOW.match(value) and value[:10] == datetime.now(UTC).date().isoformat():
        return "<now>"
    return value


def snapshot(store: Store) -> dict:
    """Every reader of the Protocol."""
    articles, records = all_articles(), all_records()
    ids = [x.id for x in articles]
    first, event = ids[0], records[0].id
    watch = store.alert_watches()[0]
    out = {
        "articles": list(store.iter_articles()),
        "by_ingest": list(store.iter_articles(order="ingest", limit=2, offset=1)),
        "search": [x.id for x in store.iter_articles(query=articles[1].title.split()[0])],
        "filtered": [x.id for x in store.iter_articles(since="2000", until="2100", source=articles[0].source[:3])],
        "ids": store.article_ids(), "count": store.count_articles(), "has": store.has_articles([*ids, "a_missing"]),
        "get": [store.get_article(first), store.get_article("test-2"), store.get_article(first[:10])],
        "get_many": store.get_articles(ids[::-1]), "versions": store.article_versions(first),
        "version_owner": store.version_owner(first), "stream": store.stream_order(ids[::-1]),
        "dedup": store.dedup_processed(ids), "dedup_state": list(store.iter_dedup_state()),
        "links_for": store.links_for(ids), "links_to": store.links_to(first), "links": list(store.iter_links()),
        "events": store.event_ids(), "members": store.event_members("e_two"), "event_of": store.event_of(ids[2]),
        "resolve": store.resolve_event_id("e_two"), "aliases": store.event_aliases("e_one"),
        "clustered": store.clustered(ids), "assignments": list(store.iter_assignments()),
        "list_events": sorted(store.list_events(limit=10), key=lambda e: e.event_id),  # ordered by the clock "vectors": store.load_vectors(MODEL, ids),
        "parses": store.load_parses(PARSER, ids), "hosts": store.hosts_observed(ids),
        "passages": store.repeated_passages(1), "content": store.content_status(ids),
        "copies": store.input_copies(), "storyline": store.storyline_of("e_one"),
        "extraction": store.get_extraction(first), "extracted": store.extracted_ids(ids, "v-test"),
        "extracted_any": store.extracted_ids(ids), "entities": store.entities(), "entities_q": store.entities(query="a", limit=3),
        "entity": store.get_entity(records[0].participants[0].entity_id),
        "mentions": store.entity_mentions(records[0].participants[0].entity_id),
        "record": store.get_event_record(event), "record_prefix": store.get_event_record(event[:8]),
        "fingerprints": store.event_record_fingerprints([r.id for r in records]),
        "pages": [p.records for p in _pages(store)], "q": [r.id for r in store.iter_event_records(q=records[0].headline.split()[-1])],
        "entity_filter": [r.id for r in store.iter_event_records(entity=records[0].participants[0].name)],
        "place_filter": [r.id for r in store.iter_event_records(place=records[0].places[0].name.lower())],
        "time_filter": [r.id for r in store.iter_event_records(since="2000-01-01", until="2100", min_independent_sources=1)],
        "problems": store.problems(), "problems_stage": store.problems(stage="extract", item_id=ids[2]),
        "skipped": store.skipped_fingerprints("extract"), "lengths": store.text_lengths(ids),
        "unfused": store.unfused_event_ids(), "corrections": store.corrections(),
        "active": store.active_corrections(), "correction": store.get_correction("c_1"),
        "memberships": store.memberships(["e_one", "e_split"]), "events_of": store.events_of(ids),
        "host": store.events_with_host("wire.example"), "language": store.events_with_language("EN"),
        "claim": store.event_with_claim(records[0].claims[0].id), "record_versions": store.record_versions(event, True),
        "user": store.user_by_token_hash("hash-ana"), "users": store.users(),
        "source": store.get_source("https://feeds.example/rss"), "sources": store.list_sources(),
        "pending": store.pending_ids(), "watch": store.get_alert_watch(watch.id),
        "seen": store.alert_seen(watch.id, event), "alerts": store.list_alerts(), "due": store.alerts_due("2026-01-01"),
        "generation": store.alert_generation()[0::2],
        "parts": [store.article_stats(), store.relation_stats(), store.event_stats(), store.extraction_stats(),
                  store.event_record_stats(), store.problem_stats()], "stats": {k: v for k, v in store.stats().items() if k not in ("store", "backend")},
    }  # fmt: skip
    return _plain(out)


def _pages(store: Store):
    cursor = None
    while True:
        page = store.event_records(limit=1, cursor=cursor)
        yield page
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


@pytest.fixture(scope="module")
def sqlite_snapshot(tmp_path_factory):
    """What the reference backend (SQLite) reads back after ``fill``."""
    with open_store(tmp_path_factory.mktemp("reference") / "reference.db") as store:
        fill(store)
        return snapshot(store)


def test_every_protocol_method_is_exercised_here():
    source = Path(__file__).read_text(encoding="utf-8")
    methods = [n for n in dir(Store) if not n.startswith("_") and callable(getattr(Store, n))]
    assert len(methods) > 90
    missing = [n for n in methods if f".{n}(" not in source]
    assert missing == []


def test_store_meets_the_protocol(store_url):
    with open_store(store_url) as store:
        assert isinstance(store, Store)
        assert store.backend == ("postgresql" if store_url.startswith("postgresql") else "sqlite")


def test_every_reader_gives_what_sqlite_gives(store_url, sqlite_snapshot):
    with open_store(store_url) as store:
        fill(store)
        got = snapshot(store)
    different = [key for key in sqlite_snapshot if got[key] != sqlite_snapshot[key]]
    assert different == [], json.dumps({k: [got[k], sqlite_snapshot[k]] for k in different}, indent=1)[:4000]


def test_writing_everything_twice_changes_nothing(store_url, sqlite_snapshot):
    with open_store(store_url) as store:
        fill(store)
        once = snapshot(store)
        fill(store)
        twice = snapshot(store)
    # Only what is appended by design grows: a second round of corrections, versions and dead letters.
    for key in ("corrections", "active", "record_versions", "stats", "generation", "alerts", "due", "unfused"):
        once.pop(key), twice.pop(key)
    assert twice == once


def test_clearing_writers_leave_the_rest(store_url):
    records = all_records()
    store = open_store(store_url)
    try:
        fill(store)
        store.delete_event_records([records[0].id])
        store.clear_storylines()
        assert store.remove_alert_watch(store.alert_watches()[0].id) and not store.remove_alert_watch("w_none")
        store.clear_events()
        assert store.get_event_record(records[0].id) is None and store.get_event_record(records[1].id) is not None
        assert store.storyline_of("e_one") == [] and store.alert_watches() == [] and store.list_alerts() == []
        assert store.event_ids() == [] and store.count_articles() == len(all_articles())
    finally:
        store.close()


def test_reopening_applies_no_migration_again(store_url):
    with open_store(store_url) as store:
        version = store.db.schema_version()
        assert version >= 9
    with open_store(store_url) as store:
        rows = store.db.query("SELECT version FROM schema_migrations ORDER BY version")
        assert [r[0] for r in rows] == sorted({r[0] for r in rows}) and store.db.schema_version() == version


# -- transactions: a failing batch, a writer killed mid-batch -------------------------------------------
def test_a_failing_batch_leaves_nothing(store_url):
    articles = all_articles()
    with open_store(store_url) as store:
        store.add_articles(articles[:1])
        broken = dataclasses.replace(articles[2], text=None)  # NOT NULL: the whole batch must roll back
        with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
            store.add_articles([articles[1], broken])
        assert store.article_ids() == [articles[0].id]
        with pytest.raises(RuntimeError), store.db.transaction() as conn:
            conn.execute("DELETE FROM articles")
            raise RuntimeError("crash inside the transaction")
        assert store.count_articles() == 1
        assert store.add_articles(articles[1:2]).new == (articles[1].id,)  # the store still takes writes


def _write_then_hang(url: str, ready) -> None:
    with open_store(url) as store, store.db.transaction() as conn:
        conn.execute("INSERT INTO ingest_batches (run_id, article_count, committed_at) VALUES ('killed', 0, '')")
        store.add_articles(all_articles()[1:])  # joins the open transaction
        ready.set()
        import time

        time.sleep(60)  # killed here, before COMMIT


def test_a_writer_killed_mid_batch_leaves_nothing_and_does_not_block(store_url):
    articles = all_articles()
    with open_store(store_url) as store:
        store.add_articles(articles[:1])
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    writer = context.Process(target=_write_then_hang, args=(store_url, ready))
    writer.start()
    assert ready.wait(60)
    writer.kill()
    writer.join()
    with open_store(store_url) as store:
        assert store.article_ids() == [articles[0].id]
        assert store.db.query("SELECT COUNT(*) FROM ingest_batches")[0][0] == 1
        assert len(store.add_articles(articles).new) == len(articles) - 1  # the lock died with the writer


# -- concurrent writers ----------------------------------------------------------------------------------
def _ingest(url: str, start: int, rounds: int, out) -> None:
    articles = all_articles()
    with open_store(url) as store:
        new = []
        for n in range(rounds):
            batch = [articles[(start + n + k) % len(articles)] for k in range(3)]
            new += store.add_articles(batch, run_id=f"w{start}").new
            store.count_host_passages([(x.id, "wire.example", [1, 2]) for x in batch])
            store.add_correction("pin", "e_x", {"n": n}, f"w{start}")
        out.put(new)


def test_concurrent_writers_store_each_article_once_and_lose_no_update(store_url):
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    writers = [context.Process(target=_ingest, args=(store_url, start, 6, out)) for start in range(4)]
    for writer in writers:
        writer.start()
    news = [out.get(timeout=120) for _ in writers]
    for writer in writers:
        writer.join(timeout=60)
        assert writer.exitcode == 0
    articles = all_articles()
    stored_new = [i for new in news for i in new]
    assert sorted(stored_new) == sorted(a.id for a in articles)  # each reported new by exactly one writer
    with open_store(store_url) as store:
        assert sorted(store.article_ids()) == sorted(a.id for a in articles)
        assert store.repeated_passages(len(articles)) == {"wire.example": {1, 2}}  # each article counted once
        assert sorted(c.id for c in store.corrections()) == sorted(f"c_{n}" for n in range(1, 25))


def test_step_lock_is_held_by_one_process_at_a_time(store_url):
    context = multiprocessing.get_context("spawn")
    with open_store(store_url) as store, store.step_lock("cluster"):
        waiter = context.Process(target=_take_step_lock, args=(store_url,))
        waiter.start()
        waiter.join(timeout=3)
        assert waiter.is_alive()  # still waiting for the lock this process holds
    waiter.join(timeout=60)
    assert waiter.exitcode == 0


def _take_step_lock(url: str) -> None:
    with open_store(url) as store, store.step_lock("cluster"):
        pass
