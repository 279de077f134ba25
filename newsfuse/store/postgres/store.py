"""``PostgresStore``: the same table mixins as ``SQLiteStore`` over a PostgreSQL database (the shared store).

The mixins' SQL runs through ``store.dialect``; what PostgreSQL does differently is overridden here,
explicitly: vectors also kept as pgvector where the extension is installed, the catalogue check of
``corrections``/``users`` (always migrated here), and the clustering step's advisory lock.
"""

from __future__ import annotations

import numpy as np

from newsfuse.store.alerts import AlertTable
from newsfuse.store.articles import ArticleTable
from newsfuse.store.content import ContentTable
from newsfuse.store.corrections import CorrectionTable
from newsfuse.store.events import EventTable
from newsfuse.store.extractions import ExtractionTable
from newsfuse.store.locks import StepLock
from newsfuse.store.parses import ParseTable
from newsfuse.store.postgres.connection import PostgresConnection, _safe
from newsfuse.store.problems import ProblemTable
from newsfuse.store.records import EventRecordTable
from newsfuse.store.relations import RelationTable
from newsfuse.store.sources import SourceTable
from newsfuse.store.versions import VersionTable


class PostgresStore(
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
    backend = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.db = PostgresConnection(url, readonly=readonly)
        self.location = _safe(url)
        self._pgvector = bool(
            self.db.query(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = 'article_vectors' AND column_name = 'embedding'"
            )
        )

    def save_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """As SQLite (exact float32 bytes); with pgvector the same vectors also go in ``embedding``."""
        with self.db.transaction() as conn:
            super().save_vectors(model, vectors)
            if self._pgvector:
                conn.raw.cursor().executemany(
                    "UPDATE article_vectors SET embedding = %s::vector WHERE article_id = %s AND model = %s",
                    [("[" + ",".join(map(repr, map(float, v))) + "]", k, model) for k, v in vectors.items()],
                )

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

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
