"""Server-rendered pages: the event feed, an event, entities, an article, search.

Every page is rendered by Jinja2 with autoescaping on for every template, so article text,
titles and outlet names always reach the browser as text. Links taken from articles pass
``safe_href``, which keeps only http(s) URLs. Pages are cached per store generation like API reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from newsfuse import __version__
from newsfuse.api.errors import ApiError
from newsfuse.api.readmodel import EventFilters
from newsfuse.api.routes.params import ISO_DATE, clean_text
from newsfuse.api.routes.search import search_body
from newsfuse.api.service import Service, get_service
from newsfuse.web.analyst_view import analyst_view
from newsfuse.web.event_view import MODALITY_WORDS, RELATION_WORDS, event_page_model

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
FEED_PAGE = 30


def safe_href(url: Any) -> str:
    """The URL when it is a plain http(s) link, else an empty string (no ``javascript:``, ``data:``...)."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") and not any(c in url for c in "\x00\r\n\t") else ""


def short_time(value: Any) -> str:
    """``2025-08-19T10:00:00+00:00`` -> ``2025-08-19 10:00``; dates stay as they are."""
    if not value:
        return ""
    text = str(value)
    return text[:16].replace("T", " ") if "T" in text else text


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its file name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    env.filters["short_time"] = short_time
    env.globals["version"] = __version__
    env.globals["modality_words"] = MODALITY_WORDS
    env.globals["relation_words"] = RELATION_WORDS
    return env


class WebUI:
    """Renders pages from the service's read model."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.env = make_environment()

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def render_error(self, request: Request, status: int, message: str) -> Response:
        html = self.render("error.html", title=f"Error {status}", status=status, message=message, q="")
        return HTMLResponse(html, status_code=status)

    def feed(self, filters: EventFilters, cursor: str | None) -> str:
        page = self.service.read.events(filters, cursor, FEED_PAGE)
        given = {k: v for k, v in filters.as_dict().items() if v not in (None, "")}
        next_url = "/?" + urlencode({**given, "cursor": page.next_cursor}) if page.next_cursor else None
        return self.render(
            "feed.html", title="Events", events=page.items, filters=given, next_url=next_url, q=filters.q or ""
        )

    def _event_model(self, event_id: str) -> tuple[dict, dict]:
        """The stored record and the page model of an event, with the analyst's view of it."""
        record = self.service.read.event(event_id)
        if record is None:
            raise ApiError(404, f"no event {event_id!r}")
        model = event_page_model(record)
        model.update(analyst_view(self.service.store, record, model))
        return record, model

    def event(self, event_id: str) -> str:
        record, model = self._event_model(event_id)
        # Storyline links found by clustering (the same named people in a later event), beside the record's own.
        for link in self.service.read.store.storyline_of(str(record.get("id"))):
            label = f"{link['relation']} in this storyline: {', '.join(link['shared'])}"
            model["related"].append({"event_id": link["event_id"], "label": label})
        return self.render("event.html", title=model["headline"], event=model, q="")

    def history(self, event_id: str) -> str:
        _, model = self._event_model(event_id)
        return self.render("history.html", title=f"History: {model['headline']}", event=model, q="")

    def entities(self, q: str | None, cursor: str | None) -> str:
        page = self.service.read.entities(q, cursor, 100)
        next_url = (
            "/entities?" + urlencode({**({"q": q} if q else {}), "cursor": page.next_cursor})
            if page.next_cursor
            else None
        )
        return self.render(
            "entities.html",
            title="Entities",
            entities=page.items,
            total=page.total,
            next_url=next_url,
            q="",
            entity_q=q or "",
        )

    def entity(self, entity_id: str) -> str:
        found = self.service.read.entity(entity_id)
        if found is None:
            raise ApiError(404, f"no entity {entity_id!r}")
        entity, events = found
        return self.render(
            "entity.html", title=entity.name, entity=entity, events=events, by_month=events_by_month(events), q=""
        )

    def article(self, article_id: str) -> str:
        article = self.service.read.article(article_id)
        if article is None:
            raise ApiError(404, f"no article {article_id!r}")
        paragraphs = [p.strip() for p in article.text.split("\n\n") if p.strip()] or [article.text]
        events = [
            (event_id, self.service.read.event(event_id))
            for event_id in self.service.read.events_of_article(article.id)
        ]
        events = [{"id": event_id, "headline": record["headline"]} for event_id, record in events if record is not None]
        return self.render(
            "article.html",
            title=article.title or article.id,
            article=article,
            paragraphs=paragraphs,
            events=events,
            q="",
        )

    def search(self, q: str) -> str:
        results = search_body(self.service, q, 50) if q else {"events": [], "articles": []}
        return self.render("search.html", title=f"Search: {q}" if q else "Search", q=q, results=results)


def events_by_month(events: list) -> list[dict[str, Any]]:
    """Counts per month for the entity page's activity chart, oldest first."""
    counts: dict[str, int] = {}
    for event in events:
        month = (event.time or "")[:7] or "undated"
        counts[month] = counts.get(month, 0) + 1
    top = max(counts.values(), default=1)
    return [{"month": m, "count": n, "max": top} for m, n in sorted(counts.items())]


def build_router(web: WebUI) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    service = web.service

    @router.get("/", response_class=HTMLResponse)
    async def feed_page(
        request: Request,
        q: Annotated[str | None, Query(max_length=500)] = None,
        entity: Annotated[str | None, Query(max_length=200)] = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
        until: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
        min_independent_sources: Annotated[int | None, Query(ge=0, le=10_000)] = None,
        language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}$")] = None,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        service: Service = Depends(get_service),
    ) -> Response:
        filters = EventFilters(
            clean_text(q), clean_text(entity), clean_text(place), since or None, until or None, min_independent_sources,
            language.lower() if language else None,
        )  # fmt: skip
        return await service.cached_html(request, lambda: web.feed(filters, cursor))

    @router.get("/events/{event_id}", response_class=HTMLResponse)
    async def event_page(request: Request, event_id: str) -> Response:
        return await service.cached_html(request, lambda: web.event(event_id))

    @router.get("/events/{event_id}/history", response_class=HTMLResponse)
    async def history_page(request: Request, event_id: str) -> Response:
        return await service.cached_html(request, lambda: web.history(event_id))

    @router.get("/entities", response_class=HTMLResponse)
    async def entities_page(
        request: Request,
        q: Annotated[str | None, Query(max_length=200)] = None,
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
    ) -> Response:
        return await service.cached_html(request, lambda: web.entities(clean_text(q), cursor))

    @router.get("/entities/{entity_id}", response_class=HTMLResponse)
    async def entity_page(request: Request, entity_id: str) -> Response:
        return await service.cached_html(request, lambda: web.entity(entity_id))

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    async def article_page(request: Request, article_id: str) -> Response:
        return await service.cached_html(request, lambda: web.article(article_id))

    @router.get("/search", response_class=HTMLResponse)
    async def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> Response:
        return await service.cached_html(request, lambda: web.search(q.strip()))

    return router
