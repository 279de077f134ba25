"""Publication dates as given by inputs (ISO 8601, RFC 2822, epoch seconds), normalised to ISO 8601."""

from __future__ import annotations

import calendar
import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

# /2025/08/19/ or /2025-08-19/ in a URL path
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")


def normalise_published(value: object) -> str | None:
    """An ISO 8601 date or datetime for ``value``, or ``None`` when it is not a recognisable date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if isinstance(value, time.struct_time):
        # feedparser's struct_time values are UTC
        return _from_epoch(calendar.timegm(value)) if value.tm_year > 1900 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def date_from_url(url: str) -> str | None:
    """The date in a ``/2025/08/19/`` style URL path, when it is a real calendar date."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)


def month_number(word: str) -> int:
    """1-12 for a month name or its abbreviation ("Sept.", "december")."""
    return MONTHS[word.strip(".").lower()[:3]]


def _month(group: str) -> str:
    return rf"(?P<{group}>{_MONTH_NAMES})\.?"


def _day(group: str) -> str:
    return rf"(?P<{group}>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"


# "September 18th, 2013", "18 September 2013", "2013-09-18"
_FULL_DATE = re.compile(
    rf"\b(?:{_month('m1')}\s+{_day('d1')},?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|{_day('d2')}\s+{_month('m2')},?\s+(?P<y2>(?:19|20)\d{{2}})"
    rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-2]\d|3[01]))\b",
    re.IGNORECASE,
)
_DATELINE_LINES = 5  # a dateline or timestamp line comes before the story proper
_DATELINE_DATE_START = 60  # "WASHINGTON, DC, April 28, 2009": the date comes early in the line
# Where an inline dateline hands over to the story: "WASHINGTON, April 28, 2009 (ENS) - The ...".
_STORY_START = re.compile(r"\s[-\u2013\u2014|]\s|\s[-\u2013\u2014]{2}")
_LOWER_WORD = re.compile(r"\b[a-z][a-z.]*")
# The only lower-case words a dateline or timestamp line holds besides the date; any other makes
# it a sentence ("Page was born on April 22, 1923"), whose date is what it tells, not when.
_DATELINE_WORDS = frozenset(
    "on at by posted published updated edited last modified time hrs am pm a.m. p.m. a. p. m. gmt utc bst ist"
    " est edt cst cdt mst mdt pst pdt cet cest".split()
)


def date_from_dateline(title: str, text: str) -> str | None:
    """The date of a dateline or timestamp line opening the report ("September 18th, 2013, 05:31 GMT",
    "WASHINGTON, DC, April 28, 2009 (ENS) - ..."), for inputs that carry no publication date.

    Only the first lines are read, and only a line that is a dateline: the date early on, and no
    lower-case word around it but "on", "updated", "at", time zones and the like, up to where the
    story starts after a dash.
    """
    lines = [line.strip() for line in f"{title}\n{text}".splitlines() if line.strip()][:_DATELINE_LINES]
    for line in lines:
        match = _FULL_DATE.search(line)
        if match is None or match.start() > _DATELINE_DATE_START:
            continue
        rest = line[match.end() :]
        story = _STORY_START.search(rest)
        around = line[: match.start()] + " " + (rest[: story.start()] if story else rest)
        if any(word not in _DATELINE_WORDS for word in _LOWER_WORD.findall(around)):
            continue
        found = _calendar_date(match)
        if found is not None:
            return found
    return None


def _calendar_date(match: re.Match[str]) -> str | None:
    for variant in "123":
        if match["y" + variant]:
            month = match["m" + variant]
            number = int(month) if month.isdigit() else month_number(month)
            try:
                return date(int(match["y" + variant]), number, int(match["d" + variant])).isoformat()
            except ValueError:
                return None
    return None
