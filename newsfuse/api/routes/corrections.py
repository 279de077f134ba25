"""``/api/corrections`` (the audit log; POST makes a correction, with a write token) and
``/api/events/{id}/history`` (every version of an event's record, and a diff between two)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from newsfuse.api.errors import ApiError
from newsfuse.api.schemas import ERROR_RESPONSES, ErrorOut, Open
from newsfuse.api.service import Service, get_service
from newsfuse.curate.corrections import Curator
from newsfuse.curate.history import describe, diff_versions
from newsfuse.curate.users import authenticate, writes_enabled
from newsfuse.records.corrections import Correction, User

router = APIRouter(tags=["corrections"])

Id = Annotated[str, Field(min_length=1, max_length=200)]
EventId = Annotated[str, Path(max_length=200, description="event id (or an id merged into it)")]


Kind = Literal["split", "merge", "move", "pin", "claim", "outlet", "undo"]


class CorrectionIn(BaseModel):
    """One correction; which fields it needs depends on ``kind``."""

    kind: Kind
    event: Id | None = Field(None, description="split, move, pin: the event")
    events: list[Id] | None = Field(None, max_length=50, description="merge: the events, all join the first")
    articles: list[Id] | None = Field(None, max_length=500, description="split: the articles leaving")
    article: Id | None = Field(None, description="move: the article")
    headline: str | None = Field(None, max_length=500, description="pin: the headline")
    claim: Id | None = Field(None, description="claim: the claim id")
    verdict: Literal["reject", "confirm"] | None = Field(None, description="claim: the verdict")
    host: Id | None = Field(None, description="outlet: the host")
    name: str | None = Field(None, max_length=200, description="outlet: the name")
    correction: Id | None = Field(None, description="undo: the correction to revert")
    note: str = Field("", max_length=2000, description="why, for the audit log")


class CorrectionOut(Open):
    id: str
    kind: str
    target: str
    user: str
    note: str
    created_at: str
    undone_by: str | None = None


class CorrectionListOut(Open):
    items: list[CorrectionOut]


class HistoryOut(Open):
    event_id: str
    versions: list[dict[str, Any]]


WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "invalid correction"},
    401: {"model": ErrorOut, "description": "missing or wrong token"},
    403: {"model": ErrorOut, "description": "server is read-only, or the token may only read"},
    404: {"model": ErrorOut, "description": "no such event, article, claim or correction"},
}


def require_writer(request: Request, service: Service = Depends(get_service)) -> User:
    """The user behind the bearer token, who must have the write or admin role."""
    if not writes_enabled(service.store, service.settings):
        raise ApiError(403, "this server is read-only: configure NEWSFUSE_TOKEN, a tokens file or users")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    user = authenticate(service.store, service.settings, given.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        raise ApiError(401, "missing or wrong bearer token", headers={"WWW-Authenticate": 'Bearer realm="newsfuse"'})
    if not user.can_write():
        raise ApiError(403, f"user {user.name} may only read")
    return user


def _need(value: Any, field: str, kind: str) -> Any:
    if not value:
        raise ApiError(400, f"invalid correction: {kind} needs {field!r}")
    return value


def make_correction(curator: Curator, body: CorrectionIn) -> Correction:
    kind, note = body.kind, body.note
    if kind == "split":
        return curator.split(_need(body.event, "event", kind), _need(body.articles, "articles", kind), note)
    if kind == "merge":
        return curator.merge(_need(body.events, "events", kind), note)
    if kind == "move":
        return curator.move(_need(body.article, "article", kind), _need(body.event, "event", kind), note)
    if kind == "pin":
        return curator.pin(_need(body.event, "event", kind), _need(body.headline, "headline", kind), note)
    if kind == "claim":
        return curator.claim(_need(body.claim, "claim", kind), _need(body.verdict, "verdict", kind), note)
    if kind == "outlet":
        return curator.outlet(_need(body.host, "host", kind), _need(body.name, "name", kind), note)
    return curator.undo(_need(body.correction, "correction", kind), note)


@router.post("/api/corrections", response_model=CorrectionOut, responses=WRITE_RESPONSES, summary="Make a correction")
async def post_correction(
    body: CorrectionIn, user: User = Depends(require_writer), service: Service = Depends(get_service)
) -> JSONResponse:
    def write() -> Correction:
        with service._write_lock:  # one write at a time, as ingest does
            try:
                models = getattr(service, "fusion_models", None)
                curator = Curator(service.store, service.settings, user.name, models)
                correction = make_correction(curator, body)
                service.fusion_models = curator.models  # loaded once, kept for the next correction
                return correction
            finally:
                service.generation.bump()

    correction = await run_in_threadpool(write)
    return JSONResponse(correction.to_json())


@router.get("/api/corrections", response_model=CorrectionListOut, responses=ERROR_RESPONSES, summary="The audit log")
async def list_corrections(
    request: Request,
    kind: Annotated[Kind | None, Query(description="only corrections of this kind")] = None,
    user: Annotated[str | None, Query(max_length=200, description="only corrections by this user")] = None,
    service: Service = Depends(get_service),
) -> Response:
    def build() -> dict:
        found = [
            c
            for c in service.store.corrections()
            if (kind is None or c.kind == kind) and (user is None or c.user == user)
        ]
        return {"items": [c.to_json() for c in found]}

    return await service.cached_json(request, build)


def _versions(service: Service, event_id: str, with_records: bool = False):
    resolved = service.store.resolve_event_id(event_id) or event_id
    versions = service.store.record_versions(resolved, with_records)
    if not versions:
        raise ApiError(404, f"no event {event_id!r}")
    return resolved, versions


@router.get(
    "/api/events/{event_id}/history",
    response_model=HistoryOut,
    responses=ERROR_RESPONSES,
    summary="Every version of an event's record",
)
async def event_history(request: Request, event_id: EventId, service: Service = Depends(get_service)) -> Response:
    def build() -> dict:
        resolved, versions = _versions(service, event_id)
        rows = [{**v.to_json(), "summary": describe(v.changes)} for v in versions]
        return {"event_id": resolved, "versions": rows}

    return await service.cached_json(request, build)


@router.get(
    "/api/events/{event_id}/diff",
    response_model=Open,
    responses=ERROR_RESPONSES,
    summary="What changed between two versions of an event's record",
)
async def event_diff(
    request: Request,
    event_id: EventId,
    old: Annotated[int, Query(alias="from", ge=1, le=1_000_000, description="the older version")],
    new: Annotated[int | None, Query(alias="to", ge=1, le=1_000_000, description="the newer (default: latest)")] = None,
    service: Service = Depends(get_service),
) -> Response:
    def build() -> dict:
        resolved, versions = _versions(service, event_id, with_records=True)
        by_number = {v.version: v for v in versions}
        newer = new or versions[-1].version
        if old not in by_number or newer not in by_number:
            raise ApiError(404, f"event {resolved} has versions 1 to {versions[-1].version}")
        return {
            "event_id": resolved,
            "from": old,
            "to": newer,
            **diff_versions(by_number[old].record, by_number[newer].record),
        }

    return await service.cached_json(request, build)
