"""Field limits at ingest: control characters out, titles capped, implausible dates dropped, each with its reason.

A reader's document passes through ``within_limits`` before it gets its content id, so the id is
that of the text as stored. What was changed is said in ``extra["ingest_notes"]`` (and the ingest
stage records it in the store's problem table), never done silently.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from newsfuse.records import DateSource, RawDocument

MAX_TITLE_CHARS = 500  # a headline is under 200; anything longer is body text or garbage in the title field
MAX_FIELD_CHARS = 2000  # source, url, external id, dateline
EARLIEST_YEAR = 1800  # news archives reach back to the 19th century, and no further
FUTURE_SLACK = timedelta(days=1)  # time zones and embargoes put a few hours ahead, never days

# C0 controls except tab, newline, form feed and carriage return; DEL and C1 controls; lone surrogates
# (JSON "\ud800" decodes to one, and SQLite cannot store it); U+FFFE/U+FFFF noncharacters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
NOTES = "ingest_notes"


def clean(text: str) -> tuple[str, int]:
    """``text`` without control characters, and how many there were."""
    cleaned, count = _CONTROL.subn("", text)
    return cleaned, count


def within_limits(raw: RawDocument, now: datetime | None = None) -> RawDocument:
    """The document with every field inside its limit; the reasons for any change added to its notes."""
    notes: list[str] = list(raw.extra.get(NOTES, ()))
    text, removed = clean(raw.text)
    title, in_title = clean(raw.title)
    if removed or in_title:
        notes.append(f"{removed + in_title} control characters removed")
    if len(title) > MAX_TITLE_CHARS:
        notes.append(f"title of {len(title)} characters cut to {MAX_TITLE_CHARS}")
        title = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip() or title[:MAX_TITLE_CHARS]
    fields = {name: _field(getattr(raw, name), name, notes) for name in ("url", "source", "external_id", "dateline")}
    published, via = raw.published, raw.published_via
    if published is not None and (why := implausible_date(published, now)) is not None:
        notes.append(f"published {published[:40]!r} stored as unknown: {why}")
        published, via = None, DateSource.UNKNOWN
    elif raw.extra.get("published_raw") is not None and not any("stored as unknown" in n for n in notes):
        notes.append(f"published {str(raw.extra['published_raw'])[:40]!r} stored as unknown: not a date")
    if len(notes) == len(raw.extra.get(NOTES, ())):
        return raw
    extra = {**raw.extra, NOTES: notes}
    return replace(raw, text=text, title=title, published=published, published_via=via, extra=extra, **fields)


def implausible_date(value: str, now: datetime | None = None) -> str | None:
    """Why a publication date cannot be right (unreadable, before 1800, over a day ahead), or None."""
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return "not an ISO 8601 date"
    if day.year < EARLIEST_YEAR:
        return f"before {EARLIEST_YEAR}"
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    if day > latest.date():
        return "more than a day in the future"
    return None


def _field(value: str | None, name: str, notes: list[str]) -> str | None:
    if value is None:
        return None
    cleaned, removed = clean(value)
    if removed:
        notes.append(f"{removed} control characters removed from {name}")
    if len(cleaned) > MAX_FIELD_CHARS:
        notes.append(f"{name} of {len(cleaned)} characters cut to {MAX_FIELD_CHARS}")
        cleaned = cleaned[:MAX_FIELD_CHARS]
    return cleaned


def noted(documents, note: str | None):
    """``documents`` with ``note`` (from decoding their bytes) added to each one's notes."""
    for document in documents:
        if note and isinstance(document, RawDocument):
            document = replace(document, extra={**document.extra, NOTES: [*document.extra.get(NOTES, ()), note]})
        yield document
