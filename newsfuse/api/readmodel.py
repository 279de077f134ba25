"""The service's read model: events, entities and articles as the API and the web pages show them.

A thin layer over the store's read methods: fused event records (``store.event_records``, filtered
and cursor-paginated in SQL), canonical entities (``store.entities``) and articles
(``store.iter_articles``). It turns records into the summaries listings show and maps store
errors (a stale cursor) to API errors. Bodies are cached above it, per store generation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsfuse.api.errors import ApiError
from newsfuse.api.pagination import Page, decode_cursor, encode_cursor, paginate
from newsfuse.api.summaries import EntitySummary, EventSummary, entity_from_participant, summarise_event
from newsfuse.curate.filters import EventQuery, find_events
from newsfuse.curate.precision import event_json
from newsfuse.records import Article

MAX_ENTITY_EVENTS = 1000  # an entity page lists at most this many events


# What ``/api/events`` and the feed can be narrowed by: the one filter the CLI uses too (curate/filters.py).
EventFilters = EventQuery


class ReadModel:
    """Read access for the service over one store."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def events(self, filters: EventFilters, cursor: str | None, limit: int) -> Page[EventSummary]:
        """Fused events matching ``filters``, newest first."""
        try:
            page = find_events(self.store, filters, cursor, limit)
        except ValueError as exc:
            raise ApiError(
                400, "invalid parameter: cursor is not one this service issued; start again without it"
            ) from exc
        return Page(tuple(summarise_event(record) for record in page.records), page.next_cursor)

    def event(self, event_id: str) -> Mapping[str, Any] | None:
        """The fused record of an event (by id, merged-away id, or unique id prefix) as JSON."""
        record = self.store.get_event_record(event_id)
        if record is None:
            current = self.store.resolve_event_id(event_id)  # an id merged into another event
            record = self.store.get_event_record(current) if current and current != event_id else None
        return event_json(record) if record is not None else None

    def entities(self, q: str | None, cursor: str | None, limit: int) -> Page[EntitySummary]:
        """Canonical entities by name; ``q`` matches a name or an alias."""
        found = [EntitySummary.of(entity) for entity in self.store.entities(query=q)]
        found.sort(key=entity_sort_key)
        return paginate(found, entity_sort_key, cursor, limit, {"q": q})

    def entity(self, entity_id: str) -> tuple[EntitySummary, list[EventSummary]] | None:
        """An entity and the events it takes part in, oldest first."""
        records = []
        cursor = None
        while len(records) < MAX_ENTITY_EVENTS:
            page = self.store.event_records(entity=entity_id, cursor=cursor, limit=500)
            records.extend(page.records)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        stored = self.store.get_entity(entity_id)
        if stored is not None:
            entity = EntitySummary.of(stored)
        else:  # known only as a participant of fused events
            participant = next((p for r in records for p in r.participants if p.entity_id == entity_id), None)
            if participant is None:
                return None
            entity = entity_from_participant(participant)
        events = sorted((summarise_event(r) for r in records), key=lambda e: (e.time or "", e.id))
        return entity, events

    def articles(
        self, *, since: str | None, until: str | None, source: str | None, q: str | None, cursor: str | None, limit: int
    ) -> Page[Article]:
        """Articles oldest first as the store orders them; the cursor carries the position reached."""
        filters = {"since": since, "until": until, "source": source, "q": q}
        after = decode_cursor(cursor, filters)
        offset = after[0] if after and isinstance(after[0], int) and after[0] >= 0 else 0
        rows = list(
            self.store.iter_articles(since=since, until=until, source=source, query=q, limit=limit + 1, offset=offset)
        )
        more = len(rows) > limit
        return Page(tuple(rows[:limit]), encode_cursor([offset + limit], filters) if more else None)

    def article(self, article_id: str) -> Article | None:
        return self.store.get_article(article_id)

    def events_of_article(self, article_id: str) -> list[str]:
        """The event an article was clustered into, as a list (empty before clustering has run)."""
        found = self.store.event_of(article_id)
        return [found] if found else []


def entity_sort_key(entity: EntitySummary) -> tuple[str, str]:
    return (entity.name.casefold(), entity.id)
