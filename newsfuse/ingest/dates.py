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
