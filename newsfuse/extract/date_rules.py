"""The date patterns and what each means: one ordered list of regular expressions, one handler per pattern.

Each handler turns a match into ``(value, granularity, relative[, end_value])`` given a
``DateContext`` (the text, the anchor and its kind, the tense and entity type at a position),
or ``None`` when the match is not a date after all ("May" the verb, "2000 people").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newsfuse.extract.quantities import word_number
from newsfuse.extract.timex import (
    ORDINAL_WORDS,
    PUBLICATION,
    WEEKDAYS,
    month_number,
    quarter_of,
    relative_unit,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    shift_quarter,
    units_ago,
)

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_WEEKDAY_MODIFIERS = {"last": "past", "past": "past", "next": "future", "coming": "future"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_RELATIVE_OFFSET = {"this": 0, "current": 0, "coming": 1, "next": 1, "last": -1, "past": -1, "previous": -1}
_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "in the past": "PAST_REF",
    "in the future": "FUTURE_REF",
}

# Ordered: the first alternative that matches at a position wins, so longer forms come first.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("numeric", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})\b"),
    (
        "fiscal",
        r"(?:(?P<bound>by|until|before) )?(?:the )?(?:(?P<edge>end|start|beginning) of )?(?:the )?"
        r"(?:fiscal(?: year)?|financial year|FY) ?(?P<y>" + _YEAR + r"|'?\d\d)(?P<end>'s end)?\b",
    ),
    (
        "fiscal_relative",
        r"\b(?:(?P<bound>by|until|before) )?(?:the )?(?:very )?(?:(?P<edge>end|start|beginning) of )?(?:the )?"
        r"(?P<rel>this|current|last|previous|next|coming)?\s?(?:fiscal|financial) year\b(?! ?\d)",
    ),
    (
        "range",
        r"\b(?P<mon>"
        + _MONTH
        + r") (?P<d1>"
        + _DAY
        + r") ?(?:-|–|—|to|through) ?(?P<d2>"
        + _DAY
        + r")\b(?:,? (?P<y>"
        + _YEAR
        + r")\b)?",
    ),
    (
        "month_day",
        r"\b(?:"
        + _WEEKDAY
        + r",? )?(?P<mon>"
        + _MONTH
        + r") (?P<d>"
        + _DAY
        + r")\b(?!:)(?:,? (?P<y>"
        + _YEAR
        + r")\b)?",
    ),
    ("day_month", r"\b(?P<d>" + _DAY + r") (?:of )?(?P<mon>" + _MONTH + r")(?:,? (?P<y>" + _YEAR + r")\b)?"),
    ("month_year", r"\b(?:(?P<mod>early|mid|late)[- ])?(?P<mon>" + _MONTH + r"),? (?P<y>" + _YEAR + r")\b"),
    ("quarter", r"\b(?:the )?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of (?P<y>" + _YEAR + r"))?\b"),
    ("quarter_q", r"\bQ(?P<q>[1-4]) (?P<y>" + _YEAR + r")\b"),
    ("relative_quarter", r"\b(?:the )?(?P<rel>last|previous|next|this|current|coming) quarter\b"),
    ("half", r"\b(?:the )?(?P<h>first|second|1st|2nd) half of (?P<y>" + _YEAR + r")\b"),
    (
        "season",
        r"\b(?:(?P<rel>this|last|next|past|coming) )?(?P<season>spring|summer|autumn|fall|winter)"
        r"(?:,? (?:of )?(?P<y>" + _YEAR + r"))?\b",
    ),
    (
        "weekday",
        r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast) )?(?P<wd>" + _WEEKDAY + r")(?:'s)?"
        r"(?: (?P<part>morning|afternoon|evening|night))?\b",
    ),
    (
        "year_edge",
        r"\b(?:the )?(?:very )?(?P<edge>beginning|start|end|middle) of (?:the |this )?(?P<unit>year|month|week)\b",
    ),
    ("decade", r"\b(?:the )?(?P<rel>past|last) decade\b"),
    ("decade_s", r"\bthe (?P<y>1[89]\d0|20\d0)s\b"),
    ("part_of_day", r"\b(?P<rel>this|yesterday|tomorrow) (?P<part>morning|afternoon|evening)\b"),
    ("edge_relative", r"\b(?P<mod>earlier|later) (?P<rel>this|next|last) (?P<unit>week|month|year)\b"),
    ("relative", r"\b(?P<rel>this|last|next|past|coming|previous|current) (?P<unit>weekend|week|month|year)\b"),
    ("ago", r"\b(?P<n>" + _COUNT + r") (?P<unit>day|week|month|year)s? (?P<dir>ago|earlier|from now)\b"),
    ("deictic", r"\b(?P<word>today|tonight|yesterday|tomorrow)\b"),
    ("ref", r"\b(?P<word>more recently|recently|currently|nowadays|at present|now)\b"),
    ("year", r"\b(?:(?P<mod>early|mid|late)[- ])?(?P<y>" + _YEAR + r")\b(?![-/]\d|,\d| ?%| percent)"),
    ("month", r"\b(?:(?P<mod>early|mid|late)[- ])?(?P<mon>" + _MONTH + r")\b"),
]
_CASE_SENSITIVE = {"month_day", "day_month", "month_year", "range", "weekday", "month", "quarter_q"}
COMPILED_PATTERNS = [
    (name, re.compile(pattern, 0 if name in _CASE_SENSITIVE else re.IGNORECASE)) for name, pattern in _PATTERNS
]
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


def _year(text: str | None, anchor: date | None) -> int | None:
    if not text:
        return None
    text = text.lstrip("'")
    if len(text) == 2:
        century = (anchor.year // 100 * 100) if anchor else 2000
        return century + int(text)
    return int(text)


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _absolute(match: re.Match, ctx: DateContext) -> tuple | None:
    year = _year(match.group("y"), ctx.anchor)
    month = int(match.group("m"))
    day = int(match.group("d"))
    try:
        return date(year, month, day).isoformat(), "day", False
    except ValueError:
        return None


def _month_day(match: re.Match, ctx: DateContext) -> tuple | None:
    month, day = month_number(match.group("mon")), _day(match.group("d"))
    year = _year(match.group("y"), ctx.anchor)
    if year is not None:
        try:
            return date(year, month, day).isoformat(), "day", False
        except ValueError:
            return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}", "day", True
    resolved = resolve_month_day(month, day, ctx.anchor)
    return (resolved.isoformat(), "day", True) if resolved else None


def _range(match: re.Match, ctx: DateContext) -> tuple | None:
    month = month_number(match.group("mon"))
    first, last = _day(match.group("d1")), _day(match.group("d2"))
    if last <= first:
        return None
    year = _year(match.group("y"), ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            return f"XXXX-{month:02d}-{first:02d}", "range", True, f"XXXX-{month:02d}-{last:02d}"
        year = resolve_month_day(month, first, ctx.anchor).year
    try:
        return (
            date(year, month, first).isoformat(),
            "range",
            match.group("y") is None,
            date(year, month, last).isoformat(),
        )
    except ValueError:
        return None


def _month_year(match: re.Match, ctx: DateContext) -> tuple:
    return f"{int(match.group('y')):04d}-{month_number(match.group('mon')):02d}", "month", False


def _month(match: re.Match, ctx: DateContext) -> tuple | None:
    word = match.group("mon")
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    if not word[0].isupper() or (
        word.lower().rstrip(".") in {"may", "mar", "jan", "jun", "jul", "sep", "oct", "nov", "dec", "feb", "apr", "aug"}
        and not _MONTH_CONTEXT.search(before)
        and not match.group("mod")
    ):
        return None
    month = month_number(word)
    if ctx.anchor is None:
        return f"XXXX-{month:02d}", "month", True
    year, month = resolve_month(month, ctx.anchor, ctx.tense(match.start()), ctx.kind)
    return f"{year:04d}-{month:02d}", "month", True


def _weekday(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "day", True
    # "last Thursday" / "next Monday" say the direction outright, whatever the anchor's kind.
    modifier = (match.group("mod") or "").lower()
    weekday = WEEKDAYS[match.group("wd").lower()]
    if modifier == "this":  # "this Friday": the Friday of the anchor's own week
        day = ctx.anchor + timedelta(days=weekday - ctx.anchor.weekday())
    else:
        stated = _WEEKDAY_MODIFIERS.get(modifier)
        direction, kind = (stated, PUBLICATION) if stated else (ctx.tense(match.start()), ctx.kind)
        day = resolve_weekday(weekday, ctx.anchor, direction, kind)
    part = (match.group("part") or "").lower()
    if part in _PARTS_OF_DAY:
        return f"{day.isoformat()}T{_PARTS_OF_DAY[part]}", "time", True
    return day.isoformat(), "day", True


def _half(match: re.Match, ctx: DateContext) -> tuple:
    half = 1 if match.group("h").lower() in {"first", "1st"} else 2
    return f"{match.group('y')}-H{half}", "half_year", False


def _season(match: re.Match, ctx: DateContext) -> tuple | None:
    code = _SEASONS[match.group("season").lower()]
    if match.group("y"):
        return f"{match.group('y')}-{code}", "season", False
    if not match.group("rel"):
        return None  # "summer" alone is too often not a date ("summer camp")
    if ctx.anchor is None:
        return None, "season", True
    year = ctx.anchor.year + _RELATIVE_OFFSET[match.group("rel").lower()]
    return f"{year:04d}-{code}", "season", True


def _fiscal_relative(match: re.Match, ctx: DateContext) -> tuple:
    """ "this fiscal year", "the beginning of the financial year": the fiscal year named by the anchor's year."""
    if ctx.anchor is None:
        return None, "fiscal_year", True
    offset = _RELATIVE_OFFSET.get((match.group("rel") or "this").lower(), 0)
    return f"FY{ctx.anchor.year + offset}", "fiscal_year", True


def _fiscal(match: re.Match, ctx: DateContext) -> tuple:
    year = _year(match.group("y"), ctx.anchor)
    return f"FY{year}", "fiscal_year", False


def _quarter(match: re.Match, ctx: DateContext) -> tuple | None:
    quarter = ORDINAL_WORDS.get(match.group("q").lower()) or int(match.group("q"))
    year = _year(match.group("y"), ctx.anchor)
    if year is None:
        if ctx.anchor is None:
            return f"XXXX-Q{quarter}", "quarter", True
        year = ctx.anchor.year
    return f"{year:04d}-Q{quarter}", "quarter", match.group("y") is None


def _relative_quarter(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "quarter", True
    year, quarter = shift_quarter(*quarter_of(ctx.anchor), _RELATIVE_OFFSET[match.group("rel").lower()])
    return f"{year:04d}-Q{quarter}", "quarter", True


def _relative(match: re.Match, ctx: DateContext) -> tuple:
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return None, "week" if unit == "weekend" else unit, True
    value, granularity = relative_unit(unit, _RELATIVE_OFFSET[match.group("rel").lower()], ctx.anchor)
    return value, granularity, True


def _edge_relative(match: re.Match, ctx: DateContext) -> tuple:
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return None, unit, True
    value, granularity = relative_unit(unit, _RELATIVE_OFFSET[match.group("rel").lower()], ctx.anchor)
    return value, granularity, True


def _year_edge(match: re.Match, ctx: DateContext) -> tuple:
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return None, unit, True
    value, granularity = relative_unit(unit, 0, ctx.anchor)
    return value, granularity, True


def _decade(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "decade", True
    return relative_unit("decade", -1, ctx.anchor)[0], "decade", True


def _decade_s(match: re.Match, ctx: DateContext) -> tuple:
    return match.group("y")[:3], "decade", False


def _part_of_day(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "time", True
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1}[match.group("rel").lower()]
    day, _ = relative_unit("day", offset, ctx.anchor)
    part = _PARTS_OF_DAY[match.group("part").lower()]
    return f"{day}T{part}", "time", True


def _ago(match: re.Match, ctx: DateContext) -> tuple:
    unit = match.group("unit").lower()
    if ctx.anchor is None:
        return None, unit, True
    count_word = match.group("n").lower()
    count = int(word_number(count_word))
    sign = 1 if match.group("dir").lower() == "from now" else -1
    value, granularity = units_ago(count, unit, ctx.anchor, sign)
    return value, granularity, True


def _deictic(match: re.Match, ctx: DateContext) -> tuple:
    if ctx.anchor is None:
        return None, "day", True
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match.group("word").lower()]
    return relative_unit("day", offset, ctx.anchor)[0], "day", True


def _ref(match: re.Match, ctx: DateContext) -> tuple:
    return _REFS[match.group("word").lower()], "reference", False


def _bare_year(match: re.Match, ctx: DateContext) -> tuple | None:
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    label = ctx.entity_label(match.start("y"))
    if label in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"} or re.search(r"[$€£¥#]\s*$|\d[.,]$|No\.\s*$", before):
        return None
    if label != "DATE" and not _YEAR_CONTEXT.search(before) and not match.group("mod"):
        after = ctx.text[match.end() : match.end() + 12]
        if re.match(
            r"\s+(?:people|units|jobs|employees|workers|aircraft|planes|jets|troops|times|km|miles|metres|meters)\b",
            after,
        ):
            return None
    return match.group("y"), "year", False


HANDLERS: dict[str, Callable[[re.Match, DateContext], tuple | None]] = {
    "iso": _absolute,
    "numeric": _absolute,
    "fiscal": _fiscal,
    "fiscal_relative": _fiscal_relative,
    "range": _range,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "quarter": _quarter,
    "quarter_q": _quarter,
    "relative_quarter": _relative_quarter,
    "half": _half,
    "season": _season,
    "weekday": _weekday,
    "year_edge": _year_edge,
    "decade": _decade,
    "decade_s": _decade_s,
    "part_of_day": _part_of_day,
    "edge_relative": _edge_relative,
    "relative": _relative,
    "ago": _ago,
    "deictic": _deictic,
    "ref": _ref,
    "year": _bare_year,
    "month": _month,
}
