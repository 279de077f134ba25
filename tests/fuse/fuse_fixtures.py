"""Helpers for fusion tests: articles and hand-made extractions written for each test (offsets found in the text)."""

from __future__ import annotations

from newsfuse.records import Article
from newsfuse.records.mentions import (
    ArticleExtraction,
    DateMention,
    EntityMention,
    MoneyMention,
    PlaceMention,
    QuantityMention,
)


def span(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def entity(text: str, phrase: str, label: str, entity_id: str, occurrence: int = 0) -> EntityMention:
    start, end = span(text, phrase, occurrence)
    return EntityMention(start, end, phrase, label, entity_id, None)


def date(text: str, phrase: str, value: str, **extra) -> DateMention:
    start, end = span(text, phrase)
    return DateMention(start, end, phrase, value, extra.pop("granularity", "day"), **extra)


def duration(text: str, phrase: str, seconds: float, qualifier: str = "exact") -> QuantityMention:
    start, end = span(text, phrase)
    upper = None if qualifier == "at_least" else seconds
    return QuantityMention(start, end, phrase, "duration", f"PT{int(seconds)}S", seconds, upper, "s", qualifier)


def money(text: str, phrase: str, amount: float, currency: str, usd: float, qualifier: str = "exact") -> MoneyMention:
    start, end = span(text, phrase)
    return MoneyMention(start, end, phrase, amount, currency, usd, "2025-08-19", qualifier)


def place(text: str, phrase: str, country_code: str, lat: float, lon: float) -> PlaceMention:
    start, end = span(text, phrase)
    return PlaceMention(start, end, phrase, phrase, country_code, None, lat, lon, "city")


def article(article_id: str, text: str, published: str | None, source: str, title: str = "") -> Article:
    return Article(
        id=article_id,
        text=text,
        title=title,
        source=source,
        published=published,
        ingested_at="2025-08-21T00:00:00+00:00",
    )


def extraction(a: Article, **mentions) -> ArticleExtraction:
    return ArticleExtraction(a.id, "en", a.published, **{k: tuple(v) for k, v in mentions.items()})
