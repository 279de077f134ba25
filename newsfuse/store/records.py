"""SQL for fused event records: put, get, and the filtered, cursor-paginated listing the CLI and REST API use."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsfuse.records.claims import EventRecord, event_record_from_json
from newsfuse.resolve.names import name_key
from newsfuse.store.articles import fts_query
from newsfuse.store.sqlite import SQLiteConnection

DEFAULT_PAGE = 50
MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class EventRecordPage:
    records: tuple[EventRecord, ...]
    next_cursor: str | None  # pass back as ``cursor`` for the next page; None on the last page


def encode_cursor(time_start: str | None, event_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([time_start or "", event_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """The (time_start, id) a cursor points after; ValueError names the bad cursor."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        time_start, event_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return str(time_start), str(event_id)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"cursor {cursor!r} is not one this store handed out") from exc


class EventRecordTable:
    db: SQLiteConnection

    def put_event_records(self, records: Sequence[EventRecord], fingerprints: Mapping[str, str] | None = None) -> None:
        """Store (replacing by id) fused records and their lookup rows, in one transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        fingerprints = fingerprints or {}
        records = self.curated_records(records)  # analyst corrections (curate/) hold through every re-fusion
        with self.db.transaction() as conn:
            for record in records:
                self.keep_version(conn, record.to_json())  # every stored version is kept (curate/history.py)
                self._delete(conn, record.id)
                conn.execute(
                    "INSERT INTO event_records (id, headline, time_start, time_end, independent_sources, article_count,"
                    " claim_count, first_seen, last_updated, fused_at, fingerprint, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        record.id,
                        record.headline,
                        record.time.start,
                        record.time.end,
                        record.independent_sources,
                        len(record.sources),
                        len(record.claims),
                        record.first_seen,
                        record.last_updated,
                        now,
                        fingerprints.get(record.id, ""),
                        json.dumps(record.to_json(), ensure_ascii=False),
                    ),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO event_record_entities (event_id, entity_id, name, name_key, label) VALUES (?,?,?,?,?)",
                    [(record.id, p.entity_id, p.name, name_key(p.name), p.label) for p in record.participants],
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO event_record_places (event_id, name, country_code) VALUES (?,?,?)",
                    [(record.id, p.name, p.country_code) for p in record.places],
                )
                body = " ".join([*(s.text for s in record.summary), *(c.statement for c in record.claims)])
                conn.execute(
                    "INSERT INTO event_records_fts (id, headline, body) VALUES (?,?,?)",
                    (record.id, record.headline, body),
                )

    @staticmethod
    def _delete(conn, event_id: str) -> None:
        conn.execute("DELETE FROM event_records_fts WHERE id = ?", (event_id,))
        conn.execute("DELETE FROM event_record_entities WHERE event_id = ?", (event_id,))
        conn.execute("DELETE FROM event_record_places WHERE event_id = ?", (event_id,))
        conn.execute("DELETE FROM event_records WHERE id = ?", (event_id,))

    def delete_event_records(self, event_ids: Sequence[str]) -> None:
        with self.db.transaction() as conn:
            for event_id in event_ids:
                self._delete(conn, event_id)

    def get_event_record(self, event_id: str) -> EventRecord | None:
        """By id, or by a unique id prefix of at least 6 characters."""
        rows = self.db.query("SELECT record FROM event_records WHERE id = ?", (event_id,))
        if not rows and len(event_id) >= 6:
            rows = self.db.query(
                "SELECT record FROM event_records WHERE id LIKE ? LIMIT 2", (event_id.replace("%", "") + "%",)
            )
        return event_record_from_json(json.loads(rows[0]["record"])) if len(rows) == 1 else None

    def event_record_fingerprints(self, event_ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(event_ids), 500):
            chunk = list(event_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            out.update(
                {
                    r[0]: r[1]
                    for r in self.db.query(
                        f"SELECT id, fingerprint FROM event_records WHERE id IN ({marks})", tuple(chunk)
                    )
                }
            )
        return out

    def event_records(
        self,
        *,
        q: str | None = None,
        entity: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        min_independent_sources: int | None = None,
        cursor: str | None = None,
        limit: int = DEFAULT_PAGE,
    ) -> EventRecordPage:
        """Records matching every given filter, latest first (by time span start, then id), one page at a time.

        ``q``: words in the headline, summary or claims; ``entity``: an entity id or a name (diacritics and
        case ignored; a surname matches); ``place``: a place name or ISO country code; ``since``/``until``:
        ISO dates the event's time span must overlap; ``cursor``: ``next_cursor`` of the previous page.
        """
        limit = max(1, min(int(limit), MAX_PAGE))
        where, params = self._filters(q, entity, place, since, until, min_independent_sources)
        if cursor:
            time_start, last_id = decode_cursor(cursor)
            where.append("(COALESCE(r.time_start, '') < ? OR (COALESCE(r.time_start, '') = ? AND r.id < ?))")
            params.extend([time_start, time_start, last_id])
        sql = "SELECT r.id, r.time_start, r.record FROM event_records r"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(r.time_start, '') DESC, r.id DESC LIMIT ?"
        rows = self.db.query(sql, (*params, limit + 1))
        records = tuple(event_record_from_json(json.loads(r["record"])) for r in rows[:limit])
        next_cursor = encode_cursor(rows[limit - 1]["time_start"], rows[limit - 1]["id"]) if len(rows) > limit else None
        return EventRecordPage(records, next_cursor)

    @staticmethod
    def _filters(q, entity, place, since, until, min_sources) -> tuple[list[str], list]:
        where: list[str] = []
        params: list = []
        if q:
            where.append("r.id IN (SELECT id FROM event_records_fts WHERE event_records_fts MATCH ?)")
            params.append(fts_query(q))
        if entity:
            key = name_key(entity)
            where.append(
                "r.id IN (SELECT event_id FROM event_record_entities WHERE entity_id = ? OR name_key = ? OR name_key LIKE ?)"
            )
            params.extend([entity, key, f"% {key}"])
        if place:
            where.append(
                "r.id IN (SELECT event_id FROM event_record_places WHERE name = ? COLLATE NOCASE OR country_code = ?)"
            )
            params.extend([place, place.upper()])
        if since:
            where.append("COALESCE(r.time_end, r.time_start) >= ?")
            params.append(since)
        if until:
            where.append("substr(r.time_start, 1, ?) <= ?")
            params.extend([len(until), until])
        if min_sources is not None:
            where.append("r.independent_sources >= ?")
            params.append(int(min_sources))
        return where, params

    def iter_event_records(self, **filters) -> Iterator[EventRecord]:
        """Every record matching the filters of ``event_records``, page by page."""
        cursor = None
        while True:
            page = self.event_records(cursor=cursor, limit=MAX_PAGE, **filters)
            yield from page.records
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def event_record_stats(self) -> dict:
        row = self.db.query("SELECT COUNT(*), COALESCE(SUM(claim_count), 0) FROM event_records")[0]
        return {"event_records": row[0], "fused_claims": row[1]}
