"""Handlers for dates placed relative to the anchor: weekdays, "last week", "two years ago", seasons, quarters, "now".

Without an anchor each returns a ``None`` value (resolved later by ``reanchor``), except the
TIMEX3 reference values (PRESENT_REF, PAST_REF, FUTURE_REF), which need none.
"""

from __future__ import annotations

import re
from datetime import timedelta

from newsfuse.extract.date_absolute import DateContext, year_of
from newsfuse.extract.quantities import word_number
from newsfuse.extract.timex import (
    ORDINAL_WORDS,
    PUBLICATION,
    WEEKDAYS,
    quarter_of,
    relative_unit,
    resolve_quarter,
    resolve_season,
    resolve_weekday,
    resolve_weekend,
    shift_quarter,
    units_ago,
)
from newsfuse.ingest.dates import month_number

WEEKDAY_MODIFIERS = {"last": "past", "past": "past", "next": "future", "coming": "future"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
RELATIVE_OFFSET = {
    "this": 0,
    "current": 0,
    "coming": 1,
    "next": 1,
    "following": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "latest": -1,  # "the latest quarter": the last one reported on, the one before the anchor's
    "recent": -1,
}
# TIMEX3 reference values: the present, an unspecified past, an unspecified future.
REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "lately": "PAST_REF",
    "past": "PAST_REF",
    "future": "FUTURE_REF",
}


def _offset(match: re.Match, group: str = "rel", default: int = 0) -> int:
    word = (match.group(group) or "").lower().split()
    return RELATIVE_OFFSET.get(word[-1], default) if word else default


def weekday(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "day", True
    # "last Thursday" / "next Monday" say the direction outright, whatever the anchor's kind.
    modifier = (match.group("mod") or "").lower()
    number = WEEKDAYS[match.group("wd").lower()]
    if modifier == "this":  # "this Friday": the Friday of the anchor's own week
        day = ctx.anchor + timedelta(days=number - ctx.anchor.weekday())
    else:
        stated = WEEKDAY_MODIFIERS.get(modifier)
        direction, kind = (stated, PUBLICATION) if stated else (ctx.tense(match.start()), ctx.kind)
        day = resolve_weekday(number, ctx.anchor, direction, kind)
    part = (match.group("part") or "").lower()
    if part in PARTS_OF_DAY:
        return f"{day.isoformat()}T{PARTS_OF_DAY[part]}", "time", True
    return day.isoformat(), "day", True


def half(match: re.Match, ctx: DateContext) -> tuple:
    number = 1 if match.group("h").lower() in {"first", "1st"} else 2
    groups = match.groupdict()
    if groups.get("y"):
        return f"{groups['y']}-H{number}", "half_year", False
    if ctx.anchor is None:
        return f"XXXX-H{number}", "half_year", True
    if groups.get("ofyear"):  # "of this year", "of next year"
        year = ctx.anchor.year + _offset(match)
    else:
        year = resolve_quarter(number, ctx.anchor, ctx.tense(match.start()), parts=2)
    return f"{year:04d}-H{number}", "half_year", True


# Words of company and economic figures: "in the first half" is a reporting period in their sentence.
_FIGURES = re.compile(
    r"\b(?:sales|profits?|revenues?|earnings|income|loss(?:es)?|growth|output|deliveries|orders|shares|economy|"
    r"GDP|inflation|billion|million|percent|per cent)\b|%",
    re.IGNORECASE,
)


def half_bare(match: re.Match, ctx: DateContext) -> tuple | None:
    """ "In the first half, sales rose 5%": a half year, when its sentence speaks of figures (not of a match)."""
    left = max(ctx.text.rfind(". ", 0, match.start()), ctx.text.rfind("\n", 0, match.start())) + 1
    right = ctx.text.find(". ", match.end())
    if not _FIGURES.search(ctx.text, left, right if right >= 0 else len(ctx.text)):
        return None
    return half(match, ctx)


def season(match: re.Match, ctx: DateContext) -> tuple | None:
    """ "summer 2007", "last summer"; "summer" alone is too often not a date ("summer camp")."""
    if not match.group("y") and not match.group("rel"):
        return None
    return bare_season(match, ctx)


def bare_season(match: re.Match, ctx: DateContext) -> tuple | None:
    """ "in the summer", "during the winter": after a temporal preposition, the current or the last (next) one."""
    code = SEASONS[match.group("season").lower()]
    groups = match.groupdict()
    if groups.get("y"):
        return f"{groups['y']}-{code}", "season", False
    if ctx.anchor is None:
        return None, "season", True
    offset = _offset(match, default=None) if groups.get("rel") else None
    year = resolve_season(code, ctx.anchor, offset, ctx.tense(match.start()))
    return f"{year:04d}-{code}", "season", True


def fiscal_relative(match: re.Match, ctx: DateContext) -> tuple:
    """ "this fiscal year", "the beginning of the financial year": the fiscal year named by the anchor's year."""
    if ctx.anchor is None:
        return None, "fiscal_year", True
    return f"FY{ctx.anchor.year + _offset(match)}", "fiscal_year", True


def quarter(match: re.Match, ctx: DateContext) -> tuple | None:
    number = ORDINAL_WORDS.get(match.group("q").lower()) or int(match.group("q"))
    year = year_of(match.group("y"), ctx.anchor)
    if year is not None:
        return f"{year:04d}-Q{number}", "quarter", False
    if ctx.anchor is None:
        return f"XXXX-Q{number}", "quarter", True
    if match.groupdict().get("ofyear"):  # "of this year", "of next year"
        year = ctx.anchor.year + _offset(match)
    else:
        year = resolve_quarter(number, ctx.anchor, ctx.tense(match.start()))
    return f"{year:04d}-Q{number}", "quarter", True


def relative_month(match: re.Match, ctx: DateContext) -> tuple:
    """ "last February", "next March", "this June": per TimeML practice the named month of the previous,
    the next or the anchor's own year ("last February" written on 1 March 2009 is 2008-02)."""
    number = month_number(match.group("mon"))
    if ctx.anchor is None:
        return f"XXXX-{number:02d}", "month", True
    offset = {"last": -1, "next": 1, "this": 0}.get(match.group("rel").lower())
    if offset is None:  # "coming March": the first one after the anchor
        year = ctx.anchor.year if number > ctx.anchor.month else ctx.anchor.year + 1
    else:
        year = ctx.anchor.year + offset
    return f"{year:04d}-{number:02d}", "month", True


def year_earlier(match: re.Match, ctx: DateContext) -> tuple:
    """ "the year-earlier period", "the same quarter last year": the year before the anchor's; ``dates.scan``
    moves it to the period a year before the one the sentence reports on, when it names one."""
    if ctx.anchor is None:
        return None, "year", True
    if "quarter" in (match.group("unit") or match.group("unit2") or "").lower():
        # "the year-ago quarter" with no quarter named before: a year before the last quarter reported on
        year, number = shift_quarter(*quarter_of(ctx.anchor), -5)
        return f"{year:04d}-Q{number}", "quarter", True
    return f"{ctx.anchor.year - 1:04d}", "year", True


def the_quarter(match: re.Match, ctx: DateContext) -> tuple:
    """ "the quarter" with no quarter named before it: the one just reported on (the current one in future
    tense); ``dates.scan`` gives it the quarter the text named last, when there is one."""
    if ctx.anchor is None:
        return None, "quarter", True
    delta = 0 if ctx.tense(match.start()) == "future" else -1
    year, number = shift_quarter(*quarter_of(ctx.anchor), delta)
    return f"{year:04d}-Q{number}", "quarter", True


def relative_quarter(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "quarter", True
    year, number = shift_quarter(*quarter_of(ctx.anchor), _offset(match))
    return f"{year:04d}-Q{number}", "quarter", True


def relative(match: re.Match, ctx: DateContext) -> tuple:
    """ "last week", "this month", "next year", "this decade": the unit holding the anchor, shifted."""
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return None, "week" if unit == "weekend" else unit, True
    if unit == "quarter":
        return relative_quarter(match, ctx)
    value, granularity = relative_unit(unit, _offset(match), ctx.anchor)
    return value, granularity, True


def unit_edge(match: re.Match, ctx: DateContext) -> tuple:
    """ "the end of the year", "the start of next month", "earlier this week", "later in the year": the unit itself."""
    return relative(match, ctx)


def decade(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "decade", True
    return relative_unit("decade", -1, ctx.anchor)[0], "decade", True


def weekend(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "week", True
    return resolve_weekend(ctx.anchor, ctx.tense(match.start())), "week", True


def part_of_day(match: re.Match, ctx: DateContext) -> tuple:
    """ "this morning", "yesterday evening", "last night", "tonight": the day with its TIMEX3 part-of-day code."""
    if ctx.anchor is None:
        return None, "time", True
    rel = (match.group("rel") or "this").lower()  # "tonight" is this night
    part = PARTS_OF_DAY[(match.group("part") or "night").lower()]
    offset = {"this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[rel]
    day, _ = relative_unit("day", offset, ctx.anchor)
    return f"{day}T{part}", "time", True


def ago(match: re.Match, ctx: DateContext) -> tuple:
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return None, unit, True
    count = int(word_number(match.group("n").lower()))
    sign = 1 if match.group("dir").lower() == "from now" else -1
    value, granularity = units_ago(count, unit, ctx.anchor, sign)
    return value, granularity, True


def vague_ago(match: re.Match, ctx: DateContext) -> tuple:
    """ "a few years ago", "years ago": some unspecified time in the past."""
    return "PAST_REF", "reference", False


def deictic(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "day", True
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[match.group("word").lower()]
    return relative_unit("day", offset, ctx.anchor)[0], "day", True


def ref(match: re.Match, ctx: DateContext) -> tuple:
    return REFS[match.group("word").lower()], "reference", False


_CLOCK_CONTEXT = re.compile(r"\b(?:at|by|until|till|from|before|after|around|about|since|to|between|and)\s+$", re.I)


def clock(match: re.Match, ctx: DateContext) -> tuple | None:
    """ "18:00 UTC", "6:40 p.m.": ``YYYY-MM-DDThh:mm`` on the anchor's day (``scan`` moves it to a day the
    sentence names), ``Z`` when the time is given in UTC/GMT."""
    hour, minute = int(match.group("h")), int(match.group("min") or 0)
    ampm = (match.group("ampm") or match.group("ampm2") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if not ampm and not match.group("tz"):
        before = ctx.text[max(0, match.start() - 12) : match.start()]
        if not _CLOCK_CONTEXT.search(before):
            return None  # "version 10:30", "2:10" a score: a bare hh:mm needs "at", "by", "from" ...
    # UTC/GMT is TIMEX3's "Z"; a time at another offset keeps its local reading.
    offset = re.sub(r"\D", "", match.group("off") or "")
    zone = "Z" if match.group("tz") and not int(offset or 0) else ""
    time = f"T{hour:02d}:{minute:02d}{zone}"
    if ctx.anchor is None:
        return None, "time", True
    return ctx.anchor.isoformat() + time, "time", True
