"""One poll of one source: a conditional GET (or a look at a path's files), then its items as articles."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.errors import FetchError
from newsfuse.ingest import read_documents
from newsfuse.ingest.fetch import Fetcher
from newsfuse.ingest.language import LanguageDetector
from newsfuse.ingest.pipeline import read_fetched, to_article
from newsfuse.records import Article, RawDocument, Skipped
from newsfuse.settings import Settings
from newsfuse.store.sources import SourceState


@dataclass
class PollResult:
    status: str  # ok | not-modified | unchanged | error
    detail: str = ""
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None


def poll(
    state: SourceState, settings: Settings, fetcher: Fetcher, detector: LanguageDetector, ingested_at: str
) -> PollResult:
    """Poll ``state``'s source; failures come back as ``status='error'``, never raised."""
    try:
        if state.kind == "url":
            return _poll_url(state, settings, fetcher, detector, ingested_at)
        return _poll_path(state, settings, detector)
    except FetchError as exc:
        return PollResult("error", exc.one_line(), etag=state.etag, last_modified=state.last_modified)
    except OSError as exc:
        return PollResult("error", f"{state.name}: cannot read: {exc.strerror or exc}")


def _poll_url(
    state: SourceState, settings: Settings, fetcher: Fetcher, detector: LanguageDetector, ingested_at: str
) -> PollResult:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    fetched = fetcher.fetch(state.name, headers=headers)
    if fetched.status == 304:
        return PollResult(
            "not-modified", "304", etag=state.etag, last_modified=state.last_modified, fingerprint=state.fingerprint
        )
    etag = fetched.headers.get("etag")
    last_modified = fetched.headers.get("last-modified")
    digest = hashlib.sha256(fetched.body).hexdigest()[:24]
    if digest == state.fingerprint:  # a server without validators sent the same bytes again
        return PollResult("unchanged", "same body", etag=etag, last_modified=last_modified, fingerprint=digest)
    result = PollResult("ok", etag=etag, last_modified=last_modified, fingerprint=digest)
    for item in read_fetched(fetched, state.name, settings):
        if isinstance(item, RawDocument):
            item = to_article(item, detector, settings, ingested_at)
        (result.skipped if isinstance(item, Skipped) else result.articles).append(item)
    return result


def _poll_path(state: SourceState, settings: Settings, detector: LanguageDetector) -> PollResult:
    digest = _path_fingerprint(Path(state.name))
    if digest == state.fingerprint:
        return PollResult("unchanged", "no file changed", fingerprint=digest)
    result = PollResult("ok", fingerprint=digest)
    for item in read_documents([state.name], settings, detector=detector):
        (result.skipped if isinstance(item, Skipped) else result.articles).append(item)
    return result


def _path_fingerprint(path: Path) -> str:
    """A hash of every file's name, size and modification time: cheap, and changes when any file does."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    parts = []
    for file in files:
        stat = file.stat()
        parts.append(f"{file}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}")
    if not files:
        raise OSError(f"{path}: no files")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]
