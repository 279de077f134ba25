"""SQL for event identity: per-host passage counts (boilerplate), article content status, storylines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from newsfuse.store.sqlite import SQLiteConnection


class ContentTable:
    db: SQLiteConnection

    # -- boilerplate -----------------------------------------------------------------------------
    def hosts_observed(self, article_ids: Sequence[str]) -> set[str]:
        """Those of ``article_ids`` already counted into the host passage table."""
        return {
            r[0]
            for r in self.db.query_in("SELECT article_id FROM host_articles WHERE article_id IN ({marks})", article_ids)
        }

    def count_host_passages(self, observed: Sequence[tuple[str, str, Iterable[int]]]) -> None:
        """Count each ``(article_id, host, passages)`` once: every distinct passage adds one article to its host."""
        with self.db.transaction() as conn:
            for article_id, host, passages in observed:
                if conn.execute("SELECT 1 FROM host_articles WHERE article_id = ?", (article_id,)).fetchone():
                    continue
                conn.execute("INSERT INTO host_articles VALUES (?, ?)", (article_id, host))
                conn.executemany(
                    "INSERT INTO host_passages VALUES (?, ?, 1)"
                    " ON CONFLICT(host, passage) DO UPDATE SET articles = articles + 1",
                    [(host, p) for p in set(passages)],
                )

    def repeated_passages(self, min_articles: int) -> dict[str, set[int]]:
        """Host -> passages found in at least ``min_articles`` of its articles."""
        out: dict[str, set[int]] = {}
        for host, passage in self.db.query(
            "SELECT host, passage FROM host_passages WHERE articles >= ?", (min_articles,)
        ):
            out.setdefault(host, set()).add(passage)
        return out

    # -- content status --------------------------------------------------------------------------
    def save_content_status(self, rows: Sequence[tuple[str, str, int, int]]) -> None:
        """``(article_id, status, content_words, boilerplate_chars)`` rows (replacing earlier ones)."""
        with self.db.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO article_content VALUES (?, ?, ?, ?)", rows)

    def content_status(self, article_ids: Sequence[str]) -> dict[str, str]:
        sql = "SELECT article_id, status FROM article_content WHERE article_id IN ({marks})"
        return {r[0]: r[1] for r in self.db.query_in(sql, article_ids)}

    # -- input ids skipped as already stored ---------------------------------------------------------
    def save_input_copies(self, pairs: Sequence[tuple[str, str]]) -> None:
        """``(input id, stored article id)`` for inputs whose content was already stored."""
        with self.db.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO input_copies VALUES (?, ?)", pairs)

    def input_copies(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.db.query("SELECT external_id, article_id FROM input_copies ORDER BY rowid")]

    # -- storylines ------------------------------------------------------------------------------
    def save_storylines(self, links: Sequence[tuple[str, str, float, Sequence[str]]]) -> None:
        """``(earlier event, later event, score, shared specifics)``; a pair is stored once."""
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO event_storylines VALUES (?, ?, ?, ?)",
                [(a, b, round(score, 4), json.dumps(list(shared))) for a, b, score, shared in links],
            )

    def storyline_of(self, event_id: str) -> list[dict]:
        """Events linked to ``event_id`` in its storyline, earlier ones first: id, direction, shared specifics."""
        rows = self.db.query(
            "SELECT event_id, related_id, score, shared FROM event_storylines WHERE event_id = ? OR related_id = ?"
            " ORDER BY score DESC",
            (event_id, event_id),
        )
        out = []
        for earlier, later, score, shared in rows:
            other, role = (later, "follow-up") if earlier == event_id else (earlier, "earlier")
            if self.resolve_event_id(other) is None:  # type: ignore[attr-defined]
                continue
            out.append({"event_id": other, "relation": role, "score": score, "shared": json.loads(shared)})
        return out

    def clear_storylines(self) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM event_storylines")
