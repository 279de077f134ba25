"""The ``--db`` option every command shares, and opening a store that a command needs to exist already."""

from __future__ import annotations

from newsfuse.errors import StoreError
from newsfuse.settings import Settings
from newsfuse.store import SQLiteStore, open_store

DB_HELP = "SQLite store file (default: newsfuse.db, or NEWSFUSE_DB)."


def existing_store(settings: Settings, hint: str = "run `newsfuse ingest PATH --db FILE` first") -> SQLiteStore:
    """The store at ``settings.db``; a missing file is an error with ``hint``, never a new empty store."""
    if not settings.db.exists():
        raise StoreError(f"{settings.db}: no newsfuse store here", hint=hint)
    return open_store(settings.db)
