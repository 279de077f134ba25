"""``create_app(store, settings)``: the FastAPI application serving the REST API and the web UI.

The app is loopback-first and read-mostly: reads are cached per store generation with ETags,
every response carries a strict Content-Security-Policy, request bodies are capped, and the one
write endpoint needs the configured bearer token (none configured: read-only).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from newsfuse import __version__
from newsfuse.api.caching import CachedReads
from newsfuse.api.errors import CatchUnexpected, install_error_handlers, make_responder
from newsfuse.api.middleware import HeadAsGet, RequestSizeLimit, SecurityHeaders
from newsfuse.api.openapi import build_openapi
from newsfuse.api.routes import alerts, articles, corrections, entities, events, health, ingest, search
from newsfuse.api.service import AfterIngest, Service
from newsfuse.settings import Settings
from newsfuse.web.pages import STATIC_DIR, WebUI, build_router

DESCRIPTION = """Deduplicated, corroborated news events with provenance.

Reads are open; `POST /api/ingest` needs `Authorization: Bearer <NEWSFUSE_TOKEN>`. Listings use
opaque cursors: pass `next_cursor` back as `?cursor=`. Reads carry an `ETag`; send it back as
`If-None-Match` to get `304 Not Modified`. Errors are `{"ok": false, "status": N, "error": "..."}`."""


def create_app(store: Any, settings: Settings | None = None, *, after_ingest: AfterIngest | None = None) -> FastAPI:
    """The service over ``store``; ``after_ingest(report)`` runs after articles are stored (e.g. the pipeline)."""
    settings = settings or Settings()
    app = FastAPI(
        title="newsfuse",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI loads from a CDN, which the CSP forbids; the schema is at /api/openapi.json
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    service = Service(store, settings, after_ingest)
    app.state.service = service
    for module in (health, corrections, events, articles, entities, search, ingest, alerts):
        app.include_router(module.router)
    web = WebUI(service)
    app.include_router(build_router(web))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    respond = make_responder(web.render_error)
    install_error_handlers(app, respond)
    app.add_middleware(RequestSizeLimit, max_bytes=settings.max_document_bytes)
    app.add_middleware(CachedReads, cache=service.cache)
    app.add_middleware(CatchUnexpected, respond=respond)
    app.add_middleware(HeadAsGet)  # inside the headers: a HEAD answer carries them too
    app.add_middleware(SecurityHeaders)  # outermost: headers on every answer, cached or not
    app.openapi = lambda: build_openapi(app)
    return app
