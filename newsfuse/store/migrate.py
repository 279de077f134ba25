"""Versioned schema: numbered SQL files in ``migrations/`` applied once each, in order."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    found = []
    for entry in resources.files("newsfuse.store.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration newer than the database; each in its own transaction."""
    applied = []
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")} if current_version(conn) else set()
    for migration in available_migrations():
        if migration.version in done:
            continue
        # executescript commits implicitly, so the version row goes inside the script itself, first:
        # either the whole migration and its record land, or neither does, and a process that opened
        # the same new store a moment earlier (its row is there) makes this one's insert fail: skip it.
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;\n"
                + f"INSERT INTO schema_migrations VALUES ({migration.version}, '{migration.name}', datetime('now'));\n"
                + migration.sql
                + "\nCOMMIT;"
            )
        except sqlite3.IntegrityError:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)).fetchone():
                continue
            raise
        applied.append(migration.version)
    return applied
