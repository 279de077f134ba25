"""Splitting an event that holds two happenings: cut it in two, keep the halves apart when they separate well.

Streaming joins a report to the closest event; when the first report of a second, similar happening
arrives (another earthquake in the same region, another player's arrest), it may join the first
happening's event, and later reports follow it there. After each batch, affected events are cut in
two by spectral bisection of their members' similarity graph (the same signals clustering uses),
and split when the cut is cheap relative to the halves' internal ties (normalised cut) and the
halves are not about the same people: the arrest and the trial of one suspect are one story, two
players' arrests are two. Spectral cuts follow the graph's structure; two-means seeded from the
farthest members, tried first, peeled off outliers instead of the second happening. Halves that name one
participant as their own (a victim or suspect with an age, "identified as ...") in reports published
within days of each other are one happening however they cut (``share_participant``): the cut then
follows wording (the charge and the shooting told apart), not who it happened to.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.cluster.embed import e5_similarity
from newsfuse.cluster.index import WeightedArticle, _dot
from newsfuse.dedup.specifics import FINGERPRINT_MAX, compare, fingerprint, place_and_victim, street_name


@dataclass(frozen=True, slots=True)
class Bisection:
    """Two halves of an event and the normalised cut between them (0: unrelated halves; ~1 and above: one whole)."""

    a: list[WeightedArticle]
    b: list[WeightedArticle]
    normalized_cut: float


def _sparse_rows(rows: Sequence[dict[str, float]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Rows as a CSR matrix; new keys are numbered into ``vocabulary`` (shared by the matrices compared)."""
    number = vocabulary.setdefault
    indices = [number(key, len(vocabulary)) for row in rows for key in row]
    data = [value for row in rows for value in row.values()]
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(row) for row in rows], out=indptr[1:])
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(1, len(vocabulary))))


def _cosines(rows: Sequence[dict[str, float]], columns: Sequence[dict[str, float]] | None) -> np.ndarray:
    """Dot products of ``rows`` with ``columns`` (with themselves when ``columns`` is None)."""
    vocabulary: dict[str, int] = {}
    left = _sparse_rows(rows, vocabulary)
    if columns is None:
        return (left @ left.T).toarray()
    right = _sparse_rows(columns, vocabulary)
    left.resize((left.shape[0], max(1, len(vocabulary))))
    right.resize((right.shape[0], max(1, len(vocabulary))))
    return (left @ right.T).toarray()


def similarity_matrix(
    rows: Sequence[WeightedArticle], columns: Sequence[WeightedArticle], embedding_weight: float
) -> np.ndarray:
    """Similarity of each of ``rows`` to each of ``columns``: the weighted mean of term, name and (when all
    have one) embedding cosines, as clustering combines them; negative values are cut to 0."""
    square = rows is columns  # one set against itself: its sparse rows are built once
    total = _cosines([m.terms for m in rows], None if square else [m.terms for m in columns])
    total += _cosines([m.names for m in rows], None if square else [m.names for m in columns])
    weights = 2.0
    vectors = [m.features.vector for m in (*rows, *columns)]
    if embedding_weight > 0 and all(v is not None for v in vectors):
        total += embedding_weight * (np.stack(vectors[: len(rows)]) @ np.stack(vectors[len(rows) :]).T)
        weights += embedding_weight
    elif embedding_weight > 0 and all(m.features.ml_vector is not None for m in (*rows, *columns)):
        # Members in several languages: their multilingual vectors, or a translation looks unrelated.
        multilingual = [m.features.ml_vector for m in (*rows, *columns)]
        cosines = np.stack(multilingual[: len(rows)]) @ np.stack(multilingual[len(rows) :]).T
        total += embedding_weight * e5_similarity(cosines)
        weights += embedding_weight
    return np.clip(total / weights, 0.0, None)


def spectral_bisect(members: Sequence[WeightedArticle], embedding_weight: float, max_members: int = 200) -> Bisection:
    """The cheapest normalised cut along the Fiedler vector of the members' similarity graph.

    Events larger than ``max_members`` are cut on a sample of that size (chosen by id hash, so it
    does not depend on arrival order); the other members join the half they are closer to on average.
    """
    sample = list(members)
    if len(sample) > max_members:
        sample = sorted(sample, key=lambda m: hashlib.sha1(m.article_id.encode()).digest())[:max_members]
    similarity = similarity_matrix(sample, sample, embedding_weight)
    np.fill_diagonal(similarity, 0.0)
    degree = similarity.sum(axis=1) + 1e-9
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(sample)) - scale[:, None] * similarity * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    # Ties in the Fiedler vector are broken by id so the cut does not depend on member order.
    fiedler = scale * vectors[:, 1]
    order = sorted(range(len(sample)), key=lambda i: (round(float(fiedler[i]), 9), sample[i].article_id))
    ordered = similarity[np.ix_(order, order)]
    volume = np.cumsum(degree[order])[:-1]  # volume of the first k+1 members
    inner = np.diagonal(np.cumsum(np.cumsum(ordered, axis=0), axis=1))[:-1]
    cut = volume - inner
    normalized = cut / volume + cut / (degree.sum() - volume)
    best = int(np.argmin(normalized))
    in_first = {sample[order[i]].article_id for i in range(best + 1)}
    if len(sample) < len(members):
        in_first |= _closer_to_first(members, sample, in_first, embedding_weight)
    a = [m for m in members if m.article_id in in_first]
    b = [m for m in members if m.article_id not in in_first]
    return Bisection(a, b, float(normalized[best]))


def _closer_to_first(
    members: Sequence[WeightedArticle], sample: list[WeightedArticle], in_first: set[str], embedding_weight: float
) -> set[str]:
    """Ids of the members outside ``sample`` whose mean similarity to the first half beats the second's."""
    sampled = {m.article_id for m in sample}
    rest = [m for m in members if m.article_id not in sampled]
    similarity = similarity_matrix(rest, sample, embedding_weight)
    first = np.array([m.article_id in in_first for m in sample])
    to_first = similarity[:, first].mean(axis=1)
    to_second = similarity[:, ~first].mean(axis=1)
    return {m.article_id for m, x, y in zip(rest, to_first, to_second, strict=True) if x >= y}


def person_similarity(a: list[WeightedArticle], b: list[WeightedArticle], idf: Callable[[str], float]) -> float | None:
    """Cosine of the halves' IDF-weighted surname sums; None when either half names no one."""
    sums = []
    for half in (a, b):
        total: dict[str, float] = {}
        for member in half:
            persons = member.features.persons
            norm = math.sqrt(sum(v * v for v in persons.values()))
            for surname, value in persons.items():
                total[surname] = total.get(surname, 0.0) + value / norm
        sums.append({surname: value * idf(surname) for surname, value in total.items()})
    first, second = sums
    norms = math.sqrt(sum(v * v for v in first.values())) * math.sqrt(sum(v * v for v in second.values()))
    return _dot(first, second) / norms if norms > 1e-12 else None


def _participants(half: Sequence[WeightedArticle]) -> set[str]:
    """Specific people (``dedup/specifics.py``) of the half's reports that are not roundups: a page listing many victims
    (a weekend's shootings across a city) names another happening's victim beside its own."""
    named: set[str] = set()
    for member in half:
        specifics = member.features.specifics
        people = specifics.get("person", ())
        if len(people) <= FINGERPRINT_MAX["article"] and len(specifics.get("age", ())) <= FINGERPRINT_MAX["article"]:
            named.update(people)
    return named


def _days_between(a: Sequence[WeightedArticle], b: Sequence[WeightedArticle]) -> int | None:
    """Days between the halves' publication spans (0 when they overlap; None when either is undated)."""
    days_a = [m.features.day for m in a if m.features.day is not None]
    days_b = [m.features.day for m in b if m.features.day is not None]
    if not days_a or not days_b:
        return None
    return max(0, min(days_b) - max(days_a), min(days_a) - max(days_b))


def share_participant(a: Sequence[WeightedArticle], b: Sequence[WeightedArticle], grace_days: int) -> bool:
    """Whether the halves name a participant in common within ``grace_days`` (or undated): one happening.

    Later than that, the same named people are a follow-up (the plea, the trial), which storylines link
    (``storyline.py``) rather than merge."""
    gap = _days_between(a, b)
    if gap is not None and gap > grace_days:
        return False
    return not _participants(a).isdisjoint(_participants(b)) or _same_place_and_victim(a, b)


def _same_place_and_victim(a: Sequence[WeightedArticle], b: Sequence[WeightedArticle]) -> bool:
    """Whether a report of each half gives the same named street and victim's age (``place_and_victim``): the
    first reports of a shooting name no one, the later ones the victim, and both halves tell one happening."""
    by_street: dict[str, list[dict]] = {}  # last word of a street's name -> b's reports giving it
    for other in b:
        specifics = other.features.specifics
        if "street" in specifics and "age" in specifics:
            theirs = {kind: dict.fromkeys(values, 1) for kind, values in specifics.items()}
            for word in {street_name(v).rsplit(" ", 1)[-1] for v in specifics["street"]}:
                by_street.setdefault(word, []).append(theirs)
    if not by_street:
        return False
    for member in a:
        mine = member.features.specifics
        if "street" not in mine or "age" not in mine:
            continue
        words = {street_name(v).rsplit(" ", 1)[-1] for v in mine["street"]}
        seen: set[int] = set()
        for word in words:
            for theirs in by_street.get(word, ()):
                if id(theirs) in seen:
                    continue
                seen.add(id(theirs))
                shared = compare(mine, theirs)[0]
                if "street" in shared and place_and_victim(shared, fingerprint(mine, theirs, shared)):
                    return True
    return False
