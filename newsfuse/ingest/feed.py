"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): one document per item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import feedparser

from newsfuse.ingest.dates import date_from_url, normalise_published
from newsfuse.ingest.html import html_to_text
from newsfuse.records import DateSource, RawDocument, Skipped


def read_feed(data: bytes, origin: str) -> Iterator[RawDocument | Skipped]:
    """Items of an RSS or Atom feed; malformed XML is skipped unless feedparser recovered items from it."""
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except (ValueError, TypeError, RecursionError) as exc:  # feedparser guards most errors itself
        yield Skipped(origin, f"unreadable feed: {exc}")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            yield Skipped(origin, f"malformed XML: {parsed.get('bozo_exception')}")
        else:
            yield Skipped(origin, "feed has no items")
        return
    feed_title = (parsed.feed.get("title") or "").strip()
    language = _language(parsed.feed.get("language"))
    items = [_entry_document(e, origin, n, feed_title, language) for n, e in enumerate(parsed.entries, start=1)]
    if parsed.get("bozo") and not any(isinstance(item, RawDocument) for item in items):
        # recovered fragments of a broken document are not items worth reporting one by one
        yield Skipped(origin, f"malformed XML: {parsed.get('bozo_exception')}")
        return
    yield from items


def _entry_document(
    entry: Any, origin: str, number: int, feed_title: str, language: str | None
) -> RawDocument | Skipped:
    position = f"item {number}"
    text = html_to_text(_entry_html(entry))
    if not text:
        return Skipped(origin, "feed item has no text", position)
    link = (entry.get("link") or "").strip()
    published = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        published = normalise_published(entry.get(key))
        if published:
            break
    via = DateSource.FEED if published else DateSource.UNKNOWN
    if not published and (published := date_from_url(link)):
        via = DateSource.URL
    source = (entry.get("source") or {}).get("title") or feed_title
    return RawDocument(
        text=text,
        origin=f"{origin}#{position.replace(' ', '-')}",
        title=html_to_text(entry.get("title") or ""),
        url=link,
        source=source.strip(),
        external_id=(entry.get("id") or None),
        published=published,
        published_via=via,
        # a feed's declared language is a site-wide default, often wrong: kept, but detection decides
        extra={k: v for k, v in (("author", entry.get("author")), ("feed_language", language)) if v},
    )


def _entry_html(entry: Any) -> str:
    # full content beats the summary when a feed carries both
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().split("-")[0].split("_")[0].lower()[:3] or None
