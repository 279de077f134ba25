"""SQL for extraction results: per-article extraction JSON, canonical entities, and the entity mention index."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsfuse.records.mentions import (
    ArticleExtraction,
    DateMention,
    Entity,
    EntityMention,
    MoneyMention,
    PlaceMention,
    QuantityMention,
    Quote,
    RoleFact,
    Sentence,
)
from newsfuse.store.sqlite import SQLiteConnection

_PARTS = {
    "entities": EntityMention,
    "dates": DateMention,
    "money": MoneyMention,
    "quantities": QuantityMention,
    "quotes": Quote,
    "places": PlaceMention,
    "roles": RoleFact,
}


@dataclass(frozen=True, slots=True)
class EntityOccurrence:
    """One mention of a canonical entity, and the article it is in."""

    article_id: str
    mention: EntityMention


def extraction_from_json(payload: dict[str, Any]) -> ArticleExtraction:
    """Inverse of ``ArticleExtraction.to_json``."""
    parts = {name: tuple(cls(**item) for item in payload.get(name, [])) for name, cls in _PARTS.items()}
    return ArticleExtraction(
        article_id=payload["id"],
        language=payload.get("language"),
        published=payload.get("published"),
        sentences=tuple(Sentence(s, e) for s, e in payload.get("sentences", [])),
        extra=payload.get("extra") or {},
        **parts,
    )


def _entity(row: sqlite3.Row) -> Entity:
    return Entity(row["id"], row["canonical"], row["label"], tuple(json.loads(row["aliases"])), row["country_code"])


class ExtractionTable:
    db: SQLiteConnection

    def put_extractions(
        self, extractions: Sequence[ArticleExtraction], entities: Sequence[Entity], version: str
    ) -> None:
        """Store (replacing) the extractions of some articles and upsert the entities they mention, in one transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db.transaction() as conn:
            for entity in entities:
                conn.execute(
                    "INSERT INTO entities (id, canonical, label, aliases, country_code, updated_at) VALUES (?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET canonical=excluded.canonical, label=excluded.label,"
                    " aliases=excluded.aliases, country_code=excluded.country_code, updated_at=excluded.updated_at",
                    (
                        entity.id,
                        entity.canonical,
                        entity.label,
                        json.dumps(list(entity.aliases), ensure_ascii=False),
                        entity.country_code,
                        now,
                    ),
                )
            for extraction in extractions:
                payload = json.dumps(extraction.to_json(), ensure_ascii=False)
                conn.execute(
                    "INSERT OR REPLACE INTO extractions (article_id, extractor_version, payload, extracted_at) VALUES (?,?,?,?)",
                    (extraction.article_id, version, payload, now),
                )
                conn.execute("DELETE FROM entity_mentions WHERE article_id = ?", (extraction.article_id,))
                conn.executemany(
                    "INSERT OR IGNORE INTO entity_mentions (article_id, start_offset, end_offset, entity_id, text, label)"
                    " VALUES (?,?,?,?,?,?)",
                    [
                        (extraction.article_id, m.start, m.end, m.entity_id, m.text, m.label)
                        for m in extraction.entities
                        if m.entity_id
                    ],
                )

    def get_extraction(self, article_id: str) -> ArticleExtraction | None:
        rows = self.db.query("SELECT payload FROM extractions WHERE article_id = ?", (article_id,))
        return extraction_from_json(json.loads(rows[0]["payload"])) if rows else None

    def extracted_ids(self, ids: Sequence[str], version: str | None = None) -> set[str]:
        """Which of ``ids`` already have an extraction (made by ``version``, when given)."""
        sql = "SELECT article_id FROM extractions WHERE article_id IN ({marks})"
        if version is None:
            return {r[0] for r in self.db.query_in(sql, ids)}
        return {r[0] for r in self.db.query_in(sql + " AND extractor_version = ?", ids, (version,))}

    def entities(self, label: str | None = None, query: str | None = None, limit: int | None = None) -> list[Entity]:
        """Canonical entities, most mentioned first; ``query`` matches the canonical name or an alias."""
        sql = (
            "SELECT e.*, (SELECT COUNT(*) FROM entity_mentions m WHERE m.entity_id = e.id) AS mentions"
            " FROM entities e WHERE 1=1"
        )
        params: list = []
        if label:
            sql += " AND e.label = ?"
            params.append(label.upper())
        if query:
            sql += " AND (e.canonical LIKE ? OR e.aliases LIKE ?)"
            params.extend([f"%{query}%", f"%{query}%"])
        sql += " ORDER BY mentions DESC, e.canonical"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_entity(r) for r in self.db.query(sql, tuple(params))]

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self.db.query("SELECT * FROM entities WHERE id = ?", (entity_id,))
        return _entity(rows[0]) if rows else None

    def entity_mentions(self, entity_id: str) -> list[EntityOccurrence]:
        rows = self.db.query(
            "SELECT * FROM entity_mentions WHERE entity_id = ? ORDER BY article_id, start_offset", (entity_id,)
        )
        return [
            EntityOccurrence(
                r["article_id"],
                EntityMention(r["start_offset"], r["end_offset"], r["text"], r["label"], r["entity_id"]),
            )
            for r in rows
        ]

    def delete_entities(self, entity_ids: Sequence[str]) -> None:
        """Remove entities no mention points at any more (after a merge)."""
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in entity_ids])

    def extraction_stats(self) -> dict:
        return {
            "extracted_articles": self.db.query("SELECT COUNT(*) FROM extractions")[0][0],
            "entities": self.db.query("SELECT COUNT(*) FROM entities")[0][0],
            "entity_mentions": self.db.query("SELECT COUNT(*) FROM entity_mentions")[0][0],
        }
