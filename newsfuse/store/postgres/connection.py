"""PostgreSQL connections for the shared store: per-thread (and per-process) connections, transactions,
and the two kinds of lock the store needs.

The table mixins speak SQLite; every statement passes through ``dialect.to_postgres`` here. A write
transaction takes one transaction-scoped advisory lock, as SQLite's ``BEGIN IMMEDIATE`` takes the write
lock: the mixins' read-then-write steps (next ``seq``, "already counted?") stay correct with several
writing processes, and readers never wait (MVCC). ``step_lock`` is a session-scoped advisory lock that
one process holds for a whole step (clustering) other writers must not interleave with.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus

from newsfuse.errors import StoreError
from newsfuse.store.dialect import table_keys, to_postgres

IN_CHUNK = 5000  # ids per IN (...) list (PostgreSQL takes up to 65535 parameters)
WRITE_LOCK = 0x6E66_0001  # "nf" 1: the store's write lock


class Row(tuple):
    """A result row read like ``sqlite3.Row``: by position, by column name, unpacked, ``keys()``."""

    __slots__ = ()
    _index: dict[str, int]

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or ()]
    row_class = type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})
    return lambda values: row_class(values)


class _NumberLoader(Loader):
    """``numeric`` (what SUM of a BIGINT gives) as int or float, as SQLite returns it, never Decimal."""

    def load(self, data) -> int | float:
        text = bytes(data).decode()
        return float(text) if any(c in text for c in ".eEN") else int(text)


class Cursor:
    """What the mixins use of a sqlite3 cursor: fetchone/fetchall/iteration, rowcount, lastrowid."""

    def __init__(self, cursor: psycopg.Cursor, returning: bool) -> None:
        self._cursor = cursor
        self.rowcount = cursor.rowcount
        self.lastrowid = cursor.fetchone()[0] if returning else None

    def fetchone(self):
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self):
        return iter(self.fetchall())


class Connection:
    """A psycopg connection that takes the mixins' SQLite SQL (``execute``, ``executemany``)."""

    def __init__(self, raw: psycopg.Connection, owner: PostgresConnection) -> None:
        self.raw = raw
        self._owner = owner

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence | dict = ()) -> Cursor:
        text, returning = self._owner.translate(sql)
        return Cursor(self.raw.execute(text, tuple(params) if not isinstance(params, dict) else params), returning)

    def executemany(self, sql: str, rows) -> Cursor:
        text, _ = self._owner.translate(sql)
        cursor = self.raw.cursor()
        rows = [tuple(r) for r in rows]
        if rows:
            cursor.executemany(text, rows)
        return Cursor(cursor, False)

    def close(self) -> None:
        self.raw.close()


class PostgresConnection:
    """Owns the URL, hands out one connection per thread and process, translates and runs SQL."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        from newsfuse.store.postgres.migrate import catalogue, current_version, migrate

        self.url = url
        self.readonly = readonly
        self._local = threading.local()
        self._all: list[Connection] = []
        self._lock = threading.Lock()
        self._sql: dict[str, tuple[str, bool]] = {}
        conn = self.connection
        if not readonly:
            migrate(conn.raw)
        self._current_version = current_version
        self._keys = table_keys(catalogue(conn.raw))

    # -- connections ---------------------------------------------------------------------------
    @property
    def connection(self) -> Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "pid", None) != os.getpid():  # a forked child connects anew
            conn = Connection(self._connect(), self)
            self._local.conn, self._local.pid = conn, os.getpid()
            with self._lock:
                self._all.append(conn)
        return conn

    def _connect(self) -> psycopg.Connection:
        try:
            raw = psycopg.connect(self.url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"{_safe(self.url)}: cannot connect to PostgreSQL: {exc}".strip()) from exc
        raw.adapters.register_loader("numeric", _NumberLoader)
        if self.readonly:
            raw.execute("SET default_transaction_read_only = on")
        return raw

    def translate(self, sql: str) -> tuple[str, bool]:
        found = self._sql.get(sql)
        if found is None:
            found = self._sql[sql] = to_postgres(sql, self._keys)
        return found

    # -- transactions and locks ----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: everything inside lands together or not at all; writers take turns."""
        conn = self.connection
        if conn.in_transaction:  # nested use joins the outer transaction
            yield conn
            return
        conn.raw.execute("BEGIN")
        try:
            conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield conn
        except BaseException:
            conn.raw.execute("ROLLBACK")
            raise
        else:
            conn.raw.execute("COMMIT")

    @contextmanager
    def step_lock(self, step: str) -> Iterator[None]:
        """Own ``step`` (e.g. clustering) across this store's processes until the block ends."""
        key = int.from_bytes(hashlib.sha256(step.encode()).digest()[:7], "big")
        raw = self.connection.raw
        raw.execute("SELECT pg_advisory_lock(%s)", (key,))
        try:
            yield
        finally:
            raw.execute("SELECT pg_advisory_unlock(%s)", (key,))

    # -- reads ---------------------------------------------------------------------------------
    def query(self, sql: str, params: tuple | dict = ()) -> list:
        return self.connection.execute(sql, params).fetchall()

    def query_in(self, sql: str, ids: Sequence[str], extra: tuple = ()) -> list:
        """``sql`` with ``{marks}`` standing for an ``IN (...)`` list, run over ``ids`` in chunks."""
        ids = list(ids)
        rows: list = []
        for start in range(0, len(ids), IN_CHUNK):
            chunk = ids[start : start + IN_CHUNK]
            rows.extend(self.query(sql.format(marks=",".join("?" * len(chunk))), (*chunk, *extra)))
        return rows

    def schema_version(self) -> int:
        return self._current_version(self.connection.raw)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except psycopg.Error:
                    pass
            self._all.clear()
        self._local = threading.local()


def _safe(url: str) -> str:
    """The URL without a password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url
