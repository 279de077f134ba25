"""Response shapes of the REST API, for the OpenAPI document (bodies are built as plain JSON)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """Responses may gain fields; clients ignore what they do not know."""

    model_config = ConfigDict(extra="allow")


class ErrorOut(Open):
    ok: bool = Field(False, description="always false")
    status: int = Field(description="the HTTP status, repeated")
    error: str = Field(description="what went wrong, in one line")
    detail: Any = Field(None, description="for invalid parameters: each one's location and reason")


class HealthOut(Open):
    ok: bool
    status: str
    version: str
    schema_version: int
    writable: bool = Field(description="whether POST /api/ingest is open (a token is configured)")


class NewsOut(BaseModel):
    """When the event happened and was reported, and how precisely its time and place are known."""

    model_config = ConfigDict(extra="forbid")

    time_start: str | None = Field(description="start of the event's own time span")
    time_end: str | None
    first_reported: str | None = Field(description="earliest publication date of its reports (not ingest time)")
    last_reported: str | None = Field(description="latest publication date of its reports")
    time_precision: Literal["day", "week", "month", "year", "unknown"]
    geo_precision: Literal["exact place", "city", "region", "country", "unknown"]


class EventSummaryOut(Open):
    id: str
    headline: str
    time: str | None
    time_end: str | None
    updated: str | None
    summary: str
    places: list[str]
    article_count: int
    independent_sources: int
    outlets: list[str]
    entity_ids: list[str]
    entity_names: list[str]
    article_ids: list[str]
    languages: list[str] = Field(default_factory=list, description="the reports' languages (ISO 639-1), most first")
    news: NewsOut


class EventListOut(Open):
    items: list[EventSummaryOut]
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page; null on the last page")


class EventOut(Open):
    """A fused event record; its full shape is ``newsfuse/fuse/schema/event.schema.json``."""

    id: str
    headline: str | None = None


class ArticleOut(Open):
    id: str
    external_id: str | None
    url: str
    source: str
    title: str
    language: str | None
    published: str | None
    published_via: str
    dateline: str | None
    ingested_at: str
    origin: str
    text: str | None = Field(None, description="the body, on /api/articles/{id} only")
    snippet: str | None = Field(None, description="the body's first characters, in listings")
    events: list[str] = Field(default_factory=list, description="ids of the events this article was clustered into")


class ArticleListOut(Open):
    items: list[ArticleOut]
    next_cursor: str | None


class EntityOut(Open):
    id: str
    name: str
    label: str
    aliases: list[str]
    country_code: str | None


class EntityListOut(Open):
    items: list[EntityOut]
    next_cursor: str | None
    total: int | None


class EntityDetailOut(Open):
    entity: EntityOut
    events: list[EventSummaryOut] = Field(description="the entity's events, oldest first")


class SearchOut(Open):
    q: str
    events: list[EventSummaryOut]
    articles: list[ArticleOut]


class IngestOut(Open):
    new: int
    already_stored: int
    skipped: list[dict[str, Any]]
    new_ids: list[str]
    processed: bool | None = Field(
        None, description="whether the new articles went through the pipeline (null: nothing new, or not configured)"
    )


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "invalid parameter"},
    404: {"model": ErrorOut, "description": "no such item"},
}
