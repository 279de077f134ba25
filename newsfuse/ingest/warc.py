"""WARC and WARC.gz archives (fastwarc): each HTML, feed or plain-text response record is a document.

Records that are not documents (images, scripts, redirects, errors) are passed over silently:
a crawl is full of them and none is a failure to read news.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.feed import read_feed
from newsfuse.ingest.html import read_html
from newsfuse.ingest.text import read_text
from newsfuse.records import RawDocument, Skipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def read_warc(stream: BinaryIO, origin: str, max_record_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Documents from the response records of a WARC stream (plain or gzip-compressed)."""
    number = 0
    try:
        iterator = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False)
        for number, record in enumerate(iterator, start=1):
            yield from _record_documents(record, origin, number, max_record_bytes)
    except (OSError, ValueError, RuntimeError) as exc:
        yield Skipped(origin, f"corrupt WARC: {exc}", f"after record {number}" if number else None)
        return
    except BaseException as exc:
        # fastwarc is Rust: its panics arrive as pyo3 PanicException, a BaseException subclass
        if type(exc).__name__ != "PanicException":
            raise
        yield Skipped(
            origin, f"corrupt WARC (parser failure: {str(exc)[:120]})", f"after record {number}" if number else None
        )
        return
    if number == 0:
        yield Skipped(origin, "no WARC response records found")


def _record_documents(record, origin: str, number: int, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    position = f"record {number}"
    url = record.headers.get("WARC-Target-URI") or ""
    http = record.http_headers
    if http is None or http.status_code != 200:
        return
    content_type = (http.get("Content-Type") or "").split(";")[0].strip().lower()
    if not _is_document(content_type):
        return
    if record.content_length > max_bytes:
        yield Skipped(origin, f"record of {record.content_length} bytes exceeds the {max_bytes}-byte limit", position)
        return
    body = record.reader.read()
    record_origin = f"{origin}#record-{number}"
    if content_type in _FEED_TYPES or content_type.endswith("/xml"):
        yield from read_feed(body, record_origin)
        return
    try:
        text = decode_bytes(body, origin, declared=record.http_charset)
    except InputError as exc:
        yield Skipped(origin, exc.reason, position)
        return
    if content_type in _HTML_TYPES:
        documents = read_html(text, record_origin, url=url)
    else:
        documents = read_text(text, record_origin)
    for document in documents:
        if isinstance(document, RawDocument) and not document.url:
            document = replace(document, url=url)
        yield document


def _is_document(content_type: str) -> bool:
    return (
        content_type in _HTML_TYPES
        or content_type in _FEED_TYPES
        or content_type in ("text/plain", "text/xml", "application/xml")
    )
