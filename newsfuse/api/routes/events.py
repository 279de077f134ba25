"""``/api/events``: the event feed with filters and cursor pagination, and one fused event record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from starlette.requests import Request
from starlette.responses import Response

from newsfuse.api.errors import ApiError
from newsfuse.api.readmodel import EventFilters
from newsfuse.api.routes.params import DEFAULT_PAGE, Cursor, Limit, Since, Text, Until, clean_text
from newsfuse.api.schemas import ERROR_RESPONSES, EventListOut, EventOut
from newsfuse.api.service import Service, get_service

router = APIRouter(tags=["events"])

EventId = Annotated[str, Path(max_length=200, description="event id (or an id merged into it)")]


def event_filters(
    q: Text = None,
    entity: Annotated[str | None, Query(max_length=200, description="entity id or canonical name")] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of a place name")] = None,
    since: Since = None,
    until: Until = None,
    min_independent_sources: Annotated[int | None, Query(ge=0, le=10_000)] = None,
    language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO 639-1 code")] = None,
) -> EventFilters:
    return EventFilters(
        q=clean_text(q),
        entity=clean_text(entity),
        place=clean_text(place),
        since=since,
        until=until,
        min_independent_sources=min_independent_sources,
        language=language.lower() if language else None,
    )


@router.get("/api/events", response_model=EventListOut, responses=ERROR_RESPONSES, summary="Events, newest first")
async def list_events(
    request: Request,
    filters: EventFilters = Depends(event_filters),
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
    service: Service = Depends(get_service),
) -> Response:
    def build() -> dict:
        page = service.read.events(filters, cursor, limit)
        return {"items": [e.to_json() for e in page.items], "next_cursor": page.next_cursor}

    return await service.cached_json(request, build)


@router.get(
    "/api/events/{event_id}", response_model=EventOut, responses=ERROR_RESPONSES, summary="One fused event record"
)
async def get_event(request: Request, event_id: EventId, service: Service = Depends(get_service)) -> Response:
    def build() -> dict:
        record = service.read.event(event_id)
        if record is None:
            raise ApiError(404, f"no event {event_id!r}")
        return dict(record)

    return await service.cached_json(request, build)
