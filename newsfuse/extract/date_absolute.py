"""Handlers for dates that carry their own calendar position: full and partial dates, years, decades, centuries.

Each handler turns a match into ``(value, granularity, relative[, end_value])`` or ``None``
when the match is not a date after all ("May" the verb, "2000 people"). A partial date (a day
or month without its year) is placed against the anchor, with the clause's tense deciding
between the last and the next such day when the anchor is a publication date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from newsfuse.extract.timex import ORDINAL_WORDS, PUBLICATION, resolve_month, resolve_month_day
from newsfuse.ingest.dates import month_number


class DateContext:
    """What a pattern handler needs: the text, the anchor and its kind, the tense and entity type at a position."""

    def __init__(
        self,
        text: str,
        anchor: date | None,
        kind: str = PUBLICATION,
        tense: Callable[[int], str | None] = lambda _: None,
        entity_label: Callable[[int], str] = lambda _: "",
    ) -> None:
        self.text = text
        self.anchor = anchor
        self.kind = kind
        self.tense = tense
        self.entity_label = entity_label


_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|from|to|until|till|through|between|and|of|before|after|during|for|the|"
    r"early|late|mid|around|circa|year|fiscal|spring|summer|autumn|fall|winter)\s*|-)$",
    re.I,
)
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|by|from|to|until|till|through|of|before|after|during|early|late|mid|last|next|this|"
    r"until|between|and|late-|early-|mid-)\s*$",
    re.I,
)
_AMBIGUOUS_MONTHS = {"may", "mar", "jan", "jun", "jul", "sep", "oct", "nov", "dec", "feb", "apr", "aug"}
_NOT_YEARS_AFTER = re.compile(
    r"\s+(?:people|units|jobs|employees|workers|aircraft|planes|jets|troops|times|km|miles|metres|meters)\b"
)


def year_of(text: str | None, anchor: date | None) -> int | None:
    """A written year; two digits ("'07", "FY07") take the anchor's century."""
    if not text:
        return None
    text = text.lstrip("'")
    if len(text) == 2:
        century = (anchor.year // 100 * 100) if anchor else 2000
        return century + int(text)
    return int(text)


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def absolute(match: re.Match, ctx: DateContext) -> tuple | None:
    year = year_of(match.group("y"), ctx.anchor)
    month = int(match.group("m"))
    day = int(match.group("d"))
    try:
        return date(year, month, day).isoformat(), "day", False
    except ValueError:
        return None


def _month_day_year(month: int, day: int, ctx: DateContext, position: int) -> date | None:
    """The year of a day written without one: the nearest such day, unless tense says it is the last or next one."""
    nearest = resolve_month_day(month, day, ctx.anchor)
    if nearest is None or ctx.kind != PUBLICATION:
        return nearest
    direction = ctx.tense(position)
    try:
        if direction == "future" and nearest < ctx.anchor:
            return date(nearest.year + 1, month, day)
        if direction == "past" and (nearest - ctx.anchor).days > 7:
            return date(nearest.year - 1, month, day)
    except ValueError:
        return nearest
    return nearest


def month_day(match: re.Match, ctx: DateContext) -> tuple | None:
    month, day = month_number(match.group("mon")), _day(match.group("d"))
    year = year_of(match.group("y"), ctx.anchor)
    if year is not None:
        try:
            return date(year, month, day).isoformat(), "day", False
        except ValueError:
            return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}", "day", True
    resolved = _month_day_year(month, day, ctx, match.start())
    return (resolved.isoformat(), "day", True) if resolved else None


def day_range(match: re.Match, ctx: DateContext) -> tuple | None:
    month = month_number(match.group("mon"))
    first, last = _day(match.group("d1")), _day(match.group("d2"))
    if last <= first:
        return None
    year = year_of(match.group("y"), ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            return f"XXXX-{month:02d}-{first:02d}", "range", True, f"XXXX-{month:02d}-{last:02d}"
        resolved = _month_day_year(month, first, ctx, match.start())
        if resolved is None:
            return None
        year = resolved.year
    try:
        return (
            date(year, month, first).isoformat(),
            "range",
            match.group("y") is None,
            date(year, month, last).isoformat(),
        )
    except ValueError:
        return None


def month_year(match: re.Match, ctx: DateContext) -> tuple:
    return f"{int(match.group('y')):04d}-{month_number(match.group('mon')):02d}", "month", False


def month(match: re.Match, ctx: DateContext) -> tuple | None:
    word = match.group("mon")
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    if not word[0].isupper() or (
        word.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not _MONTH_CONTEXT.search(before) and not match.group("mod")
    ):
        return None
    number = month_number(word)
    if ctx.anchor is None:
        return f"XXXX-{number:02d}", "month", True
    year, number = resolve_month(number, ctx.anchor, ctx.tense(match.start()), ctx.kind)
    return f"{year:04d}-{number:02d}", "month", True


def bare_year(match: re.Match, ctx: DateContext) -> tuple | None:
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    label = ctx.entity_label(match.start("y"))
    if label in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"} or re.search(r"[$€£¥#]\s*$|\d[.,]$|No\.\s*$", before):
        return None
    if label != "DATE" and not _YEAR_CONTEXT.search(before) and not match.group("mod"):
        if _NOT_YEARS_AFTER.match(ctx.text[match.end() : match.end() + 12]):
            return None
    return match.group("y"), "year", False


def decade_s(match: re.Match, ctx: DateContext) -> tuple:
    """ "the 1990s", "the late 1980s", "the '90s": the decade as its first three digits."""
    if match.group("y"):
        return match.group("y")[:3], "decade", False
    short = int(match.group("yy"))
    pivot = (ctx.anchor.year % 100) if ctx.anchor else 30
    century = 1900 if short > pivot else 2000
    return str(century + short)[:3], "decade", False


def century(match: re.Match, ctx: DateContext) -> tuple | None:
    """ "the 20th century" is 1900-1999: TIMEX3 writes it as the first two digits, "19"."""
    number = int(match.group("n"))
    if not 1 <= number <= 30:
        return None
    return f"{number - 1:02d}", "century", False


def fiscal(match: re.Match, ctx: DateContext) -> tuple:
    return f"FY{year_of(match.group('y'), ctx.anchor)}", "fiscal_year", False


def fiscal_quarter(match: re.Match, ctx: DateContext) -> tuple:
    """ "the third quarter of fiscal 2007", "fiscal 2007's third quarter": ``FY2007-Q3``."""
    quarter = ORDINAL_WORDS[match.group("q").lower()]
    return f"FY{year_of(match.group('y'), ctx.anchor)}-Q{quarter}", "quarter", False
