"""Copy a whole store to an empty one, table by table, on either backend: SQLite ↔ PostgreSQL, losslessly.

Rows go in their source's insertion order (``rowid``), so listings ordered by insertion read the same;
ids the database assigns (ingest batches, the corrections log's ``seq``) are copied as they are, and
PostgreSQL's sequences are moved past them. Full-text indexes are the target's own (rebuilt by it),
except SQLite's ``event_records_fts``, which is data the records table does not hold. Everything is
written in one target transaction: a copy that fails leaves the target empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.errors import StoreError
from newsfuse.store.interface import Store

# Parents before children (foreign keys); tables other migrations add are copied after these, by name.
ORDER = (
    "ingest_batches", "articles", "dedup_state", "article_links", "events", "event_members", "event_aliases",
    "article_vectors", "extractions", "entities", "entity_mentions", "event_records", "event_record_entities",
    "event_record_places", "event_records_fts", "problems", "host_passages", "host_articles", "article_content",
    "event_storylines", "input_copies", "article_parses", "watch_sources", "watch_pending", "article_versions",
    "alert_watches", "alert_seen", "alerts", "corrections", "event_record_versions", "users",
)  # fmt: skip
_SKIP = {"schema_migrations", "articles_fts", "sqlite_sequence"}
_FILLED_BY_DATABASE = {"rowid", "fts", "event_records_fts", "embedding"}
CHUNK = 1000


def tables(store: Store) -> list[str]:
    """The store's data tables, in copy order."""
    if store.backend == "sqlite":
        rows = store.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        found = {r[0] for r in rows if not r[0].startswith(("articles_fts_", "event_records_fts_", "sqlite_"))}
    else:
        found = {r[0] for r in store.db.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_type = 'BASE TABLE'"
        )}  # fmt: skip
    found -= _SKIP
    return [t for t in ORDER if t in found] + sorted(found - set(ORDER))


def columns(store: Store, table: str) -> list[str]:
    """Columns a copy writes (those the database fills itself, such as tsvectors, are left to it)."""
    if store.backend == "sqlite":
        names = [r[1] for r in store.db.query(f"SELECT * FROM pragma_table_info('{table}')")]
        if not names:  # an FTS5 table: its declared columns
            names = list(store.db.connection.execute(f"SELECT * FROM {table} LIMIT 0").description or ())
            names = [d[0] for d in names]
    else:
        names = [r[0] for r in store.db.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? ORDER BY ordinal_position", (table,)
        )]  # fmt: skip
    return [n for n in names if n not in _FILLED_BY_DATABASE]


def _order(store: Store, table: str, cols: list[str]) -> str:
    if store.backend == "sqlite":
        without_rowid = store.db.query(
            "SELECT 1 FROM sqlite_master WHERE name = ? AND sql LIKE '%WITHOUT ROWID%'", (table,)
        )
        return ", ".join(cols) if without_rowid else "rowid"
    has_rowid = store.db.query(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
        " AND column_name = 'rowid'", (table,)
    )  # fmt: skip
    return "rowid" if has_rowid else ", ".join(cols)


def rows(store: Store, table: str, cols: list[str]) -> Iterator[tuple]:
    quoted = ", ".join(f'"{c}"' for c in cols)
    for row in store.db.connection.execute(f"SELECT {quoted} FROM {table} ORDER BY {_order(store, table, cols)}"):
        yield tuple(row)


def copy_store(source: Store, target: Store) -> dict[str, int]:
    """Rows copied per table; the target must be empty (``StoreError`` otherwise)."""
    source_tables, target_tables = tables(source), set(tables(target))
    missing = [t for t in source_tables if t not in target_tables]
    if missing:
        raise StoreError(
            f"{target.location}: has no table {', '.join(missing)} (a newer store cannot be copied into an older one)"
        )
    busy = [t for t in source_tables if target.db.query(f"SELECT 1 FROM {t} LIMIT 1")]
    if busy:
        raise StoreError(f"{target.location}: not empty ({', '.join(busy[:3])} hold rows); copy into a new store")
    counts: dict[str, int] = {}
    with target.db.transaction() as conn:
        for table in source_tables:
            cols = [c for c in columns(source, table) if c in set(columns(target, table))]
            insert = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            batch, counts[table] = [], 0
            for row in rows(source, table, cols):
                batch.append(row)
                if len(batch) >= CHUNK:
                    conn.executemany(insert, batch)
                    counts[table], batch = counts[table] + len(batch), []
            if batch:
                conn.executemany(insert, batch)
                counts[table] += len(batch)
        if target.backend == "postgresql":
            _move_sequences(conn)
    return counts


def _move_sequences(conn) -> None:
    """Identity columns continue after the copied ids (the next ingest batch, the next correction)."""
    found = conn.raw.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND is_identity = 'YES'"
    ).fetchall()
    for table, column in found:
        conn.raw.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE(MAX({column}), 0) + 1, false) FROM {table}"
        )


def table_rows(store: Store) -> dict[str, list[tuple]]:
    """Every data row of the store, each table in a fixed order (to compare two stores)."""
    out = {}
    for table in tables(store):
        cols = sorted(columns(store, table))
        out[table] = sorted((tuple(r) for r in rows(store, table, cols)), key=repr)
    return out
