"""``/api/search``: events and articles matching free text, in one answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from newsfuse.api.readmodel import EventFilters
from newsfuse.api.routes.articles import article_json
from newsfuse.api.routes.params import clean_text
from newsfuse.api.schemas import ERROR_RESPONSES, SearchOut
from newsfuse.api.service import Service, get_service

router = APIRouter(tags=["search"])


def search_body(service: Service, q: str, limit: int) -> dict:
    """What both ``/api/search`` and the search page show: matching events, then matching articles."""
    text = clean_text(q)
    if text is None:
        return {"q": q, "events": [], "articles": []}
    events = service.read.events(EventFilters(q=text), None, limit).items
    articles = service.read.articles(since=None, until=None, source=None, q=text, cursor=None, limit=limit).items
    return {
        "q": q,
        "events": [e.to_json() for e in events],
        "articles": [article_json(a, with_text=False, events=service.read.events_of_article(a.id)) for a in articles],
    }


@router.get("/api/search", response_model=SearchOut, responses=ERROR_RESPONSES, summary="Search events and articles")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words that must all appear")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    service: Service = Depends(get_service),
) -> Response:
    return await service.cached_json(request, lambda: search_body(service, q, limit))
