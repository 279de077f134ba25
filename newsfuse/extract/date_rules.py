"""The date patterns: one ordered list of regular expressions, each named for the handler that reads it.

A handler (``date_absolute`` for dates that carry their own calendar position, ``date_relative``
for those placed against the anchor) turns a match into ``(value, granularity, relative[,
end_value])`` given a ``DateContext``, or ``None`` when the match is not a date after all. Values
follow TIMEX3 (TimeML): ``2007-03-05``, ``2007-W10``, ``2007-Q1``, ``2007-SU``, ``199`` for the
1990s, ``PRESENT_REF`` for "now", ``XXXX-WXX-1`` for "every Monday" (a SET); durations ("the past three years") are not dates and are left
to the quantity extractor.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsfuse.extract import date_absolute as absolute
from newsfuse.extract import date_anaphora as anaphora
from newsfuse.extract import date_relative as relative
from newsfuse.extract import date_sets as sets
from newsfuse.extract.date_absolute import DateContext

__all__ = ["COMPILED_PATTERNS", "HANDLERS", "TRIGGERS", "DateContext"]

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORDINAL = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_FISCAL_YEAR = r"(?:fiscal|financial)(?: year)? (?P<y>" + _YEAR + r"|'?\d\d)"
_OF_YEAR = r"(?: of (?:(?P<y>" + _YEAR + r")|(?P<ofyear>(?:the |this |(?P<rel>next|last|previous) )year)))"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
# A season alone is a date only after a temporal preposition ("in the summer", not "a summer camp").
_SEASON_PREPOSITION = "".join(
    f"(?<=\\b{word} )|" for word in ("in", "during", "by", "until", "over", "through", "throughout", "since")
).rstrip("|")
_REF_FOLLOWERS = (
    r"(?=\s*[.,;:!?)\"'—–]|\s*$|\s+(?:and|or|but|as|when|if|is|was|will|would|could|may|might|with|for|to|in|at|on|by|"
    r"that|than|because|through|too|remains?|holds?|looks?|lies?|seems?)\b)"
)

# Ordered: where spans overlap the earlier pattern wins, so longer and more specific forms come first.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    # A clock time needs its minutes or a.m./p.m. ("18:00 UTC", "6 p.m."); its day comes from the sentence.
    (
        "clock",
        r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d)(?!\d|:\d)(?:\s*(?P<ampm>[ap]\.?m\.?))?|\s*(?P<ampm2>[ap]\.m\.|[ap]m\b))"
        r"(?:\s*(?P<paren>\()?(?P<tz>UTC|GMT|Z)\b(?:\s*(?P<off>[+-−]\s*\d{1,2})(?::?\d\d)?)?(?(paren)\)))?",
    ),
    ("numeric", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})\b"),
    ("fiscal_quarter", r"\b(?:the )?" + _ORDINAL + r"[- ]quarter of (?:the )?" + _FISCAL_YEAR + r"\b"),
    ("fiscal_quarter_s", r"\b" + _FISCAL_YEAR + r"(?:'s)? " + _ORDINAL + r"[- ]quarter\b"),
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
        r"\b(?P<mon>" + _MONTH + r") (?P<d1>" + _DAY + r") ?(?:-|–|—|to|through) ?(?P<d2>" + _DAY + r")\b"
        r"(?:,? (?P<y>" + _YEAR + r")\b)?",
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
    ("month_year", r"\b(?:(?P<mod>early|mid|late)[- ])?(?P<mon>" + _MONTH + r"),? (?:of )?(?P<y>" + _YEAR + r")\b"),
    # "every Monday", "on Sundays", "twice a week", "annual": recurring times (``date_sets``), before the patterns
    # that would read their weekday, month or season as one calendar date.
    ("set", sets.SET_PATTERN),
    ("relative_month", r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming) (?P<mon>" + _MONTH + r")\b(?! \d)"),
    (
        "year_earlier",
        r"\b(?:the )?(?:(?:year-earlier|year-ago|prior-year|year-before|previous-year) (?P<unit>period|quarter|months?)|"
        r"same (?P<unit2>period|quarter|months?) (?:a year (?:ago|earlier)|last year|of (?:the )?(?:previous|last|prior) year))\b",
    ),
    # "2008's fourth quarter": the year before the period, as a possessive.
    ("quarter_s", r"\b(?P<y>" + _YEAR + r")'s " + _ORDINAL + r"[- ]quarter\b"),
    ("quarter", r"\b(?:the )?" + _ORDINAL + r"[- ]quarter" + _OF_YEAR + r"?\b"),
    ("quarter_q", r"\bQ(?P<q>[1-4])(?:,? (?P<y>" + _YEAR + r"))?\b"),
    (
        "relative_quarter",
        r"\b(?:the )?(?:company's |its )?(?P<rel>last|previous|next|this|current|coming|latest|most recent) quarter\b",
    ),
    (
        "half",
        r"\b(?:the )?(?P<h>first|second|1st|2nd)(?:[- ]half of (?:(?P<y>" + _YEAR + r")|"
        r"(?P<ofyear>(?:the |this |(?P<rel>next|last|previous) )year))|-half(?= (?:profits?|results|earnings|sales|"
        r"revenues?|loss(?:es)?|net|income|growth|output|figures|deliveries|orders)\b))\b",
    ),
    # "in the first half" of a reporting period, in a sentence about figures (``half_bare``), not of a match.
    ("half_bare", r"(?:(?<=\bin )|(?<=\bduring )|(?<=\bfor )|(?<=\bover ))the (?P<h>first|second) half\b(?! of)"),
    ("season", r"\b(?:(?P<rel>this|last|next|past|coming) )?" + _SEASON + r"(?:,? (?:of )?(?P<y>" + _YEAR + r"))?\b"),
    (
        "bare_season",
        r"(?:" + _SEASON_PREPOSITION + r")the " + _SEASON + r"\b(?!\s+(?:camp|school|session|games|olympics|"
        r"sales?|season|collection|break|holidays?|vacation|term|semester|festival|tour|fashion|weather|months)\b)",
    ),
    (
        "weekday",
        r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast) )?(?P<wd>" + _WEEKDAY + r")(?:'s)?"
        r"(?: (?P<part>morning|afternoon|evening|night))?\b",
    ),
    (
        "part_of_day",
        r"\b(?:(?P<rel>this|yesterday|tomorrow|last) (?P<part>morning|afternoon|evening|night)|(?P<tonight>tonight))\b",
    ),
    (
        "unit_edge",
        r"\b(?:the )?(?:very )?(?P<edge>beginning|start|end|middle|close) of (?:the |this |(?P<rel>(?:the )?"
        r"(?:next|last|previous|coming|current)) )?(?P<unit>year|month|week|quarter|decade|century)\b",
    ),
    # "by year-end", "at the year end", "last year-end": the year whose end it is.
    ("year_end", r"\b(?:(?P<rel>this|last|next|the) )?(?P<unit>year)[- ]end\b(?!ed|ing)"),
    ("century", r"\b(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century\b"),
    ("decade_s", r"(?:\bthe )?(?:\b(?:early|mid|late)[- ])?(?:\b(?P<y>1[89]\d0|20\d0)|'(?P<yy>\d0))s\b"),
    ("edge_relative", r"\b(?P<mod>earlier|later) (?:(?P<rel>this|next|last) |in the )(?P<unit>week|month|year)\b"),
    (
        "relative",
        r"\b(?:the )?(?P<rel>this|last|next|past|coming|previous|current) (?P<unit>weekend|week|month|year|decade|century)\b",
    ),
    ("weekend", r"\bthe weekend\b"),
    # "Sales in the quarter rose": the quarter the text is about (``date_anaphora.resolve_period``).
    ("the_quarter", r"\bthe quarter\b(?! (?:of|century|mile|final|point|inch|hour)\b)(?!-)"),
    # Anchored to a date named before ("the same day", "the next day", "two weeks later"): ``date_anaphora``.
    (
        "anaphoric",
        r"\b(?:(?:the|that) same (?:day|week|month|year)|that day|the (?:previous|next|following|prior) day|"
        r"the following (?:week|month|year)|the day (?:before|after)(?=\s*[,.;:)]|\s*$)|"
        r"(?:" + _COUNT + r") (?:day|week|month|year)s? later)\b",
    ),
    ("ago", r"\b(?P<n>" + _COUNT + r") (?P<unit>day|week|month|year|decade)s? (?P<dir>ago|earlier|from now)\b"),
    ("vague_ago", r"\b(?:(?:a few|several|some|many|a couple of) )?(?:years|months|weeks|decades) ago\b"),
    ("deictic", r"\b(?P<word>today|yesterday|tomorrow)\b"),
    (
        "ref",
        r"\b(?P<word>more recently|recently|currently|nowadays|at present|at the moment|right now|these days|lately|now)\b",
    ),
    (
        "ref_the",
        r"\bthe (?:(?:near|distant|foreseeable|immediate|recent) )?(?P<word>future|past)\b" + _REF_FOLLOWERS,
    ),
    # A year, unless it is part of a longer number or a date ("2009-2011" is two years).
    (
        "year",
        r"\b(?:(?P<mod>early|mid|late)[- ])?(?P<y>" + _YEAR + r")\b(?![-/]\d(?!\d{3}\b)|,\d| ?%| percent)",
    ),
    ("month", r"\b(?:(?P<mod>early|mid|late)[- ])?(?P<mon>" + _MONTH + r")\b"),
]
_CASE_SENSITIVE = {
    "set",
    "relative_month",
    "month_day",
    "day_month",
    "month_year",
    "range",
    "weekday",
    "month",
    "quarter_q",
}
COMPILED_PATTERNS = [
    (name, re.compile(pattern, 0 if name in _CASE_SENSITIVE else re.IGNORECASE)) for name, pattern in _PATTERNS
]

_UNITS = ("week", "month", "year", "decade", "century", "quarter")
# Words one of which every match of a pattern contains (lower case): a text without any of them
# cannot match, and a substring test is ~100x cheaper than running the pattern over the text.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "year_end": ("year end", "year-end"),
    "fiscal_quarter": ("fiscal", "financial"),
    "fiscal_quarter_s": ("fiscal", "financial"),
    "fiscal": ("fiscal", "financial", "fy"),
    "fiscal_relative": ("fiscal", "financial"),
    "quarter": ("quarter",),
    "year_earlier": ("year-", "prior-year", "same"),
    "relative_quarter": ("quarter",),
    "half": ("half",),
    "half_bare": ("half",),
    "quarter_s": ("'s",),
    "the_quarter": ("the quarter",),
    "anaphoric": (
        "same",
        "that day",
        "previous day",
        "next day",
        "following",
        "prior day",
        "day before",
        "day after",
        "later",
    ),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "bare_season": ("spring", "summer", "autumn", "fall", "winter"),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
    "unit_edge": _UNITS,
    "century": ("century",),
    "decade_s": ("0s",),
    "edge_relative": ("earlier", "later"),
    "relative": ("weekend", *_UNITS),
    "weekend": ("weekend",),
    "ago": ("ago", "earlier", "from now"),
    "vague_ago": ("ago",),
    "deictic": ("today", "yesterday", "tomorrow"),
    "ref_the": ("future", "past"),
}

HANDLERS: dict[str, Callable[[re.Match, DateContext], tuple | None]] = {
    "iso": absolute.absolute,
    "clock": relative.clock,
    "numeric": absolute.absolute,
    "fiscal_quarter": absolute.fiscal_quarter,
    "fiscal_quarter_s": absolute.fiscal_quarter,
    "fiscal": absolute.fiscal,
    "fiscal_relative": relative.fiscal_relative,
    "range": absolute.day_range,
    "month_day": absolute.month_day,
    "day_month": absolute.month_day,
    "month_year": absolute.month_year,
    "set": sets.recurring,
    "relative_month": relative.relative_month,
    "year_earlier": relative.year_earlier,
    "quarter_s": relative.quarter,
    "quarter": relative.quarter,
    "quarter_q": relative.quarter,
    "the_quarter": relative.the_quarter,
    "relative_quarter": relative.relative_quarter,
    "half": relative.half,
    "half_bare": relative.half_bare,
    "season": relative.season,
    "bare_season": relative.bare_season,
    "weekday": relative.weekday,
    "part_of_day": relative.part_of_day,
    "unit_edge": relative.unit_edge,
    "century": absolute.century,
    "decade_s": absolute.decade_s,
    "edge_relative": relative.unit_edge,
    "year_end": relative.unit_edge,
    "relative": relative.relative,
    "weekend": relative.weekend,
    "anaphoric": anaphora.anaphoric,
    "ago": relative.ago,
    "vague_ago": relative.vague_ago,
    "deictic": relative.deictic,
    "ref": relative.ref,
    "ref_the": relative.ref,
    "year": absolute.bare_year,
    "month": absolute.month,
}
assert set(HANDLERS) == {name for name, _ in _PATTERNS} >= set(TRIGGERS)
