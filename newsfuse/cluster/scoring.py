"""How similar an article is to an event: each signal, their weighted combination, and the decision rule."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from newsfuse.cluster.embed import e5_similarity
from newsfuse.cluster.index import EventState, WeightedArticle, _dot
from newsfuse.dedup.specifics import compare, fingerprint, place_and_victim


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Weights and thresholds of event clustering; the same for every corpus (no per-corpus flags)."""

    lexical_weight: float = 1.0
    names_weight: float = 1.0
    embedding_weight: float = 0.5  # topical more than event-specific: a supporting signal
    # Embedding cosines run higher than TF-IDF ones, so the join threshold depends on what is combined.
    # Words alone: two outlets' reports of one incident often share only a third of their vocabulary, and the
    # penalties below (time without a shared participant, no names in common, conflicting specifics) already
    # keep similar incidents apart, so the bar is low. Pair F1 against it, both dev corpora in one run
    # (ECB+ 1-35 / gva_dev): 0.27 0.902/0.859, 0.25 0.909/0.861, 0.24 0.910/0.878, 0.23 0.912/0.879,
    # 0.22 0.915/0.872, 0.21 0.914/0.862 (time penalty 0.15): the middle of the range where both are near their best.
    join_threshold_lexical: float = 0.23
    join_threshold_embeddings: float = 0.35
    merge_margin: float = 0.1  # a bridge must fit both events this much above the join threshold
    time_grace_days: int = 7  # follow-up reports within this many days are never penalised
    time_horizon_days: int = 90  # by this gap the full penalty applies (a follow-up needs shared specifics)
    # With the join threshold, a report months later clears 0.40 as before the threshold came down (0.25 + 0.15):
    # a follow-up that far out is a storyline link (``storyline.py``) unless it is very close to the event.
    time_penalty: float = 0.17
    # Reports published more than the grace apart are about one happening only when a follow-up names its
    # people again, or its named street with a victim's age (``place_and_victim``): the arrest, the plea. Without
    # such a link they are two similar incidents of one beat (a city's shootings weeks apart share everything but the specifics): a steep penalty.
    unlinked_penalty: float = 0.15
    unlinked_ramp_days: int = 7  # the unlinked penalty grows to its full value over this many days past the grace
    linking_kinds: tuple[str, ...] = ("person",)
    # Two reports that both name people, places or organisations but share almost none of them are
    # about two happenings, however alike their wording (two diamond heists, two rehab check-ins).
    names_floor: float = 0.1  # name cosine below which the penalty applies, growing to the full one at 0
    names_penalty: float = 0.2
    # Specific details (``dedup/specifics.py``): a shared victim, street or age is strong evidence of one
    # happening, the same kind of detail given by both and differing is strong evidence of two; a city,
    # a police department or a hospital in common is only locality and stays in the ordinary signals.
    # Shared ages and times of day are common by chance (many teenagers, many evenings): only conflicts count.
    specific_shared: tuple[tuple[str, float], ...] = (("person", 0.1), ("street", 0.1), ("age", 0.0), ("hour", 0.0))
    # Differing people are no evidence of two happenings: a report also names relatives, officers and earlier
    # cases, and on gva_dev two reports of one incident name disjoint people about as often as two of different
    # incidents do (ECB+: the victim in one report, the officers charged in another). Only a shared one counts.
    specific_conflict: tuple[tuple[str, float], ...] = (("person", 0.0), ("street", 0.2), ("age", 0.1), ("hour", 0.05))
    # Several specifics agreeing are one happening's fingerprint where each alone is common by chance (the
    # ages of a shooting's three victims, an age and the hour): each agreeing detail past the first adds this.
    specific_corroborated: float = 0.05
    specific_corroborated_max: int = 3  # details counted past the first, at most
    centroid_floor: float = 0.6  # see ``_cosine_to_sum``
    split_min_members: int = 4  # events smaller than this are never bisected
    split_max_cut: float = 0.9  # normalised cut below which an event's halves are two happenings
    split_max_cut_unnamed: float = 0.8  # the same when either half names no people (less evidence)
    split_same_people: float = 0.7  # halves whose people are this similar are one story, however they cut
    refine_margin: float = 0.25  # articles chosen by less than this (over the runner-up or threshold) are refined
    refine_passes: int = 1  # re-assignment passes over the articles of one update (less order dependence)

    def should_split(self, normalized_cut: float, people: float | None) -> bool:
        """Whether an event's two halves (their normalised cut, the similarity of their people) are two happenings."""
        if people is None:
            return normalized_cut < self.split_max_cut_unnamed
        return normalized_cut < self.split_max_cut and people < self.split_same_people

    def threshold(self, with_embeddings: bool) -> float:
        return self.join_threshold_embeddings if with_embeddings else self.join_threshold_lexical


@dataclass(frozen=True, slots=True)
class Signals:
    """Each signal between an article and an event (or another article), and their combination."""

    lexical: float
    names: float
    embedding: float | None  # None when embeddings are off or missing
    days_apart: int | None  # None when either side is undated: time is then neutral
    time_penalty: float
    names_penalty: float  # applied only when both sides name someone or something
    combined: float
    specifics: float = 0.0  # bonus for shared specific details, less the penalty for conflicting ones
    shared_specifics: tuple[str, ...] = ()  # "person:mallet", "street:todds ln"
    conflicting: tuple[str, ...] = ()  # kinds both give with no value in common

    def to_json(self) -> dict:
        return {
            "lexical": round(self.lexical, 4),
            "names": round(self.names, 4),
            "embedding": None if self.embedding is None else round(self.embedding, 4),
            "days_apart": self.days_apart,
            "time_penalty": round(self.time_penalty, 4),
            "names_penalty": round(self.names_penalty, 4),
            "specifics": round(self.specifics, 4),
            "shared_specifics": list(self.shared_specifics),
            "conflicting_specifics": list(self.conflicting),
            "combined": round(self.combined, 4),
        }


def _cosine_to_sum(
    article: dict[str, float], total: dict[str, float], norm2: float, members: int = 1, floor: float = 0.0
) -> float:
    if norm2 <= 1e-12 or not article:
        return 0.0
    # A loose event's centroid is short, so a plain cosine to it runs high and the event draws in ever
    # more reports (a city's shootings chained into one); its norm is floored at ``members * floor``.
    return _dot(article, total) / max(math.sqrt(norm2), members * floor)


def days_apart(day: int | None, days: list[int]) -> int | None:
    if day is None or not days:
        return None
    first, last = min(days), max(days)
    return max(0, first - day, day - last)


def combine(
    config: ClusterConfig,
    lexical: float,
    names: float,
    embedding: float | None,
    gap: int | None,
    both_named: bool = False,
    details: tuple[dict[str, list[str]], list[str]] = ({}, []),
    same_language: bool = True,
    agreeing: int = 0,
) -> Signals:
    # Across languages content words cannot match (a translation shares none): the lexical signal is
    # then missing, not zero, and names, figures, dates and the multilingual embedding decide.
    weights = (config.lexical_weight if same_language else 0.0) + config.names_weight
    total = (config.lexical_weight * lexical if same_language else 0.0) + config.names_weight * names
    if embedding is not None:
        weights += config.embedding_weight
        total += config.embedding_weight * embedding
    shared, conflicts = details
    penalty = 0.0
    if gap is not None and gap > config.time_grace_days:
        late = gap - config.time_grace_days
        penalty = config.time_penalty * min(1.0, late / config.time_horizon_days)
        if not (any(kind in shared for kind in config.linking_kinds) or place_and_victim(shared, agreeing)):
            penalty += config.unlinked_penalty * min(1.0, late / config.unlinked_ramp_days)
    unshared = 0.0
    if both_named and names < config.names_floor:
        unshared = config.names_penalty * (1.0 - names / config.names_floor)
    combined = total / weights - penalty - unshared
    if not shared and not conflicts:  # most candidate pairs: skip the bookkeeping below (a hot path)
        return Signals(lexical, names, embedding, gap, penalty, unshared, combined)
    bonus, cost = dict(config.specific_shared), dict(config.specific_conflict)
    detail = sum(bonus[k] for k in shared) - sum(cost[k] for k in conflicts)
    # Past the grace, agreeing details are a follow-up's (the plea names the victim and his age again): a
    # storyline link to the event (``storyline.py``), not more evidence of the one happening.
    if agreeing > 1 and (gap is None or gap <= config.time_grace_days):
        detail += config.specific_corroborated * min(agreeing - 1, config.specific_corroborated_max)
    matched = tuple(f"{k}:{v}" for k, values in shared.items() for v in values)
    return Signals(
        lexical, names, embedding, gap, penalty, unshared, combined + detail, detail, matched, tuple(conflicts)
    )


def shares_language(language: str | None, languages: dict) -> bool:
    """Whether an article in ``language`` has members of ``languages`` (counts) to compare words with; an
    undetected language is taken to match any."""
    return (
        language is None or languages.get(language, 0) > 0 or languages.get(None, 0) > 0 or not any(languages.values())
    )


def score_event(config: ClusterConfig, article: WeightedArticle, event: EventState) -> Signals:
    size, floor = len(event.members), config.centroid_floor
    lexical = _cosine_to_sum(article.terms, event.terms, event.terms_norm2, size, floor)
    names = _cosine_to_sum(article.names, event.names, event.names_norm2, size, floor)
    embedding = _centroid_cosine(article.features.vector, event.vector)
    if embedding is None:  # not both English: compare in the multilingual space, if both have a vector there
        cosine = _centroid_cosine(article.features.ml_vector, event.ml_vector)
        embedding = None if cosine is None else e5_similarity(cosine)
    gap = days_apart(article.features.day, list(event.days))
    both_named = bool(article.names) and event.names_norm2 > 1e-12
    details = compare(article.features.specifics, event.specifics) if article.features.specifics else ({}, [])
    agreeing = fingerprint(article.features.specifics, event.specifics, details[0]) if details[0] else 0
    same_language = shares_language(article.features.language, event.languages)
    return combine(config, lexical, names, embedding, gap, both_named, details, same_language, agreeing)


def _centroid_cosine(vector: np.ndarray | None, total: np.ndarray | None) -> float | None:
    if vector is None or total is None:
        return None
    norm = float(np.linalg.norm(total))
    return float(vector @ total) / norm if norm > 1e-9 else 0.0


def pair_embedding(a, b) -> float | None:
    """Embedding similarity of two articles' features: MiniLM when both have it, else multilingual e5."""
    if a.vector is not None and b.vector is not None:
        return float(a.vector @ b.vector)
    if a.ml_vector is not None and b.ml_vector is not None:
        return e5_similarity(float(a.ml_vector @ b.ml_vector))
    return None


def score_pair(config: ClusterConfig, a: WeightedArticle, b: WeightedArticle) -> Signals:
    """The same signals between two single articles (for ``explain``)."""
    embedding = pair_embedding(a.features, b.features)
    gap = None
    if a.features.day is not None and b.features.day is not None:
        gap = abs(a.features.day - b.features.day)
    both_named = bool(a.names) and bool(b.names)
    theirs = {kind: dict.fromkeys(values, 1) for kind, values in b.features.specifics.items()}
    details = compare(a.features.specifics, theirs)
    lexical, names = _dot(a.terms, b.terms), _dot(a.names, b.names)
    same_language = shares_language(a.features.language, {b.features.language: 1})
    agreeing = fingerprint(a.features.specifics, theirs, details[0]) if details[0] else 0
    return combine(config, lexical, names, embedding, gap, both_named, details, same_language, agreeing)
