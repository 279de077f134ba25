"""How similar an article is to an event: each signal, their weighted combination, and the decision rule."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from newsfuse.cluster.index import EventState, WeightedArticle, _dot


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Weights and thresholds of event clustering; the same for every corpus (no per-corpus flags)."""

    lexical_weight: float = 1.0
    names_weight: float = 1.0
    embedding_weight: float = 0.5  # topical more than event-specific: a supporting signal
    # Embedding cosines run higher than TF-IDF ones, so the join threshold depends on what is combined.
    join_threshold_lexical: float = 0.25
    join_threshold_embeddings: float = 0.35
    merge_margin: float = 0.1  # a bridge must fit both events this much above the join threshold
    time_grace_days: int = 7  # follow-up reports within this many days are never penalised
    time_horizon_days: int = 365  # by this gap the full penalty applies
    time_penalty: float = 0.15
    # Two reports that both name people, places or organisations but share almost none of them are
    # about two happenings, however alike their wording (two diamond heists, two rehab check-ins).
    names_floor: float = 0.1  # name cosine below which the penalty applies, growing to the full one at 0
    names_penalty: float = 0.2
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

    def to_json(self) -> dict:
        return {
            "lexical": round(self.lexical, 4),
            "names": round(self.names, 4),
            "embedding": None if self.embedding is None else round(self.embedding, 4),
            "days_apart": self.days_apart,
            "time_penalty": round(self.time_penalty, 4),
            "names_penalty": round(self.names_penalty, 4),
            "combined": round(self.combined, 4),
        }


def _cosine_to_sum(article: dict[str, float], total: dict[str, float], norm2: float) -> float:
    if norm2 <= 1e-12 or not article:
        return 0.0
    return _dot(article, total) / math.sqrt(norm2)


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
) -> Signals:
    weights = config.lexical_weight + config.names_weight
    total = config.lexical_weight * lexical + config.names_weight * names
    if embedding is not None:
        weights += config.embedding_weight
        total += config.embedding_weight * embedding
    penalty = 0.0
    if gap is not None and gap > config.time_grace_days:
        penalty = config.time_penalty * min(1.0, (gap - config.time_grace_days) / config.time_horizon_days)
    unshared = 0.0
    if both_named and names < config.names_floor:
        unshared = config.names_penalty * (1.0 - names / config.names_floor)
    return Signals(lexical, names, embedding, gap, penalty, unshared, total / weights - penalty - unshared)


def score_event(config: ClusterConfig, article: WeightedArticle, event: EventState) -> Signals:
    lexical = _cosine_to_sum(article.terms, event.terms, event.terms_norm2)
    names = _cosine_to_sum(article.names, event.names, event.names_norm2)
    embedding = None
    vector = article.features.vector
    if vector is not None and event.vector is not None:
        norm = float(np.linalg.norm(event.vector))
        embedding = float(vector @ event.vector) / norm if norm > 1e-9 else 0.0
    gap = days_apart(article.features.day, list(event.days))
    return combine(config, lexical, names, embedding, gap, bool(article.names) and event.names_norm2 > 1e-12)


def score_pair(config: ClusterConfig, a: WeightedArticle, b: WeightedArticle) -> Signals:
    """The same signals between two single articles (for ``explain``)."""
    embedding = None
    if a.features.vector is not None and b.features.vector is not None:
        embedding = float(a.features.vector @ b.features.vector)
    gap = None
    if a.features.day is not None and b.features.day is not None:
        gap = abs(a.features.day - b.features.day)
    both_named = bool(a.names) and bool(b.names)
    return combine(config, _dot(a.terms, b.terms), _dot(a.names, b.names), embedding, gap, both_named)
