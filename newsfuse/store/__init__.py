"""Where newsfuse keeps what it knows. SQL lives in this package and nowhere else."""

from __future__ import annotations

from pathlib import Path

from newsfuse.store.interface import Store
from newsfuse.store.location import parse_location
from newsfuse.store.sqlite_store import SQLiteStore


def open_store(location: str | Path, *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at a file path, ``sqlite:///path`` or ``postgresql://...``."""
    where = parse_location(location)
    if where.is_postgres:
        from newsfuse.store.postgres.store import PostgresStore

        return PostgresStore(where.target, readonly=readonly)
    return SQLiteStore(where.target, readonly=readonly)


__all__ = ["SQLiteStore", "Store", "open_store"]
