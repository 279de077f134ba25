"""``SQLiteStore``: the tables of every stage over one SQLite file."""

from __future__ import annotations

from pathlib import Path

from newsfuse.store.articles import ArticleTable
from newsfuse.store.sqlite import SQLiteConnection


class SQLiteStore(ArticleTable):
    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.db = SQLiteConnection(path, readonly=readonly)
        self.location = str(path)

    def stats(self) -> dict:
        out = {"store": self.location, "schema_version": self.db.schema_version()}
        out.update(self.article_stats())
        return out

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
