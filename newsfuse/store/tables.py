"""The store's tables and lifecycle, shared by both backends: each backend only says how it connects.

The mixins' SQL is written once (SQLite's dialect); the PostgreSQL connection rewrites what differs
(``store/dialect.py``), so a new table is added here once and both backends have it."""

from __future__ import annotations

from newsfuse.store.alerts import AlertTable
from newsfuse.store.articles import ArticleTable
from newsfuse.store.content import ContentTable
from newsfuse.store.corrections import CorrectionTable
from newsfuse.store.events import EventTable
from newsfuse.store.extractions import ExtractionTable
from newsfuse.store.locks import StepLock
from newsfuse.store.parses import ParseTable
from newsfuse.store.problems import ProblemTable
from newsfuse.store.records import EventRecordTable
from newsfuse.store.relations import RelationTable
from newsfuse.store.sources import SourceTable
from newsfuse.store.versions import VersionTable


class StoreTables(
    ArticleTable,
    ExtractionTable,
    EventRecordTable,
    RelationTable,
    EventTable,
    ContentTable,
    CorrectionTable,
    ProblemTable,
    ParseTable,
    SourceTable,
    VersionTable,
    AlertTable,
    StepLock,
):
    """Every table mixin over ``self.db``; subclasses set ``db``, ``location`` and ``backend``."""

    backend: str
    location: str

    def stats(self) -> dict:
        out = {"store": self.location, "backend": self.backend, "schema_version": self.db.schema_version()}
        out.update(self.article_stats())
        out.update(self.relation_stats() | self.event_stats())
        out.update(self.extraction_stats())
        out.update(self.event_record_stats())
        out.update(self.problem_stats())
        return out

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
