"""The Python API: everything the CLI does, as methods on one object over one store.

>>> from newsfuse import Newsfuse
>>> with Newsfuse("news.db") as nf:                          # doctest: +SKIP
...     nf.ingest("../shared/seeds")
...     for record in nf.events():
...         print(record.headline, record.independent_sources)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsfuse.errors import NotFoundError
from newsfuse.pipeline import PipelineModels, ProcessReport, resume
from newsfuse.records import Article, IngestReport
from newsfuse.records.mentions import ArticleExtraction, Entity
from newsfuse.settings import Settings, load_settings
from newsfuse.store import SQLiteStore, open_store


class Newsfuse:
    """One store plus the models the stages need, loaded on first use and kept."""

    def __init__(self, db: str | Path | None = None, settings: Settings | None = None, **overrides: Any) -> None:
        self.settings = (settings or load_settings()).with_overrides(db=Path(db) if db else None, **overrides)
        self.store: SQLiteStore = open_store(self.settings.db)
        self.models = PipelineModels(self.settings)
        self._curator = None

    # --- writing ---
    def ingest(self, *inputs: str | Path, process_new: bool = True) -> IngestReport:
        """Read inputs (paths, directories, globs, URLs) and store them; then update events unless told not to."""
        from newsfuse.ingest import ingest

        report = ingest([str(i) for i in inputs], self.store, self.settings)
        if process_new:  # new articles, and whatever an interrupted earlier run left undone
            resume(self.store, self.settings, self.models)
        return report

    def process(self) -> ProcessReport:
        """Dedup, cluster, extract and fuse every stored article not processed yet (and fuse unfused events)."""
        return resume(self.store, self.settings, self.models) or ProcessReport(0, 0, (), 0, 0)

    # --- correcting (each applied at once, kept in the audit log, held through later clustering) ---
    def curator(self, user: str | None = None):
        """A ``curate.Curator`` acting as ``user`` (default: ``settings.user``, else the login name)."""
        from newsfuse.curate.corrections import Curator

        if self._curator is None or (user and user != self._curator.user):
            models = self._curator.models if self._curator is not None else None
            self._curator = Curator(self.store, self.settings, user or self.settings.user, models)
        return self._curator

    def split(self, event_id: str, *article_ids: str, note: str = "", user: str | None = None):
        return self.curator(user).split(event_id, article_ids, note)

    def merge(self, *event_ids: str, note: str = "", user: str | None = None):
        return self.curator(user).merge(event_ids, note)

    def move(self, article_id: str, event_id: str, note: str = "", user: str | None = None):
        return self.curator(user).move(article_id, event_id, note)

    def pin(self, event_id: str, headline: str, note: str = "", user: str | None = None):
        return self.curator(user).pin(event_id, headline, note)

    def claim(self, claim_id: str, verdict: str, note: str = "", user: str | None = None):
        """``verdict``: "reject" or "confirm"."""
        return self.curator(user).claim(claim_id, verdict, note)

    def outlet(self, host: str, name: str, note: str = "", user: str | None = None):
        return self.curator(user).outlet(host, name, note)

    def undo(self, correction_id: str, note: str = "", user: str | None = None):
        return self.curator(user).undo(correction_id, note)

    def corrections(self) -> list:
        """The audit log, oldest first."""
        return self.store.corrections()

    def history(self, event_id: str) -> list:
        """Every stored version of an event's record (``RecordVersion``), oldest first."""
        return self.store.record_versions(self.store.resolve_event_id(event_id) or event_id, with_records=True)

    # --- reading ---
    def articles(self, **filters: Any) -> Iterator[Article]:
        """Stored articles; filters as ``SQLiteStore.iter_articles`` (since, until, source, query, limit)."""
        return self.store.iter_articles(**filters)

    def article(self, article_id: str) -> Article:
        found = self.store.get_article(article_id)
        if found is None:
            raise NotFoundError(f"no article {article_id!r} in {self.store.location}")
        return found

    def events(self, limit: int | None = None, **filters: Any) -> list:
        """Fused event records, latest first; filters as ``curate.filters.EventQuery`` (q, entity, place,
        since, until, min_independent_sources, language), the same the CLI and the REST API take."""
        from newsfuse.curate.filters import EventQuery, all_events

        return all_events(self.store, EventQuery(**filters), limit)

    def event(self, event_id: str):
        """One fused event record, by id, merged-away alias, or unique id prefix."""
        resolved = self.store.resolve_event_id(event_id) or event_id
        record = self.store.get_event_record(resolved)
        if record is None:
            raise NotFoundError(f"no event {event_id!r} in {self.store.location}")
        return record

    def entities(self, **filters: Any) -> list[Entity]:
        return self.store.entities(**filters)

    def extraction(self, article_id: str) -> ArticleExtraction | None:
        return self.store.get_extraction(self.article(article_id).id)

    def extract(self, *inputs: str | Path) -> Iterator[ArticleExtraction]:
        """Extract mentions from inputs without storing anything."""
        from newsfuse.extract import extract_and_resolve
        from newsfuse.ingest import read_documents

        articles = (
            item for item in read_documents([str(i) for i in inputs], self.settings) if isinstance(item, Article)
        )
        return extract_and_resolve(articles, self.models.extraction())

    def stats(self) -> dict:
        return self.store.stats()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Newsfuse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
