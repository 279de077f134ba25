"""SQL for watched sources: one row per source with its fetch checkpoint (validators, status, counts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from newsfuse.store.sqlite import SQLiteConnection


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the watcher knows about one source between polls (and across restarts)."""

    name: str
    kind: str
    interval_s: float
    last_fetch: str | None = None
    last_success: str | None = None
    status: str = "new"
    detail: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None
    failures: int = 0
    fetches: int = 0
    items_seen: int = 0
    items_new: int = 0
    items_revised: int = 0

    def to_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_COLUMNS = tuple(f.name for f in fields(SourceState))


class SourceTable:
    db: SQLiteConnection

    def get_source(self, name: str) -> SourceState | None:
        rows = self.db.query(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources WHERE name = ?", (name,))
        return SourceState(*rows[0]) if rows else None

    def list_sources(self) -> list[SourceState]:
        rows = self.db.query(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources ORDER BY name")
        return [SourceState(*row) for row in rows]

    def save_source(self, state: SourceState) -> None:
        """Insert or replace the checkpoint of one source."""
        marks = ",".join("?" * len(_COLUMNS))
        with self.db.transaction() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO watch_sources ({', '.join(_COLUMNS)}) VALUES ({marks})",
                tuple(getattr(state, c) for c in _COLUMNS),
            )

    def mark_pending(self, article_ids: Sequence[str]) -> None:
        with self.db.transaction() as conn:
            conn.executemany("INSERT OR IGNORE INTO watch_pending VALUES (?)", [(i,) for i in article_ids])

    def pending_ids(self) -> list[str]:
        """Articles stored by a watcher and not yet processed to the end, in the order stored."""
        return [r[0] for r in self.db.query("SELECT article_id FROM watch_pending ORDER BY rowid")]

    def clear_pending(self, article_ids: Sequence[str]) -> None:
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM watch_pending WHERE article_id = ?", [(i,) for i in article_ids])
