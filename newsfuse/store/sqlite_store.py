"""``SQLiteStore``: the tables of every stage over one SQLite file."""

from __future__ import annotations

from pathlib import Path

from newsfuse.store.sqlite import SQLiteConnection
from newsfuse.store.tables import StoreTables


class SQLiteStore(StoreTables):
    backend = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.db = SQLiteConnection(path, readonly=readonly)
        self.location = str(path)
