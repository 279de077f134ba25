"""Timelines: dated claims about one entity across events, and the events of one storyline in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsfuse.records.claims import EventRecord
from newsfuse.resolve.names import name_key


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str | None  # TIMEX3 value of the claim, or the event's start when the claim has none
    event_id: str
    claim_id: str | None
    statement: str
    modality: str
    independent_sources: int
    kind: str = "claim"  # "claim", "event" (a record in a storyline) or "storyline" (its stated span)

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "date": self.date,
            "event_id": self.event_id,
            "claim_id": self.claim_id,
            "statement": self.statement,
            "modality": self.modality,
            "independent_sources": self.independent_sources,
        }


def matches_entity(record: EventRecord, query: str) -> set[str]:
    """Entity ids in the record whose id, name or alias matches ``query`` (folded, case-insensitive)."""
    wanted = name_key(query)
    found = set()
    for participant in record.participants:
        names = {name_key(participant.name), *(name_key(a) for a in participant.aliases)}
        if participant.entity_id == query or wanted in names or any(wanted in n.split() for n in names if " " in n):
            found.add(participant.entity_id)
    return found


def entity_timeline(records: Iterable[EventRecord], query: str) -> list[TimelineEntry]:
    """Every claim involving the entity, dated by the claim (or its event), earliest first."""
    entries = []
    for record in records:
        ids = matches_entity(record, query)
        if not ids:
            continue
        for claim in record.claims:
            if not ids & claim.entity_ids():
                continue
            date = claim.time.value if claim.time else record.time.start
            entries.append(
                TimelineEntry(
                    date,
                    record.id,
                    claim.id,
                    claim.statement,
                    claim.modality,
                    claim.support.independent_sources if claim.support else 1,
                )
            )
    return sorted(entries, key=lambda e: (e.date is None, e.date or "", e.event_id))


def storyline_timeline(records: Iterable[EventRecord], label_or_event: str) -> list[TimelineEntry]:
    """The events of a storyline (named by label words or by a member event id), and its stated span, by date."""
    records = list(records)
    member = next((r for r in records if r.id == label_or_event), None)
    labels = {name_key(r.label) for r in member.related if r.kind == "storyline"} if member else set()
    wanted = set(name_key(label_or_event).split())
    entries: dict[tuple, TimelineEntry] = {}
    for record in records:
        for related in record.related:
            key = name_key(related.label)
            if not (key in labels or wanted and wanted <= set(key.split()) or related.event_id == label_or_event):
                continue
            entries[("event", record.id)] = TimelineEntry(
                record.time.start, record.id, None, record.headline, "happened", record.independent_sources, "event"
            )
            if related.kind == "storyline" and related.time and related.time.start:
                span = f"{related.time.start}/{related.time.end}" if related.time.end else related.time.start
                places = f", including {', '.join(related.places)}" if related.places else ""
                entries.setdefault(
                    ("storyline", key, span),
                    TimelineEntry(
                        related.time.start,
                        record.id,
                        related.claim_id,
                        f"{related.label} {span}{places}",
                        "happened",
                        1,
                        "storyline",
                    ),
                )
    return sorted(entries.values(), key=lambda e: (e.date is None, e.date or "", e.kind != "storyline", e.event_id))
