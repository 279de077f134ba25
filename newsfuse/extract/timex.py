"""Calendar arithmetic behind TIMEX3 values: weekdays, months, weeks and quarters placed relative to an anchor date.

Two anchor kinds: a *publication* date (the writer's "now": tense decides whether "on Tuesday"
is the coming or the last Tuesday) and an *event* date (fusion's date for the event an undated
article reports: the writer is near the event, so the nearest matching day wins).
"""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

PUBLICATION = "publication"
EVENT = "event"


def parse_anchor(value: str | None) -> date | None:
    """The date part of an ISO 8601 date or datetime; None when absent or malformed."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    # Far-off years are data errors, and arithmetic near date.min/max would overflow.
    return day if 1000 <= day.year <= 9000 else None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_weekday(weekday: int, anchor: date, direction: str | None, kind: str = PUBLICATION) -> date:
    """The day named by a weekday.

    Publication anchor: future tense means the same or the next such day, otherwise the same or
    the last one (news mostly reports what happened). Event anchor, or future seen from the past
    ("said it would meet on Monday"): the nearest such day.
    """
    ahead = (weekday - anchor.weekday()) % 7
    behind = (anchor.weekday() - weekday) % 7
    if kind == EVENT or direction == "near":
        return anchor + timedelta(days=ahead) if ahead <= behind else anchor - timedelta(days=behind)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=behind)


def resolve_month_day(month: int, day: int, anchor: date) -> date | None:
    """A day written without a year: the year that puts it closest to the anchor."""
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
            best = candidate
    return best


def resolve_month(month: int, anchor: date, direction: str | None, kind: str = PUBLICATION) -> tuple[int, int]:
    """A month written without a year: the last (or, in future tense, next) such month; nearest for events
    and for future seen from the past."""
    if kind == EVENT or direction == "near":
        options = [(anchor.year + d, month) for d in (-1, 0, 1)]
        return min(options, key=lambda ym: abs((ym[0] * 12 + ym[1]) - (anchor.year * 12 + anchor.month)))
    if direction == "future":
        return (anchor.year, month) if month >= anchor.month else (anchor.year + 1, month)
    return (anchor.year, month) if month <= anchor.month else (anchor.year - 1, month)


def relative_unit(unit: str, offset: int, anchor: date) -> tuple[str, str]:
    """ "last week", "next month", "this year" ... as (value, granularity)."""
    unit = unit.lower()
    if unit == "day":
        return (anchor + timedelta(days=offset)).isoformat(), "day"
    if unit in {"week", "weekend"}:
        value = iso_week(anchor + timedelta(weeks=offset))
        return (value + "-WE", "week") if unit == "weekend" else (value, "week")
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, offset)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "quarter":
        year, quarter = shift_quarter(*quarter_of(anchor), offset)
        return f"{year:04d}-Q{quarter}", "quarter"
    if unit == "decade":
        return f"{anchor.year // 10 + offset:03d}", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + offset:02d}", "century"
    return f"{anchor.year + offset:04d}", "year"


def units_ago(count: int, unit: str, anchor: date, sign: int = -1) -> tuple[str, str]:
    """ "three days ago", "two weeks from now": the point that far from the anchor."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return (anchor + timedelta(days=sign * count)).isoformat(), "day"
    if unit == "week":
        return iso_week(anchor + timedelta(weeks=sign * count)), "week"
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, sign * count)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "decade":
        return f"{(anchor.year + sign * 10 * count) // 10:03d}", "decade"
    return f"{anchor.year + sign * count:04d}", "year"


# Season codes with their first and last month; a winter is labelled with the year of its December.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season_year_now(code: str, anchor: date) -> int | None:
    """The label year of the season the anchor falls in, if it is ``code``."""
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        if anchor.month == 12:
            return anchor.year
        return anchor.year - 1 if anchor.month <= 2 else None
    return anchor.year if first <= anchor.month <= last else None


def resolve_season(code: str, anchor: date, offset: int | None, direction: str | None = None) -> int:
    """The label year of a season: ``offset`` -1 "last", 0 "this", 1 "next"; ``None`` a bare "the summer" read by tense.

    "Last summer" is the most recent summer already over ("last summer" in October is this year's),
    "next summer" the first one not yet begun; a bare season is the current one, or else the last
    one (the next one in future tense; the nearer of the two without tense).
    """
    current = _season_year_now(code, anchor)
    first, _ = SEASON_MONTHS[code]
    # The label year of the most recent such season that has begun (the current one included).
    if code == "WI":
        begun = anchor.year if anchor.month == 12 else anchor.year - 1
    else:
        begun = anchor.year if anchor.month >= first else anchor.year - 1
    if offset == -1:
        return begun - 1 if current is not None else begun
    if offset == 1:
        return begun + 1
    if offset == 0:
        return current if current is not None else anchor.year
    if current is not None:
        return current
    if direction == "future":
        return begun + 1
    if direction == "past":
        return begun
    # No tense: the nearer of the last one and the next one, by the months between.
    last_month = SEASON_MONTHS[code][1] + (12 if code == "WI" else 0)
    since_last = (anchor.year - begun) * 12 + anchor.month - last_month
    until_next = (begun + 1 - anchor.year) * 12 + first - anchor.month
    return begun if since_last <= until_next else begun + 1


def resolve_quarter(quarter: int, anchor: date, direction: str | None, parts: int = 4) -> int:
    """The year of a quarter (``parts=4``) or half (``parts=2``) written without one.

    News reports on periods already begun: the last such period (the current one included),
    unless the clause is in future tense, which names the current or the next one, or the one
    just ended: results come out in the following quarter, so "will report third-quarter
    results" in November is this year's third quarter. Future seen from the past ("said it
    would ...") takes the current year's period unless that is more than one period ahead.
    """
    current = (anchor.month - 1) * parts // 12 + 1
    if direction == "future":
        return anchor.year if quarter >= current - 1 else anchor.year + 1
    if direction == "near":
        return anchor.year if quarter <= current + 1 else anchor.year - 1
    return anchor.year if quarter <= current else anchor.year - 1


def resolve_weekend(anchor: date, direction: str | None) -> str:
    """ "the weekend": the one under way, else the last one (the next one in future tense), as ``YYYY-Www-WE``."""
    if anchor.weekday() >= 5:
        saturday = anchor - timedelta(days=anchor.weekday() - 5)
    elif direction == "future":
        saturday = anchor + timedelta(days=5 - anchor.weekday())
    else:
        saturday = anchor - timedelta(days=anchor.weekday() + 2)
    return iso_week(saturday) + "-WE"
