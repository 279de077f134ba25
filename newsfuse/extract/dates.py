"""Dates and times in news text as TIMEX3 values, resolved against the publication date (or later, an event's date).

``find_dates`` scans the text with one ordered set of patterns (absolute dates, weekdays,
fiscal years, quarters, relative expressions; see ``date_rules``), reads the tense of the
clause from its words (is "on Tuesday" the coming or the last one?) and uses spaCy's entity
types to tell a year from a count.
An article without a publication date but with a dateline (a line near the top that is only a
full date, as Wikinews and wire copy print it) is resolved against that date. Without either,
relative expressions stay unresolved (``value=None``) and a day without a year is written
``XXXX-MM-DD``; ``reanchor`` resolves them once fusion knows the event's date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newsfuse.extract import date_anaphora
from newsfuse.extract.date_rules import COMPILED_PATTERNS, HANDLERS, TRIGGERS, DateContext
from newsfuse.extract.languages import dates as other_languages
from newsfuse.extract.languages import is_english, language_code
from newsfuse.extract.money import convert_at
from newsfuse.extract.tense import direction_in_text
from newsfuse.extract.timex import EVENT, PUBLICATION, parse_anchor
from newsfuse.ingest.dates import date_from_dateline
from newsfuse.records.mentions import ArticleExtraction, DateMention

_BOUNDS = {
    "by": "by",
    "until": "until",
    "till": "until",
    "before": "before",
    "from": "from",
    "since": "from",
    "after": "after",
}


def scan(ctx: DateContext, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``ctx.text``, earlier patterns winning where spans overlap."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    clocks: list[int] = []
    earlier: list[int] = []  # "the year-earlier period", "a year earlier": a year before the period reported on
    anaphoric: list[int] = []  # "the same day", "two days later": against the date named before
    periods: list[int] = []  # "the quarter": the one named before
    ago_year: list[int] = []
    lowered = ctx.text.lower()
    for name, pattern in COMPILED_PATTERNS:
        triggers = TRIGGERS.get(name)
        if triggers is not None and not any(word in lowered for word in triggers):
            continue
        for match in pattern.finditer(ctx.text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            result = HANDLERS[name](match, ctx)
            if result is None:
                continue
            taken.append((start, end))
            if name == "clock":
                clocks.append(len(found))
            elif name == "year_earlier" or (name == "ago" and match.group("dir").lower() == "earlier"):
                earlier.append(len(found))
            elif name == "anaphoric":
                anaphoric.append(len(found))
            elif name == "the_quarter":
                periods.append(len(found))
            elif name == "ago" and match.group("unit").lower() == "year" and match.group("dir").lower() == "ago":
                ago_year.append(len(found))  # "profit rose from a year ago": the quarter reported on, a year before
            found.append(_mention(match, name, result, ctx, offset))
    for index in clocks:
        found[index] = _clock_day(found[index], found, ctx.text, offset)
    for index in earlier:
        before = found[index]
        found[index] = _year_before_period(before, found, ctx.text, offset)
        if found[index] is before and ctx.anchor is not None:  # "two days earlier": before the date just named
            found[index] = date_anaphora.resolve(before, found, ctx.text, offset, sentences=1) or before
    for index in ago_year:
        found[index] = _year_before_period(found[index], found, ctx.text, offset)
    for index in periods:
        found[index] = date_anaphora.resolve_period(found[index], found, ctx.text, offset)
    unplaced = set()
    for index in anaphoric:
        placed = date_anaphora.resolve(found[index], found, ctx.text, offset) if ctx.anchor is not None else None
        if placed is None and ctx.anchor is not None:
            unplaced.add(index)  # no date before it to count from: it names none we can place
        found[index] = placed or found[index]
    found = [m for i, m in enumerate(found) if i not in unplaced]
    found.sort(key=lambda m: m.start)
    return found


COMPILED_CLOCK = dict(COMPILED_PATTERNS)["clock"]
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}")


def _clock_day(clock: DateMention, found: list[DateMention], text: str, offset: int) -> DateMention:
    """A clock time takes the day named nearest to it in its sentence ("Tuesday at 18:00 UTC")."""
    best = None
    for other in found:
        if other is clock or other.value is None or not _DAY_VALUE.match(other.value):
            continue
        lo, hi = sorted((other.end, clock.start)) if other.start < clock.start else sorted((clock.end, other.start))
        if re.search(r"[.!?\n]", text[lo - offset : hi - offset]):
            continue  # another sentence
        if best is None or abs(other.start - clock.start) < abs(best.start - clock.start):
            best = other
    if best is None:
        return clock
    time = clock.value[10:] if clock.value else clock.text and _time_part(clock.text)
    return replace(clock, value=best.value[:10] + time, relative=best.relative)


_PERIOD_VALUE = re.compile(r"^(?P<y>\d{4})-(?P<p>Q[1-4]|H[12])$|^FY(?P<fy>\d{4})$")


def _year_before_period(mention: DateMention, found: list[DateMention], text: str, offset: int) -> DateMention:
    """ "Profit rose in the third quarter from the year-earlier period": the quarter (half, fiscal year) a
    year before the one named last before it in the sentence or the one before; unchanged otherwise."""
    if mention.value is None or not re.fullmatch(r"\d{4}(?:-Q[1-4])?", mention.value):
        return mention  # "three years earlier" and the like keep their own value
    if "year" not in mention.text.lower() or re.search(r"\b(?:two|three|four|five|\d+) years?\b", mention.text):
        return mention
    window_start = mention.start - offset
    sentence_starts = [m.end() for m in re.finditer(r"[.!?]\s", text[:window_start])]
    floor = sentence_starts[-2] if len(sentence_starts) > 1 else 0
    for other in reversed([m for m in found if m.end <= mention.start and m.start - offset >= floor]):
        period = _PERIOD_VALUE.match(other.value or "")
        if period is None:
            continue
        if period.group("fy"):
            value, granularity = f"FY{int(period.group('fy')) - 1}", "fiscal_year"
        else:
            value = f"{int(period.group('y')) - 1:04d}-{period.group('p')}"
            granularity = "quarter" if period.group("p")[0] == "Q" else "half_year"
        return replace(mention, value=value, granularity=granularity)
    return mention


def _time_part(text: str) -> str:
    match = COMPILED_CLOCK.search(text)
    if match is None:
        return ""
    result = HANDLERS["clock"](match, DateContext(text, date(2000, 1, 1)))
    return result[0][10:] if result else ""


def _mention(match: re.Match, name: str, result: tuple, ctx: DateContext, offset: int) -> DateMention:
    value, granularity, relative = result[:3]
    end_value = result[3] if len(result) > 3 else None
    bound = None
    if name in {"fiscal", "fiscal_relative"} and match.group("bound"):
        bound = _BOUNDS.get(match.group("bound").lower())  # "by the end of fiscal 2027": the span holds its "by"
    else:
        previous = re.search(r"(\w+)\s+$", ctx.text[max(0, match.start() - 10) : match.start()])
        bound = _BOUNDS.get(previous.group(1).lower()) if previous else None
    anchor = ctx.anchor.isoformat() if relative and ctx.anchor and value is not None else None
    start, end = match.start() + offset, match.end() + offset
    return DateMention(start, end, match.group(0), value, granularity, relative, anchor, end_value, bound)


def find_dates(
    doc, published: str | None, kind: str = PUBLICATION, text: str | None = None, language: str | None = None
) -> list[DateMention]:
    """Date mentions in a spaCy ``Doc`` of the article text, resolved against ``published`` (else its dateline).

    ``text`` is ``doc.text`` when the caller holds it already (``Doc.text`` rebuilds the string on every access).
    A ``language`` other than English is read with its own words (``extract.languages.dates``).
    """
    if not is_english(language):
        text = doc.text if text is None else text
        if parse_anchor(published) is None and kind == PUBLICATION:
            published = date_from_dateline("", text)
        return other_languages.find_dates(text, parse_anchor(published), language_code(language))
    labels = {}
    for ent in doc.ents:
        for i in range(ent.start_char, ent.end_char):
            labels[i] = ent.label_
    text = doc.text if text is None else text
    if parse_anchor(published) is None and kind == PUBLICATION:
        published = date_from_dateline("", text)
    ctx = DateContext(
        text,
        parse_anchor(published),
        kind,
        tense=lambda char: direction_in_text(text, char),
        entity_label=lambda char: labels.get(char, ""),
    )
    return scan(ctx)


def normalise_expression(
    text: str, anchor: str | None, kind: str = EVENT, direction: str | None = None, language: str | None = None
) -> DateMention | None:
    """One expression on its own ("on Wednesday", "next month") resolved against ``anchor``."""
    if not is_english(language):
        found = other_languages.find_dates(text, parse_anchor(anchor), language_code(language))
        return found[0] if found else None
    ctx = DateContext(text, parse_anchor(anchor), kind, tense=lambda _: direction)
    found = scan(ctx)
    return found[0] if found else None


def reanchor(extraction: ArticleExtraction, anchor_date: str, converter=None) -> ArticleExtraction:
    """Resolve the relative dates of an (undated) article against its event's date.

    Only mentions that needed an anchor and did not have one are touched; each is re-read
    from its own text with the event-date rule (the nearest matching day, month ...). With a
    ``converter`` (``models.currency_converter()``), money without a USD value is converted at
    the anchor date too.
    """
    if parse_anchor(anchor_date) is None:
        raise ValueError(f"reanchor: anchor_date {anchor_date!r} is not an ISO 8601 date")
    dates = []
    for mention in extraction.dates:
        if mention.relative and mention.anchor is None:
            fresh = normalise_expression(mention.text, anchor_date, EVENT, language=extraction.language)
            if fresh is not None and fresh.value is not None:
                mention = replace(
                    mention,
                    value=fresh.value,
                    granularity=fresh.granularity,
                    anchor=anchor_date[:10],
                    end_value=fresh.end_value,
                )
        dates.append(mention)
    money = convert_at(extraction.money, anchor_date, converter) if converter is not None else extraction.money
    return replace(extraction, dates=tuple(dates), money=money)
