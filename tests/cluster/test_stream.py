"""Streaming clustering against a real store: one event per happening, stable ids, resuming, merges, recluster."""

from __future__ import annotations

from cluster_texts import QUAKE, article, stories

from newsfuse import cluster
from newsfuse.cluster.features import features_of
from newsfuse.cluster.index import EventIndex
from newsfuse.cluster.scoring import ClusterConfig
from newsfuse.cluster.stream import StreamClusterer, StreamResult, event_id_for
from newsfuse.records.relations import EventMerge
from newsfuse.settings import Settings

LEXICAL = Settings(use_embeddings=False)


def _partition(store, groups):
    return [{store.event_of(a.id) for a in group} for group in groups]


def test_reports_of_three_happenings_form_three_events_whatever_the_order(store):
    groups = stories()
    interleaved = [a for trio in zip(*groups, strict=True) for a in trio]
    store.add_articles(list(reversed(interleaved)))
    affected = cluster.update(store, [a.id for a in interleaved], LEXICAL, None)
    events = _partition(store, groups)
    assert all(len(e) == 1 for e in events)
    assert len(set().union(*events)) == 3 == len(affected)
    assert sorted(store.event_ids()) == sorted(affected)


def _background(store):
    """Other stories already in the store, so term weights have something to contrast with."""
    others = [a for group in stories("2024-04-01")[1:] for a in group]
    store.add_articles(others)
    cluster.update(store, [a.id for a in others], LEXICAL, None)


def test_event_id_is_a_hash_of_the_founding_article_and_stays_when_the_event_grows(store):
    _background(store)
    first, second, third = (article(t, published=f"2024-05-0{i + 1}") for i, t in enumerate(QUAKE))
    store.add_articles([first])
    assert cluster.update(store, [first.id], LEXICAL, None) == {event_id_for(first.id)}
    store.add_articles([second, third])
    assert cluster.update(store, [second.id, third.id], LEXICAL, None) == {event_id_for(first.id)}
    assert store.event_members(event_id_for(first.id)) == [first.id, second.id, third.id]
    assert store.event_of(third.id) == event_id_for(first.id)


def test_already_clustered_articles_are_skipped(store):
    _background(store)
    reports = stories()[0]
    store.add_articles(reports)
    ids = [a.id for a in reports]
    assert len(cluster.update(store, ids, LEXICAL, None)) == 1
    assert cluster.update(store, ids, LEXICAL, None) == set()
    assert len({store.event_of(i) for i in ids}) == 1 and len(store.event_ids()) == 3


def test_streaming_follows_publication_dates_and_input_order_for_undated(store):
    late, early = article("late one", published="2021-06-01"), article("early one", published="2020-01-01")
    undated = article("undated one")
    store.add_articles([undated, late, early])
    assert store.stream_order([late.id, undated.id, early.id]) == [early.id, late.id, undated.id]


def test_a_bridge_merges_two_events_and_the_old_id_remains_an_alias(store):
    groups = stories()
    quake, rehab = groups[0][0], groups[1][0]
    store.add_articles([quake, rehab])
    cluster.update(store, [quake.id, rehab.id], LEXICAL, None)
    index = cluster.build_index(store)
    clusterer = StreamClusterer(index, ClusterConfig(), with_embeddings=False)
    result = StreamResult()
    kept = clusterer.merge(store.event_of(quake.id), store.event_of(rehab.id), 0.9, rehab.id, result)
    cluster.save_result(store, index, result)
    gone = ({event_id_for(quake.id), event_id_for(rehab.id)} - {kept}).pop()
    assert result.merges == [EventMerge(gone, kept, 0.9, rehab.id)]
    assert store.event_ids() == [kept]
    assert store.resolve_event_id(gone) == kept
    assert set(store.event_members(gone)) == {quake.id, rehab.id}


def test_recluster_rebuilds_the_same_partition(store):
    groups = stories("2024-02-02")
    flat = [a for g in groups for a in g]
    store.add_articles(flat)
    cluster.update(store, [a.id for a in flat], LEXICAL, None)
    before = sorted(sorted(store.event_members(e)) for e in store.event_ids())
    events = cluster.recluster(store, LEXICAL, None)
    after = sorted(sorted(store.event_members(e)) for e in store.event_ids())
    assert before == after and len(events) == 3


def test_index_norms_track_additions_and_removals():
    index = EventIndex()
    feats = [features_of(a) for a in stories()[0]]
    for f in feats:
        index.observe(f)
    weighted = [index.weigh(f) for f in feats]
    for w in weighted:
        index.add("e", w)
    index.remove(weighted[1].article_id)
    event = index.events["e"]
    exact = sum(v * v for v in event.terms.values())
    assert abs(event.terms_norm2 - exact) < 1e-9


def test_the_three_seed_reports_form_one_event(tmp_path, shared_dir):
    from newsfuse.ingest import ingest
    from newsfuse.store import open_store

    seeds = [str(p) for p in sorted((shared_dir / "seeds").glob("*.txt"))]
    for settings, models in ((LEXICAL, None), (Settings(use_embeddings=True), cluster.load_models(True))):
        with open_store(tmp_path / f"seeds-{settings.use_embeddings}.db") as store:
            ids = list(ingest(seeds, store, settings).new)
            assert len(cluster.update(store, ids, settings, models)) == 1
            assert len({store.event_of(i) for i in ids}) == 1


HEIST = (
    "A band of thieves, some posing as women, struck a jewellery boutique in {city}'s luxury district on {day}, "
    "stealing diamonds, rings and watches worth 80 million euros, {chief} of the {city} police said. The robbers "
    "escaped in a waiting car; {chief} said it was the biggest heist the city had seen."
)


def test_same_wording_with_no_names_in_common_is_two_happenings(store):
    """Two heists told with the same words (template-like wire copy) but different cities and officials.

    Three reports are too few for splitting to separate them afterwards: the join itself must not happen.
    """
    _background(store)
    paris = [
        article(HEIST.format(city="Paris", day=day, chief="Commissioner Lucien Marchetti"), published="2024-06-03")
        for day in ("Monday", "Monday evening")
    ]
    geneva = [article(HEIST.format(city="Geneva", day="Wednesday", chief="Inspector Ruedi Baumgartner"))]
    store.add_articles(paris + geneva)
    cluster.update(store, [a.id for a in paris + geneva], LEXICAL, None)
    (paris_event,), (geneva_event,) = _partition(store, [paris, geneva])
    assert paris_event != geneva_event


def test_candidates_sharing_as_many_keys_are_the_most_recent_events_first():
    """A beat's incidents share their common words; a report's own happening is the latest of them, and must not
    fall past the candidate cut behind older incidents sharing as many keys."""
    from newsfuse.cluster.features import ArticleFeatures

    index = EventIndex(max_candidates=2)
    filler = ArticleFeatures("filler", {"harbor": 1.0}, {}, None)
    older = [ArticleFeatures(f"a{n}", {"shooting": 1.0, f"word{n}": 1.0}, {}, None) for n in range(4)]
    for features in [filler, *older]:
        index.observe(features)
    for n, features in enumerate(older):
        index.add(f"e{n}", index.weigh(features))
    report = ArticleFeatures("new", {"shooting": 1.0, "harbor": 1.0}, {}, None)
    index.observe(report)
    assert index.candidates(index.weigh(report)) == ["e3", "e2"]
