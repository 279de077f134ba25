"""JSONL/NDJSON (one article object a line) and JSON (an object or an array of them).

Known fields: ``id, url, title, text, published, source, language``, with common synonyms
(``body``/``content``, ``date``/``published_at``, ``outlet``). Unknown fields are kept in ``extra``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsfuse.errors import InputError
from newsfuse.ingest.dates import normalise_published
from newsfuse.ingest.decode import decode_bytes
from newsfuse.records import DateSource, RawDocument, Skipped

_FIELDS = {
    "id": ("id", "external_id", "doc_id", "guid"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article"),
    "published": ("published", "published_at", "date", "datePublished", "pubdate"),
    "source": ("source", "outlet", "publisher", "site"),
    "language": ("language", "lang"),
}


def read_jsonl(lines: Iterable[bytes], origin: str, max_line_bytes: int) -> Iterator[RawDocument | Skipped]:
    """One document per non-blank line; a bad line is skipped naming its line number, the rest go on."""
    for number, raw in enumerate(lines, start=1):
        position = f"line {number}"
        if len(raw) > max_line_bytes:
            yield Skipped(origin, f"line longer than the {max_line_bytes}-byte limit", position)
            continue
        if not raw.strip():
            continue
        try:
            value = json.loads(decode_bytes(raw, origin))
        except InputError as exc:
            yield Skipped(origin, exc.reason, position)
            continue
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Skipped(origin, f"malformed JSON: {_describe(exc)}", position)
            continue
        yield record_to_document(value, f"{origin}:{number}", origin, position)


def read_json(text: str, origin: str) -> Iterator[RawDocument | Skipped]:
    """A whole-file JSON document: one article object, or an array of them."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield Skipped(origin, f"malformed JSON: {_describe(exc)}")
        return
    items = value if isinstance(value, list) else [value]
    for number, item in enumerate(items, start=1):
        position = f"record {number}" if isinstance(value, list) else None
        yield record_to_document(item, f"{origin}#{number}" if position else origin, origin, position)


def record_to_document(value: Any, origin: str, source_name: str, position: str | None) -> RawDocument | Skipped:
    """Map one decoded JSON object to a document; anything else is skipped."""
    if not isinstance(value, Mapping):
        return Skipped(source_name, f"expected a JSON object, found {type(value).__name__}", position)
    picked: dict[str, Any] = {}
    used: set[str] = set()
    for name, keys in _FIELDS.items():
        for key in keys:
            if key in value and value[key] not in (None, ""):
                picked[name] = value[key]
                used.add(key)
                break
    text = picked.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source_name, 'no "text" field with article text', position)
    extra = {k: v for k, v in value.items() if k not in used}
    published = normalise_published(picked.get("published"))
    if picked.get("published") is not None and published is None:
        extra["published_raw"] = picked["published"]
    return RawDocument(
        text=text,
        origin=origin,
        title=_as_text(picked.get("title")),
        url=_as_text(picked.get("url")),
        source=_source_name(picked.get("source")),
        external_id=None if picked.get("id") is None else _as_text(picked["id"]),
        language=_as_text(picked.get("language")) or None,
        published=published,
        published_via=DateSource.FEED if published else DateSource.UNKNOWN,
        extra=extra,
    )


def _source_name(value: Any) -> str:
    # {"source": {"name": "Reuters", "url": ...}} is a common shape in news APIs
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title") or ""
    return _as_text(value)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value)


def _describe(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return "nesting too deep"
