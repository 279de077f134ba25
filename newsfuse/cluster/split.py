"""Splitting an event that holds two happenings: bisect it, keep the halves apart when they separate well.

Streaming joins a report to the closest event; when the first report of a second, similar happening
arrives (another earthquake in the same region, another player's arrest), it may join the first
happening's event, and later reports follow it there. After each batch, affected events are
bisected (two-means over the same signals clustering uses) and split when their members are, on
average, clearly closer to their own half than to the other, measured leave-one-out so that a
member's own weight does not count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from newsfuse.cluster.index import WeightedArticle, _dot


@dataclass(slots=True)
class _Half:
    """Sums of a set of members' unit vectors (terms, names, embedding) and their squared norms."""

    terms: dict[str, float]
    names: dict[str, float]
    vector: np.ndarray | None
    terms_norm2: float
    names_norm2: float

    @classmethod
    def of(cls, members: list[WeightedArticle]) -> _Half:
        terms: dict[str, float] = {}
        names: dict[str, float] = {}
        vector = None
        for member in members:
            for key, value in member.terms.items():
                terms[key] = terms.get(key, 0.0) + value
            for key, value in member.names.items():
                names[key] = names.get(key, 0.0) + value
            if member.features.vector is not None:
                vector = member.features.vector.copy() if vector is None else vector + member.features.vector
        return cls(terms, names, vector, sum(v * v for v in terms.values()), sum(v * v for v in names.values()))

    def similarity(self, member: WeightedArticle, leave_out: bool) -> float:
        """Mean cosine of ``member`` to this half (to the half without it when ``leave_out``)."""
        scores = [
            _cosine(_dot(member.terms, self.terms), self.terms_norm2, bool(member.terms), leave_out),
            _cosine(_dot(member.names, self.names), self.names_norm2, bool(member.names), leave_out),
        ]
        vector = member.features.vector
        if vector is not None and self.vector is not None:
            dot = float(vector @ self.vector)
            scores.append(_cosine(dot, float(self.vector @ self.vector), True, leave_out))
        return sum(scores) / len(scores)


def _cosine(dot: float, norm2: float, present: bool, leave_out: bool) -> float:
    if leave_out and present:  # |S - x|^2 = |S|^2 - 2 x.S + 1 for a unit x inside S
        dot, norm2 = dot - 1.0, norm2 - 2.0 * dot + 1.0
    return dot / math.sqrt(norm2) if norm2 > 1e-9 else 0.0


def bisect(members: list[WeightedArticle], iterations: int = 6) -> tuple[list[WeightedArticle], list[WeightedArticle]]:
    """Two-means from the two members farthest apart (deterministic: no random restarts)."""
    whole = _Half.of(members)
    seed_b = min(members, key=lambda m: (whole.similarity(m, leave_out=True), m.article_id))
    single_b = _Half.of([seed_b])
    seed_a = min(members, key=lambda m: (single_b.similarity(m, leave_out=False), m.article_id))
    a, b = [seed_a], [seed_b]
    for _ in range(iterations):
        half_a, half_b = _Half.of(a), _Half.of(b)
        in_a, in_b = {m.article_id for m in a}, {m.article_id for m in b}
        new_a = [
            m
            for m in members
            if half_a.similarity(m, m.article_id in in_a) >= half_b.similarity(m, m.article_id in in_b)
        ]
        chosen = {m.article_id for m in new_a}
        new_b = [m for m in members if m.article_id not in chosen]
        if not new_a or not new_b or (chosen == in_a and len(new_b) == len(b)):
            break
        a, b = new_a, new_b
    return a, b


def separation(a: list[WeightedArticle], b: list[WeightedArticle]) -> float:
    """Mean over members of (similarity to own half without itself) minus (similarity to the other half)."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    half_a, half_b = _Half.of(a), _Half.of(b)
    margins = [half_a.similarity(m, True) - half_b.similarity(m, False) for m in a]
    margins += [half_b.similarity(m, True) - half_a.similarity(m, False) for m in b]
    return sum(margins) / len(margins)
