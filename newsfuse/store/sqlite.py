"""The embedded default store: one SQLite file in WAL mode.

Stage-specific tables live in mixins (``articles.py``, ``relations.py``, ...) so each stage's
SQL sits in one module; ``SQLiteStore`` combines them over one connection per thread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.locks import file_lock
from newsfuse.store.migrate import current_version, migrate

IN_CHUNK = 500  # ids per IN (...) list


class SQLiteConnection:
    """Owns the database path and hands out per-thread connections and transactions."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = self.connection
        if not readonly:
            try:
                migrate(conn)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: cannot prepare the database: {exc}") from exc

    @property
    def connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                conn = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            # NORMAL is crash-safe in WAL mode (a power cut may lose the last commit, never corrupt).
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.row_factory = sqlite3.Row
            return conn
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsfuse database or unreadable: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside lands together or not at all."""
        conn = self.connection
        if conn.in_transaction:  # nested use joins the outer transaction
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.connection.execute(sql, params).fetchall()

    def query_in(self, sql: str, ids: Sequence[str], extra: tuple = ()) -> list[sqlite3.Row]:
        """``sql`` with ``{marks}`` standing for an ``IN (...)`` list, run over ``ids`` in chunks.

        Chunks keep each statement under SQLite's bound-parameter limit; ``extra`` parameters follow the ids.
        """
        ids = list(ids)
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK]
            rows.extend(self.query(sql.format(marks=",".join("?" * len(chunk))), (*chunk, *extra)))
        return rows

    def schema_version(self) -> int:
        return current_version(self.connection)

    def step_lock(self, step: str):
        """Own ``step`` across the processes of this store file until the block ends."""
        return file_lock(self.path.with_name(f"{self.path.name}.{step}.lock"))

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:
                    pass
            self._all.clear()
        self._local = threading.local()
