"""PostgreSQL schema: the numbered files in ``postgres/migrations/`` (one per SQLite migration, same
number), applied once each in a transaction that holds an advisory lock, so processes starting at once
on a fresh database migrate it once."""

from __future__ import annotations

import re
from importlib import resources

import psycopg

from newsfuse.store.migrate import Migration

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
MIGRATE_LOCK = 0x6E66_0002


def available_migrations() -> list[Migration]:
    found = []
    for entry in resources.files("newsfuse.store.postgres.migrations").iterdir():
        if match := _NAME.match(entry.name):
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    return found


def _ensure_table(conn: psycopg.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def current_version(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(conn: psycopg.Connection) -> list[int]:
    """Apply every migration newer than the database, each with its version row in one transaction."""
    applied = []
    for migration in available_migrations():
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            _ensure_table(conn)
            done = conn.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (migration.version,)).fetchone()
            if done:
                continue
            conn.execute(migration.sql.encode())
            conn.execute(
                "INSERT INTO schema_migrations VALUES (%s, %s, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))",
                (migration.version, migration.name),
            )
            applied.append(migration.version)
    return applied


def catalogue(conn: psycopg.Connection) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """table -> (primary key columns, the other columns a row is written with), for ``INSERT OR REPLACE``.

    Columns the database fills itself (``rowid``, generated tsvectors) are left out.
    """
    rows = conn.execute(
        "SELECT c.table_name, c.column_name, c.ordinal_position, c.is_generated, c.is_identity,"
        " EXISTS (SELECT 1 FROM information_schema.table_constraints t"
        "   JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name"
        "    AND k.table_schema = t.table_schema AND k.table_name = t.table_name"
        "   WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema"
        "    AND t.table_name = c.table_name AND k.column_name = c.column_name)"
        " FROM information_schema.columns c WHERE c.table_schema = current_schema()"
        " ORDER BY c.table_name, c.ordinal_position"
    ).fetchall()
    out: dict[str, tuple[list[str], list[str]]] = {}
    for table, column, _, generated, identity, is_key in rows:
        key, others = out.setdefault(table, ([], []))
        if is_key:
            key.append(column)
        elif generated != "ALWAYS" and not (identity == "YES" and column == "rowid"):
            others.append(column)
    return {t: (tuple(k), tuple(o)) for t, (k, o) in out.items()}
