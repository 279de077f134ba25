"""Event clustering stage: streaming assignment of articles to events, batch re-clustering, explanations.

Entry points (the pipeline calls these):

- ``update(store, article_ids, settings, models) -> set[str]``: cluster ``article_ids`` in publication
  order (input order when undated), skipping articles already clustered; returns affected event ids.
- ``recluster(store, settings, models) -> set[str]``: forget every event and redo the whole store.
- ``explain(store, id_a, id_b, settings, models) -> Explanation``: each signal and the decision.

``models`` is a ``ClusterModels`` (or any object with an ``embedder`` attribute, or None). Embeddings
are used when ``settings.use_embeddings`` is true and a model is given: MiniLM for English reports only
with ``settings.english_embeddings`` (off by default), e5 once a store holds other languages; vectors are
stored, so an article is embedded once.

Each ``update``: stream the new articles (join the best event above the join threshold, or found one;
an article fitting two events well merges them), one re-assignment pass over them, then bisect the
affected events that hold two happenings (``split.py``). Event ids are ``"e_"`` + a hash of the
founding article; a merged-away id stays resolvable as an alias. Without ``index=``, the event index
is rebuilt from the store (cost grows with the store); long-running callers pass the same index.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

import numpy as np

from newsfuse.cluster.embed import (
    MODEL_NAME,
    ClusterModels,
    Embedder,
    MultilingualPlan,
    load_models,
    multilingual_plan,
    reads_english,
)
from newsfuse.cluster.explain import Explanation, explain
from newsfuse.cluster.features import ArticleFeatures, features_of
from newsfuse.cluster.index import EventIndex
from newsfuse.cluster.scoring import ClusterConfig, Signals
from newsfuse.cluster.storyline import storyline_links
from newsfuse.cluster.stream import StreamClusterer, StreamResult, event_id_for
from newsfuse.dedup.boilerplate import Boilerplate, contentless, learn
from newsfuse.lifetime import die_with_parent
from newsfuse.records.article import Article
from newsfuse.records.relations import EventAssignment, EventMerge
from newsfuse.settings import Settings, usable_cores

_BATCH = 500
# Below this many articles a helper process costs more (start, pickling) than it saves.
_AHEAD_MIN_ARTICLES = 2000
_AHEAD_BATCHES = 2  # batches a helper process computes ahead: bounds the memory it holds


def embedder_for(settings: Settings | None, models) -> Embedder | None:
    if settings is not None and not settings.use_embeddings:
        return None
    return getattr(models, "embedder", None)


def multilingual_for(store, settings: Settings | None, models) -> MultilingualPlan | None:
    """The multilingual plan of an update, independent of MiniLM: English MiniLM is off by default
    (``Settings.english_embeddings``) while a Spanish and an English report of one happening still need e5
    to meet. Without MiniLM, a store of (almost) only English reports is clustered on words alone."""
    if settings is not None and not settings.use_embeddings:
        return None
    plan = multilingual_plan(store, models)
    if plan is not None and embedder_for(settings, models) is None and not plan.every_language:
        return None
    return plan


def article_features(
    store,
    articles: Sequence[Article],
    embedder: Embedder | None,
    boilerplate: Boilerplate | None = None,
    multilingual: MultilingualPlan | None = None,
) -> list[ArticleFeatures]:
    """Features of ``articles`` (their host's boilerplate left out); embeddings come from the store, missing
    ones are computed and saved. With a ``multilingual`` plan, MiniLM embeds English articles only and
    e5 the ones the plan wants."""
    if boilerplate is not None:
        articles = [boilerplate.clean(a).article for a in articles]
    if embedder is None and multilingual is None:
        return [features_of(a) for a in articles]
    english = articles if multilingual is None else [a for a in articles if reads_english(a.language)]
    vectors = _vectors(store, embedder, english) if embedder is not None else {}
    ml: dict = {}
    if multilingual is not None:
        ml = _vectors(store, multilingual.embedder, [a for a in articles if multilingual.wants(a.language)])
    return [features_of(a, vectors.get(a.id), ml.get(a.id)) for a in articles]


def _vectors(store, embedder, articles: Sequence[Article]) -> dict[str, np.ndarray]:
    """``embedder``'s vectors of ``articles``, from the store or computed (and saved)."""
    if not articles:
        return {}
    vectors = store.load_vectors(embedder.name, [a.id for a in articles])
    missing = [a for a in articles if a.id not in vectors]
    if missing:
        fresh = embedder.embed([f"{a.title}\n{a.text}" if a.title else a.text for a in missing])
        computed = {a.id: fresh[i] for i, a in enumerate(missing)}
        store.save_vectors(embedder.name, computed)
        vectors.update(computed)
    return {key: np.asarray(value, dtype=np.float32) for key, value in vectors.items()}


def _lexical_features(articles: list[Article]) -> list[ArticleFeatures]:
    """Run in the helper process. Shared keys there also shrink the batch's pickle: each distinct
    string and weight is sent, and unpickled, once per batch."""
    shared = SharedKeys()
    return [shared(features_of(a)) for a in articles]


def _helper_pool() -> ProcessPoolExecutor | None:
    """One forked helper process when this process may use two cores or more, else None (compute inline).

    Fork, not spawn: the child needs no imports and never touches the store or the models.
    """
    if usable_cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent
    )


def feature_batches(
    store,
    article_ids: Sequence[str],
    embedder: Embedder | None,
    boilerplate: Boilerplate | None = None,
    multilingual: MultilingualPlan | None = None,
) -> Iterator[list[ArticleFeatures]]:
    """Features of ``article_ids`` in order, ``_BATCH`` at a time, their keys shared (``SharedKeys``).

    Lexical features of a large update are computed by a helper process a few batches ahead, so on
    two cores they overlap the (single-threaded) streaming assignment. With embeddings the model
    already uses every core, so everything runs here.
    """
    batches = [article_ids[start : start + _BATCH] for start in range(0, len(article_ids), _BATCH)]
    lexical = embedder is None and multilingual is None
    pool = _helper_pool() if lexical and len(article_ids) >= _AHEAD_MIN_ARTICLES else None
    if pool is None:
        shared = SharedKeys()
        for ids in batches:
            features = article_features(store, store.get_articles(ids), embedder, boilerplate, multilingual)
            yield [shared(f) for f in features]
        return
    shared = SharedKeys()  # across batches: each batch arrives with its own copies
    with pool:
        ahead: deque[Future[list[ArticleFeatures]]] = deque()
        for ids in batches:
            articles = store.get_articles(ids)
            if boilerplate is not None:
                articles = [boilerplate.clean(a).article for a in articles]
            ahead.append(pool.submit(_lexical_features, articles))
            if len(ahead) > _AHEAD_BATCHES:
                yield [shared(f) for f in ahead.popleft().result()]
        while ahead:
            yield [shared(f) for f in ahead.popleft().result()]


class SharedKeys:
    """Makes equal terms and raw weights of many articles one object each.

    An update holds every new article's features until its re-assignment pass ends, and each
    article's dicts would otherwise own private copies of strings and floats seen in thousands of
    others: sharing them cuts the memory of a large update by about a third.
    """

    def __init__(self) -> None:
        self._floats: dict[float, float] = {}

    def _shared(self, counts: dict[str, float]) -> dict[str, float]:
        values = counts.values()
        return dict(zip(map(sys.intern, counts), map(self._floats.setdefault, values, values), strict=True))

    def __call__(self, features: ArticleFeatures) -> ArticleFeatures:
        return replace(
            features,
            terms=self._shared(features.terms),
            names=self._shared(features.names),
            persons=self._shared(features.persons),
        )


def build_index(
    store,
    embedder: Embedder | None = None,
    boilerplate: Boilerplate | None = None,
    multilingual: MultilingualPlan | None = None,
) -> EventIndex:
    """The index of every event stored so far (articles re-read, embeddings from the store)."""
    index = EventIndex()
    assignments = list(store.iter_assignments())
    for start in range(0, len(assignments), _BATCH):
        chunk = assignments[start : start + _BATCH]
        articles = store.get_articles([a.article_id for a in chunk])
        features_list = article_features(store, articles, embedder, boilerplate, multilingual)
        for assignment, features in zip(chunk, features_list, strict=True):
            index.observe(features)
            index.add(assignment.event_id, index.weigh(features))
    return index


def update(
    store,
    article_ids: Sequence[str],
    settings: Settings | None = None,
    models=None,
    *,
    index: EventIndex | None = None,
    config: ClusterConfig | None = None,
) -> set[str]:
    """Cluster the not-yet-clustered ``article_ids``; saves memberships and merges, returns affected events.

    Pass the same ``index`` to successive calls to skip rebuilding it from the store each time.
    """
    config = config or ClusterConfig()
    embedder = embedder_for(settings, models)
    ordered = store.stream_order(article_ids)
    done = store.clustered(ordered)
    pending = [i for i in ordered if i not in done]
    if not pending:
        return set()
    boilerplate = learn(store, pending)
    # Pages with no content of their own (boilerplate, a paywall notice) found and join no event.
    empty = contentless(store, pending)
    pending = [i for i in pending if i not in empty]
    if not pending:
        return set()
    plan = multilingual_for(store, settings, models)
    index = index if index is not None else build_index(store, embedder, boilerplate, plan)
    # With a plan and no MiniLM every report has an e5 vector (``multilingual_for``): every pair has an embedding.
    clusterer = StreamClusterer(index, config, with_embeddings=embedder is not None or plan is not None)
    result = StreamResult()
    for batch in feature_batches(store, pending, embedder, boilerplate, plan):
        for features in batch:
            clusterer.assign(features, result)
    clusterer.refine(pending, result)
    clusterer.split(set(result.affected), result)
    save_result(store, index, result)
    store.save_storylines(storyline_links(index, result.affected))
    index.compact(pending)
    affected = {e for e in result.affected if e in index.events}
    # The analyst's corrections in force are replayed over what clustering decided (curate/constraints.py).
    from newsfuse.curate.constraints import enforce

    return affected | enforce(store)


def save_result(store, index: EventIndex, result: StreamResult) -> None:
    assignments = []
    for article_id, score in result.scores.items():
        event_id = index.event_of[article_id]
        founded = index.events[event_id].founder == article_id
        assignments.append(EventAssignment(article_id, event_id, round(score, 4), founded))
    assignments.sort(key=lambda a: not a.founded)  # founders first: they create the event rows
    store.save_clustering(assignments, resolved_merges(result.merges, index))


def resolved_merges(merges: list[EventMerge], index: EventIndex) -> list[EventMerge]:
    """Merges pointing at the surviving event (an event merged into one that was merged later follows on)."""
    target = {m.alias_id: m.event_id for m in merges}

    def final(event_id: str) -> str:
        seen = set()
        while event_id in target and event_id not in seen and event_id not in index.events:
            seen.add(event_id)
            event_id = target[event_id]
        return event_id

    out = []
    for merge in merges:
        survivor = final(merge.event_id)
        if merge.alias_id not in index.events and survivor in index.events:
            out.append(EventMerge(merge.alias_id, survivor, merge.score, merge.bridge_article_id))
    return out


def recluster(store, settings: Settings | None = None, models=None, *, config: ClusterConfig | None = None) -> set[str]:
    """Forget all events and cluster every stored article again, in publication order."""
    store.clear_events()
    store.clear_storylines()
    ids = [a.id for a in store.iter_articles(order="published")]
    return update(store, ids, settings, models, index=EventIndex(), config=config)


__all__ = [
    "MODEL_NAME",
    "ClusterConfig",
    "ClusterModels",
    "Embedder",
    "EventIndex",
    "Explanation",
    "Signals",
    "build_index",
    "event_id_for",
    "explain",
    "load_models",
    "recluster",
    "update",
]
