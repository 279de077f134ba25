"""Watcher start-up: the time to have the kept indexes ready, against the size of the store, with and without a snapshot.

One store is filled in two steps (``bench.soak``'s fill: synthetic reports stored, deduplicated and
clustered, plus the entities extraction would have stored) with indexes kept as a watcher keeps
them. At each size the watcher snapshots its indexes (``watch/snapshot.py``), then runs one more
batch of the cheap stages that no snapshot sees (as when a watcher is killed between snapshots),
and a new start is timed two ways in one process:

- **rebuild** (the start before snapshots): dedup index from every stored signature, event index
  from every stored article's features, entity resolver and surname-only persons from the store;
- **snapshot**: the last snapshot loaded and reconciled with the store (the batch after it added
  from the store), entity resolver and surname-only persons from the store.

Both starts must give the same event memberships (checked). The rows are each start at the large
size against the small one (growth with the store), snapshot against rebuild at the large size, and
the snapshot's write time and size. Sizes: 2k and 8k stored, a batch of 200 after the snapshot;
``--quick`` 300 and 1,200 with 50; ``NEWSFUSE_STARTUP_SIZES=small,large,batch`` sets them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from newsfuse.bench.cluster import synthetic_corpus
from newsfuse.bench.report import BenchRow, peak_rss_mb
from newsfuse.bench.soak import _fill


def _sizes(quick: bool) -> tuple[int, int, int]:
    given = os.environ.get("NEWSFUSE_STARTUP_SIZES")
    if given:
        small, large, batch = (int(part) for part in given.split(","))
        return small, large, batch
    return (300, 1200, 50) if quick else (2000, 8000, 200)


def _start(store, settings, snapshot: Path | None):
    """A new watcher's models with every kept index ready; ``(seconds, models)``."""
    from newsfuse.pipeline import PipelineModels
    from newsfuse.watch.snapshot import restore_indexes

    models = PipelineModels(settings, keep_indexes=True)
    models.cluster(), models.extraction()  # loaded before the clock starts: the same in both starts
    began = time.perf_counter()
    if snapshot is not None and not restore_indexes(models, store, snapshot).used:
        raise RuntimeError("the snapshot was not used")
    models.dedup_index(store), models.event_index(store)  # built here unless the snapshot gave them
    models.entity_resolver(store), models.surname_persons(store)
    return time.perf_counter() - began, models


def run(quick: bool) -> list[BenchRow]:
    from newsfuse.pipeline import PipelineModels
    from newsfuse.settings import Settings
    from newsfuse.store import open_store
    from newsfuse.watch.snapshot import write_indexes

    small, large, batch = _sizes(quick)
    corpus = synthetic_corpus(large + 2 * batch, seed=13)
    rebuild, restore, written, sizes = {}, {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-startup-") as folder:
        settings = Settings(db=Path(folder) / "startup.db", use_embeddings=False)
        snapshot = Path(folder) / "startup.db.watch-index"
        live = PipelineModels(settings, keep_indexes=True)
        with open_store(settings.db) as store:
            done, extra = 0, large
            for stored in (small, large):
                began = time.perf_counter()
                indexes = (live.dedup_index(store), live.event_index(store))
                _fill(store, corpus[done:stored], settings, done, indexes)
                print(f"startup: {stored} stored ({time.perf_counter() - began:.0f} s)", file=sys.stderr, flush=True)
                written[stored] = write_indexes(live, snapshot)
                sizes[stored] = snapshot.stat().st_size / 1e6
                _fill(store, corpus[extra : extra + batch], settings, extra, indexes)  # after the snapshot
                done, extra = stored, extra + batch
                rebuild[stored], rebuilt = _start(store, settings, None)
                restore[stored], restored = _start(store, settings, snapshot)
                if rebuilt._event_index.event_of != restored._event_index.event_of:
                    raise RuntimeError("the snapshot start files articles under other events than the rebuild")
                print(
                    f"startup: at {stored}, rebuild {rebuild[stored]:.1f} s, snapshot {restore[stored]:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
    k = lambda n: f"{n / 1000:g}k"  # noqa: E731
    note = f"{batch} articles clustered after the snapshot, added at start"
    return [
        BenchRow(
            "startup",
            f"start with snapshot, {k(large)} stored",
            restore[large],
            "s",
            restore[small],
            f"at {k(small)}",
            note,
        ),
        BenchRow(
            "startup",
            f"start by rebuild, {k(large)} stored",
            rebuild[large],
            "s",
            rebuild[small],
            f"at {k(small)}",
            "the start before snapshots",
        ),
        BenchRow(
            "startup",
            f"start at {k(large)} stored",
            restore[large],
            "s",
            rebuild[large],
            "rebuild",
            "snapshot against rebuild, same store",
        ),
        BenchRow(
            "startup",
            f"snapshot write, {k(large)} stored",
            written[large],
            "s",
            written[small],
            f"at {k(small)}",
            f"{sizes[large]:.0f} MB at {k(large)}, {sizes[small]:.0f} MB at {k(small)}",
        ),
        BenchRow("startup", "peak RSS", peak_rss_mb(), "MB"),
    ]
