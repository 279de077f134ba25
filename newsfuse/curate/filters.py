"""The one event filter: the CLI's ``newsfuse events``, ``/api/events`` and the web feed all call
``find_events``, so the same filters give the same events everywhere.

Place and entity filters match every name of a country (Türkiye = Turkey = Turquía) and every alias of a
stored entity; ``language`` keeps events with at least one report in that language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newsfuse.curate.aliases import country_canonical, country_code
from newsfuse.resolve.names import name_key
from newsfuse.store.records import DEFAULT_PAGE, MAX_PAGE, EventRecordPage


@dataclass(frozen=True, slots=True)
class EventQuery:
    """What events can be narrowed by; every field is optional."""

    q: str | None = None
    entity: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    min_independent_sources: int | None = None
    language: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def given(self) -> dict[str, Any]:
        return {k: v for k, v in self.as_dict().items() if v not in (None, "")}


def place_key(place: str) -> str:
    """A country's ISO code when ``place`` is any name of one (the store matches codes), else the name."""
    return country_code(place) or place


def entity_key(store, entity: str) -> str:
    """An entity id for a stored entity whose name or alias is ``entity``; a country's canonical name for
    any name of a country; else ``entity`` as given (the store matches ids, folded names and surnames)."""
    code = country_code(entity) if len(entity) > 2 else None
    if code:
        return country_canonical(code) or entity
    key = name_key(entity)
    for found in store.entities(query=entity, limit=20):
        if key in {name_key(n) for n in (found.canonical, *found.aliases)}:
            return found.id
    return entity


def find_events(store, query: EventQuery, cursor: str | None = None, limit: int = DEFAULT_PAGE) -> EventRecordPage:
    """Fused records matching every filter of ``query``, latest first, one page at a time."""
    limit = max(1, min(int(limit), MAX_PAGE))
    filters = query.as_dict()
    language = filters.pop("language")
    if query.place:
        filters["place"] = place_key(query.place)
    if query.entity:
        filters["entity"] = entity_key(store, query.entity)
    if not language:
        return store.event_records(cursor=cursor, limit=limit, **filters)
    wanted = store.events_with_language(language)
    found: list = []
    while True:  # the language filter is applied here, page by page, so cursors stay the store's own
        page = store.event_records(cursor=cursor, limit=limit, **filters)
        for record in page.records:
            if record.id in wanted:
                found.append(record)
            if len(found) == limit:
                more = record is not page.records[-1] or page.next_cursor is not None
                return EventRecordPage(tuple(found), _cursor_after(record) if more else None)
        if page.next_cursor is None:
            return EventRecordPage(tuple(found), None)
        cursor = page.next_cursor


def _cursor_after(record) -> str:
    from newsfuse.store.records import encode_cursor

    return encode_cursor(record.time.start, record.id)


def all_events(store, query: EventQuery, limit: int | None = None) -> list:
    """Every matching record (up to ``limit``), following the pages."""
    out: list = []
    cursor = None
    while limit is None or len(out) < limit:
        page = find_events(store, query, cursor, MAX_PAGE if limit is None else min(MAX_PAGE, limit - len(out)))
        out.extend(page.records)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    return out
