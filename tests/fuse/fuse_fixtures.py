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
from newsfuse.records.relations import DerivationLink


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


A_TEXT = (
    "Finance Minister Maria Lopez met Chinese envoy Wang Li in Lima on March 4. "
    "The meeting lasted more than two hours, officials said."
)
B_TEXT = "Maria Lopez met Wang Li in Lima on March 4 in a meeting of over 120 minutes."
C_TEXT = "Maria Lopez will meet Wang Li in Lima on Monday, a government source said."
D_TEXT = "Maria Lopez met Wang Li in Lima on March 6, the ministry said."


def meeting_event(with_d: bool = False):
    """Three reports of one meeting (b1 rewrites a1; c1 announced it), and with_d a fourth giving another date."""
    a = article("a1", A_TEXT, "2024-03-05", "Wire A", "Lopez meets Chinese envoy")
    b = article("b1", B_TEXT, "2024-03-05", "Paper B")
    c = article("c1", C_TEXT, "2024-03-03", "Wire C")
    ex = [
        extraction(
            a,
            entities=[
                entity(A_TEXT, "Maria Lopez", "PERSON", "p_lopez"),
                entity(A_TEXT, "Wang Li", "PERSON", "p_wang"),
                entity(A_TEXT, "Lima", "GPE", "g_lima"),
            ],
            dates=[date(A_TEXT, "March 4", "2024-03-04")],
            quantities=[duration(A_TEXT, "more than two hours", 7200, "at_least")],
            places=[place(A_TEXT, "Lima", "PE", -12.04, -77.03)],
        ),
        extraction(
            b,
            entities=[
                entity(B_TEXT, "Maria Lopez", "PERSON", "p_lopez"),
                entity(B_TEXT, "Wang Li", "PERSON", "p_wang"),
                entity(B_TEXT, "Lima", "GPE", "g_lima"),
            ],
            dates=[date(B_TEXT, "March 4", "2024-03-04")],
            quantities=[duration(B_TEXT, "over 120 minutes", 7200, "at_least")],
            places=[place(B_TEXT, "Lima", "PE", -12.04, -77.03)],
        ),
        extraction(
            c,
            entities=[
                entity(C_TEXT, "Maria Lopez", "PERSON", "p_lopez"),
                entity(C_TEXT, "Wang Li", "PERSON", "p_wang"),
                entity(C_TEXT, "Lima", "GPE", "g_lima"),
            ],
            dates=[date(C_TEXT, "Monday", "2024-03-04", relative=True, anchor="2024-03-03")],
            places=[place(C_TEXT, "Lima", "PE", -12.04, -77.03)],
        ),
    ]
    articles = [a, b, c]
    if with_d:
        d = article("d1", D_TEXT, "2024-03-07", "Daily D")
        articles.append(d)
        ex.append(
            extraction(
                d,
                entities=[
                    entity(D_TEXT, "Maria Lopez", "PERSON", "p_lopez"),
                    entity(D_TEXT, "Wang Li", "PERSON", "p_wang"),
                ],
                dates=[date(D_TEXT, "March 6", "2024-03-06")],
                places=[place(D_TEXT, "Lima", "PE", -12.04, -77.03)],
            )
        )
    links = [DerivationLink("b1", "a1", 0.8)]
    return articles, ex, links
