"""WARC and WARC.gz archives (fastwarc): each HTML, feed or plain-text response record is a document.

Records that are not documents (images, scripts, redirects, errors) are passed over silently:
a crawl is full of them and none is a failure to read news.
"""

from __future__ import annotations

import zlib
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
MAX_EXPANSION = 200  # times the compressed size an archive may expand to
MIN_EXPANSION_CAP = 256 * 1024 * 1024  # small archives may always expand this far
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def read_warc(stream: BinaryIO, origin: str, max_record_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Documents from the response records of a WARC stream (plain or gzip-compressed).

    What cannot be read is said, once, with where: a record cut short, a Content-Length past the
    end of the input, a gzip stream that ends early, an archive that expands beyond ``expansion_cap``
    (a decompression bomb). The records before the problem are kept.
    """
    number = 0
    size, compressed = _size(stream), _is_gzip(stream)
    cut = gzip_problem(stream, expansion_cap(size)) if compressed and size is not None else None
    declared_total = 0
    try:
        iterator = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False)
        for number, record in enumerate(iterator, start=1):
            declared_total += max(record.content_length, 0)
            if (lost := _impossible(record, size, compressed, declared_total)) is not None:
                yield Skipped(origin, lost, f"record {number}")
                return
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
    if cut is not None:
        yield Skipped(origin, cut, f"after record {number}" if number else None)
    elif number == 0:
        yield Skipped(origin, "no WARC response records found")


def expansion_cap(compressed_size: int | None) -> int:
    """The most bytes a compressed archive may expand to: news HTML compresses 5-10x; bombs 1000x."""
    return max(MAX_EXPANSION * (compressed_size or 0), MIN_EXPANSION_CAP)


def gzip_problem(stream: BinaryIO, cap: int) -> str | None:
    """Why a (multi-member) gzip stream cannot be read to its end: cut short, corrupt, or expanding past ``cap``.

    fastwarc stops quietly at a cut member, so the stream is checked here first (then rewound);
    output is discarded as it comes, so a bomb costs time up to ``cap`` and no memory.
    """
    start = stream.tell()
    total, decoder, fed = 0, zlib.decompressobj(31), False
    try:
        while chunk := stream.read(1 << 20):
            data = chunk
            while data:
                fed = True
                total += len(decoder.decompress(data, 1 << 20))
                data = decoder.unconsumed_tail
                if total > cap:
                    return f"decompresses to over {cap} bytes (a decompression bomb); read stopped there"
                if decoder.eof:  # the next gzip member starts in what is left
                    data, decoder, fed = decoder.unused_data, zlib.decompressobj(31), False
        if fed and not decoder.eof:
            return "gzip stream cut short: the last records are lost"
        return None
    except zlib.error as exc:
        return f"corrupt gzip data ({exc}): the records from there on are lost"
    finally:
        stream.seek(start)


def _impossible(record, size: int | None, compressed: bool, declared_total: int) -> str | None:
    """A record whose Content-Length cannot be true: past the end of a plain file, or beyond the expansion cap."""
    if not compressed and size is not None and record.stream_pos + record.content_length > size:
        return f"Content-Length {record.content_length} runs past the end of the input ({size} bytes); read stopped"
    if compressed and declared_total > expansion_cap(size):
        return f"records declare over {expansion_cap(size)} bytes (a decompression bomb); read stopped"
    return None


def _size(stream: BinaryIO) -> int | None:
    try:
        if not stream.seekable():
            return None
        here = stream.tell()
        end = stream.seek(0, 2)
        stream.seek(here)
        return end
    except OSError:
        return None


def _is_gzip(stream: BinaryIO) -> bool:
    try:
        here = stream.tell()
        magic = stream.read(2)
        stream.seek(here)
    except OSError:
        return False
    return magic == b"\x1f\x8b"


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
    if len(body) < record.content_length:
        yield Skipped(origin, f"record cut short: {len(body)} of {record.content_length} bytes", position)
        return
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
