"""``/api/entities``: canonical entities, and one entity with its events over time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from starlette.requests import Request
from starlette.responses import Response

from newsfuse.api.errors import ApiError
from newsfuse.api.routes.params import DEFAULT_PAGE, Cursor, Limit, Text, clean_text
from newsfuse.api.schemas import ERROR_RESPONSES, EntityDetailOut, EntityListOut
from newsfuse.api.service import Service, get_service

router = APIRouter(tags=["entities"])


@router.get("/api/entities", response_model=EntityListOut, responses=ERROR_RESPONSES, summary="Entities by name")
async def list_entities(
    request: Request,
    q: Text = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
    service: Service = Depends(get_service),
) -> Response:
    def build() -> dict:
        page = service.read.entities(clean_text(q), cursor, limit)
        return {"items": [e.to_json() for e in page.items], "next_cursor": page.next_cursor, "total": page.total}

    return await service.cached_json(request, build)


@router.get(
    "/api/entities/{entity_id}",
    response_model=EntityDetailOut,
    responses=ERROR_RESPONSES,
    summary="One entity and its events",
)
async def get_entity(
    request: Request, entity_id: Annotated[str, Path(max_length=200)], service: Service = Depends(get_service)
) -> Response:
    def build() -> dict:
        found = service.read.entity(entity_id)
        if found is None:
            raise ApiError(404, f"no entity {entity_id!r}")
        entity, events = found
        return {"entity": entity.to_json(), "events": [e.to_json() for e in events]}

    return await service.cached_json(request, build)
