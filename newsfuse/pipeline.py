"""The whole pipeline over stored articles: dedup → cluster → extract → fuse, incrementally and in isolation.

``process`` takes the ids of newly stored articles and updates only what they touch: their
duplicate/derivation links, the events they join (or merge), their extractions, and the fused
records of the affected events. Every stage is idempotent, so a repeated or interrupted run
converges to the same store; ``pending_articles`` and ``pending_events`` name what an earlier,
interrupted run left undone, and the CLI passes them in first.

One bad record never stops a stage: a batch a stage raises on is halved until the record to
blame is found, which is recorded in the store's dead-letter table (``store/problems.py``) with
a fingerprint of the code and the input, and skipped. It is retried when either changes.
"""

from __future__ import annotations

import gc
import hashlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from newsfuse.errors import StoreError
from newsfuse.records import Skipped
from newsfuse.settings import Settings
from newsfuse.store.problems import LIMITED, SKIPPED, Problem


@dataclass
class PipelineModels:
    """Models every stage needs, loaded on first use and then shared (pass one instance around)."""

    settings: Settings
    # Long-running callers (the watcher) keep the dedup and event indexes in memory between batches
    # instead of rebuilding them from the store on every call, so a batch's cost does not grow with
    # the store. Only right while this process is the store's one writer.
    keep_indexes: bool = False
    # An ``engine`` executor running extraction, embedding and fusion on other workers (Ray); None: here.
    engine: Any = None
    _extraction: Any = None
    _cluster: Any = None
    _fusion: Any = None
    _dedup_index: Any = None
    _event_index: Any = None
    _resolver: Any = None
    _persons: Any = None

    def extraction(self):
        if self._extraction is None:
            from newsfuse.extract import load_models

            processes = self.settings.extraction_workers() if self.engine is None else 1  # the engine's workers extract
            self._extraction = load_models(self.settings.gazetteers, processes=processes)
            if self.engine is None:  # with an engine, fusion (and its parse) runs on the engine's workers
                self._attach_parser(self._extraction)
        return self._extraction

    def _attach_parser(self, extraction) -> None:
        """Fusion's parser runs in extraction's workers: each article parsed once, in parallel, and stored."""
        from newsfuse.extract.nlp import use_numpy_blas
        from newsfuse.fuse.parse import parser_name

        # numpy's BLAS: 1.4-1.6x faster, the same tags, heads and lemmas (all 35.7k tokens of 80 ECB+ reports)
        extraction.parser = use_numpy_blas(self.fusion().nlp)
        extraction.parser_key = parser_name(extraction.parser)

    def cluster(self):
        if self._cluster is None:
            from newsfuse.cluster import load_models
            from newsfuse.engine.hooks import cluster_models_for

            self._cluster = cluster_models_for(self.engine, load_models(self.settings))
        return self._cluster

    def fusion(self):
        if self._fusion is None and self.engine is None:  # an engine's workers load their own
            from newsfuse.fuse import FusionModels

            self._fusion = FusionModels.load(embedder=self._statement_embedder())
        return self._fusion

    def _statement_embedder(self):
        """MiniLM for statement similarity in fusion when asked for: clustering's own when it loaded one (English
        embeddings on), else loaded here, since English clustering runs without it by default."""
        if not self.settings.fusion_embeddings:
            return None
        embedder = getattr(self.cluster(), "embedder", None)
        if embedder is None:
            from newsfuse.cluster.embed import Embedder

            embedder = Embedder(cache_dir=self.settings.cache_dir)
        return embedder

    def dedup_index(self, store):
        """The kept dedup index (built from the store once), or None: ``dedup.update`` builds its own."""
        if self.keep_indexes and self._dedup_index is None:
            from newsfuse.dedup import build_index

            self._dedup_index = build_index(store)
        return self._dedup_index

    def entity_resolver(self, store):
        """The kept entity resolver (every stored entity, loaded once), or None: ``extract.update`` loads them."""
        if self.keep_indexes and self._resolver is None:
            self._read_entities(store)
        return self._resolver

    def surname_persons(self, store):
        """The kept surname-only persons (read from the store once), or None: ``extract.update`` reads them all."""
        if self.keep_indexes and self._persons is None:
            self._read_entities(store)
        return self._persons

    def _read_entities(self, store) -> None:
        """The kept resolver and surname-only persons that are not loaded yet, from one read of the entities."""
        from newsfuse.extract import SurnameOnlyPersons
        from newsfuse.resolve import KeptResolver

        with gc_paused():  # nothing made here is garbage (see ``gc_paused``)
            entities = store.entities()  # most mentioned first: the name a key finds first is the one kept
            if self._resolver is None:
                self._resolver = KeptResolver.of(self.extraction().by_entity_id, entities)
            if self._persons is None:
                self._persons = SurnameOnlyPersons(entities)

    def event_index(self, store):
        """The kept event index (built from the store once), or None: ``cluster.update`` builds its own."""
        if self.keep_indexes and self._event_index is None:
            from newsfuse.cluster import build_index, embedder_for, multilingual_for

            models = self.cluster()
            plan = multilingual_for(store, self.settings, models)  # e5 vectors too, as the updates compare them
            self._event_index = build_index(store, embedder_for(self.settings, models), None, plan)
        return self._event_index


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector paused while a long-lived index is loaded: loading millions of objects would
    otherwise run it again and again over the growing heap (2-5x the load time), and none of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class ProcessReport:
    articles: int
    links: int
    events_affected: tuple[str, ...]
    extracted: int
    records: int
    skipped: tuple = field(default=())
    problems: tuple[Problem, ...] = field(default=())  # recorded by this run: skipped or limited items

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "links": self.links,
            "events_affected": len(self.events_affected),
            "extracted": self.extracted,
            "event_records": self.records,
            "skipped": [{"input": s.input, "position": s.position, "reason": s.reason} for s in self.skipped],
            "problems": [p.to_json() for p in self.problems],
        }


def process(
    store,
    article_ids: Sequence[str],
    settings: Settings,
    models: PipelineModels | None = None,
    on_stage: Callable[[str], None] | None = None,
    event_ids: Sequence[str] = (),
) -> ProcessReport:
    """Run every stage after ingest for ``article_ids`` (and fuse ``event_ids`` too); ``on_stage`` hears each stage."""
    from newsfuse.extract.pipeline import fewest_for_workers, start_workers, stop_workers

    models = models or PipelineModels(settings)
    tell = on_stage or (lambda name: None)
    ids = list(dict.fromkeys(article_ids))
    extraction = models.extraction()
    # Workers are forked before clustering starts onnxruntime's threads, which would slow them (see
    # ``start_workers``), and serve this call only; smaller batches are extracted in this process.
    # Workers the caller started are theirs to stop.
    start_here = extraction.worker_pool is None and len(ids) >= fewest_for_workers(extraction)
    if start_here:
        start_workers(extraction)
    try:
        return _process(store, ids, list(event_ids), settings, models, tell)
    finally:
        if start_here:
            stop_workers(extraction)


def _process(store, ids, event_ids, settings, models, tell) -> ProcessReport:
    from newsfuse import cluster, dedup, extract, fuse
    from newsfuse.engine.hooks import extractor_for, fuser_for

    found: list[Problem] = []
    tell("dedup")
    links = _isolated(
        store, "dedup", ids, lambda chunk: dedup.update(store, chunk, settings, index=models.dedup_index(store)), found
    )
    tell("cluster")
    with store.step_lock("cluster"):  # one process at a time extends a store's events (store/locks.py)
        affected = _isolated(
            store,
            "cluster",
            ids,
            lambda chunk: [cluster.update(store, chunk, settings, models.cluster(), index=models.event_index(store))],
            found,
        )
    tell("extract")
    reports = _isolated(
        store,
        "extract",
        ids,
        lambda chunk: [
            extract.update(
                store,
                chunk,
                settings,
                models.extraction(),
                resolver=models.entity_resolver(store),
                extractor=extractor_for(models.engine),
                persons=models.surname_persons(store),
            )
        ],
        found,
    )
    skipped = [s for r in reports for s in r.skipped]
    found += _extraction_problems(store, [i for r in reports for i in r.extracted], skipped)
    tell("fuse")
    # A revised article keeps its event: that event is re-fused with the new text's extraction.
    revised_events = {event_id for event_id in map(store.event_of, ids) if event_id}
    events = sorted({e for changed in affected for e in changed} | set(event_ids) | revised_events)
    records = _isolated(
        store,
        "fuse",
        events,
        lambda chunk: fuse.update(
            store, chunk, settings, models=models.fusion(), fuse_many=fuser_for(models.engine, store)
        ),
        found,
    )
    store.mark_fused([r.id for r in records])  # records kept unchanged are up to date too
    return ProcessReport(
        articles=len(ids),
        links=len(links),
        events_affected=tuple(sorted({e for changed in affected for e in changed})),
        extracted=sum(len(r.extracted) for r in reports),
        records=len(records),
        skipped=tuple(skipped),
        problems=tuple(found),
    )


def _isolated(store, stage: str, items: list[str], run: Callable[[list[str]], list], found: list[Problem]) -> list:
    """``run`` over the items the stage has not given up on; a failing batch is halved down to the culprit."""
    fingerprint = _fingerprints(store, stage)
    given_up = store.skipped_fingerprints(stage)
    todo = [i for i in items if i not in given_up or given_up[i] != fingerprint(i)]
    out: list = []
    failed: list[Problem] = []
    _bisect(stage, todo, run, fingerprint, out, failed)
    store.record_problems(failed)
    culprits = {p.item_id for p in failed}
    store.clear_problems(stage, [i for i in todo if i in given_up and i not in culprits])
    found.extend(failed)
    return out


def _bisect(stage, items, run, fingerprint, out: list, failed: list[Problem]) -> None:
    if not items:
        return
    try:
        out.extend(run(items))
        return
    except (StoreError, sqlite3.OperationalError):
        raise  # the store is at fault (locked, full, unreadable), not a record: nothing to skip
    except Exception as exc:
        if len(items) == 1:
            reason = f"{stage} failed: {type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
            failed.append(Problem(stage, items[0], SKIPPED, reason.rstrip(": "), fingerprint(items[0])))
            return
    middle = len(items) // 2
    _bisect(stage, items[:middle], run, fingerprint, out, failed)
    _bisect(stage, items[middle:], run, fingerprint, out, failed)


def _extraction_problems(store, extracted: list[str], skipped: list[Skipped]) -> list[Problem]:
    """Articles extraction skipped on its own (one extractor failed), and long texts it read only in part."""
    from newsfuse.extract.pipeline import NLP_MAX_CHARS

    version = code_version("extract")
    problems = [
        Problem("extract", s.position, SKIPPED, s.reason, f"{version}:{s.position}") for s in skipped if s.position
    ]
    long_ones = {i: n for i, n in store.text_lengths(extracted).items() if n > NLP_MAX_CHARS}
    problems += [
        Problem(
            "extract",
            i,
            LIMITED,
            f"text of {n} characters: entities, dates and quotes read from the first "
            f"{NLP_MAX_CHARS} or fewer (to the last sentence end); the stored text is whole",
            f"{version}:{i}",
        )
        for i, n in long_ones.items()
        if i not in {p.item_id for p in problems}
    ]
    store.record_problems(problems)
    return problems


def _fingerprints(store, stage: str) -> Callable[[str], str]:
    """What a stage's result for an item depends on: its code, and the item (an article id is its content hash)."""
    version = code_version(stage)
    if stage != "fuse":
        return lambda item: f"{version}:{item}"

    def event_print(event_id: str) -> str:
        from newsfuse.fuse.update import article_links, fingerprint

        members = store.event_members(event_id)
        extractions = [store.get_extraction(a) for a in members]
        return f"{version}:{fingerprint(members, extractions, article_links(store, members))}"

    return event_print


@cache
def code_version(stage: str) -> str:
    """A hash of the stage package's source: any change to its code retries what it gave up on."""
    digest = hashlib.sha256()
    package = resources.files(f"newsfuse.{stage}")
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            digest.update(entry.name.encode() + entry.read_bytes())
    return digest.hexdigest()[:12]


def resume(
    store,
    settings: Settings,
    models: PipelineModels | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> ProcessReport | None:
    """Finish everything stored but not yet processed (new articles and what an interrupted run left);
    ``None`` when nothing is pending, so no model is loaded for nothing."""
    articles, events = pending_articles(store), pending_events(store)
    if not articles and not events:
        return None
    return process(store, articles, settings, models, on_stage, event_ids=events)


def pending_articles(store) -> list[str]:
    """Stored articles a stage has not finished (never clustered, or not extracted by the current extractor),
    less those the stage gave up on for the current code."""
    from newsfuse.extract.pipeline import EXTRACTOR_VERSION

    ids = store.article_ids()
    clustered, extracted = store.clustered(ids), store.extracted_ids(ids, EXTRACTOR_VERSION)
    open_cluster = {i for i in ids if i not in clustered} - _given_up(store, "cluster")
    open_extract = {i for i in ids if i not in extracted} - _given_up(store, "extract")
    return [i for i in ids if i in open_cluster or i in open_extract]


def pending_events(store) -> list[str]:
    """Events without a record, or whose record predates a change to their members or extractions,
    less those fusion gave up on for the current code and input."""
    given_up = _given_up(store, "fuse")
    return [e for e in store.unfused_event_ids() if e not in given_up]


def _given_up(store, stage: str) -> set[str]:
    fingerprint = _fingerprints(store, stage)
    return {i for i, printed in store.skipped_fingerprints(stage).items() if printed == fingerprint(i)}


def unprocessed_article_ids(store) -> list[str]:
    """Stored articles no stage has finished (e.g. ingested with ``--store-only``); see ``pending_articles``."""
    return pending_articles(store)
