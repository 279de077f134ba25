"""The SQLite store: migrations once, schema version, FTS search, filters, transactions that roll back."""

from __future__ import annotations

import sqlite3

import pytest

from newsfuse.errors import StoreError
from newsfuse.records import Article, DateSource, content_id
from newsfuse.store import open_store
from newsfuse.store.migrate import available_migrations, migrate


def article(title: str, text: str, **fields) -> Article:
    return Article(id=content_id(title, text), title=title, text=text, **fields)


ARTICLES = [
    article(
        "Minister visits Türkiye",
        "Talks in Ankara on drones.",
        source="Wire A",
        published="2025-08-19",
        external_id="w-1",
        published_via=DateSource.HEADER,
    ),
    article(
        "Drone maker tour", "The delegation toured a factory.", source="Daily B", published="2025-08-20T09:00:00+00:00"
    ),
    article("Undated report", "Defence ties between the two countries grow.", source="Wire A"),
]


def test_migrations_apply_once_and_version_is_recorded(tmp_path):
    path = tmp_path / "m.db"
    latest = available_migrations()[-1].version
    with open_store(path) as store:
        assert store.db.schema_version() == latest
    with open_store(path) as store:  # reopening applies nothing again
        rows = store.db.query("SELECT version FROM schema_migrations ORDER BY version")
        assert [r[0] for r in rows] == [m.version for m in available_migrations()]
        assert migrate(store.db.connection) == []
        assert store.stats()["schema_version"] == latest


def test_wal_mode(store):
    assert store.db.query("PRAGMA journal_mode")[0][0] == "wal"


def test_add_is_idempotent_and_reports_what_was_new(store):
    first = store.add_articles(ARTICLES, run_id="r1")
    assert first.new == tuple(a.id for a in ARTICLES) and first.already_stored == ()
    second = store.add_articles(ARTICLES[:2], run_id="r2")
    assert second.new == () and second.already_stored == tuple(a.id for a in ARTICLES[:2])
    assert store.count_articles() == 3
    assert store.db.query("SELECT COUNT(*) FROM ingest_batches")[0][0] == 1  # empty batches leave no row


def test_round_trip_and_lookup_by_id_external_id_and_prefix(store):
    store.add_articles(ARTICLES)
    stored = store.get_article(ARTICLES[0].id)
    assert stored.title == "Minister visits Türkiye" and stored.published_via is DateSource.HEADER
    assert store.get_article("w-1").id == ARTICLES[0].id
    assert store.get_article(ARTICLES[1].id[:10]).id == ARTICLES[1].id
    assert store.get_article("a_") is None  # too short to be a prefix
    assert store.get_articles([ARTICLES[2].id, ARTICLES[0].id])[0].id == ARTICLES[2].id


def test_full_text_search_folds_diacritics_and_quotes_user_text(store):
    store.add_articles(ARTICLES)
    assert [a.id for a in store.iter_articles(query="turkiye")] == [ARTICLES[0].id]
    assert [a.id for a in store.iter_articles(query="delegation factory")] == [ARTICLES[1].id]
    assert list(store.iter_articles(query='drones" OR "x*')) == []  # FTS syntax in user text is just words
    assert list(store.iter_articles(query="NEAR(")) == []


def test_filters_and_order(store):
    store.add_articles(ARTICLES)
    assert [a.title for a in store.iter_articles()] == ["Minister visits Türkiye", "Drone maker tour", "Undated report"]
    assert [a.title for a in store.iter_articles(since="2025-08-20")] == ["Drone maker tour"]
    assert [a.title for a in store.iter_articles(until="2025-08-19")] == ["Minister visits Türkiye"]
    assert {a.title for a in store.iter_articles(source="wire")} == {"Minister visits Türkiye", "Undated report"}
    assert len(list(store.iter_articles(limit=1, offset=1))) == 1


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError), store.db.transaction() as conn:
        conn.execute("INSERT INTO ingest_batches (run_id, article_count, committed_at) VALUES ('x', 0, 'now')")
        raise RuntimeError("boom")
    assert store.db.query("SELECT COUNT(*) FROM ingest_batches")[0][0] == 0


def test_a_failing_article_rolls_back_its_whole_batch(store):
    broken = Article(id="a_broken", text=None)  # type: ignore[arg-type]  # violates NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.add_articles([ARTICLES[0], broken, ARTICLES[1]])
    assert store.count_articles() == 0
    assert store.db.query("SELECT COUNT(*) FROM ingest_batches")[0][0] == 0
    assert store.add_articles(ARTICLES).new  # the store is still usable


def test_stats(store):
    store.add_articles(ARTICLES)
    stats = store.stats()
    assert stats["articles"] == 3 and stats["dated"] == 2 and stats["sources"] == 2
    assert stats["first_published"] == "2025-08-19"


def test_readonly_store_reads(tmp_path):
    path = tmp_path / "r.db"
    with open_store(path) as store:
        store.add_articles(ARTICLES)
    with open_store(path, readonly=True) as store:
        assert store.count_articles() == 3


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(path)
