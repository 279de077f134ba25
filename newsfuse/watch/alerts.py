"""Alerts: saved watches matched against event records as they are fused; each alert recorded once.

A watch matches an event record when every one of its words appears in the record (headline,
summary, participants, places, claims, source titles), its entity is a participant and its place
one of the record's places (each when given). A matching event fires ``match`` when it first has
at least ``min_sources`` independent sources, ``threshold`` when it reaches them later, and
``contradiction`` for each contradiction it gains after that.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from newsfuse.records.claims import EventRecord
from newsfuse.resolve.names import name_key
from newsfuse.store.alerts import Alert, AlertWatch


def record_text(record: EventRecord) -> str:
    """Everything a watch's words may match, folded like names are (accents, case, punctuation)."""
    parts = [record.headline, *(s.text for s in record.summary), *(s.title for s in record.sources)]
    for person in record.participants:
        parts += [person.name, *person.aliases, *person.roles]
    parts += [p.name for p in record.places] + [p.country or "" for p in record.places]
    for claim in record.claims:
        parts += [claim.description, claim.quote or ""]
    return " " + name_key(" \n ".join(parts)) + " "


def matches(watch: AlertWatch, record: EventRecord, text: str | None = None) -> bool:
    """Does the record match the watch's words, entity and place (the source count is judged apart)?"""
    text = text if text is not None else record_text(record)
    if any(f" {name_key(word)} " not in text for word in watch.words.split() if name_key(word)):
        return False
    if watch.entity:
        wanted = name_key(watch.entity)
        names = {name_key(n) for p in record.participants for n in (p.name, *p.aliases)}
        if wanted not in names:
            return False
    if watch.place:
        wanted = name_key(watch.place)
        places = {name_key(p.name) for p in record.places} | {(p.country_code or "").casefold() for p in record.places}
        if wanted not in places:
            return False
    return True


def evaluate(store, event_ids: Iterable[str]) -> list[Alert]:
    """Check the records of ``event_ids`` against every saved watch; returns the alerts newly fired."""
    watches = store.alert_watches()
    if not watches:
        return []
    fired: list[Alert] = []
    for event_id in dict.fromkeys(event_ids):
        record = store.get_event_record(event_id)
        if record is None:
            continue
        text = record_text(record)
        for watch in watches:
            if matches(watch, record, text):
                fired += _judge(store, watch, record)
    return fired


def _judge(store, watch: AlertWatch, record: EventRecord) -> list[Alert]:
    seen = store.alert_seen(watch.id, record.id)
    sources, contradictions = record.independent_sources, len(record.contradictions)
    out = []
    if sources >= watch.min_sources:
        if seen is None:
            out.append(_alert(watch, record, "match", ""))
        elif seen[0] < watch.min_sources:
            out.append(_alert(watch, record, "threshold", f"{sources} independent sources"))
        elif contradictions > seen[1]:
            out += [_alert(watch, record, "contradiction", _describe(c)) for c in record.contradictions[seen[1] :]]
    return store.record_alert_state(watch.id, record.id, sources, contradictions, out)


def _describe(contradiction) -> str:
    return f"{contradiction.slot} of claim {contradiction.claim_id}" + (
        f": {contradiction.note}" if contradiction.note else ""
    )


def _alert(watch: AlertWatch, record: EventRecord, reason: str, detail: str) -> Alert:
    key = "\x1f".join((watch.id, record.id, reason, detail))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return Alert(
        id="al_" + hashlib.sha256(key.encode()).hexdigest()[:16],
        watch_id=watch.id,
        event_id=record.id,
        reason=reason,
        detail=detail,
        headline=record.headline,
        independent_sources=record.independent_sources,
        fired_at=now,
        webhook=watch.webhook,
        next_attempt_at=now if watch.webhook else None,
    )


def alert_json(alert: Alert, watch: AlertWatch | None) -> dict:
    """The webhook's body and the API's shape of one alert."""
    return {
        "id": alert.id,
        "watch": {"id": alert.watch_id, "name": watch.name if watch else ""},
        "event_id": alert.event_id,
        "reason": alert.reason,
        "detail": alert.detail,
        "headline": alert.headline,
        "independent_sources": alert.independent_sources,
        "fired_at": alert.fired_at,
    }


def event_ids_of(reports: Sequence) -> list[str]:
    return [e for report in reports for e in report.events_affected]
