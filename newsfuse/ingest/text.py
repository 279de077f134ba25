"""Plain-text reports, including the seed format: ``date YYYY-MM-DD`` header, source credit, title, dateline, body.

Shapes understood (each line optional except the body)::

     date 2025-08-20 Japan seeks defense cooperation ...     <- date header, then the title on the same line
     date 2025-08-19 MENAFN - Live Mint) ANKARA, - Japan's... <- date header, source credit ending in ")",
                                                                inline dateline, first paragraph of the body
    Japanese Defense Minister visits Baykar ...              <- a title line (no date header)
    ANKARA                                                   <- a dateline line
    body ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from newsfuse.records import DateSource, RawDocument, Skipped

_DATE_HEADER = re.compile(
    r"^\s*date:?\s+(?P<date>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# "MENAFN - Live Mint) ANKARA, - ...": a credit never contains "(" and is short.
_CREDIT = re.compile(r"^(?P<credit>[^()\n]{2,80}?)\)\s+(?P<rest>\S.*)$")
_CITY = r"[A-Z][A-Z'.\-]*(?:\s[A-Z][A-Z'.\-]*){0,3}"
_DATELINE_LINE = re.compile(rf"^(?P<city>{_CITY})(?:,\s*[A-Z][A-Za-z .]{{1,30}})?\s*$")
# "ANKARA, -", "ANKARA –", "ANKARA, Aug 19 (Reuters) -": city, optional details, then a dash.
_DATELINE_INLINE = re.compile(rf"^(?P<city>{_CITY})(?:,[^\n\-–—]{{0,60}}?)?\s*[-–—]+\s+")
_TITLE_MAX = 200


@dataclass(frozen=True, slots=True)
class _Header:
    published: str | None
    source: str
    title: str
    dateline: str | None
    body: str


def read_text(text: str, origin: str) -> Iterator[RawDocument | Skipped]:
    """One document from a plain-text file; an empty body is skipped."""
    header = parse_text(text)
    if not header.body.strip():
        yield Skipped(origin, "no body text")
        return
    yield RawDocument(
        text=header.body,
        origin=origin,
        title=header.title,
        source=header.source,
        published=header.published,
        published_via=DateSource.HEADER if header.published else DateSource.UNKNOWN,
        dateline=header.dateline,
    )


def parse_text(text: str) -> _Header:
    """Split a plain-text report into its header fields and body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = _skip_blank(lines, 0)
    published, source, title, dateline = None, "", "", None
    first_paragraph: str | None = None
    if index < len(lines) and (match := _DATE_HEADER.match(lines[index])) and _valid_date(match["date"]):
        published = match["date"].replace(" ", "T")
        rest = match["rest"].strip()
        index += 1
        credit = _CREDIT.match(rest)
        if credit:
            source = credit["credit"].strip()
            dateline, first_paragraph = _split_inline_dateline(credit["rest"])
        else:
            title = rest
    elif index < len(lines) and _is_title(lines, index):
        title = lines[index].strip()
        index += 1
    if first_paragraph is None:
        index = _skip_blank(lines, index)
        if index < len(lines) and (city := _DATELINE_LINE.match(lines[index].strip())):
            dateline = city["city"]
            index += 1
    body_lines = lines[index:]
    if first_paragraph is not None:
        body_lines = [first_paragraph, *body_lines]
    body = "\n".join(body_lines).strip()
    return _Header(published, source, title, dateline, body)


def _split_inline_dateline(paragraph: str) -> tuple[str | None, str]:
    match = _DATELINE_INLINE.match(paragraph)
    if not match:
        return None, paragraph
    return match["city"], paragraph[match.end() :]


def _is_title(lines: list[str], index: int) -> bool:
    """A short first line followed by more text; a long line ending in a full stop is body."""
    line = lines[index].strip()
    if len(line) > _TITLE_MAX or len(line.split()) < 2:
        return False
    if not any(rest.strip() for rest in lines[index + 1 :]):
        return False
    return not (line.endswith(".") and len(line) > 120)


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _valid_date(value: str) -> bool:
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
