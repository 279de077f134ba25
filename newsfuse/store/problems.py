"""SQL for the dead-letter table: what a stage skipped or only partly handled, why, and for which input."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsfuse.store.sqlite import SQLiteConnection

SKIPPED = "skipped"  # the stage left the item out; retried once the code or the item changes
LIMITED = "limited"  # the stage handled the item within a limit (a long text read in part, a date dropped)


@dataclass(frozen=True, slots=True)
class Problem:
    stage: str
    item_id: str
    kind: str
    reason: str
    fingerprint: str
    recorded_at: str = ""

    def to_json(self) -> dict:
        return {
            "stage": self.stage,
            "id": self.item_id,
            "kind": self.kind,
            "reason": self.reason,
            "fingerprint": self.fingerprint,
            "recorded_at": self.recorded_at,
        }


class ProblemTable:
    db: SQLiteConnection

    def record_problems(self, problems: Sequence[Problem]) -> None:
        """Store (or replace) one row per stage and item; the latest word on an item wins."""
        if not problems:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO problems (stage, item_id, kind, reason, fingerprint, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(p.stage, p.item_id, p.kind, p.reason, p.fingerprint, p.recorded_at or now) for p in problems],
            )

    def clear_problems(self, stage: str, item_ids: Sequence[str]) -> None:
        """Forget the stage's skips of items it has now handled (limits recorded for them stay)."""
        if not item_ids:
            return
        with self.db.transaction() as conn:
            for start in range(0, len(item_ids), 500):
                chunk = list(item_ids[start : start + 500])
                conn.execute(
                    f"DELETE FROM problems WHERE stage = ? AND kind = 'skipped' AND item_id IN ({','.join('?' * len(chunk))})",
                    (stage, *chunk),
                )

    def skipped_fingerprints(self, stage: str) -> dict[str, str]:
        """Item id -> fingerprint of every item the stage skipped."""
        rows = self.db.query("SELECT item_id, fingerprint FROM problems WHERE stage = ? AND kind = 'skipped'", (stage,))
        return {r[0]: r[1] for r in rows}

    def problems(self, stage: str | None = None, item_id: str | None = None) -> list[Problem]:
        sql = "SELECT stage, item_id, kind, reason, fingerprint, recorded_at FROM problems WHERE 1=1"
        params: list[str] = []
        if stage:
            sql += " AND stage = ?"
            params.append(stage)
        if item_id:
            sql += " AND item_id = ?"
            params.append(item_id)
        rows = self.db.query(sql + " ORDER BY recorded_at, stage, item_id", tuple(params))
        return [Problem(*tuple(r)) for r in rows]

    def problem_stats(self) -> dict:
        rows = self.db.query("SELECT kind, COUNT(*) FROM problems GROUP BY kind")
        counts = {r[0]: r[1] for r in rows}
        return {"problems_skipped": counts.get(SKIPPED, 0), "problems_limited": counts.get(LIMITED, 0)}

    def text_lengths(self, article_ids: Sequence[str]) -> dict[str, int]:
        """Characters of each article's text, without reading the texts into Python."""
        sql = "SELECT id, length(text) FROM articles WHERE id IN ({marks})"
        return {r[0]: r[1] for r in self.db.query_in(sql, article_ids)}

    def unfused_event_ids(self) -> list[str]:
        """Events fusion has not caught up with (work an interrupted run left), and records of vanished events."""
        rows = self.db.query(
            """
            SELECT e.id FROM events e LEFT JOIN event_records r ON r.id = e.id
            WHERE EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id)
              AND (r.id IS NULL OR e.updated_at > r.fused_at OR EXISTS (
                    SELECT 1 FROM event_members m JOIN extractions x ON x.article_id = m.article_id
                    WHERE m.event_id = e.id AND x.extracted_at > r.fused_at))
            UNION
            SELECT r.id FROM event_records r
            WHERE NOT EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = r.id)
            ORDER BY 1
            """
        )
        return [r[0] for r in rows]

    def mark_fused(self, event_ids: Sequence[str]) -> None:
        """Record that fusion has seen these events now, even where their record was unchanged and kept,
        so ``unfused_event_ids`` does not name them again."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db.transaction() as conn:
            for start in range(0, len(event_ids), 500):
                chunk = list(event_ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                conn.execute(f"UPDATE event_records SET fused_at = ? WHERE id IN ({marks})", (now, *chunk))
