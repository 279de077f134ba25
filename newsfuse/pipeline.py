"""The whole pipeline over stored articles: dedup → cluster → extract → fuse, incrementally.

``process`` takes the ids of newly stored articles and updates only what they touch: their
duplicate/derivation links, the events they join (or merge), their extractions, and the fused
records of the affected events. Every stage is idempotent, so a repeated or interrupted run
converges to the same store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsfuse.settings import Settings


@dataclass
class PipelineModels:
    """Models every stage needs, loaded on first use and then shared (pass one instance around)."""

    settings: Settings
    # Long-running callers (the watcher) keep the dedup and event indexes in memory between batches
    # instead of rebuilding them from the store on every call, so a batch's cost does not grow with
    # the store. Only right while this process is the store's one writer.
    keep_indexes: bool = False
    _extraction: Any = None
    _cluster: Any = None
    _fusion: Any = None
    _dedup_index: Any = None
    _event_index: Any = None
    _resolver: Any = None

    def extraction(self):
        if self._extraction is None:
            from newsfuse.extract import load_models

            self._extraction = load_models(self.settings.gazetteers, processes=self.settings.extraction_workers())
        return self._extraction

    def cluster(self):
        if self._cluster is None:
            from newsfuse.cluster import load_models

            self._cluster = load_models(self.settings)
        return self._cluster

    def fusion(self):
        if self._fusion is None:
            from newsfuse.fuse import FusionModels

            self._fusion = FusionModels.load()
        return self._fusion

    def dedup_index(self, store):
        """The kept dedup index (built from the store once), or None: ``dedup.update`` builds its own."""
        if self.keep_indexes and self._dedup_index is None:
            from newsfuse.dedup import build_index

            self._dedup_index = build_index(store)
        return self._dedup_index

    def entity_resolver(self, store):
        """The kept entity resolver (every stored entity, loaded once), or None: ``extract.update`` loads them."""
        if self.keep_indexes and self._resolver is None:
            from newsfuse.extract import store_resolver

            self._resolver = store_resolver(store, self.extraction())
        return self._resolver

    def event_index(self, store):
        """The kept event index (built from the store once), or None: ``cluster.update`` builds its own."""
        if self.keep_indexes and self._event_index is None:
            from newsfuse.cluster import build_index, embedder_for

            self._event_index = build_index(store, embedder_for(self.settings, self.cluster()))
        return self._event_index


@dataclass(frozen=True, slots=True)
class ProcessReport:
    articles: int
    links: int
    events_affected: tuple[str, ...]
    extracted: int
    records: int
    skipped: tuple = field(default=())

    def to_json(self) -> dict:
        return {
            "articles": self.articles,
            "links": self.links,
            "events_affected": len(self.events_affected),
            "extracted": self.extracted,
            "event_records": self.records,
            "skipped": [{"input": s.input, "position": s.position, "reason": s.reason} for s in self.skipped],
        }


def process(
    store,
    article_ids: Sequence[str],
    settings: Settings,
    models: PipelineModels | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> ProcessReport:
    """Run every stage after ingest for ``article_ids``; ``on_stage`` is told each stage's name as it starts."""
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
        return _process(store, ids, settings, models, tell)
    finally:
        if start_here:
            stop_workers(extraction)


def _process(store, ids, settings, models, tell) -> ProcessReport:
    from newsfuse import cluster, dedup, extract, fuse

    tell("dedup")
    links = dedup.update(store, ids, settings, index=models.dedup_index(store))
    tell("cluster")
    affected = cluster.update(store, ids, settings, models.cluster(), index=models.event_index(store))
    # A revised article keeps its event: that event is re-fused with the new text's extraction.
    affected |= {event_id for event_id in map(store.event_of, ids) if event_id}
    tell("extract")
    extracted = extract.update(store, ids, settings, models.extraction(), resolver=models.entity_resolver(store))
    tell("fuse")
    records = fuse.update(store, sorted(affected), settings, models=models.fusion())
    return ProcessReport(
        articles=len(ids),
        links=len(links),
        events_affected=tuple(sorted(affected)),
        extracted=len(extracted.extracted),
        records=len(records),
        skipped=tuple(extracted.skipped),
    )


def unprocessed_article_ids(store) -> list[str]:
    """Stored articles no stage has seen yet (e.g. ingested with ``--store-only``)."""
    ids = store.article_ids()
    done = store.clustered(ids) & store.extracted_ids(ids)
    return [article_id for article_id in ids if article_id not in done]
