"""``PostgresStore``: the same table mixins as ``SQLiteStore`` over a PostgreSQL database (the shared store).

The mixins' SQL runs through ``store.dialect``; what PostgreSQL does differently is overridden here,
explicitly: vectors also kept as pgvector where the extension is installed, the catalogue check of
``corrections``/``users`` (always migrated here), and the clustering step's advisory lock.
"""

from __future__ import annotations

import numpy as np

from newsfuse.store.postgres.connection import PostgresConnection, _safe
from newsfuse.store.tables import StoreTables


class PostgresStore(StoreTables):
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
