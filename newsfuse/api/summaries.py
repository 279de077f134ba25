"""Short summaries of fused event records and of entities, as listings and filters need them.

Reads the ``EventRecord`` JSON shape (``EventRecord.to_json()``, documented by
``newsfuse/fuse/schema/event.schema.json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class EventSummary:
    id: str
    headline: str
    time: str | None  # start of the event's time span (ISO 8601, as precise as known)
    time_end: str | None
    updated: str | None
    summary: str
    places: tuple[str, ...]
    article_count: int
    independent_sources: int
    outlets: tuple[str, ...]
    entity_ids: tuple[str, ...]
    entity_names: tuple[str, ...]
    article_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for name in ("places", "outlets", "entity_ids", "entity_names", "article_ids"):
            out[name] = list(out[name])
        return out


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    country_code: str | None

    @classmethod
    def of(cls, entity: Any) -> EntitySummary:
        """From a stored ``Entity`` record."""
        return cls(entity.id, entity.canonical, entity.label, tuple(entity.aliases), entity.country_code)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["aliases"] = list(self.aliases)
        return out


def entity_from_participant(participant: Any) -> EntitySummary:
    """For an entity fusion names but extraction's table does not hold."""
    return EntitySummary(
        participant.entity_id, participant.name, participant.label, tuple(participant.aliases), participant.country_code
    )


def text_of(value: Any) -> str:
    """A display string for a value that may be a string, a list of sentences or a dict with ``text``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return text_of(value.get("text") or value.get("value") or "")
    if isinstance(value, (list, tuple)):
        return " ".join(text_of(v) for v in value if v)
    return str(value)


def summarise_event(record: Mapping[str, Any]) -> EventSummary:
    """The listing line of one ``EventRecord.to_json()``."""
    time = record.get("time") or {}
    sources = record.get("sources") or ()
    participants = record.get("participants") or ()
    return EventSummary(
        id=record["id"],
        headline=record.get("headline") or "(untitled event)",
        time=time.get("start"),
        time_end=time.get("end"),
        updated=record.get("last_updated"),
        summary=text_of(record.get("summary")),
        places=tuple(dict.fromkeys(p["name"] for p in record.get("places") or () if p.get("name"))),
        article_count=len(sources),
        independent_sources=int(record.get("independent_sources") or 0),
        outlets=tuple(dict.fromkeys(s["outlet"] for s in sources if s.get("outlet"))),
        entity_ids=tuple(p["entity_id"] for p in participants),
        entity_names=tuple(p["name"] for p in participants),
        article_ids=tuple(s["article_id"] for s in sources),
    )
