"""Dates anchored to a date the text named before them: "the same day", "the next day", "two days later".

TimeML resolves these against the reference time the text has set up, not the publication
date: in "The firm filed on Oct. 5. The next day its chief resigned." "the next day" is 6
October. ``dates.scan`` finds them with the "anaphoric" pattern (and "three days earlier" with
the "ago" one) and calls ``resolve`` with the mentions found before them; a "later"/"same"
expression with no date before it is dropped (it names no date we can place), an "earlier" one
keeps its reading from the publication date ("profit doubled from three years earlier").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newsfuse.extract.quantities import word_number
from newsfuse.extract.timex import iso_week, shift_month
from newsfuse.records.mentions import DateMention

_VALUE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?=$|T)")
_UNIT = re.compile(r"\b(day|week|month|year)s?\b", re.I)
_BACKWARD = re.compile(r"\b(?:previous|prior|before|earlier)\b", re.I)
_FORWARD = re.compile(r"\b(?:next|following|after|later)\b", re.I)
_COUNT = re.compile(r"^(\w+) (?:day|week|month|year)s?\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s")
# How far back the reference date may lie: this sentence and the two before it.
_SENTENCES_BACK = 2


def _reference(mention: DateMention, found: list[DateMention], text: str, offset: int, unit: str, sentences: int):
    """The date named last before ``mention`` within ``sentences`` sentences before its own, precise to ``unit``."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, mention.start - offset)]
    floor = starts[-1 - sentences] if len(starts) > sentences else 0
    for other in sorted(found, key=lambda m: m.start, reverse=True):
        if other is mention or other.end > mention.start or other.start - offset < floor:
            continue
        parsed = _VALUE.match(other.value or "")
        if parsed is None:
            continue
        if unit in {"day", "week"} and parsed.group("d") is None:
            continue
        if unit == "month" and parsed.group("m") is None:
            continue
        return parsed
    return None


def _shifted(parsed: re.Match, unit: str, steps: int) -> tuple[str, str]:
    year, month, day = int(parsed.group("y")), int(parsed.group("m") or 1), int(parsed.group("d") or 1)
    if unit == "day":
        return (date(year, month, day) + timedelta(days=steps)).isoformat(), "day"
    if unit == "week":
        return iso_week(date(year, month, day) + timedelta(weeks=steps)), "week"
    if unit == "month":
        year, month = shift_month(year, month, steps)
        return f"{year:04d}-{month:02d}", "month"
    return f"{year + steps:04d}", "year"


def _steps(text: str) -> int:
    """Signed distance in units: 0 for "the same day", -1 "the previous day", +2 "two days later"."""
    count = _COUNT.match(text)
    number = 1
    if count is not None and count.group(1).lower() not in {"the", "that"}:
        number = int(word_number(count.group(1).lower()))
    if _BACKWARD.search(text):
        return -number
    if _FORWARD.search(text):
        return number
    return 0


def resolve(
    mention: DateMention, found: list[DateMention], text: str, offset: int = 0, sentences: int = _SENTENCES_BACK
) -> DateMention | None:
    """``mention`` placed against the date before it; ``None`` when there is none (the caller decides)."""
    unit_match = _UNIT.search(mention.text)
    if unit_match is None:
        return None
    unit = unit_match.group(1).lower()
    parsed = _reference(mention, found, text, offset, unit, sentences)
    if parsed is None:
        return None
    try:
        value, granularity = _shifted(parsed, unit, _steps(mention.text))
    except (ValueError, OverflowError):
        return None
    return replace(mention, value=value, granularity=granularity)


_PERIOD = re.compile(r"^(?:FY)?\d{4}-Q[1-4]$")


def resolve_period(mention: DateMention, found: list[DateMention], text: str, offset: int = 0) -> DateMention:
    """ "the quarter": the quarter named last before it, within this sentence and the two before; else unchanged."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, mention.start - offset)]
    floor = starts[-1 - _SENTENCES_BACK] if len(starts) > _SENTENCES_BACK else 0
    for other in sorted(found, key=lambda m: m.start, reverse=True):
        if other is mention or other.end > mention.start or other.start - offset < floor:
            continue
        if _PERIOD.match(other.value or ""):
            return replace(mention, value=other.value, granularity="quarter")
    return mention


def anaphoric(match: re.Match, ctx) -> tuple:
    """Pattern handler: a placeholder ``dates.scan`` replaces once every date of the text is known."""
    return None, _UNIT.search(match.group(0)).group(1).lower(), True
