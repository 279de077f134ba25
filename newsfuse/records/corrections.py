"""Records of the analyst's work: one correction in the audit log, one stored version of an event record."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Correction:
    """One row of the append-only audit log: who changed what, when, and why."""

    id: str  # "c_1", "c_2", ... in the order they were made
    kind: str  # split, merge, move, pin, claim, outlet, undo
    target: str  # event id, article id, claim id, host, or (undo) the reverted correction's id
    payload: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    user: str = ""
    note: str = ""
    created_at: str = ""
    undone_by: str | None = None  # id of the undo that reverted it, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "payload": dict(self.payload),
            "user": self.user,
            "note": self.note,
            "created_at": self.created_at,
            "undone_by": self.undone_by,
        }


@dataclass(frozen=True, slots=True)
class RecordVersion:
    """An event record as it was stored at one time, with what changed from the version before and why."""

    event_id: str
    version: int
    stored_at: str
    reason: str  # "correction c_2 (split)"; empty: a re-fusion after new reports or extractions
    changes: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    record: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self, with_record: bool = False) -> dict[str, Any]:
        out = {
            "event_id": self.event_id,
            "version": self.version,
            "stored_at": self.stored_at,
            "reason": self.reason or "re-fusion",
            "changes": dict(self.changes),
        }
        if with_record:
            out["record"] = self.record
        return out


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str  # read, write, admin

    def can_write(self) -> bool:
        return self.role in ("write", "admin")
