"""Soak: the watcher's per-batch latency against the size of the store it runs on.

The store is pre-filled with what the pipeline stores, through the store's own interface, running
the cheap stages only: synthetic reports (``bench.cluster.synthetic_corpus``: stories re-told with
other names, numbers and half their content words, each by one to eight outlets with syndication
edits) are stored (``add_articles``), deduplicated (``dedup.update``: signatures, links) and
clustered (``cluster.update``: memberships, events, merges, storylines), with the indexes one
watcher keeps across the whole run, as if it had processed them itself. They are not extracted or
fused (a batch only fuses the events it touches); the store gets 2.5 synthetic entities per
article instead (a tenth of the persons surname-only), since extraction resolves each batch
against the stored entities (the watcher keeps them in an index blocked by name, surname and alias
keys) and merges surname-only persons. Clustering is lexical: embedding
every pre-filled report would cost more than the whole run, and per new article the embedding
cost does not depend on the store (candidates come from bounded posting lists). Then batches of
fresh reports go through the whole pipeline (dedup, cluster, extract, fuse) on the kept indexes,
at the small size and again at the large one. The same-run baseline is the pipeline without kept
indexes (each call rebuilds the dedup and event indexes from the store, and every stored entity,
as before the watcher), timed on one batch at the large size.

Sizes: the issue's 10k and 100k stored with batches of 200, two batches per size (p99 of two is
their slowest; a batch of 200 takes minutes on a shared 2-core machine); ``--quick`` uses 500 and 2k
with batches of 20. ``NEWSFUSE_SOAK_SIZES=small,large,batch,batches`` sets them, and
``NEWSFUSE_SOAK_REBUILD=0`` leaves out the rebuild-per-batch baseline (one more batch at the large size).
Each batch prints its stages' wall and CPU seconds (CPU: this process and the extraction workers), so a
stage that grows with the store shows on a loaded machine too.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from newsfuse.bench.cluster import synthetic_corpus
from newsfuse.bench.report import BenchRow, peak_rss_mb

ENTITIES_PER_ARTICLE = 2.5  # distinct entities a store holds per article, roughly, once extracted


def _fill(store, articles, settings, first: int, indexes: tuple | None = None) -> None:
    """Store, dedup and cluster ``articles``; add as many synthetic entities as extraction would have found.

    Entities matter: extraction resolves each batch against every stored entity. ``indexes``: the
    ``(dedup, event)`` indexes to extend (a watcher's kept ones), else built from the store here.
    """
    from newsfuse import cluster, dedup
    from newsfuse.records.mentions import Entity

    rng = random.Random(first)
    # Indexes kept across the fill's chunks: rebuilding them per chunk made filling quadratic.
    dedup_index, event_index = indexes or (dedup.build_index(store), cluster.build_index(store, None))
    for start in range(0, len(articles), 2000):
        chunk = articles[start : start + 2000]
        store.add_articles(chunk)
        dedup.update(store, [a.id for a in chunk], settings, index=dedup_index)
        cluster.update(store, [a.id for a in chunk], settings, None, index=event_index)
        count = int(len(chunk) * ENTITIES_PER_ARTICLE)
        base = int((first + start) * ENTITIES_PER_ARTICLE)
        labels = [rng.choice(("PERSON", "ORG", "GPE")) for _ in range(count)]
        entities = [
            Entity(f"ent_fill_{base + n}", _name(rng, words=1 if rng.random() < 0.1 else 2), label, (), None)
            for n, label in enumerate(labels)
        ]
        store.put_extractions([], entities, "fill")


_SYLLABLES = "ka ri to mo na se lu vi da ge ro pa ti be".split()


def _name(rng: random.Random, words: int = 2) -> str:
    """A made-up name; one word in a tenth of them, as surname-only people are stored ("Nakatani")."""
    return " ".join("".join(rng.choice(_SYLLABLES) for _ in range(3)).title() for _ in range(words))


def _batches(store, probes, size: int, settings, models, cpu: list[float] | None = None) -> list[float]:
    """Wall seconds of each batch; ``cpu`` gets each batch's CPU seconds (this process and its extraction
    workers), which other load on a shared machine inflates far less than wall time."""
    from newsfuse.bench.watch import cpu_seconds, worker_pids
    from newsfuse.pipeline import process

    seconds = []
    pids = worker_pids(models)
    for start in range(0, len(probes), size):
        chunk = probes[start : start + size]
        began, used = time.perf_counter(), cpu_seconds(pids)
        # Each stage's wall and CPU seconds (CPU: this process and the workers), printed per batch.
        stages: list[tuple[str, float, float]] = [("store", began, used)]
        store.add_articles(chunk, revisions=True)
        process(
            store,
            [a.id for a in chunk],
            settings,
            models,
            on_stage=lambda n, s=stages: s.append((n, time.perf_counter(), cpu_seconds(pids))),
        )
        seconds.append(time.perf_counter() - began)
        if cpu is not None:
            cpu.append(cpu_seconds(pids) - used)
        stages.append(("", time.perf_counter(), cpu_seconds(pids)))
        split = ", ".join(
            f"{n} {b - a:.1f}/{d - c:.1f}" for (n, a, c), (_, b, d) in zip(stages, stages[1:], strict=False)
        )
        print(
            f"soak: batch of {len(chunk)} in {seconds[-1]:.1f} s, stages wall/CPU s: {split}",
            file=sys.stderr,
            flush=True,
        )
    return seconds


def _sizes(quick: bool) -> tuple[int, int, int, int]:
    """(small store, large store, batch size, batches per size)."""
    given = os.environ.get("NEWSFUSE_SOAK_SIZES")
    if given:
        small, large, size, count = (int(part) for part in given.split(","))
        return small, large, size, count
    return (500, 2000, 20, 2) if quick else (10_000, 100_000, 200, 2)


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(quick: bool) -> list[BenchRow]:
    from newsfuse.extract.pipeline import start_workers, stop_workers
    from newsfuse.pipeline import PipelineModels
    from newsfuse.settings import Settings
    from newsfuse.store import open_store

    small, large, size, count = _sizes(quick)
    corpus = synthetic_corpus(large + 3 * size * count + size, seed=11)
    filler, probes = corpus[:large], corpus[large:]
    probe_sets = [probes[i * size * count : (i + 1) * size * count] for i in range(2)]
    baseline_probe = probes[2 * size * count : 2 * size * count + size]
    warm_probe = probes[3 * size * count : 3 * size * count + size]
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-soak-") as folder:
        settings = Settings(db=Path(folder) / "soak.db", use_embeddings=False)
        loaded = PipelineModels(settings, keep_indexes=True)
        loaded.extraction(), loaded.fusion()
        start_workers(loaded.extraction())  # kept, as the watcher keeps them
        timings, builds, build_cpu, cpus = {}, {}, {}, {}
        with open_store(settings.db) as store:
            done = 0
            _batches(store, warm_probe, size, settings, loaded)  # not timed: the first batch warms every model up
            # One watcher that has run all along: the fill extends the indexes its batches keep.
            kept = (loaded.dedup_index(store), loaded.event_index(store))
            for stored, probe in ((small, probe_sets[0]), (large, probe_sets[1])):
                began = time.perf_counter()
                _fill(store, filler[done:stored], settings, done, kept)
                print(f"soak: {stored} stored ({time.perf_counter() - began:.0f} s)", file=sys.stderr, flush=True)
                done = stored
                # The fill stored entities behind the resolver's back: read them again, as a (re)start does.
                models = replace(loaded, _resolver=None, _persons=None)
                began, used = time.perf_counter(), time.process_time()
                models.entity_resolver(store), models.surname_persons(store)
                builds[stored] = time.perf_counter() - began
                build_cpu[stored] = time.process_time() - used
                timings[stored] = _batches(store, probe, size, settings, models, cpus.setdefault(stored, []))
            rebuild = replace(
                loaded, keep_indexes=False, _dedup_index=None, _event_index=None, _resolver=None, _persons=None
            )
            with_baseline = os.environ.get("NEWSFUSE_SOAK_REBUILD", "1") != "0"
            baseline = _batches(store, baseline_probe, size, settings, rebuild)[0] if with_baseline else None
        stop_workers(loaded.extraction())
    p50 = {n: statistics.median(t) for n, t in timings.items()}
    p99 = {n: _p(t, 0.99) for n, t in timings.items()}
    k = lambda n: f"{n / 1000:g}k"  # noqa: E731
    note = f"{count} batches of {size} per size; p99 of {count} batches is their slowest"
    return [
        BenchRow(
            "soak", f"p50 batch latency at {k(large)} stored", p50[large], "s", p50[small], f"at {k(small)}", note
        ),
        BenchRow(
            "soak", f"p99 batch latency at {k(large)} stored", p99[large], "s", p99[small], f"at {k(small)}", note
        ),
        BenchRow(
            "soak",
            f"p50 batch CPU seconds at {k(large)} stored",
            statistics.median(cpus[large]),
            "s",
            statistics.median(cpus[small]),
            f"at {k(small)}",
            "this process and its extraction workers: less coloured by other load than wall time",
        ),
        *[
            BenchRow(
                "soak",
                f"batch latency at {k(large)}, indexes rebuilt per batch",
                baseline,
                "s",
                p50[large],
                "kept indexes (p50)",
                "the pipeline before the watcher: dedup index, event index and entities reloaded per call",
            )
            for _ in [baseline]
            if baseline is not None
        ],
        BenchRow(
            "soak",
            f"entities read at watcher start, {k(large)} stored",
            builds[large],
            "s",
            builds[small],
            f"at {k(small)}",
            "paid once per start; the kept indexes: see bench startup",
        ),
        BenchRow(
            "soak",
            f"entities read at watcher start, {k(large)} stored, CPU seconds",
            build_cpu[large],
            "s",
            build_cpu[small],
            f"at {k(small)}",
            f"{int(large * ENTITIES_PER_ARTICLE)} vs {int(small * ENTITIES_PER_ARTICLE)} entities",
        ),
        BenchRow("soak", "peak RSS", peak_rss_mb(), "MB"),
    ]
