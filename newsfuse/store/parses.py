"""Stored parses: fusion's serialised spaCy parse of each article, by parser name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class ParseTable:
    def save_parses(self, model: str, parses: Mapping[str, bytes]) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO article_parses VALUES (?, ?, ?)",
                [(article_id, model, data) for article_id, data in parses.items()],
            )

    def load_parses(self, model: str, article_ids: Sequence[str]) -> dict[str, bytes]:
        sql = "SELECT article_id, data FROM article_parses WHERE article_id IN ({marks}) AND model = ?"
        return {row[0]: bytes(row[1]) for row in self.db.query_in(sql, list(article_ids), (model,))}
