"""The ``--db`` option every command shares, and opening a store that a command needs to exist already."""

from __future__ import annotations

from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.settings import Settings
from newsfuse.store import Store, open_store
from newsfuse.store.location import parse_location

DB_HELP = "Store: an SQLite file (default: newsfuse.db, or NEWSFUSE_DB), sqlite:///path or postgresql://user@host/db."


def existing_store(settings: Settings, hint: str = "run `newsfuse ingest PATH --db FILE` first") -> Store:
    """The store at ``settings.db``; a missing file is an error with ``hint``, never a new empty store.

    A PostgreSQL database is the operator's to create; once reachable it is migrated like a new file.
    """
    where = parse_location(settings.db)
    if not where.is_postgres and not Path(where.target).exists():
        raise StoreError(f"{settings.db}: no newsfuse store here", hint=hint)
    return open_store(settings.db)
