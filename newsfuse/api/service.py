"""What the routes share: the store, the settings, the read model and the response cache.

A route hands ``cached_json`` or ``cached_html`` a function that builds its body; the body is built
once per store generation in a worker thread (SQLite calls block) and served from memory after.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from newsfuse.api.caching import ResponseCache, StoreGeneration, conditional_response, request_key
from newsfuse.api.readmodel import ReadModel
from newsfuse.records import IngestReport
from newsfuse.settings import Settings

AfterIngest = Callable[[IngestReport], Any]

log = logging.getLogger(__name__)


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


class Service:
    """One store served: its read model, its response cache, and the one write path (ingest)."""

    def __init__(self, store: Any, settings: Settings, after_ingest: AfterIngest | None = None) -> None:
        self.store = store
        self.settings = settings
        self.after_ingest = after_ingest  # e.g. the pipeline's dedup/cluster/extract/fuse over new articles
        self._detector = None
        self._detector_lock = threading.Lock()
        self._write_lock = threading.Lock()  # one ingest (and its pipeline run) at a time
        self.generation = StoreGeneration(getattr(store, "location", None))
        self.cache = ResponseCache(self.generation)
        self.read = ReadModel(store)
        self.schema_version = store.db.schema_version()

    async def cached_json(self, request: Request, build: Callable[[], Any]) -> Response:
        return await self._cached(request, lambda: (json_bytes(build()), "application/json"))

    async def cached_html(self, request: Request, build: Callable[[], str]) -> Response:
        return await self._cached(request, lambda: (build().encode("utf-8"), "text/html; charset=utf-8"))

    async def _cached(self, request: Request, render: Callable[[], tuple[bytes, str]]) -> Response:
        key = request_key(request.scope)
        entry = self.cache.peek(key)
        if entry is None:
            entry = await run_in_threadpool(self.cache.get_or_render, key, render)
        return conditional_response(request, entry)

    def language_detector(self):
        """The ingest stage's language model, loaded on the first write rather than at start-up."""
        with self._detector_lock:
            if self._detector is None:
                from newsfuse.ingest import LanguageDetector

                self._detector = LanguageDetector()
            return self._detector

    def ingest(self, store_articles: Callable[[], IngestReport]) -> tuple[IngestReport, bool | None]:
        """Run one ingest (in a worker thread), then ``after_ingest`` on what it stored, one request at a time.

        Returns the report and whether processing succeeded (``None``: nothing new, or no processing
        configured). A processing failure is logged, not raised: the articles are stored either way, and
        processing them again later is safe.
        """
        with self._write_lock:
            try:
                report = store_articles()
            finally:
                self.generation.bump()  # cached reads are dropped even if the write failed half-way
            if not report.new or self.after_ingest is None:
                return report, None
            try:
                self.after_ingest(report)
                return report, True
            except Exception:
                log.exception("processing %d newly ingested articles failed", len(report.new))
                return report, False
            finally:
                self.generation.bump()


def get_service(request: Request) -> Service:
    """FastAPI dependency: the service the app was created with."""
    return request.app.state.service
