"""``SQLiteStore``: the tables of every stage over one SQLite file."""

from __future__ import annotations

from pathlib import Path

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
from newsfuse.store.sqlite import SQLiteConnection
from newsfuse.store.versions import VersionTable


class SQLiteStore(
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
    backend = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.db = SQLiteConnection(path, readonly=readonly)
        self.location = str(path)

    def stats(self) -> dict:
        out = {"store": self.location, "schema_version": self.db.schema_version()}
        out.update(self.article_stats())
        out.update(self.relation_stats() | self.event_stats())
        out.update(self.extraction_stats())
        out.update(self.event_record_stats())
        out.update(self.problem_stats())
        return out

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
