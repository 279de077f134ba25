"""SQL for events: membership, aliases left by merges, listings, and stored article embeddings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import numpy as np

from newsfuse.records.relations import EventAssignment, EventMerge, EventSummary
from newsfuse.store.sqlite import SQLiteConnection

_CHUNK = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class EventTable:
    db: SQLiteConnection

    # -- reads ---------------------------------------------------------------------------------
    def event_ids(self) -> list[str]:
        return [r[0] for r in self.db.query("SELECT id FROM events ORDER BY created_at, id")]

    def event_members(self, event_id: str) -> list[str]:
        """Article ids of an event (an alias resolves to the event it was merged into), in stream order."""
        resolved = self.resolve_event_id(event_id) or event_id
        return [
            r[0]
            for r in self.db.query("SELECT article_id FROM event_members WHERE event_id = ? ORDER BY seq", (resolved,))
        ]

    def event_of(self, article_id: str) -> str | None:
        rows = self.db.query("SELECT event_id FROM event_members WHERE article_id = ?", (article_id,))
        return rows[0][0] if rows else None

    def resolve_event_id(self, id_or_alias: str) -> str | None:
        """The current id for an event id or for the alias of an event merged away; ``None`` if unknown."""
        if self.db.query("SELECT 1 FROM events WHERE id = ?", (id_or_alias,)):
            return id_or_alias
        rows = self.db.query("SELECT event_id FROM event_aliases WHERE alias_id = ?", (id_or_alias,))
        return self.resolve_event_id(rows[0][0]) if rows else None

    def event_aliases(self, event_id: str) -> list[str]:
        return [
            r[0]
            for r in self.db.query(
                "SELECT alias_id FROM event_aliases WHERE event_id = ? ORDER BY merged_at", (event_id,)
            )
        ]

    def clustered(self, article_ids: Sequence[str]) -> set[str]:
        sql = "SELECT article_id FROM event_members WHERE article_id IN ({marks})"
        return {r[0] for r in self.db.query_in(sql, article_ids)}

    def iter_assignments(self) -> Iterator[EventAssignment]:
        """Every stored membership in processing order (to rebuild the in-memory event index)."""
        sql = "SELECT article_id, event_id, score, founded FROM event_members ORDER BY seq"
        for row in self.db.connection.execute(sql):
            yield EventAssignment(row[0], row[1], row[2], bool(row[3]))

    def list_events(self, limit: int | None = None) -> list[EventSummary]:
        """Events, most recently updated first, with article count and first publication date."""
        sql = (
            "SELECT e.id, e.founded_by, e.updated_at, COUNT(m.article_id) AS n, MIN(a.published) AS first,"
            " (SELECT title FROM articles WHERE id = e.founded_by) AS title"
            " FROM events e JOIN event_members m ON m.event_id = e.id JOIN articles a ON a.id = m.article_id"
            " GROUP BY e.id ORDER BY e.updated_at DESC, n DESC, e.id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [
            EventSummary(r["id"], r["n"], r["first"], r["updated_at"], r["founded_by"], r["title"] or "")
            for r in self.db.query(sql)
        ]

    def event_stats(self) -> dict:
        events = self.db.query("SELECT COUNT(*) FROM events")[0][0]
        members = self.db.query("SELECT COUNT(*) FROM event_members")[0][0]
        aliases = self.db.query("SELECT COUNT(*) FROM event_aliases")[0][0]
        return {"events": events, "clustered_articles": members, "merged_events": aliases}

    # -- writes --------------------------------------------------------------------------------
    def save_clustering(self, assignments: Sequence[EventAssignment], merges: Sequence[EventMerge] = ()) -> None:
        """Write (or move) memberships and record merges, in one transaction; empty events are dropped."""
        now = _now()
        with self.db.transaction() as conn:
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM event_members").fetchone()[0]
            for offset, item in enumerate(assignments, start=1):
                conn.execute(
                    "INSERT INTO events (id, founded_by, created_at, updated_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at",
                    (item.event_id, item.article_id, now, now),
                )
                conn.execute(
                    "INSERT INTO event_members VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET"
                    " event_id = excluded.event_id, score = excluded.score, founded = excluded.founded",
                    (item.article_id, item.event_id, item.score, int(item.founded), seq + offset),
                )
            for merge in merges:
                conn.execute(
                    "INSERT OR REPLACE INTO event_aliases VALUES (?, ?, ?, ?, ?)",
                    (merge.alias_id, merge.event_id, merge.bridge_article_id, merge.score, now),
                )
                conn.execute(
                    "UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (merge.event_id, merge.alias_id)
                )
            conn.execute(
                "DELETE FROM events WHERE id NOT IN (SELECT DISTINCT event_id FROM event_members)"
                " AND id NOT IN (SELECT event_id FROM event_aliases)"
            )

    def clear_events(self) -> None:
        """Forget every event (``recluster`` rebuilds them); dedup links and embeddings are kept."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM event_members")
            conn.execute("DELETE FROM event_aliases")
            conn.execute("DELETE FROM events")

    # -- embeddings ----------------------------------------------------------------------------
    def save_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_vectors VALUES (?, ?, ?)",
                [(article_id, model, np.asarray(v, dtype="<f4").tobytes()) for article_id, v in vectors.items()],
            )

    def load_vectors(self, model: str, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        ids = list(article_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT article_id, vector FROM article_vectors WHERE model = ? AND article_id IN ({marks})"
            for row in self.db.query(sql, (model, *chunk)):
                out[row[0]] = np.frombuffer(row[1], dtype="<f4")
        return out
