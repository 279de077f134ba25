"""The SQLite → PostgreSQL rewrites, one case each (the conformance suite runs them against a real server)."""

from __future__ import annotations

import pytest

from newsfuse.store.dialect import to_postgres


def keys(table: str):
    return {"t": (("k",), ("a", "b")), "host_passages": (("host", "passage"), ("articles",))}[table]


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT a FROM t WHERE k = ? AND b LIKE ?", "SELECT a FROM t WHERE k = %s AND b LIKE %s"),
        ("INSERT OR IGNORE INTO t (k, a) VALUES (?, ?)", "INSERT INTO t (k, a) VALUES (%s, %s) ON CONFLICT DO NOTHING"),
        (
            "INSERT OR REPLACE INTO t VALUES (?, ?, ?)",
            "INSERT INTO t VALUES (%s, %s, %s) ON CONFLICT (k) DO UPDATE SET a = EXCLUDED.a, b = EXCLUDED.b",
        ),
        (
            "INSERT INTO host_passages VALUES (?, ?, 1) ON CONFLICT(host, passage) DO UPDATE SET articles = articles + 1",
            "INSERT INTO host_passages VALUES (%s, %s, 1) ON CONFLICT(host, passage) DO UPDATE SET articles = host_passages.articles + 1",
        ),
        ("SELECT id FROM x WHERE x MATCH ?", "SELECT id FROM x WHERE x @@ nf_query(%s)"),
        ("SELECT 1 FROM p WHERE name = ? COLLATE NOCASE", "SELECT 1 FROM p WHERE lower(name) = lower(%s)"),
        ("SELECT id FROM r WHERE instr(record, ?) > 0", "SELECT id FROM r WHERE strpos(record, %s) > 0"),
        (
            "UPDATE t SET a = CASE WHEN ? THEN ? ELSE a END",
            "UPDATE t SET a = CASE WHEN %s::int <> 0 THEN %s ELSE a END",
        ),
        ("INSERT INTO c (id, user) VALUES (?, ?)", 'INSERT INTO c (id, "user") VALUES (%s, %s)'),
        ("SELECT '100%? sure', a FROM t WHERE k = ?", "SELECT '100%%? sure', a FROM t WHERE k = %s"),
        (
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'",
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'users'",
        ),
    ],
)
def test_rewrites(sqlite, postgres):
    assert to_postgres(sqlite, keys) == (postgres, False)


def test_ingest_batches_return_their_new_id():
    assert to_postgres("INSERT INTO ingest_batches (run_id) VALUES (?)", keys) == (
        "INSERT INTO ingest_batches (run_id) VALUES (%s) RETURNING id",
        True,
    )
