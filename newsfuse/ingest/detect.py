"""Which reader an input needs, from its first bytes first and its name (or HTTP media type) second."""

from __future__ import annotations

import gzip
import json
import zlib
from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"
    JSON = "json"
    FEED = "feed"
    HTML = "html"
    WARC = "warc"


_EXTENSIONS = {
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".xml": Format.FEED,
    ".rdf": Format.FEED,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".warc": Format.WARC,
    ".warc.gz": Format.WARC,
    ".arc.gz": Format.WARC,
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
}
_MEDIA_TYPES = {
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.FEED,
    "text/xml": Format.FEED,
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/json": Format.JSON,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "application/warc": Format.WARC,
    "text/plain": Format.TEXT,
}
_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf", "<channel")
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title")


def detect_format(name: str, head: bytes, media_type: str = "") -> Format:
    """The format of an input whose first bytes are ``head`` (a few KiB suffice)."""
    sniffed = _sniff(head)
    if sniffed is not None:
        return sniffed
    by_type = _MEDIA_TYPES.get(media_type.lower())
    if by_type is not None:
        return by_type
    return format_from_name(name) or Format.TEXT


def format_from_name(name: str) -> Format | None:
    lowered = name.lower()
    for extension in sorted(_EXTENSIONS, key=len, reverse=True):
        if lowered.endswith(extension):
            return _EXTENSIONS[extension]
    return None


def _sniff(head: bytes) -> Format | None:
    if head.startswith(b"WARC/") or _gunzip_head(head).startswith(b"WARC/"):
        return Format.WARC
    text = _head_text(head).lstrip().lower()
    if text.startswith("{"):
        return Format.JSONL if _first_line_is_object(text) else Format.JSON
    if text.startswith("["):
        return Format.JSON
    if text.startswith("<"):
        window = text[:4096]
        if any(root in window for root in _FEED_ROOTS):
            return Format.FEED
        if any(mark in window for mark in _HTML_MARKS):
            return Format.HTML
        if text.startswith("<?xml"):
            return Format.FEED
    return None


def _gunzip_head(head: bytes) -> bytes:
    if not head.startswith(b"\x1f\x8b"):
        return b""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
    except (zlib.error, gzip.BadGzipFile):
        return b""


def _head_text(head: bytes) -> str:
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _first_line_is_object(text: str) -> bool:
    # JSONL: the first line is a whole object by itself; a pretty-printed JSON object is not
    first, newline, _rest = text.partition("\n")
    if not newline:
        return False if len(text) >= 65536 else _is_object(first)
    return _is_object(first)


def _is_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, RecursionError):
        return False
