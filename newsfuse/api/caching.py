"""Cached reads: rendered bodies kept per store generation, served with ETags and 304s.

A read is rendered once per store generation and then served from memory, so a busy feed costs
a dictionary lookup. The generation changes whenever the SQLite file or its write-ahead log is
written (by this process or by a pipeline running beside it), which drops every cached body.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass(frozen=True, slots=True)
class CachedBody:
    body: bytes
    media_type: str
    etag: str


def make_etag(body: bytes) -> str:
    """A strong validator: a hash of the exact bytes sent."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison of an ``If-None-Match`` list against our tag."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


class StoreGeneration:
    """Identifies the store's current contents cheaply, from file metadata and our own writes."""

    def __init__(self, location: str | Path | None) -> None:
        self._paths = []
        if location and str(location) != ":memory:":
            base = Path(location)
            self._paths = [base, base.with_name(base.name + "-wal")]
        self._writes = 0
        self._lock = threading.Lock()

    def bump(self) -> None:
        """Called after this process writes, so a write is seen even within one clock tick."""
        with self._lock:
            self._writes += 1

    def current(self) -> Hashable:
        stamp: list[object] = [self._writes]
        for path in self._paths:
            try:
                info = os.stat(path)
            except FileNotFoundError:
                stamp.append(None)
            else:
                stamp.append((info.st_mtime_ns, info.st_size, info.st_ino))
        return tuple(stamp)


class ResponseCache:
    """An LRU of rendered bodies, bounded in count and bytes, valid for one store generation."""

    def __init__(self, generation: StoreGeneration, max_entries: int = 4096, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.generation = generation
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._bytes = 0
        self._entries: OrderedDict[Hashable, CachedBody] = OrderedDict()
        self._seen_generation: Hashable = None
        self._lock = threading.Lock()

    def peek(self, key: Hashable) -> CachedBody | None:
        """The cached body for ``key`` if it is still current; never renders."""
        generation = self.generation.current()
        with self._lock:
            self._forget_if_stale(generation)
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
            return hit

    def _forget_if_stale(self, generation: Hashable) -> None:
        if generation != self._seen_generation:
            self._entries.clear()
            self._bytes = 0
            self._seen_generation = generation

    def get_or_render(self, key: Hashable, render: Callable[[], tuple[bytes, str]]) -> CachedBody:
        generation = self.generation.current()
        with self._lock:
            self._forget_if_stale(generation)
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
                return hit
        body, media_type = render()
        entry = CachedBody(body, media_type, make_etag(body))
        with self._lock:
            if generation == self._seen_generation and len(body) <= self.max_bytes and key not in self._entries:
                self._entries[key] = entry
                self._bytes += len(body)
                while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                    _, dropped = self._entries.popitem(last=False)
                    self._bytes -= len(dropped.body)
        return entry


def request_key(scope: Scope) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """The cache key of a GET: its path and its query parameters in a canonical order (headers never vary a body)."""
    return ("GET", scope["path"], tuple(sorted(QueryParams(scope.get("query_string", b"")).multi_items())))


def not_modified_or_body(if_none_match: str | None, entry: CachedBody) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """Status, headers and body for a cached read, as raw ASGI values."""
    headers = [(b"etag", entry.etag.encode()), (b"cache-control", b"no-cache")]
    if etag_matches(if_none_match, entry.etag):
        return 304, headers, b""
    headers += [(b"content-type", entry.media_type.encode()), (b"content-length", str(len(entry.body)).encode())]
    return 200, headers, entry.body


class CachedReads:
    """ASGI fast path: a GET whose body is cached for the current generation is answered before routing.

    Only bodies a route already produced (status 200) are in the cache, keyed by path and query, so
    the answer is the one the route would give; everything else falls through to the app.
    """

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        entry = self.cache.peek(request_key(scope))
        if entry is None:
            await self.app(scope, receive, send)
            return
        if_none_match = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"if-none-match"), None)
        status, headers, body = not_modified_or_body(if_none_match, entry)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def conditional_response(request: Request, entry: CachedBody) -> Response:
    """The body, or ``304 Not Modified`` when the client already holds this exact version."""
    headers = {"ETag": entry.etag, "Cache-Control": "no-cache"}
    if etag_matches(request.headers.get("if-none-match"), entry.etag):
        return Response(status_code=304, headers=headers)
    return Response(entry.body, media_type=entry.media_type, headers=headers)
