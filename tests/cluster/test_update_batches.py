"""``cluster.update`` internals: features from a helper process equal inline ones; shared keys keep values."""

from __future__ import annotations

from cluster_texts import stories

import newsfuse.cluster as cluster
from newsfuse.cluster import SharedKeys, feature_batches
from newsfuse.cluster.features import features_of


def test_helper_process_features_equal_inline_features(store, monkeypatch):
    articles = [a for group in stories() for a in group]
    store.add_articles(articles)
    ids = [a.id for a in articles]
    monkeypatch.setattr(cluster, "_BATCH", 2)
    inline = [f for batch in feature_batches(store, ids, None) for f in batch]
    monkeypatch.setattr(cluster, "_AHEAD_MIN_ARTICLES", 1)
    ahead = [f for batch in feature_batches(store, ids, None) for f in batch]
    assert ahead == inline == [features_of(a) for a in articles]


def test_shared_keys_keep_every_term_and_weight():
    articles = [a for group in stories() for a in group]
    shared = SharedKeys()
    first, second = (shared(features_of(a)) for a in articles[:2])
    assert first == features_of(articles[0]) and second == features_of(articles[1])
    own_keys = {key: key for key in first.terms}
    shared_terms = [key for key in second.terms if key in own_keys]
    assert shared_terms and all(own_keys[key] is key for key in shared_terms)  # one string object per term
