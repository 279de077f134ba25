"""Short summaries of fused event records and of entities, as listings and filters need them.

Summaries read ``EventRecord`` objects (``newsfuse.records.claims``); the event page itself reads
the record's JSON (``EventRecord.to_json()``, documented by ``newsfuse/fuse/schema/event.schema.json``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from newsfuse.curate.precision import news_times
from newsfuse.records.claims import EventRecord


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
    # the reports' languages (ISO 639-1), most reports first, so a listing shows an event told in several
    languages: tuple[str, ...] = ()
    # time span, first/last reported (publication dates), time and geo precision: curate/precision.py
    news: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for name in ("places", "outlets", "entity_ids", "entity_names", "article_ids", "languages"):
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


def summarise_event(record: EventRecord) -> EventSummary:
    """The listing line of one fused record (read from the record itself: ``to_json`` costs more than the rest)."""
    return EventSummary(
        id=record.id,
        headline=record.headline or "(untitled event)",
        time=record.time.start,
        time_end=record.time.end,
        updated=record.last_updated,
        summary=" ".join(sentence.text for sentence in record.summary),
        places=tuple(dict.fromkeys(place.name for place in record.places if place.name)),
        article_count=len(record.sources),
        independent_sources=record.independent_sources,
        outlets=tuple(dict.fromkeys(source.outlet for source in record.sources if source.outlet)),
        entity_ids=tuple(p.entity_id for p in record.participants),
        entity_names=tuple(p.name for p in record.participants),
        article_ids=tuple(source.article_id for source in record.sources),
        languages=tuple(code for code, _ in Counter(s.language for s in record.sources).most_common() if code),
        news=news_times(record),
    )
