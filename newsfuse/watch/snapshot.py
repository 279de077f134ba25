"""Snapshots of the watcher's kept dedup and event indexes, so a restart loads them instead of rebuilding them.

Rebuilding the event index re-reads every stored article and recomputes its features (about 5 ms an
article: minutes at 100k), and the dedup index re-inserts every stored signature into LSH. The
watcher instead pickles both indexes now and then (``Watcher.snapshot_every_s``) and when it stops;
on start it loads the last snapshot and reconciles it with the store, which is the truth:

- articles the store clustered or deduplicated after the snapshot (a batch after it, before a
  SIGKILL) are added, as ``build_index`` would add them;
- an article the store now files under another event (a merge, a split, an analyst's correction)
  is moved there with its weights;
- anything the snapshot holds that the store does not (another store, a recluster, a batch that
  failed after it was indexed) means the snapshot is not this store's past: it is not used, and the
  indexes are rebuilt from the store as before.

A snapshot also names the dedup and cluster code it was made by and the embedder: any change to
them rebuilds. Written to a temporary file and renamed, so a kill mid-write leaves the old one.
"""

from __future__ import annotations

import copy
import hashlib
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path

from newsfuse.pipeline import gc_paused
from newsfuse.settings import Settings
from newsfuse.store.location import parse_location

FORMAT = 1


@dataclass(frozen=True, slots=True)
class Restored:
    """What loading a snapshot did: ``used`` false means the indexes were left to be rebuilt (``reason``)."""

    used: bool
    reason: str = ""
    added_events: int = 0  # articles clustered after the snapshot, added from the store
    moved: int = 0  # articles the store files under another event than the snapshot did
    added_dedup: int = 0  # dedup states stored after the snapshot, restored from the store
    seconds: float = 0.0


def snapshot_path(settings: Settings) -> Path:
    """Beside an SQLite store's file; for PostgreSQL in the cache folder, named by a hash of the URL."""
    where = parse_location(settings.db)
    if not where.is_postgres:
        return Path(where.target + ".watch-index")
    name = hashlib.sha256(where.target.encode()).hexdigest()[:16]
    return settings.cache_dir / f"watch-index-{name}"


def snapshot_key(embedder) -> str:
    """The code and model the indexes depend on: a snapshot made by others is not used."""
    from newsfuse.pipeline import code_version

    return f"{FORMAT}:{code_version('dedup')}:{code_version('cluster')}:{getattr(embedder, 'name', '')}"


def save_snapshot(path: Path, dedup_index, event_index, key: str) -> float:
    """Pickle both indexes to ``path`` (atomically); returns the seconds it took."""
    began = time.perf_counter()
    dedup = copy.copy(dedup_index)  # the live index keeps its store reader and caches
    dedup.text_of, dedup._shingles, dedup._sentences = None, {}, {}
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out, gc_paused():
        pickle.dump({"key": key, "dedup": dedup, "events": event_index}, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return time.perf_counter() - began


def load_snapshot(path: Path, store, key: str, embedder) -> tuple[Restored, object, object]:
    """``(what was done, dedup index, event index)`` from ``path`` reconciled with ``store``; indexes are
    None when the snapshot is missing, unreadable, made by other code, or not this store's past."""
    from newsfuse.dedup import StoredTexts

    began = time.perf_counter()
    try:
        with open(path, "rb") as given, gc_paused():
            saved = pickle.load(given)
    except FileNotFoundError:
        return Restored(False, "no snapshot"), None, None
    except Exception as exc:  # a truncated or foreign file: rebuild, never fail the start
        return Restored(False, f"unreadable snapshot ({type(exc).__name__})"), None, None
    if not isinstance(saved, dict) or saved.get("key") != key:
        return Restored(False, "made by other code or model"), None, None
    dedup, events = saved["dedup"], saved["events"]
    added_dedup = _reconcile_dedup(dedup, store)
    if added_dedup is None:
        return Restored(False, "holds dedup states the store lacks"), None, None
    reconciled = _reconcile_events(events, store, embedder)
    if reconciled is None:
        return Restored(False, "holds memberships the store lacks"), None, None
    dedup.text_of = StoredTexts(store)
    added, moved = reconciled
    return Restored(True, "", added, moved, added_dedup, time.perf_counter() - began), dedup, events


def _reconcile_dedup(index, store) -> int | None:
    """Restore the states stored after the snapshot (how many); None when the snapshot indexes an article
    the store has no state for."""
    before = len(index.position)
    stored: set[str] = set()
    for state in store.iter_dedup_state():
        stored.add(state.article_id)
        if state.article_id not in index.position:
            index.restore(state)
    if any(article_id not in stored for article_id in index.position):
        return None
    return len(index.position) - before


def _reconcile_events(index, store, embedder) -> tuple[int, int] | None:
    """Add what the store clustered after the snapshot and move what it files elsewhere; None when the
    snapshot holds an article the store has in no event."""
    from newsfuse.cluster import article_features

    assignments = list(store.iter_assignments())
    held = {a.article_id for a in assignments}
    if any(article_id not in held for article_id in index.event_of):
        return None
    missing, moved = [], 0
    for assignment in assignments:
        current = index.event_of.get(assignment.article_id)
        if current is None:
            missing.append(assignment)
        elif current != assignment.event_id:
            index.add(assignment.event_id, index.remove(assignment.article_id))
            moved += 1
    for start in range(0, len(missing), 500):  # as ``cluster.build_index`` adds them, in processing order
        chunk = missing[start : start + 500]
        articles = store.get_articles([a.article_id for a in chunk])
        for assignment, features in zip(chunk, article_features(store, articles, embedder), strict=True):
            index.observe(features)
            index.add(assignment.event_id, index.weigh(features))
    return len(missing), moved


def restore_indexes(models, store, path: Path) -> Restored:
    """Give ``models`` (a ``PipelineModels`` keeping indexes) the snapshot's indexes, reconciled with ``store``."""
    from newsfuse.cluster import embedder_for

    embedder = embedder_for(models.settings, models.cluster() if models.settings.use_embeddings else None)
    restored, dedup, events = load_snapshot(path, store, snapshot_key(embedder), embedder)
    if restored.used:
        models._dedup_index, models._event_index = dedup, events
    return restored


def write_indexes(models, path: Path) -> float | None:
    """Snapshot the indexes ``models`` keeps (seconds taken), or None when it has not built them yet."""
    from newsfuse.cluster import embedder_for

    if models._dedup_index is None or models._event_index is None:
        return None
    key = snapshot_key(embedder_for(models.settings, models.cluster() if models.settings.use_embeddings else None))
    return save_snapshot(path, models._dedup_index, models._event_index, key)
