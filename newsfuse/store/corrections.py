"""SQL for the analyst's work: the append-only corrections log, event record versions, users, and the
membership moves corrections make (written through the event table's own ``save_clustering``)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from newsfuse.records.corrections import Correction, RecordVersion, User
from newsfuse.records.relations import EventAssignment, EventMerge
from newsfuse.store.sqlite import SQLiteConnection

# Why records are being written right now ("correction c_2 (split)"); set by curate around a correction,
# read when a record version is kept. Empty: an ordinary re-fusion.
CHANGE_REASON: ContextVar[str] = ContextVar("newsfuse_change_reason", default="")


@contextmanager
def change_reason(reason: str) -> Iterator[None]:
    token = CHANGE_REASON.set(reason)
    try:
        yield
    finally:
        CHANGE_REASON.reset(token)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _correction(row, undone: Mapping[str, str]) -> Correction:
    return Correction(
        row["id"], row["kind"], row["target"], json.loads(row["payload"]), row["user"], row["note"],
        row["created_at"], undone.get(row["id"]),
    )  # fmt: skip


class CorrectionTable:
    db: SQLiteConnection

    # -- the audit log -----------------------------------------------------------------------------
    def add_correction(
        self, kind: str, target: str, payload: Mapping[str, Any], user: str, note: str = ""
    ) -> Correction:
        with self.db.transaction() as conn:
            seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM corrections").fetchone()[0]
            row = (f"c_{seq}", kind, target, json.dumps(dict(payload), ensure_ascii=False), user, note, _now())
            conn.execute(
                "INSERT INTO corrections (id, kind, target, payload, user, note, created_at) VALUES (?,?,?,?,?,?,?)",
                row,
            )
        return Correction(row[0], kind, target, dict(payload), user, note, row[6])

    def corrections(self) -> list[Correction]:
        """Every correction, oldest first, each marked with the undo that reverted it (if any)."""
        if not self._has_corrections_table():
            return []
        rows = self.db.query("SELECT * FROM corrections ORDER BY seq")
        undone = {r["target"]: r["id"] for r in rows if r["kind"] == "undo"}
        return [_correction(r, undone) for r in rows]

    def get_correction(self, correction_id: str) -> Correction | None:
        return next((c for c in self.corrections() if c.id == correction_id), None)

    def active_corrections(self, kinds: Sequence[str] | None = None) -> list[Correction]:
        """Corrections in force: not undos themselves and not undone, oldest first."""
        return [
            c for c in self.corrections() if c.kind != "undo" and c.undone_by is None and (not kinds or c.kind in kinds)
        ]

    def _has_corrections_table(self) -> bool:
        # A read-only store opened before migration 009 has no such table.
        return bool(self.db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'corrections'"))

    # -- memberships moved by corrections ----------------------------------------------------------------
    def move_members(self, moves: Mapping[str, str], aliases: Mapping[str, str] = {}) -> None:
        """Put each article of ``moves`` in its event (created when new) and record merged-away ids as aliases.

        An id that names a live event again (a split re-created it) stops being an alias.
        """
        new = {e for e in moves.values() if not self.db.query("SELECT 1 FROM events WHERE id = ?", (e,))}
        assignments, founded = [], set()
        for article_id, event_id in moves.items():
            first = event_id in new and event_id not in founded
            founded.add(event_id)
            assignments.append(EventAssignment(article_id, event_id, 1.0, first))
        assignments.sort(key=lambda a: not a.founded)
        merges = [EventMerge(alias, target, 1.0, None) for alias, target in aliases.items()]
        with self.db.transaction() as conn:
            self.save_clustering(assignments, merges)
            conn.execute("DELETE FROM event_aliases WHERE alias_id IN (SELECT DISTINCT event_id FROM event_members)")

    def memberships(self, event_ids: Sequence[str]) -> dict[str, str]:
        """article id -> event id for every member of the given events."""
        rows = self.db.query_in("SELECT article_id, event_id FROM event_members WHERE event_id IN ({marks})", event_ids)
        return {r[0]: r[1] for r in rows}

    def events_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        rows = self.db.query_in(
            "SELECT article_id, event_id FROM event_members WHERE article_id IN ({marks})", article_ids
        )
        return {r[0]: r[1] for r in rows}

    def events_with_host(self, host: str) -> list[str]:
        """Events holding an article from ``host`` (its URL's host, or its source named so)."""
        rows = self.db.query(
            "SELECT DISTINCT m.event_id FROM event_members m JOIN articles a ON a.id = m.article_id"
            " WHERE a.url LIKE ? OR a.url LIKE ? OR a.source = ? COLLATE NOCASE",
            (f"%://{host}/%", f"%://www.{host}/%", host),
        )
        return [r[0] for r in rows]

    def events_with_language(self, language: str) -> set[str]:
        rows = self.db.query(
            "SELECT DISTINCT m.event_id FROM event_members m JOIN articles a ON a.id = m.article_id WHERE a.language = ?",
            (language.lower(),),
        )
        return {r[0] for r in rows}

    def event_with_claim(self, claim_id: str) -> str | None:
        """The event whose stored record holds the claim (matched in the JSON, then checked)."""
        rows = self.db.query("SELECT id, record FROM event_records WHERE instr(record, ?) > 0", (claim_id,))
        for row in rows:
            if any(c.get("id") == claim_id for c in json.loads(row["record"]).get("claims", [])):
                return row["id"]
        return None

    def forget_fingerprints(self, event_ids: Sequence[str]) -> None:
        """Make the next ``fuse.update`` of these events re-fuse them even if their members are unchanged."""
        with self.db.transaction() as conn:
            for event_id in event_ids:
                conn.execute("UPDATE event_records SET fingerprint = '' WHERE id = ?", (event_id,))

    # -- record versions ---------------------------------------------------------------------------------
    def keep_version(self, conn, record_json: dict[str, Any]) -> None:
        """Append ``record_json`` as the event's next version when it differs from the last one kept."""
        from newsfuse.curate.history import record_changes

        event_id = record_json["id"]
        last = conn.execute(
            "SELECT version, record FROM event_record_versions WHERE event_id = ? ORDER BY version DESC LIMIT 1",
            (event_id,),
        ).fetchone()
        if last is None:  # a record stored before versions were kept becomes version 1
            stored = conn.execute("SELECT record, fused_at FROM event_records WHERE id = ?", (event_id,)).fetchone()
            if stored is not None:
                first = json.dumps(json.loads(stored["record"]), ensure_ascii=False, sort_keys=True)
                conn.execute(
                    "INSERT INTO event_record_versions VALUES (?, 1, ?, '', '{\"created\": true}', ?)",
                    (event_id, first, stored["fused_at"]),
                )
                last = {"version": 1, "record": first}
        text = json.dumps(record_json, ensure_ascii=False, sort_keys=True)
        if last is not None and last["record"] == text:
            return
        previous = json.loads(last["record"]) if last is not None else None
        conn.execute(
            "INSERT INTO event_record_versions VALUES (?,?,?,?,?,?)",
            (
                event_id,
                (last["version"] if last else 0) + 1,
                text,
                CHANGE_REASON.get(),
                json.dumps(record_changes(previous, record_json), ensure_ascii=False),
                _now(),
            ),
        )

    def record_versions(self, event_id: str, with_records: bool = False) -> list[RecordVersion]:
        columns = "event_id, version, stored_at, reason, changes" + (", record" if with_records else "")
        rows = self.db.query(
            f"SELECT {columns} FROM event_record_versions WHERE event_id = ? ORDER BY version", (event_id,)
        )
        return [
            RecordVersion(
                r["event_id"], r["version"], r["stored_at"], r["reason"], json.loads(r["changes"]),
                json.loads(r["record"]) if with_records else {},
            )
            for r in rows
        ]  # fmt: skip

    # -- users ---------------------------------------------------------------------------------------------
    def add_user(self, name: str, role: str, token_hash: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM users WHERE name = ?", (name,))
            conn.execute("INSERT INTO users VALUES (?,?,?,?)", (token_hash, name, role, _now()))

    def user_by_token_hash(self, token_hash: str) -> User | None:
        if not self.db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'"):
            return None
        rows = self.db.query("SELECT name, role FROM users WHERE token_hash = ?", (token_hash,))
        return User(rows[0]["name"], rows[0]["role"]) if rows else None

    def users(self) -> list[User]:
        return [User(r["name"], r["role"]) for r in self.db.query("SELECT name, role FROM users ORDER BY name")]

    # -- the analyst's overrides, applied whenever a record is stored -----------------------------------------
    def curated_records(self, records: Sequence[Any]) -> list[Any]:
        """``records`` with pinned headlines, claim verdicts and outlet names applied (see ``curate.overlay``)."""
        if not self._has_corrections_table():
            return list(records)
        from newsfuse.curate.overlay import apply_overrides

        untitled = [s.article_id for r in records for s in r.sources if not s.title]
        texts = {r[0]: r[1] for r in self.db.query_in("SELECT id, text FROM articles WHERE id IN ({marks})", untitled)}
        return apply_overrides(records, self.active_corrections(("pin", "claim", "outlet")), texts)
