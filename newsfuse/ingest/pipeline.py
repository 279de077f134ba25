"""The ingest stage: inputs -> readers -> articles (language, content id) -> store, in batches.

``read_documents`` needs no store (``newsfuse extract INPUT`` uses it); ``ingest`` writes each
batch of ``settings.batch_size`` articles in one transaction, so a crash loses at most the batch
in flight and a re-run stores only what is missing.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from datetime import UTC, datetime
from typing import BinaryIO

from newsfuse.errors import InputError
from newsfuse.ingest.dates import date_from_dateline
from newsfuse.ingest.decode import decode_bytes, decode_flagged
from newsfuse.ingest.detect import Format, detect_format
from newsfuse.ingest.feed import read_feed
from newsfuse.ingest.fetch import FetchedDocument, Fetcher
from newsfuse.ingest.html import read_html
from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.language import LanguageDetector
from newsfuse.ingest.limits import NOTES, noted, within_limits
from newsfuse.ingest.sources import Source, expand_inputs
from newsfuse.ingest.text import read_text
from newsfuse.ingest.warc import read_warc
from newsfuse.records import Article, DateSource, IngestReport, RawDocument, Skipped, content_id
from newsfuse.settings import Settings
from newsfuse.store.problems import LIMITED, Problem

_HEAD_BYTES = 65536
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset=["']?([A-Za-z0-9_\-]{2,40})""", re.IGNORECASE)


def read_documents(
    inputs: Sequence[str],
    settings: Settings | None = None,
    *,
    detector: LanguageDetector | None = None,
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Skipped]:
    """Every article in ``inputs`` (paths, directories, globs, ``-``, URLs), with language and content id."""
    settings = settings or Settings()
    yield from _read_sources(list(expand_inputs(inputs)), settings, detector, fetcher, stdin, None)


def ingest(
    inputs: Sequence[str],
    store,
    settings: Settings | None = None,
    *,
    progress: bool = False,
    detector: LanguageDetector | None = None,
    fetcher: Fetcher | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read ``inputs`` and store their articles; content already stored is reported, never rewritten."""
    settings = settings or Settings()
    sources = list(expand_inputs(inputs))
    with _progress_bar(progress, sum(isinstance(s, Source) for s in sources)) as advance:
        items = _read_sources(sources, settings, detector, fetcher, stdin, advance)
        return store_articles(items, store, settings.batch_size, run_id=uuid.uuid4().hex)


def store_articles(
    items: Iterable[Article | Skipped], store, batch_size: int, run_id: str = "", *, revisions: bool = False
) -> IngestReport:
    """Write articles in batches of ``batch_size``, one transaction each; skipped items are collected.

    ``revisions``: a changed text under a stored URL or GUID is a new version of that article.
    """
    new: list[str] = []
    existing: list[str] = []
    revised: list[str] = []
    skipped: list[Skipped] = []
    batch: list[Article] = []

    def flush() -> None:
        stored = store.add_articles(batch, run_id=run_id, revisions=revisions)
        fresh = set(stored.new)
        _record_notes([a for a in batch if a.id in fresh], store)
        new.extend(stored.new)
        existing.extend(stored.already_stored)
        revised.extend(stored.revised)
        # An input id whose content was already stored is kept, so exports still list it.
        skipped_ids = set(stored.already_stored)
        store.save_input_copies([(a.external_id, a.id) for a in batch if a.id in skipped_ids and a.external_id])
        batch.clear()

    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return IngestReport(tuple(new), tuple(existing), tuple(skipped), tuple(dict.fromkeys(revised)))


def _record_notes(articles: Sequence[Article], store) -> None:
    """What ingest changed to fit an article within limits, in the store's problem table (stage "ingest")."""
    problems = [
        Problem("ingest", a.id, LIMITED, "; ".join(a.extra[NOTES]), a.id) for a in articles if a.extra.get(NOTES)
    ]
    if problems and hasattr(store, "record_problems"):
        store.record_problems(problems)


def _read_sources(
    sources: list[Source | Skipped],
    settings: Settings,
    detector: LanguageDetector | None,
    fetcher: Fetcher | None,
    stdin: BinaryIO | None,
    advance: Callable[[str], None] | None,
) -> Iterator[Article | Skipped]:
    ingested_at = datetime.now(UTC).isoformat(timespec="seconds")
    owns_fetcher = fetcher is None and any(isinstance(s, Source) and s.kind == "url" for s in sources)
    if owns_fetcher:
        fetcher = Fetcher(settings)
    try:
        for source in sources:
            if isinstance(source, Skipped):
                yield source
                continue
            for item in read_source(source, settings, fetcher, stdin):
                if isinstance(item, RawDocument):
                    detector = detector or LanguageDetector()
                    item = to_article(item, detector, settings, ingested_at)
                yield item
            if advance is not None:
                advance(source.name)
    finally:
        if owns_fetcher and fetcher is not None:
            fetcher.close()


def to_article(
    raw: RawDocument, detector: LanguageDetector, settings: Settings, ingested_at: str = ""
) -> Article | Skipped:
    """Give a reader's document its language and content id; too-short bodies are skipped.

    Fields are first brought within their limits (``limits.within_limits``), which says what it changed.
    """
    raw = within_limits(raw)
    length = len(raw.text.strip())
    if length < settings.min_text_chars:
        return Skipped(raw.origin, f"text too short ({length} characters, at least {settings.min_text_chars} needed)")
    language = _declared_language(raw.language) or detector.detect(f"{raw.title}\n{raw.text}")
    published, published_via = raw.published, raw.published_via
    if published is None and (from_dateline := date_from_dateline(raw.title, raw.text)) is not None:
        published, published_via = from_dateline, DateSource.DATELINE
    return Article(
        id=content_id(raw.title, raw.text),
        text=raw.text,
        title=raw.title,
        url=raw.url,
        source=raw.source,
        external_id=raw.external_id,
        language=language,
        published=published,
        published_via=published_via,
        dateline=raw.dateline,
        ingested_at=ingested_at,
        origin=raw.origin,
        extra=raw.extra,
    )


def read_source(
    source: Source, settings: Settings, fetcher: Fetcher | None = None, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Skipped]:
    """The documents of one input; any failure to read it becomes a ``Skipped`` naming it."""
    try:
        if source.kind == "url":
            if fetcher is None:
                raise InputError(source.name, "no fetcher given for a URL input")
            yield from read_fetched(fetcher.fetch(source.name), source.name, settings)
            return
        stream = source.open(stdin)
        try:
            yield from _read_stream(stream, source.name, settings)
        finally:
            if source.kind == "path":  # stdin belongs to the caller
                stream.close()
    except InputError as exc:
        yield Skipped(exc.source, exc.reason, exc.position)
    except OSError as exc:
        yield Skipped(source.name, f"cannot read: {exc.strerror or exc}")


def read_fetched(fetched: FetchedDocument, name: str, settings: Settings) -> Iterator[RawDocument | Skipped]:
    """The documents of one fetched URL (the watcher fetches with its own validators, then reads here)."""
    fmt = detect_format(fetched.final_url, fetched.body[:_HEAD_BYTES], fetched.content_type)
    yield from _read_whole(fmt, fetched.body, name, settings, fetched.final_url, fetched.charset)


def _read_stream(stream: BinaryIO, name: str, settings: Settings) -> Iterator[RawDocument | Skipped]:
    head = stream.read(_HEAD_BYTES)
    if not head.strip():
        more = stream.read(1)
        if not more:
            yield Skipped(name, "empty input")
            return
        head += more
    fmt = detect_format(name, head)
    if fmt is Format.WARC:  # a container: streamed, the size cap applies per record
        # fastwarc needs a seekable stream: files are rewound, a pipe is read into memory
        if stream.seekable():
            stream.seek(0)
        else:
            stream = io.BytesIO(head + stream.read())
        yield from read_warc(stream, name, settings.max_document_bytes)
        return
    if head.startswith(b"\x1f\x8b"):
        yield Skipped(name, "gzip-compressed and not a WARC archive (decompress it first)")
        return
    if fmt is Format.JSONL:
        rewound = io.BufferedReader(_Rewound(head, stream))
        yield from read_jsonl(_lines(rewound, settings.max_document_bytes), name, settings.max_document_bytes)
        return
    data = head + stream.read(max(0, settings.max_document_bytes + 1 - len(head)))
    if len(data) > settings.max_document_bytes:
        yield Skipped(name, f"larger than the {settings.max_document_bytes}-byte limit for one document")
        return
    yield from _read_whole(fmt, data, name, settings, url="", charset=None)


def _read_whole(
    fmt: Format, data: bytes, name: str, settings: Settings, url: str, charset: str | None
) -> Iterator[RawDocument | Skipped]:
    if not data.strip():
        yield Skipped(name, "empty input")
    elif fmt is Format.FEED:
        yield from read_feed(data, name)
    elif fmt is Format.WARC:
        yield from read_warc(io.BytesIO(data), name, settings.max_document_bytes)
    elif fmt is Format.JSONL:
        yield from read_jsonl(io.BytesIO(data), name, settings.max_document_bytes)
    elif fmt is Format.HTML:
        text, note = decode_flagged(data, name, declared=charset or _meta_charset(data))
        yield from noted(read_html(text, name, url=url), note)
    elif fmt is Format.JSON:
        yield from read_json(decode_bytes(data, name), name)
    else:
        text, note = decode_flagged(data, name, declared=charset)
        yield from noted(read_text(text, name), note)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of ``stream``; an overlong line is cut to ``max_bytes + 1`` and the rest of it discarded."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were already read for detection, put back in front of the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if len(self._head):
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_HEAD_BYTES])
    return match.group(1).decode("ascii") if match else None


def _declared_language(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def _progress_bar(enabled: bool, total: int):
    if not enabled:
        return nullcontext(None)
    from newsfuse.ingest.progress import progress_bar

    return progress_bar(total)
