"""``explain``: why two articles are, or are not, in one event — each signal's score and the decision."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsfuse.cluster.features import features_of
from newsfuse.cluster.index import EventIndex
from newsfuse.cluster.scoring import ClusterConfig, Signals, score_event, score_pair
from newsfuse.dedup.boilerplate import known
from newsfuse.errors import NotFoundError
from newsfuse.settings import Settings


@dataclass(frozen=True, slots=True)
class Explanation:
    article_a: str
    article_b: str
    event_a: str | None
    event_b: str | None
    pair: Signals  # article against article
    a_to_event_b: Signals | None  # article A against B's event without A (what the stream compares)
    threshold: float
    shared_names: tuple[str, ...]
    shared_terms: tuple[str, ...]

    specifics_a: dict = field(default_factory=dict)  # kind -> details each article gives
    specifics_b: dict = field(default_factory=dict)

    def conflicts(self) -> list[str]:
        """ "street: todds ln / kilbourne ave" for each kind both give with no value in common."""
        return [
            f"{kind}: {', '.join(sorted(self.specifics_a[kind]))} / {', '.join(sorted(self.specifics_b[kind]))}"
            for kind in self.pair.conflicting
        ]

    @property
    def same_event(self) -> bool:
        return self.event_a is not None and self.event_a == self.event_b

    def decision(self) -> str:
        if self.event_a is None or self.event_b is None:
            return "not clustered yet"
        return "same event" if self.same_event else "different events"

    def to_json(self) -> dict[str, Any]:
        return {
            "article_a": self.article_a,
            "article_b": self.article_b,
            "event_a": self.event_a,
            "event_b": self.event_b,
            "decision": self.decision(),
            "threshold": self.threshold,
            "pair": self.pair.to_json(),
            "a_to_event_of_b": None if self.a_to_event_b is None else self.a_to_event_b.to_json(),
            "shared_names": list(self.shared_names),
            "shared_terms": list(self.shared_terms),
            "matched_specifics": list(self.pair.shared_specifics),
            "conflicting_specifics": self.conflicts(),
        }


def _document_frequencies(store, index: EventIndex, boilerplate) -> None:
    for article in store.iter_articles(order="rowid"):
        index.observe(features_of(boilerplate.clean(article).article))


def explain(
    store, id_a: str, id_b: str, settings: Settings | None = None, models=None, config: ClusterConfig | None = None
) -> Explanation:
    """Signals between two stored articles (ids, external ids or id prefixes) and whether they share an event."""
    from newsfuse.cluster import article_features, embedder_for, multilingual_for

    config = config or ClusterConfig()
    articles = []
    for key in (id_a, id_b):
        article = store.get_article(key)
        if article is None:
            raise NotFoundError(f"{key}: no such article", hint="use an article id, external id or id prefix")
        articles.append(article)
    embedder = embedder_for(settings, models)
    boilerplate = known(store)
    index = EventIndex()
    _document_frequencies(store, index, boilerplate)
    plan = multilingual_for(store, settings, models)  # as clustering compared them
    feats = article_features(store, articles, embedder, boilerplate, plan)
    weighted = [index.weigh(f) for f in feats]
    event_a, event_b = store.event_of(articles[0].id), store.event_of(articles[1].id)
    to_event = None
    if event_b is not None:
        members = [m for m in store.event_members(event_b) if m != articles[0].id]
        member_feats = article_features(store, store.get_articles(members), embedder, boilerplate, plan)
        for f in member_feats:
            index.add(event_b, index.weigh(f))
        if event_b in index.events:
            to_event = score_event(config, weighted[0], index.events[event_b])
    shared_names = _top_shared(weighted[0].names, weighted[1].names)
    shared_terms = _top_shared(weighted[0].terms, weighted[1].terms)
    return Explanation(
        articles[0].id,
        articles[1].id,
        event_a,
        event_b,
        score_pair(config, *weighted),
        to_event,
        config.threshold(embedder is not None),
        shared_names,
        shared_terms,
        {k: v for k, v in feats[0].specifics.items() if k != "lead"},
        {k: v for k, v in feats[1].specifics.items() if k != "lead"},
    )


def _top_shared(a: dict[str, float], b: dict[str, float], limit: int = 10) -> tuple[str, ...]:
    shared = Counter({key: a[key] * b[key] for key in a.keys() & b.keys()})
    return tuple(key for key, _ in shared.most_common(limit))
