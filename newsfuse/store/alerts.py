"""SQL for alerts: saved watches, what each last saw of its matching events, and the alerts fired (once each)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from newsfuse.store.sqlite import SQLiteConnection


@dataclass(frozen=True, slots=True)
class AlertWatch:
    id: str
    name: str
    words: str = ""
    entity: str = ""
    place: str = ""
    min_sources: int = 1
    webhook: str = ""
    created_at: str = ""

    def to_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Alert:
    id: str
    watch_id: str
    event_id: str
    reason: str  # match | threshold | contradiction
    detail: str
    headline: str
    independent_sources: int
    fired_at: str
    webhook: str = ""
    attempts: int = 0
    next_attempt_at: str | None = None
    delivered_at: str | None = None
    last_error: str = ""

    def to_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_WATCH = ", ".join(f.name for f in fields(AlertWatch))
_ALERT = ", ".join(f.name for f in fields(Alert))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class AlertTable:
    db: SQLiteConnection

    # -- watches -------------------------------------------------------------------------------
    def add_alert_watch(self, name: str, *, words="", entity="", place="", min_sources=1, webhook="") -> AlertWatch:
        key = "\x1f".join((name, words, entity, place, str(min_sources), webhook))
        watch = AlertWatch(
            "w_" + hashlib.sha256(key.encode()).hexdigest()[:12],
            name,
            words,
            entity,
            place,
            min_sources,
            webhook,
            _now(),
        )
        with self.db.transaction() as conn:
            conn.execute(
                f"INSERT OR IGNORE INTO alert_watches ({_WATCH}) VALUES (?,?,?,?,?,?,?,?)",
                tuple(getattr(watch, f.name) for f in fields(watch)),
            )
        return self.get_alert_watch(watch.id) or watch

    def get_alert_watch(self, watch_id: str) -> AlertWatch | None:
        rows = self.db.query(f"SELECT {_WATCH} FROM alert_watches WHERE id = ?", (watch_id,))
        return AlertWatch(*rows[0]) if rows else None

    def alert_watches(self) -> list[AlertWatch]:
        return [AlertWatch(*r) for r in self.db.query(f"SELECT {_WATCH} FROM alert_watches ORDER BY created_at, id")]

    def remove_alert_watch(self, watch_id: str) -> bool:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM alert_seen WHERE watch_id = ?", (watch_id,))
            conn.execute("DELETE FROM alerts WHERE watch_id = ?", (watch_id,))
            return conn.execute("DELETE FROM alert_watches WHERE id = ?", (watch_id,)).rowcount > 0

    # -- what a watch saw ----------------------------------------------------------------------
    def alert_seen(self, watch_id: str, event_id: str) -> tuple[int, int] | None:
        """(independent sources, contradictions) of the event when the watch last matched it."""
        rows = self.db.query(
            "SELECT sources, contradictions FROM alert_seen WHERE watch_id = ? AND event_id = ?", (watch_id, event_id)
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def record_alert_state(self, watch_id: str, event_id: str, sources: int, contradictions: int, fired: list[Alert]):
        """The watch's view of the event and the alerts it fired, in one transaction; returns those new."""
        new = []
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO alert_seen VALUES (?, ?, ?, ?)", (watch_id, event_id, sources, contradictions)
            )
            for alert in fired:
                cursor = conn.execute(
                    f"INSERT OR IGNORE INTO alerts ({_ALERT}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    tuple(getattr(alert, f.name) for f in fields(alert)),
                )
                if cursor.rowcount:
                    new.append(alert)
        return new

    # -- fired alerts and their delivery -------------------------------------------------------
    def list_alerts(self, limit: int = 50, watch_id: str | None = None) -> list[Alert]:
        where, params = ("WHERE watch_id = ?", (watch_id,)) if watch_id else ("", ())
        sql = f"SELECT {_ALERT} FROM alerts {where} ORDER BY fired_at DESC, rowid DESC LIMIT {int(limit)}"
        return [Alert(*r) for r in self.db.query(sql, params)]

    def alerts_due(self, now: str) -> list[Alert]:
        sql = f"SELECT {_ALERT} FROM alerts WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY rowid"
        return [Alert(*r) for r in self.db.query(sql, (now,))]

    def record_delivery(self, alert_id: str, *, delivered: bool, error: str = "", retry_at: str | None = None):
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE alerts SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                " delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END WHERE id = ?",
                (error, None if delivered else retry_at, int(delivered), _now(), alert_id),
            )

    def alert_generation(self) -> tuple:
        """Changes whenever an alert fires or a record is re-fused: what the live feed listens for."""
        alerts = self.db.query("SELECT COUNT(*), MAX(fired_at) FROM alerts")[0]
        records = self.db.query("SELECT COUNT(*), MAX(fused_at) FROM event_records")[0]
        return (alerts[0], alerts[1], records[0], records[1])
