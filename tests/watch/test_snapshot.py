"""Snapshots of the watcher's kept indexes: loaded and reconciled with the store on start, or not used at all."""

from __future__ import annotations

import sqlite3

import pytest

from newsfuse import cluster
from newsfuse.bench.cluster import synthetic_corpus
from newsfuse.bench.soak import _fill
from newsfuse.pipeline import PipelineModels
from newsfuse.settings import Settings
from newsfuse.store import open_store
from newsfuse.watch.snapshot import restore_indexes, snapshot_path, write_indexes


def _kept(settings: Settings) -> PipelineModels:
    return PipelineModels(settings, keep_indexes=True)


def _grow(store, models: PipelineModels, articles, first: int) -> None:
    """Dedup and cluster ``articles`` with the indexes ``models`` keeps, as the watcher's batches do."""
    _fill(store, articles, models.settings, first, (models.dedup_index(store), models.event_index(store)))


@pytest.fixture
def corpus():
    return synthetic_corpus(260, seed=5)


def _settings(tmp_path, name: str = "watch.db") -> Settings:
    return Settings(db=tmp_path / name, use_embeddings=False)


def test_a_restart_loads_the_snapshot_and_adds_what_was_clustered_after_it(tmp_path, corpus):
    settings = _settings(tmp_path)
    path = snapshot_path(settings)
    live = _kept(settings)
    with open_store(settings.db) as store:
        _grow(store, live, corpus[:150], 0)
        assert write_indexes(live, path) is not None
        _grow(store, live, corpus[150:200], 150)  # a batch no snapshot saw: then SIGKILL

        restarted = _kept(settings)
        restored = restore_indexes(restarted, store, path)
        assert restored.used, restored.reason
        stored = {a.article_id: a.event_id for a in store.iter_assignments()}
        assert restored.added_events == len(set(stored) - _snapshot_members(path)) > 0
        assert restarted._event_index.event_of == stored == live._event_index.event_of
        dedup_ids = {s.article_id for s in store.iter_dedup_state()}
        assert set(restarted._dedup_index.position) == dedup_ids
        assert restarted._dedup_index.text_of("nonexistent") is None  # reads the store again


def _snapshot_members(path) -> set[str]:
    import pickle

    with open(path, "rb") as saved:
        return set(pickle.load(saved)["events"].event_of)


def test_the_next_batch_clusters_as_if_the_watcher_had_never_stopped(tmp_path, corpus):
    """A restart from a snapshot plus the batch after it gives the uninterrupted run's clustering."""
    settings = _settings(tmp_path)
    path = snapshot_path(settings)
    live = _kept(settings)
    with open_store(settings.db) as store:
        _grow(store, live, corpus[:150], 0)
        write_indexes(live, path)
        _grow(store, live, corpus[150:200], 150)
        copy_settings = _settings(tmp_path, "copy.db")
        with sqlite3.connect(copy_settings.db) as target:
            store.db.connection.backup(target)
        _grow(store, live, corpus[200:], 200)  # the watcher that never stopped
        uninterrupted = {a.article_id: a.event_id for a in store.iter_assignments()}
    with open_store(copy_settings.db) as copy:
        restarted = _kept(copy_settings)
        assert restore_indexes(restarted, copy, path).used
        _grow(copy, restarted, corpus[200:], 200)  # the restarted one
        assert {a.article_id: a.event_id for a in copy.iter_assignments()} == uninterrupted


def test_a_snapshot_of_another_store_is_not_used(tmp_path, corpus):
    settings = _settings(tmp_path)
    path = snapshot_path(settings)
    with open_store(settings.db) as store:
        first = _kept(settings)
        _grow(store, first, corpus[:80], 0)
        write_indexes(first, path)
    other = _settings(tmp_path, "other.db")
    with open_store(other.db) as store:
        _grow(store, _kept(other), corpus[100:140], 100)
        models = _kept(other)
        restored = restore_indexes(models, store, path)
        assert not restored.used and "lacks" in restored.reason
        assert models._event_index is None and models._dedup_index is None  # built from the store on first use
        assert set(models.event_index(store).event_of) == {a.article_id for a in store.iter_assignments()}


def test_an_article_the_store_moved_to_another_event_is_moved(tmp_path, corpus):
    settings = _settings(tmp_path)
    path = snapshot_path(settings)
    live = _kept(settings)
    with open_store(settings.db) as store:
        _grow(store, live, corpus[:120], 0)
        write_indexes(live, path)
        events = sorted(live._event_index.events.values(), key=lambda e: -len(e.members))
        big, small = events[0], events[-1]
        mover = next(a for a in big.members if a != big.founder)
        # The store files ``mover`` under another event (as a merge or an analyst's correction does).
        store.db.connection.execute(
            "UPDATE event_members SET event_id = ? WHERE article_id = ?", (small.event_id, mover)
        )
        store.db.connection.commit()
        restarted = _kept(settings)
        restored = restore_indexes(restarted, store, path)
        assert restored.used and restored.moved == 1
        index = restarted._event_index
        assert index.event_of[mover] == small.event_id and mover in index.events[small.event_id].members
        assert mover not in index.events[big.event_id].members


def test_a_truncated_snapshot_is_not_used(tmp_path, corpus):
    settings = _settings(tmp_path)
    path = snapshot_path(settings)
    live = _kept(settings)
    with open_store(settings.db) as store:
        _grow(store, live, corpus[:60], 0)
        write_indexes(live, path)
        path.write_bytes(path.read_bytes()[:1000])
        restored = restore_indexes(_kept(settings), store, path)
        assert not restored.used and "unreadable" in restored.reason


def test_the_snapshot_of_a_postgres_store_goes_to_the_cache(tmp_path):
    settings = Settings(db="postgresql://user@host/news", cache_dir=tmp_path)
    assert snapshot_path(settings).parent == tmp_path
    assert snapshot_path(Settings(db=tmp_path / "a.db")) == tmp_path / "a.db.watch-index"


def test_cluster_index_is_untouched_by_a_snapshot(tmp_path, corpus):
    """Writing a snapshot leaves the live dedup index able to read stored texts."""
    settings = _settings(tmp_path)
    live = _kept(settings)
    with open_store(settings.db) as store:
        _grow(store, live, corpus[:40], 0)
        write_indexes(live, snapshot_path(settings))
        assert live._dedup_index.text_of is not None and live._dedup_index.text_of(corpus[0].id) is not None
        assert isinstance(live._event_index, cluster.EventIndex)
