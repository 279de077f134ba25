"""A synthetic newsroom for the serve benchmark: N reports grouped into events, and their fused records.

Reports are generated from a small vocabulary (places, people, organisations, actions) so that a
store of 10k articles looks like news to the service: events of 1-6 reports from several outlets,
rewrites among them, claims with evidence spans and the odd contradiction. The service's cost
depends on sizes and counts, not on what the words say, so this stands in for a real corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from newsfuse.records import Article, DateSource, content_id
from newsfuse.records.claims import (
    Claim,
    ClaimValue,
    Contradiction,
    ContradictionSide,
    EventRecord,
    Evidence,
    Participant,
    PlaceRef,
    SourceRef,
    Support,
    TimeSpan,
)

PLACES = [
    "Ankara",
    "Lisbon",
    "Osaka",
    "Nairobi",
    "Quito",
    "Tallinn",
    "Perth",
    "Lyon",
    "Accra",
    "Hanoi",
    "Bergen",
    "Cusco",
]
PEOPLE = [
    "Ana Ruiz",
    "Kenji Mori",
    "Leila Haddad",
    "Piotr Nowak",
    "Grace Mensah",
    "Tomas Weller",
    "Ilse Brandt",
    "Ravi Menon",
]
ORGS = ["Marecorp", "Nordline", "Helio Grid", "Astra Rail", "Corvid Labs", "Bluefin Air", "Terra Mining", "Vela Bank"]
OUTLETS = [
    "Harbour Times",
    "Coastal Wire",
    "Baltic Daily",
    "Metro Ledger",
    "Rivermark Courier",
    "Global Newswire",
    "City Post",
]
ACTIONS = [
    "signed a supply deal with",
    "opened a new plant with",
    "announced job cuts at",
    "won a contract from",
    "bought a stake in",
]
FILLER = (
    "Officials said the decision followed months of talks. Analysts expect further announcements in the coming weeks. "
    "The company declined to comment on the details. Local media had reported the plans earlier."
)


@dataclass(frozen=True, slots=True)
class ServiceCorpus:
    articles: list[Article]
    records: list[EventRecord]


def _report(
    rng: random.Random,
    person: str,
    action: str,
    org: str,
    place: str,
    amount: int,
    day: date,
    outlet: str,
    variant: int,
) -> Article:
    lead = f"{place.upper()}\n\n{person} {action} {org} in {place} on {day:%B} {day.day}, in a deal worth {amount} million dollars."
    text = f"{lead}\n\n{FILLER} Report {variant} by {outlet}. " + " ".join(rng.sample(FILLER.split(". "), 2))
    title = f"{org} and {person}: {action.split(' ')[0]} in {place}" + ("" if variant == 0 else f" ({outlet})")
    return Article(
        id=content_id(title, text),
        text=text,
        title=title,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{day:%Y/%m/%d}/{variant}",
        source=outlet,
        external_id=None,
        language="en",
        published=day.isoformat(),
        published_via=DateSource.FEED,
        ingested_at="2026-01-01T00:00:00+00:00",
        origin="bench",
    )


def _evidence(article: Article, clause: str) -> Evidence:
    start = article.text.index(clause)
    end = article.text.index(".", start) + 1
    sentence_start = article.text.rfind("\n", 0, start) + 1
    return Evidence(
        article.id,
        article.source,
        article.published,
        sentence_start,
        end,
        start,
        start + len(clause),
        article.text[sentence_start:end],
        "happened",
    )


def _record(event_number: int, reports: list[Article], facts: dict, amounts: list[int]) -> EventRecord:
    clause = f"{facts['action']} {facts['org']}"
    evidence = tuple(_evidence(a, clause) for a in reports)
    origins = tuple(dict.fromkeys(a.source for a in reports))
    deal = Claim(
        id=f"c_{event_number}_deal",
        predicate="deal",
        trigger=facts["action"].split(" ")[0],
        evidence=evidence,
        support=Support(
            tuple(a.id for a in reports), origins, len(origins), tuple(a.id for a in reports[: len(origins)])
        ),
        statement=f"{facts['person']} {clause} in {facts['place']}",
        time=ClaimValue("date", facts["day"].isoformat(), facts["day"].isoformat()),
        place=PlaceRef(facts["place"]),
        values=(ClaimValue("money", f"{amounts[0]} million dollars", f"{amounts[0]}000000 USD"),),
    )
    contradictions = ()
    if len(set(amounts)) > 1:
        sides = tuple(
            ContradictionSide(
                ClaimValue("money", f"{amount} million dollars", f"{amount}000000 USD"),
                tuple(e for e, a in zip(evidence, amounts, strict=True) if a == amount),
                1,
            )
            for amount in dict.fromkeys(amounts)
        )
        contradictions = (Contradiction(deal.id, "money", sides),)
    sources = tuple(SourceRef(a.id, a.source, a.title, a.published, a.url, a.id) for a in reports)
    day = facts["day"].isoformat()
    return EventRecord(
        id=f"e_bench_{event_number:06d}",
        headline=reports[0].title,
        headline_article=reports[0].id,
        summary=(),
        time=TimeSpan(day, day, "day", "dates stated in the reports"),
        places=(PlaceRef(facts["place"]),),
        participants=(
            Participant(f"x_{facts['person'].lower().replace(' ', '_')}", facts["person"], "PERSON"),
            Participant(f"x_{facts['org'].lower().replace(' ', '_')}", facts["org"], "ORG"),
        ),
        key_figures=(),
        claims=(deal,),
        contradictions=contradictions,
        sources=sources,
        independent_sources=len(origins),
        first_seen="2026-01-01T00:00:00+00:00",
        last_updated="2026-01-01T00:00:00+00:00",
    )


def build_corpus(n_articles: int, seed: int = 7) -> ServiceCorpus:
    """About ``n_articles`` reports in events of 1-6, spread over two years."""
    rng = random.Random(seed)
    articles: list[Article] = []
    records: list[EventRecord] = []
    start = date(2024, 1, 1)
    while len(articles) < n_articles:
        number = len(records)
        facts = {
            "person": rng.choice(PEOPLE),
            "org": rng.choice(ORGS),
            "place": rng.choice(PLACES),
            "action": rng.choice(ACTIONS),
            "day": start + timedelta(days=rng.randrange(730)),
        }
        size = min(rng.choice([1, 2, 2, 3, 3, 4, 5, 6]), n_articles - len(articles))
        outlets = rng.sample(OUTLETS, size)
        base = rng.randrange(10, 900)
        amounts = [base if rng.random() > 0.1 else base + 5 for _ in outlets]
        reports = [
            _report(
                rng,
                facts["person"],
                facts["action"],
                facts["org"],
                facts["place"],
                amount,
                facts["day"] + timedelta(days=i > 0),
                outlet,
                number * 10 + i,
            )
            for i, (outlet, amount) in enumerate(zip(outlets, amounts, strict=True))
        ]
        articles.extend(reports)
        records.append(_record(number, reports, facts, amounts))
    return ServiceCorpus(articles, records)
