"""Dates in a non-English article as TIMEX3 values, with month, weekday and relative words from dateparser's data
for the article's language ("19 de agosto de 2025", "19. August", "ayer", "dün", "la semana pasada", "hace 3 días").

The English TIMEX3 rules stay the English path (``extract.dates``). Here one ordered set of patterns per language
is built from ``dateparser``'s locale data, so any of its languages gets dates; the supported languages add
bare years after a preposition and fiscal years. Values are computed from the matched words and the
publication date (no parse of free text, so no dateparser false alarms); the weekday alone takes the latest
such day on or before the publication date, or the next one after a "next" word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from newsfuse.extract.languages import words
from newsfuse.records.mentions import DateMention

_UNITS = {"day", "week", "month", "year"}
_CANONICAL = re.compile(r"^(?P<in>in )?\\?(?P<n>\d+) (?P<unit>\w+?)s?(?P<ago> ago)?$")
# Words before a weekday that point forward ("el próximo martes", "gelecek salı").
_NEXT = {
    "es": ("próximo", "próxima"),
    "fr": ("prochain",),
    "de": ("nächsten", "kommenden", "kommender"),
    "it": ("prossimo", "prossima"),
    "nl": ("volgende", "komende"),
    "pt": ("próximo", "próxima"),
    "tr": ("gelecek", "önümüzdeki"),
}
# Relative words that are also other words after these ("heute Morgen" is this morning, "la mañana" the morning).
_NOT_AFTER = {"de": ("heute", "gestern", "am", "jeden", "guten"), "es": ("la", "esta", "por", "cada", "una")}
_TURKISH_YEAR_END = r"(?=['’](?:da|de|ta|te|dan|den|tan|ten|e|a|ye|ya|in|ın|un|ün|nin|nın)\b|\s+yıl)"


@dataclass(frozen=True, slots=True)
class DateLexicon:
    language: str
    months: dict[str, int]  # case-folded name or abbreviation -> 1..12
    weekdays: dict[str, int]  # case-folded name -> 0 (Monday) .. 6
    relative: dict[str, tuple[int, str]]  # case-folded phrase -> (signed amount, unit)
    patterns: tuple[tuple[str, re.Pattern], ...]  # in priority order; earlier wins where spans overlap


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


def _relative_table(info: dict) -> tuple[dict[str, tuple[int, str]], list[tuple[str, int, str]]]:
    """Phrases ("ayer" -> (-1, day)) and number patterns ("hace (N) días" -> sign, unit) from locale data."""
    phrases: dict[str, tuple[int, str]] = {}
    for canonical, forms in info.get("relative-type", {}).items():
        parsed = _CANONICAL.match(canonical)
        if parsed and parsed.group("unit") in _UNITS:
            amount = int(parsed.group("n")) * (1 if parsed.group("in") else -1)
            for form in forms:
                phrases.setdefault(form.casefold(), (amount, parsed.group("unit")))
    numbered = []
    for canonical, forms in info.get("relative-type-regex", {}).items():
        parsed = re.match(r"^(in )?\\1 (\w+?)s?( ago)?$", canonical)
        if parsed and parsed.group(2) in _UNITS:
            numbered += [(form, 1 if parsed.group(1) else -1, parsed.group(2)) for form in forms]
    return phrases, numbered


@lru_cache(maxsize=64)
def lexicon(language: str) -> DateLexicon | None:
    """The date words of ``language`` from dateparser's data; None when dateparser does not know it."""
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError):
        return None
    months = {
        form.casefold(): n
        for n, key in enumerate(
            "january february march april may june july august september october november december".split(), 1
        )
        for form in info.get(key, ())
        if len(form) >= 3
    }
    weekdays = {
        form.casefold(): n
        for n, key in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
        for form in info.get(key, ())
        if len(form) >= 4 and not form.endswith(".")  # "lun", "mar", "mer" are words too
    }
    phrases, numbered = _relative_table(info)
    return DateLexicon(language, months, weekdays, phrases, _patterns(language, months, weekdays, phrases, numbered))


def _patterns(language, months, weekdays, phrases, numbered) -> tuple[tuple[str, re.Pattern], ...]:
    month = _alternation(months)
    link = r"\s+(?:de\s+|del\s+|of\s+)?"
    found = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        ("numeric", r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\b"),
    ]
    fiscal_before = words.FISCAL_BEFORE.get(language, ())
    if fiscal_before:
        found.append(("fiscal", rf"\b(?:{_alternation(fiscal_before)})\s+(?P<y>(?:19|20)\d{{2}})\b"))
    fiscal_after = words.FISCAL_AFTER.get(language, ())
    if fiscal_after:
        found.append(("fiscal", rf"\b(?P<y>(?:19|20)\d{{2}})\s+(?:{_alternation(fiscal_after)})"))
    if month:
        found.append(
            ("day_month", rf"\b(?P<d>\d{{1,2}})(?:\.|º|er)?{link}(?P<mon>{month})\.?(?:{link}(?P<y>\d{{4}}))?\b")
        )
        found.append(("month_year", rf"\b(?P<mon>{month}){link}(?P<y>\d{{4}})\b"))
    for form, sign, unit in numbered:
        found.append((f"ago:{sign}:{unit}", rf"(?<!\w){form}(?!\w)"))
    if phrases:
        found.append(("phrase", rf"(?<!\w)(?P<rel>{_alternation(phrases)})(?!\w)"))
    if weekdays:
        found.append(("weekday", rf"(?<!\w)(?P<wd>{_alternation(weekdays)})(?!\w)"))
    year_words = words.words(words.YEAR_WORDS, language)
    if year_words:
        found.append(
            ("year", rf"(?<!\w)(?:{_alternation(year_words)})\s+(?:el\s+|l'|le\s+)?(?P<y>(?:19|20)\d{{2}})\b(?![.,]\d)")
        )
    if language == "tr":
        found.append(("year", rf"\b(?P<y>(?:19|20)\d{{2}}){_TURKISH_YEAR_END}"))
    return tuple((name, re.compile(p, re.IGNORECASE)) for name, p in found)


def _shift(anchor: date, amount: int, unit: str) -> tuple[str, str]:
    """The TIMEX3 value and granularity ``amount`` units from ``anchor``."""
    if unit == "day":
        return (anchor + timedelta(days=amount)).isoformat(), "day"
    if unit == "week":
        year, week, _ = (anchor + timedelta(weeks=amount)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return f"{anchor.year + amount:04d}", "year"


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _value(name: str, match: re.Match, lex: DateLexicon, anchor: date | None, text: str):
    """(value, granularity, relative) of one match, or None when it is not a date after all."""
    groups = match.groupdict()
    if name in {"iso", "numeric", "day_month", "month_year"}:
        month = int(groups["m"]) if groups.get("m") else lex.months[groups["mon"].casefold()]
        year = int(groups["y"]) if groups.get("y") else None
        if name == "month_year":
            return f"{year:04d}-{month:02d}", "month", False
        day = int(groups["d"])
        if year is None:
            if not _valid_day(anchor.year if anchor else 2000, month, day):
                return None
            return (
                (f"{anchor.year:04d}-{month:02d}-{day:02d}" if anchor else f"XXXX-{month:02d}-{day:02d}"),
                "day",
                True,
            )
        return (f"{year:04d}-{month:02d}-{day:02d}", "day", False) if _valid_day(year, month, day) else None
    if name == "fiscal":
        return f"FY{groups['y']}", "fiscal_year", False
    if name == "year":
        return groups["y"], "year", False
    if name.startswith("ago:"):
        _, sign, unit = name.split(":")
        number = match.group(1).replace(",", ".")
        if "." in number:
            return None
        return (_shift(anchor, int(sign) * int(number), unit) if anchor else (None, unit)) + (True,)
    before = text[max(0, match.start() - 12) : match.start()].split()
    previous = before[-1].casefold() if before else ""
    after = text[match.end() : match.end() + 12].split()
    following = after[0].casefold().strip(".,;") if after else ""
    if name == "phrase":
        if previous in _NOT_AFTER.get(lex.language, ()):
            return None
        amount, unit = lex.relative[groups["rel"].casefold()]
        return (_shift(anchor, amount, unit) if anchor else (None, unit)) + (True,)
    weekday = lex.weekdays[groups["wd"].casefold()]
    if anchor is None:
        return None, "day", True
    back = (anchor.weekday() - weekday) % 7
    if previous in _NEXT.get(lex.language, ()) or following in _NEXT.get(lex.language, ()):
        return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat(), "day", True
    return (anchor - timedelta(days=back)).isoformat(), "day", True


def find_dates(text: str, anchor: date | None, language: str) -> list[DateMention]:
    """Date mentions of ``text`` in ``language`` resolved against ``anchor``; [] when dateparser lacks it."""
    lex = lexicon(language)
    if lex is None:
        return []
    taken: list[tuple[int, int]] = []
    found = []
    for name, pattern in lex.patterns:
        for match in pattern.finditer(text):
            span = match.span("y") if name == "year" else match.span()
            if any(span[0] < e and s < span[1] for s, e in taken):
                continue
            result = _value(name, match, lex, anchor, text)
            if result is None:
                continue
            value, granularity, relative = result
            taken.append(span)
            used = anchor.isoformat() if relative and anchor and value is not None else None
            found.append(DateMention(span[0], span[1], text[span[0] : span[1]], value, granularity, relative, used))
    return sorted(found, key=lambda m: m.start)
