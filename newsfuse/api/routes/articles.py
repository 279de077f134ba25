"""``/api/articles``: stored articles with filters and cursor pagination, and one article with its text."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from starlette.requests import Request
from starlette.responses import Response

from newsfuse.api.errors import ApiError
from newsfuse.api.routes.params import DEFAULT_PAGE, Cursor, Limit, Since, Text, Until, clean_text
from newsfuse.api.schemas import ERROR_RESPONSES, ArticleListOut, ArticleOut
from newsfuse.api.service import Service, get_service
from newsfuse.records import Article

router = APIRouter(tags=["articles"])

SNIPPET_CHARS = 280


def article_json(article: Article, *, with_text: bool, events: list[str]) -> dict[str, Any]:
    body = {
        "id": article.id,
        "external_id": article.external_id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "language": article.language,
        "published": article.published,
        "published_via": article.published_via.value,
        "dateline": article.dateline,
        "ingested_at": article.ingested_at,
        "origin": article.origin,
        "events": events,
    }
    if with_text:
        body["text"] = article.text
    else:
        body["snippet"] = article.text[:SNIPPET_CHARS]
    return body


@router.get(
    "/api/articles", response_model=ArticleListOut, responses=ERROR_RESPONSES, summary="Stored articles, oldest first"
)
async def list_articles(
    request: Request,
    q: Text = None,
    source: Annotated[str | None, Query(max_length=200, description="part of the outlet name")] = None,
    since: Since = None,
    until: Until = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
    service: Service = Depends(get_service),
) -> Response:
    def build() -> dict:
        page = service.read.articles(
            since=since, until=until, source=clean_text(source), q=clean_text(q), cursor=cursor, limit=limit
        )
        items = [article_json(a, with_text=False, events=service.read.events_of_article(a.id)) for a in page.items]
        return {"items": items, "next_cursor": page.next_cursor}

    return await service.cached_json(request, build)


@router.get(
    "/api/articles/{article_id}",
    response_model=ArticleOut,
    responses=ERROR_RESPONSES,
    summary="One article with its text",
)
async def get_article(
    request: Request,
    article_id: Annotated[str, Path(max_length=200, description="id, external id, or a unique id prefix")],
    service: Service = Depends(get_service),
) -> Response:
    def build() -> dict:
        article = service.read.article(article_id)
        if article is None:
            raise ApiError(404, f"no article {article_id!r}")
        return article_json(article, with_text=True, events=service.read.events_of_article(article.id))

    return await service.cached_json(request, build)
