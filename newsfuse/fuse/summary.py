"""Best headline and a short extractive summary, chosen for coverage of the best-supported claims.

A claim's weight is its number of independent sources (more when it is reported as done), so
the summary favours what several outlets agree on. Sentences are picked greedily: each next one
adds the most weight of claims not yet covered; a long sentence must earn its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.records import Article
from newsfuse.records.claims import Claim, SummarySentence

MAX_SENTENCES = 3
LONG_SENTENCE_WORDS = 45
_WORD = re.compile(r"\w{3,}")


ACTION_BONUS = 1.0
LEAD_CHARS = 300  # a report's first sentence or two: where it states its main happening


def claim_weight(claim: Claim) -> float:
    """Rank: independent sources saying it happened, then other statuses, reports leading with it, its mentions.

    The main happening is the one most sources report as done and open with; background goes last.
    """
    support = claim.support
    independent = support.independent_sources if support else 1
    happened = dict(support.by_modality).get("happened", 0) if support else 0
    leads = {e.article_id for e in claim.evidence if e.sentence_start < LEAD_CHARS}
    leads |= {m.article_id for m in claim.mentions if m.sentence_start < LEAD_CHARS}
    # a happening of a kind the action lexicon names (kill, attack, quake, arrest, win) before lemma-only
    # words ("round", "step"): what the event is, not what happened along the way
    known = ACTION_BONUS if claim.action and claim.predicate != "say" and not claim.quote else 0.0
    weight = independent + happened + 0.5 * len(leads) + 0.02 * len(claim.mentions) + 0.1 * len(claim.evidence)
    weight += known
    return weight / 4 if claim.background else weight


def rank_key(claim: Claim) -> tuple:
    """A record's order: claims that say who did what or how much first, each tier by weight, earlier first."""
    first = claim.evidence[0] if claim.evidence else None
    return (
        not informative(claim),
        -claim_weight(claim),
        (first.published if first else None) or "",
        first.start if first else 0,
    )


def informative(claim: Claim) -> bool:
    """Whether a claim says who did what or how much: a happening of a named action class, a named participant,
    a value, or a quote. A bare event word shared by many reports ("the season", "the round", "the incident")
    without any of these tells a reader nothing and may join unrelated sentences: it ranks after all of those."""
    if claim.quote or claim.values:
        return True
    if claim.action and claim.predicate != "say":
        return True
    return any(a.entity_id for a in (*claim.subjects, *claim.objects))


def _words(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text)}


def _claim_words(claim: Claim) -> set[str]:
    names = " ".join(a.text for a in (*claim.subjects, *claim.objects))
    return _words(f"{names} {claim.trigger} {claim.predicate} {claim.place.name if claim.place else ''}")


def choose_headline(articles: Sequence[Article], claims: Sequence[Claim]) -> tuple[str, str | None]:
    """The title that names most of the weighted claims' participants and predicates; earlier wins ties."""
    best, best_score, best_id = "", -1.0, None
    for article in articles:
        title = article.title.strip()
        if not title:
            continue
        words = _words(title)
        score = sum(claim_weight(c) * len(words & _claim_words(c)) for c in claims)
        if score > best_score:
            best, best_score, best_id = title, score, article.id
    if best:
        return best, best_id
    summary = choose_summary(claims, limit=1)
    return (summary[0].text, summary[0].article_id) if summary else ("(untitled event)", None)


def choose_summary(claims: Sequence[Claim], limit: int = MAX_SENTENCES) -> tuple[SummarySentence, ...]:
    """Up to ``limit`` evidence sentences covering the most claim weight, in order of selection."""
    sentences: dict[tuple[str, int], dict] = {}
    for claim in claims:
        for evidence in claim.evidence:
            key = (evidence.article_id, evidence.sentence_start)
            entry = sentences.setdefault(key, {"evidence": evidence, "claims": set()})
            entry["claims"].add(claim.id)
    weights = {c.id: claim_weight(c) for c in claims}
    chosen: list[SummarySentence] = []
    covered: set[str] = set()
    for _ in range(limit):
        best_key, best_gain = None, 0.0
        for key, entry in sentences.items():
            gain = sum(weights[c] for c in entry["claims"] - covered)
            length = len(entry["evidence"].text.split())
            if length > LONG_SENTENCE_WORDS:
                gain *= LONG_SENTENCE_WORDS / length
            if gain > best_gain:
                best_key, best_gain = key, gain
        if best_key is None:
            break
        entry = sentences.pop(best_key)
        covered |= entry["claims"]
        evidence = entry["evidence"]
        chosen.append(
            SummarySentence(
                " ".join(evidence.text.split()),
                evidence.article_id,
                evidence.sentence_start,
                evidence.sentence_end,
                tuple(sorted(entry["claims"])),
            )
        )
    return tuple(chosen)
