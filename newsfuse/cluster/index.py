"""``EventIndex``: the events so far, as centroids, with an inverted index for sub-linear candidate lookup.

Each event keeps the sum of its members' unit vectors (terms, names, embedding) and the squared
norm of that sum, updated incrementally, so comparing an article with an event costs one pass
over the article's terms. Candidates come from posting lists of the few most distinctive terms of
each member; lists keep only the most recent events, so lookup cost does not grow with the corpus.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import chain, compress, repeat
from operator import add, itemgetter, mul, sub, truediv

import numpy as np

from newsfuse.cluster.features import ArticleFeatures


@dataclass(slots=True)
class WeightedArticle:
    """An article's features weighted by the index's current IDF and scaled to unit length."""

    features: ArticleFeatures
    terms: dict[str, float]
    names: dict[str, float]
    keys: list[str]  # its most distinctive terms and names: posting-list keys

    @property
    def article_id(self) -> str:
        return self.features.article_id


@dataclass(slots=True)
class EventState:
    event_id: str
    founder: str
    members: dict[str, WeightedArticle] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    terms_norm2: float = 0.0
    names_norm2: float = 0.0
    vector: np.ndarray | None = None
    ml_vector: np.ndarray | None = None  # sum of the members' multilingual vectors (those that have one)
    languages: Counter = field(default_factory=Counter)  # language -> members in it
    days: Counter = field(default_factory=Counter)  # publication day -> members published that day
    specifics: dict[str, Counter] = field(default_factory=dict)  # kind -> detail -> members giving it


# The helpers below are the hot loops of clustering: they chain ``map`` over C-level callables
# (dict.get, operator.mul, ...) so no Python bytecode runs per term.


def _dot(small: dict[str, float], large: dict[str, float]) -> float:
    """Dot product of two sparse vectors; pass the smaller first (it is the one iterated)."""
    return sum(map(mul, small.values(), map(large.get, small, repeat(0.0))))


def _unit(weights: dict[str, float]) -> dict[str, float]:
    values = weights.values()
    norm = math.sqrt(sum(map(mul, values, values)))
    return dict(zip(weights, map(truediv, values, repeat(norm)), strict=True)) if norm else {}


def _top(weights: dict[str, float], limit: int) -> dict[str, float]:
    """The ``limit`` heaviest entries: the long tail adds noise, memory and time, not evidence."""
    if len(weights) <= limit:
        return weights
    # Stable sort: the same entries, in the same order, as heapq.nlargest(limit, ..., key=...).
    return dict(sorted(weights.items(), key=itemgetter(1), reverse=True)[:limit])


def _add_into(total: dict[str, float], vector: dict[str, float], sign: float) -> float:
    """Add (or subtract) ``vector`` into ``total``; returns the change of the squared norm."""
    cross = _dot(vector, total)
    combine = add if sign > 0 else sub  # a + (-1.0 * b) == a - b exactly
    total.update(zip(vector, map(combine, map(total.get, vector, repeat(0.0)), vector.values()), strict=True))
    return sign * 2 * cross + (1.0 if vector else 0.0)


def _idf_weighted(counts: dict[str, float], df: Counter[str], base: float) -> dict[str, float]:
    """``{t: w * (base - log(df[t] + 1))}``: every term was observed, so ``df.get`` finds it."""
    logs = map(math.log, map(add, map(df.get, counts, repeat(0)), repeat(1)))
    return dict(zip(counts, map(mul, counts.values(), map(sub, repeat(base), logs)), strict=True))


# Every so many of an outlet's articles, what it said once only is forgotten: locality recurs in most of its
# reports, and the long tail of words said once would make these counts as large as the corpus.
_HOST_PRUNE_EVERY = 50


def _prune(counts: Counter[str]) -> None:
    for key in [key for key, n in counts.items() if n <= 1]:
        del counts[key]


def _localised(weights: dict[str, float], host_df: Counter[str], others: int) -> dict[str, float]:
    """``weights`` scaled by the share of the outlet's ``others`` articles lacking each entry: the city, the
    police department, the hospital and the station an outlet names in most of its reports are its
    locality, which every incident it covers shares (the article itself is counted in ``host_df``)."""
    # A pruned entry counts as the article alone (``max``): share 0.
    shares = map(truediv, map(max, map(sub, map(host_df.__getitem__, weights), repeat(1)), repeat(0)), repeat(others))
    return dict(zip(weights, map(mul, weights.values(), map(sub, repeat(1.0), shares)), strict=True))


def _heaviest(weights: dict[str, float], df: Counter[str], limit: int, keys: Iterable[str]) -> list[tuple[float, str]]:
    """The ``limit`` largest ``(weight, key)`` of the entries seen in more than one document.

    ``sorted(...)[:limit]`` is what ``heapq.nlargest`` returns, computed in C.
    """
    seen_twice = map((1).__lt__, map(df.__getitem__, weights))
    return sorted(compress(zip(weights.values(), keys, strict=True), seen_twice), reverse=True)[:limit]


class EventIndex:
    """Events, document frequencies and posting lists; the state of streaming clustering."""

    def __init__(
        self,
        keys_per_article: int = 12,
        posting_limit: int = 64,
        max_candidates: int = 10,
        max_terms: int = 200,
        min_host_articles: int = 8,
    ) -> None:
        self.max_terms = max_terms
        self.keys_per_article = keys_per_article
        self.posting_limit = posting_limit
        self.max_candidates = max_candidates
        self.documents = 0
        self.term_df: Counter[str] = Counter()
        self.name_df: Counter[str] = Counter()
        self.events: dict[str, EventState] = {}
        self.event_of: dict[str, str] = {}
        self.postings: dict[str, deque[str]] = {}
        self.founded: dict[str, int] = {}  # event id -> when it was founded (ties among candidates)
        self.order: dict[str, int] = {}  # article id -> when it was first indexed
        # An outlet's locality is learned once it has this many articles: before, its few reports are mostly
        # one or two stories told again (the victim named in three of five is a story, not its locality).
        self.min_host_articles = min_host_articles
        self.host_articles: Counter[str] = Counter()
        self.host_term_df: dict[str, Counter[str]] = {}
        self.host_name_df: dict[str, Counter[str]] = {}

    def observe(self, features: ArticleFeatures) -> None:
        """Count the article in document frequencies (before weighing it)."""
        self.documents += 1
        self.term_df.update(features.terms.keys())
        self.name_df.update(features.names.keys())
        if features.host:
            host = features.host
            self.host_articles[host] += 1
            self.host_term_df.setdefault(host, Counter()).update(features.terms.keys())
            self.host_name_df.setdefault(host, Counter()).update(features.names.keys())
            if self.host_articles[host] % _HOST_PRUNE_EVERY == 0:
                _prune(self.host_term_df[host])
                _prune(self.host_name_df[host])

    def idf(self, df: int) -> float:
        return math.log((self.documents + 1) / (df + 1)) + 1.0

    def weigh(self, features: ArticleFeatures) -> WeightedArticle:
        base = math.log(self.documents + 1) + 1.0
        term_df, name_df = self.term_df, self.name_df
        terms, names = _idf_weighted(features.terms, term_df, base), _idf_weighted(features.names, name_df, base)
        others = self.host_articles[features.host] - 1 if features.host else 0
        if others + 1 >= self.min_host_articles and features.terms:
            terms = _localised(terms, self.host_term_df[features.host], others)
            names = _localised(names, self.host_name_df[features.host], others)
        terms = _unit(_top(terms, self.max_terms))
        names = _unit(_top(names, self.max_terms // 2))
        # Keys: the heaviest terms, but never ones seen once only (they cannot retrieve anything).
        ranked = _heaviest(terms, term_df, self.keys_per_article, terms)
        ranked += _heaviest(names, name_df, self.keys_per_article // 2, map("@".__add__, names))
        return WeightedArticle(features, terms, names, [key for _, key in ranked])

    def candidates(self, article: WeightedArticle) -> list[str]:
        """Events sharing distinctive terms with ``article``, most shared first."""
        postings = self.postings
        # One counting pass in C over every key's events (each key counts an event once). dict.fromkeys,
        # not set: a set's order follows string hashing, which changes per run, and would reorder ties.
        hits = Counter(chain.from_iterable(dict.fromkeys(postings[key]) for key in article.keys if key in postings))
        # Among events sharing as many keys, the most recently founded first: a report follows its happening within
        # days, while the oldest events holding a common key are a beat's earlier incidents (ties used to keep
        # the first counted, i.e. the oldest, and the event a report belonged to could fall past the cut).
        founded = self.founded
        ranked = sorted(hits.items(), key=lambda kv: (kv[1], founded.get(kv[0], 0)), reverse=True)
        ranked = ranked[: self.max_candidates]
        return [event_id for event_id, _ in ranked]

    def add(self, event_id: str, article: WeightedArticle) -> None:
        event = self.events.get(event_id)
        if event is None:
            event = self.events[event_id] = EventState(event_id, article.article_id)
            self.founded[event_id] = len(self.founded)
        event.members[article.article_id] = article
        event.terms_norm2 += _add_into(event.terms, article.terms, 1.0)
        event.names_norm2 += _add_into(event.names, article.names, 1.0)
        vector = article.features.vector
        if vector is not None:
            event.vector = vector.astype(np.float32).copy() if event.vector is None else event.vector + vector
        ml_vector = article.features.ml_vector
        if ml_vector is not None:
            event.ml_vector = ml_vector.astype(np.float32) if event.ml_vector is None else event.ml_vector + ml_vector
        event.languages[article.features.language] += 1
        if article.features.day is not None:
            event.days[article.features.day] += 1
        for kind, values in article.features.specifics.items():
            event.specifics.setdefault(kind, Counter()).update(values)
        self.event_of[article.article_id] = event_id
        self.order.setdefault(article.article_id, len(self.order))
        for key in article.keys:
            posting = self.postings.setdefault(key, deque(maxlen=self.posting_limit))
            if event_id not in posting:
                posting.append(event_id)

    def remove(self, article_id: str) -> WeightedArticle:
        """Take an article out of its event (its posting entries stay: a stale candidate only costs a score)."""
        event = self.events[self.event_of.pop(article_id)]
        article = event.members.pop(article_id)
        event.terms_norm2 = max(0.0, event.terms_norm2 + _add_into(event.terms, article.terms, -1.0))
        event.names_norm2 = max(0.0, event.names_norm2 + _add_into(event.names, article.names, -1.0))
        if article.features.vector is not None and event.vector is not None:
            event.vector = event.vector - article.features.vector
        if article.features.ml_vector is not None and event.ml_vector is not None:
            event.ml_vector = event.ml_vector - article.features.ml_vector
        event.languages[article.features.language] -= 1
        if event.languages[article.features.language] <= 0:
            del event.languages[article.features.language]
        day = article.features.day
        if day is not None:
            event.days[day] -= 1
            if event.days[day] <= 0:
                del event.days[day]
        for kind, values in article.features.specifics.items():
            counts = event.specifics[kind]
            counts.subtract(values)
            for value in values:
                if counts[value] <= 0:
                    del counts[value]
        if not event.members:
            del self.events[event.event_id]
        return article

    def compact(self, article_ids: list[str]) -> None:
        """Drop the raw counts of settled articles (only re-weighing needs them): halves the memory held."""
        for article_id in article_ids:
            event = self.events.get(self.event_of.get(article_id, ""))
            member = event.members.get(article_id) if event else None
            if member is not None and member.features.terms:
                member.features = replace(member.features, terms={}, names={})

    def drop_event(self, event_id: str) -> EventState:
        return self.events.pop(event_id)
