"""Quantities: durations as ISO 8601 with bounds ("more than an hour and a half", "over-90-minute"), and percentages.

A duration without a number ("for years", "several months", "a decades-long feud") is a TIMEX3 duration
of unspecified length: ``PXY``, ``PXM`` (decades in years, as ``iso_duration`` writes "a decade" P10Y).
Its plural says more than one unit, so its lower bound is two of them and it has no upper bound:
"several years" agrees with "five years".
"""

from __future__ import annotations

import re

from newsfuse.records.mentions import QuantityMention

_UNIT_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2629746,
    "year": 31556952,
    "decade": 315569520,
}
_ONES = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_QUALIFIERS = {
    "more than": "at_least",
    "over": "at_least",
    "at least": "at_least",
    "longer than": "at_least",
    "nearly": "approximate",
    "almost": "approximate",
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "roughly": "approximate",
    "some": "approximate",
    "less than": "at_most",
    "under": "at_most",
    "up to": "at_most",
    "within": "at_most",
    "just over": "at_least",
    "just under": "at_most",
}

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:-(?:"
    + "|".join(k for k in _ONES if len(k) > 2)
    + r"))?|"
    + "|".join(sorted(_ONES, key=len, reverse=True))
    + ")"
)
_NUMBER = rf"(?P<num>\d+(?:\.\d+)?|{_WORD_NUMBER})"
_HALF = r"(?P<half>\s+and\s+a\s+half)?"
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|year|decade)s?"
_QUAL = "(?P<qual>" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")[\s-]+"
# The first letters a duration can start with (of a qualifier, "half" or a number word). Checked first at
# each word boundary, they spare the engine trying every alternative there; the matches are the same.
_DURATION_FIRST = "".join(sorted({word[0] for word in (*_QUALIFIERS, "half", *_ONES, *_TENS)}))
_PERCENT_FIRST = "".join(sorted({word[0] for word in _QUALIFIERS}))
_DURATION = re.compile(
    rf"\b(?=[\d{_DURATION_FIRST}])(?:{_QUAL})?(?:(?P<halfan>half\s+an?)\s+(?P<hunit>hour|day|year|minute)|{_NUMBER}(?P<half0>\s+and\s+a\s+half)?(?:\s+|-)(?:{_UNIT}){_HALF}(?P<adj>-long|-old)?)\b",
    re.IGNORECASE,
)
_VAGUE_UNITS = {"minute": "TXM", "hour": "TXH", "day": "XD", "week": "XW", "month": "XM", "year": "XY", "decade": "XY"}
_VAGUE_DURATION = re.compile(
    r"\b(?:(?:several|many|a few|a couple of|for|over the|(?:the )?(?:next|past|last|coming) (?:few|several))\s+"
    r"(?P<unit>minute|hour|day|week|month|year|decade)s\b(?!-old|\s+(?:ago|earlier|later|old)\b)"
    r"|(?P<adj>hour|day|week|month|year|decade)s-long\b)",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"\b(?=[\d{_PERCENT_FIRST}])(?:{_QUAL})?(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)", re.IGNORECASE
)
# Every percentage ends in one of these: most texts have none and skip the full pattern.
_PERCENT_SIGN = re.compile(r"%|percent\b|per cent\b", re.IGNORECASE)


def word_number(text: str) -> float | None:
    text = text.lower()
    try:
        return float(text)
    except ValueError:
        pass
    if "-" in text:
        tens, ones = text.split("-", 1)
        return float(_TENS.get(tens, 0) + _ONES.get(ones, 0)) or None
    return float(_ONES.get(text) or _TENS.get(text) or 0) or None


def iso_duration(count: float, unit: str) -> str:
    """ISO 8601 duration in whole components: 1.5 hours -> PT1H30M, 2.5 years -> P2Y6M, 90 minutes -> PT1H30M."""
    unit = unit.lower()
    if unit in {"hour", "minute", "second"}:
        seconds = round(count * _UNIT_SECONDS[unit])
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        parts = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{secs}S" if secs else "")
        return "PT" + (parts or "0S")
    if unit in {"year", "decade"}:
        months = round(count * (120 if unit == "decade" else 12))
        years, months = divmod(months, 12)
        return "P" + (f"{years}Y" if years else "") + (f"{months}M" if months or not years else "")
    if unit == "month":
        whole = int(count)
        days = round((count - whole) * 30)
        return "P" + (f"{whole}M" if whole else "") + (f"{days}D" if days else "")
    if unit == "week" and count == int(count):
        return f"P{int(count)}W"
    days = round(count * (7 if unit == "week" else 1), 2)
    return f"P{int(days) if days == int(days) else days}D"


def _bounds(seconds: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier == "at_least":
        return seconds, None
    if qualifier == "at_most":
        return None, seconds
    return seconds, seconds


def _article_before_plural(match: re.Match, text: str) -> bool:
    """ "a decades-long feud", "an hours-long siege": the article is the noun's, not a count of one."""
    return match.group("num").lower() in {"a", "an"} and text[match.end("unit") : match.end("unit") + 1] in "sS"


def durations(text: str) -> list[QuantityMention]:
    found = []
    for match in _DURATION.finditer(text):
        if match.group("adj") == "-old":
            continue  # an age, not a duration
        if match.group("halfan"):
            count, unit = 0.5, match.group("hunit").lower()
        else:
            count, unit = word_number(match.group("num")), match.group("unit").lower()
            if count is None or _article_before_plural(match, text):
                continue
            count += 0.5 if match.group("half") or match.group("half0") else 0.0
        qualifier = _QUALIFIERS.get(re.sub(r"[\s-]+", " ", (match.group("qual") or "").lower()), "exact")
        lower, upper = _bounds(count * _UNIT_SECONDS[unit], qualifier)
        value = iso_duration(count, unit)
        found.append(
            QuantityMention(match.start(), match.end(), match.group(0), "duration", value, lower, upper, "s", qualifier)
        )
    return found


def vague_durations(text: str, taken: list[QuantityMention] = ()) -> list[QuantityMention]:
    """ "For years", "several months", "decades-long": durations of unspecified length, outside ``taken`` spans."""
    found = []
    for match in _VAGUE_DURATION.finditer(text):
        if any(match.start() < q.end and q.start < match.end() for q in taken):
            continue
        unit = (match.group("unit") or match.group("adj")).lower()  # "decades-long": a count of none
        lower = 2 * _UNIT_SECONDS[unit]
        found.append(
            QuantityMention(
                match.start(),
                match.end(),
                match.group(0),
                "duration",
                f"P{_VAGUE_UNITS[unit]}",
                lower,
                None,
                "s",
                "vague",
            )
        )
    return found


def percentages(text: str) -> list[QuantityMention]:
    found: list[QuantityMention] = []
    if not _PERCENT_SIGN.search(text):
        return found
    for match in _PERCENT.finditer(text):
        qualifier = _QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
        lower, upper = _bounds(float(match.group("num")), qualifier)
        number = match.group("num")
        found.append(
            QuantityMention(
                match.start(), match.end(), match.group(0), "percentage", number, lower, upper, "%", qualifier
            )
        )
    return found


def find_quantities(text: str) -> list[QuantityMention]:
    """Durations (with or without a number) and percentages in text order."""
    counted = durations(text)
    return sorted(counted + vague_durations(text, counted) + percentages(text), key=lambda q: q.start)
