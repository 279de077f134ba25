"""Where newsfuse keeps what it knows. SQL lives in this package and nowhere else."""

from __future__ import annotations

from pathlib import Path

from newsfuse.store.sqlite_store import SQLiteStore


def open_store(location: str | Path, *, readonly: bool = False) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at a file path."""
    return SQLiteStore(location, readonly=readonly)


__all__ = ["SQLiteStore", "open_store"]
