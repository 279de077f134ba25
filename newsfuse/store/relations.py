"""SQL for dedup: per-article MinHash state and the ``duplicate_of`` / ``derived_from`` links."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.records.relations import DerivationLink, DuplicateKind, DuplicateLink, Link, SharedPassage
from newsfuse.store.sqlite import SQLiteConnection

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class DedupState:
    """What dedup remembers of a processed article, so later runs compare new articles against it."""

    article_id: str
    body_hash: str
    signature: bytes
    word_signature: bytes


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def _evidence_json(link: Link) -> str:
    return json.dumps([p.to_json() for p in link.evidence])


def _row_to_link(row) -> Link:
    evidence = tuple(SharedPassage(**p) for p in json.loads(row["evidence"]))
    if row["relation"] == "duplicate_of":
        return DuplicateLink(row["article_id"], row["target_id"], DuplicateKind(row["kind"]), row["score"], evidence)
    return DerivationLink(row["article_id"], row["target_id"], row["score"], evidence)


class RelationTable:
    db: SQLiteConnection

    def stream_order(self, article_ids: Sequence[str]) -> list[str]:
        """Stored ids among ``article_ids`` in publication order; undated ones keep input (ingest) order, last."""
        rows = []
        for chunk in _chunks(list(dict.fromkeys(article_ids))):
            marks = ",".join("?" * len(chunk))
            rows.extend(self.db.query(f"SELECT id, published, rowid FROM articles WHERE id IN ({marks})", tuple(chunk)))
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["rowid"]))
        return [r["id"] for r in rows]

    def dedup_processed(self, article_ids: Sequence[str]) -> set[str]:
        sql = "SELECT article_id FROM dedup_state WHERE article_id IN ({marks})"
        return {r[0] for r in self.db.query_in(sql, article_ids)}

    def iter_dedup_state(self) -> Iterator[DedupState]:
        sql = "SELECT article_id, body_hash, signature, word_signature FROM dedup_state ORDER BY seq"
        for row in self.db.connection.execute(sql):
            yield DedupState(row[0], row[1], row[2], row[3])

    def save_dedup(self, states: Sequence[DedupState], links: Sequence[Link]) -> None:
        """Record processed articles and their links in one transaction (repeatable: ids are keys)."""
        with self.db.transaction() as conn:
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM dedup_state").fetchone()[0]
            for offset, state in enumerate(states, start=1):
                conn.execute(
                    "INSERT OR REPLACE INTO dedup_state VALUES (?, ?, ?, ?, ?)",
                    (state.article_id, state.body_hash, state.signature, state.word_signature, seq + offset),
                )
            for link in links:
                kind = link.kind.value if isinstance(link, DuplicateLink) else ""
                conn.execute(
                    "INSERT OR REPLACE INTO article_links VALUES (?, ?, ?, ?, ?, ?)",
                    (link.article_id, link.relation, link.target, kind, link.score, _evidence_json(link)),
                )

    def links_for(self, article_ids: Sequence[str]) -> list[Link]:
        """Links whose source is one of ``article_ids`` (``duplicate_of`` first, then ``derived_from``)."""
        out: list[Link] = []
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            out.extend(
                _row_to_link(r)
                for r in self.db.query(
                    f"SELECT * FROM article_links WHERE article_id IN ({marks}) ORDER BY relation DESC, score DESC",
                    tuple(chunk),
                )
            )
        return out

    def links_to(self, article_id: str) -> list[Link]:
        """Links that point at ``article_id`` (its copies and rewrites)."""
        return [
            _row_to_link(r) for r in self.db.query("SELECT * FROM article_links WHERE target_id = ?", (article_id,))
        ]

    def iter_links(self) -> Iterator[Link]:
        for row in self.db.connection.execute("SELECT * FROM article_links ORDER BY article_id"):
            yield _row_to_link(row)

    def relation_stats(self) -> dict:
        counts = {r[0]: r[1] for r in self.db.query("SELECT relation, COUNT(*) FROM article_links GROUP BY relation")}
        return {"duplicate_links": counts.get("duplicate_of", 0), "derivation_links": counts.get("derived_from", 0)}
