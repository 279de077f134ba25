"""``/api/alerts.atom`` and ``/api/alerts``: fired alerts as an Atom feed and as JSON; ``/api/stream``: live updates.

The stream is server-sent events: one ``update`` event whenever an alert fires or an event record
is (re-)fused, so the web feed refreshes without a reload. It polls the store's counters once a
second from a worker thread, which also sees a watcher writing from another process.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated
from xml.sax.saxutils import escape, quoteattr

from fastapi import APIRouter, Depends, Query
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from newsfuse import __version__
from newsfuse.api.caching import conditional_response, request_key
from newsfuse.api.schemas import ERROR_RESPONSES
from newsfuse.api.service import Service, get_service
from newsfuse.watch.alerts import alert_json

router = APIRouter(tags=["alerts"])

Limit = Annotated[int, Query(ge=1, le=500, description="at most this many alerts, newest first")]
POLL_S = 1.0
HEARTBEAT_S = 15.0


def _alerts(service: Service, limit: int) -> list[dict]:
    watches = {w.id: w for w in service.store.alert_watches()}
    return [alert_json(a, watches.get(a.watch_id)) for a in service.store.list_alerts(limit)]


def atom_feed(alerts: list[dict], base: str) -> str:
    """An Atom 1.0 document of ``alerts`` (newest first); links point at the web UI's event pages."""
    updated = alerts[0]["fired_at"] if alerts else "1970-01-01T00:00:00+00:00"
    entries = []
    for alert in alerts:
        title = f"[{alert['reason']}] {alert['headline']}"
        summary = (
            f"Watch {alert['watch']['name']!r}: {alert['reason']}"
            + (f" ({alert['detail']})" if alert["detail"] else "")
            + f"; {alert['independent_sources']} independent sources."
        )
        link = quoteattr(f"{base}/events/{alert['event_id']}")
        entries.append(
            f"<entry><id>urn:newsfuse:alert:{escape(alert['id'])}</id><title>{escape(title)}</title>"
            f"<updated>{escape(alert['fired_at'])}</updated>"
            f'<link rel="alternate" href={link}/>'
            f"<summary>{escape(summary)}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:newsfuse:alerts</id><title>newsfuse alerts</title><updated>{escape(updated)}</updated>"
        f'<link rel="self" href={quoteattr(base + "/api/alerts.atom")}/>'
        f'<generator version="{__version__}">newsfuse</generator>' + "".join(entries) + "</feed>\n"
    )


@router.get(
    "/api/alerts.atom",
    summary="Fired alerts as an Atom feed",
    response_class=Response,
    responses={**ERROR_RESPONSES, 200: {"content": {"application/atom+xml": {}}, "description": "Atom 1.0 feed"}},
)
async def alerts_atom(request: Request, limit: Limit = 50, service: Service = Depends(get_service)) -> Response:
    base = str(request.base_url).rstrip("/")

    def render() -> tuple[bytes, str]:
        return atom_feed(_alerts(service, limit), base).encode(), "application/atom+xml; charset=utf-8"

    key = request_key(request.scope)
    entry = service.cache.peek(key) or await run_in_threadpool(service.cache.get_or_render, key, render)
    return conditional_response(request, entry)


@router.get("/api/alerts", summary="Fired alerts, newest first", responses=ERROR_RESPONSES)
async def alerts_list(request: Request, limit: Limit = 50, service: Service = Depends(get_service)) -> Response:
    return await service.cached_json(request, lambda: {"alerts": _alerts(service, limit)})


# Not in the OpenAPI document: an endless stream is no operation a schema-driven client can call.
@router.get("/api/stream", include_in_schema=False)
async def stream(request: Request, service: Service = Depends(get_service)) -> StreamingResponse:
    return StreamingResponse(
        _updates(request, service),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _updates(request: Request, service: Service) -> AsyncIterator[bytes]:
    seen = await run_in_threadpool(service.store.alert_generation)
    yield b"retry: 3000\nevent: hello\ndata: {}\n\n"
    quiet = 0.0
    while not await request.is_disconnected():
        await asyncio.sleep(POLL_S)
        now = await run_in_threadpool(service.store.alert_generation)
        if now != seen:
            seen = now
            quiet = 0.0
            data = json.dumps({"alerts": now[0], "records": now[2], "fused_at": now[3]})
            yield f"event: update\ndata: {data}\n\n".encode()
            continue
        quiet += POLL_S
        if quiet >= HEARTBEAT_S:  # keeps proxies from closing an idle stream
            quiet = 0.0
            yield b": ping\n\n"
