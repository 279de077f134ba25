"""Fused event records for the test reports, built with the record types fusion produces.

The service shows whatever fusion stored; these records are what fusion is specified to produce
for the test reports (claims with evidence spans into the texts, a rewrite counted once, two
contradictions), so page and API tests do not depend on the fusion heuristics of the day.
"""

from __future__ import annotations

from api_fixtures import all_articles

from newsfuse.records import Article
from newsfuse.records.claims import (
    Claim,
    ClaimArgument,
    ClaimValue,
    Contradiction,
    ContradictionSide,
    EventRecord,
    Evidence,
    Participant,
    PlaceRef,
    SourceRef,
    SummarySentence,
    Support,
    TimeSpan,
)
from newsfuse.records.mentions import Entity

BRANDT = "x_ilse_brandt"
WELLER = "x_tomas_weller"
VALDORIA = PlaceRef("Valdoria", "VD", "Valdoria", 54.1, 12.3, "city", "x_valdoria")


def evidence(article: Article, clause: str, modality: str = "happened", attribution: str | None = None) -> Evidence:
    """The sentence holding ``clause`` in ``article``, with the clause's span."""
    start = article.text.index(clause)
    full_stop, newline = article.text.rfind(". ", 0, start), article.text.rfind("\n", 0, start)
    sentence_start = max(full_stop + 2 if full_stop >= 0 else 0, newline + 1)
    sentence_end = article.text.find(".", start + len(clause)) + 1 or len(article.text)
    return Evidence(
        article.id,
        article.source,
        article.published,
        sentence_start,
        sentence_end,
        start,
        start + len(clause),
        article.text[sentence_start:sentence_end],
        modality,
        attribution,
    )


def support(evidences: list[Evidence], origins: dict[str, str]) -> Support:
    articles = tuple(dict.fromkeys(e.article_id for e in evidences))
    groups = tuple(dict.fromkeys(origins.get(a, a) for a in articles))
    return Support(articles, tuple(dict.fromkeys(e.source for e in evidences)), len(groups), groups)


def claim(claim_id: str, statement: str, evidences: list[Evidence], origins: dict[str, str], **parts) -> Claim:
    return Claim(
        id=claim_id,
        predicate=parts.pop("predicate", "state"),
        trigger=parts.pop("trigger", ""),
        evidence=tuple(evidences),
        support=support(evidences, origins),
        statement=statement,
        **parts,
    )


def port_evidence(articles: list[Article]) -> dict[str, list[Evidence]]:
    """Where each report of the port event states each fact."""
    times, wire, daily = articles[0], articles[1], articles[2]
    return {
        "reopened": [
            evidence(times, "The Port of Valdoria reopened on Monday"),
            evidence(wire, "The Port of Valdoria reopened on Monday"),
        ],
        "closed_four": [
            evidence(times, "a storm closed it for four days"),
            evidence(wire, "a storm closed it for four days"),
        ],
        "closed_five": [evidence(daily, "shut the Port of Valdoria for five days", attribution="dock workers' unions")],
        "cost_12": [
            evidence(times, "would cost about 12 million euros", "planned", "Ilse Brandt"),
            evidence(wire, "will cost about 12 million euros", "planned", "Ilse Brandt"),
        ],
        "cost_15": [evidence(daily, "repair bill for the breakwater at 15 million euros", attribution="the union")],
        "resumed": [evidence(times, "resumed calls at the container terminal on Tuesday")],
    }


def port_claims(found: dict[str, list[Evidence]], origins: dict[str, str]) -> tuple[Claim, ...]:
    return (
        claim(
            "c_reopen",
            "The Port of Valdoria reopened on 2025-03-10",
            found["reopened"],
            origins,
            predicate="reopen",
            subjects=(ClaimArgument("subject", "Port of Valdoria", "x_port_valdoria", "FAC"),),
            time=ClaimValue("date", "on Monday", "2025-03-10"),
            place=VALDORIA,
        ),
        claim(
            "c_closure",
            "The storm closed the port for four days",
            found["closed_four"] + found["closed_five"],
            origins,
            predicate="close",
            values=(ClaimValue("duration", "four days", "P4D"),),
        ),
        claim(
            "c_cost",
            "Breakwater repairs cost about 12 million euros",
            found["cost_12"] + found["cost_15"],
            origins,
            predicate="cost",
            modality="planned",
            values=(ClaimValue("money", "about 12 million euros", "12000000 EUR", usd=13_000_000),),
        ),
        claim(
            "c_resume",
            "Marecorp and Nordline resumed calls at the container terminal on 2025-03-11",
            found["resumed"],
            origins,
            predicate="resume",
            time=ClaimValue("date", "on Tuesday", "2025-03-11"),
        ),
    )


def port_contradictions(found: dict[str, list[Evidence]]) -> tuple[Contradiction, ...]:
    return (
        Contradiction(
            "c_closure",
            "duration",
            (
                ContradictionSide(ClaimValue("duration", "four days", "P4D"), tuple(found["closed_four"]), 1),
                ContradictionSide(ClaimValue("duration", "five days", "P5D"), tuple(found["closed_five"]), 1),
            ),
        ),
        Contradiction(
            "c_cost",
            "money",
            (
                ContradictionSide(
                    ClaimValue("money", "about 12 million euros", "12000000 EUR"), tuple(found["cost_12"]), 1
                ),
                ContradictionSide(ClaimValue("money", "15 million euros", "15000000 EUR"), tuple(found["cost_15"]), 1),
            ),
        ),
    )


def port_record(articles: list[Article]) -> EventRecord:
    times, wire, daily = articles[0], articles[1], articles[2]
    origins = {wire.id: times.id}  # Coastal Wire rewrote the Harbour Times report
    found = port_evidence(articles)
    reopened = found["reopened"]
    sources = (
        SourceRef(times.id, times.source, times.title, times.published, times.url, times.id, None, ("c_resume",)),
        SourceRef(wire.id, wire.source, wire.title, wire.published, wire.url, times.id, "derived_from"),
        SourceRef(daily.id, daily.source, daily.title, daily.published, daily.url, daily.id),
    )
    return EventRecord(
        id="e_port_valdoria",
        headline=times.title,
        headline_article=times.id,
        summary=(
            SummarySentence(
                reopened[0].text, times.id, reopened[0].sentence_start, reopened[0].sentence_end, ("c_reopen",)
            ),
        ),
        time=TimeSpan("2025-03-10", "2025-03-11", "day", "dates stated in the reports"),
        places=(VALDORIA,),
        participants=(
            Participant(BRANDT, "Ilse Brandt", "PERSON", ("harbour master",), ("Brandt",), "VD", 2, 4),
            Participant("x_marecorp", "Marecorp", "ORG", (), (), None, 2, 2),
        ),
        key_figures=(),
        claims=port_claims(found, origins),
        contradictions=port_contradictions(found),
        sources=sources,
        independent_sources=2,
        first_seen="2025-06-02T00:00:00+00:00",
        last_updated="2025-06-02T00:00:00+00:00",
    )


def tram_record(articles: list[Article]) -> EventRecord:
    courier, ledger = articles[3], articles[4]
    votes = [
        evidence(courier, "voted 31 to 12 on Thursday"),
        evidence(ledger, "backed the tram line on Thursday by 31 votes to 12"),
    ]
    return EventRecord(
        id="e_rivermark_tram",
        headline=courier.title,
        headline_article=courier.id,
        summary=(),
        time=TimeSpan("2025-05-01", "2025-05-01", "day", "dates stated in the reports"),
        places=(PlaceRef("Rivermark", "RM", "Rivermark", 50.0, 8.0),),
        participants=(Participant(WELLER, "Tomas Weller", "PERSON", ("mayor of Rivermark",), ("Weller",), None, 2, 2),),
        key_figures=(),
        claims=(
            claim(
                "c_vote", "Rivermark council approved the tram budget by 31 votes to 12", votes, {}, predicate="approve"
            ),
        ),
        contradictions=(),
        sources=tuple(SourceRef(a.id, a.source, a.title, a.published, a.url, a.id) for a in (courier, ledger)),
        independent_sources=2,
        first_seen="2025-06-02T00:00:00+00:00",
        last_updated="2025-06-02T00:00:00+00:00",
    )


def hostile_record(articles: list[Article]) -> EventRecord:
    hostile = articles[5]
    said = evidence(hostile, "Rivermark officials said on Sunday")
    return EventRecord(
        id="e_hostile",
        headline=hostile.title,
        headline_article=hostile.id,
        summary=(SummarySentence(hostile.text, hostile.id, 0, len(hostile.text)),),
        time=TimeSpan("2025-06-01", "2025-06-01", "day", "publication date"),
        places=(PlaceRef(hostile.source),),
        participants=(Participant("x_hostile", hostile.source, "ORG", (hostile.title,), (hostile.url,)),),
        key_figures=(),
        claims=(claim("c_hostile", hostile.text, [said], {}, quote=hostile.title),),
        contradictions=(),
        sources=(SourceRef(hostile.id, hostile.source, hostile.title, hostile.published, hostile.url, hostile.id),),
        independent_sources=1,
        first_seen=None,
        last_updated=None,
    )


def all_records() -> list[EventRecord]:
    articles = all_articles()
    return [port_record(articles), tram_record(articles), hostile_record(articles)]


def fill_events(store) -> list[EventRecord]:
    """Store the fused records and their participants as canonical entities."""
    records = all_records()
    store.put_event_records(records)
    entities = {
        p.entity_id: Entity(p.entity_id, p.name, p.label, p.aliases, p.country_code)
        for r in records
        for p in r.participants
    }
    store.put_extractions([], list(entities.values()), "tests")
    return records
