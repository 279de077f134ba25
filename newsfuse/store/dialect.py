"""The SQLite SQL of the table mixins, said in PostgreSQL: one small, explicit list of rewrites.

The mixins keep one copy of their SQL (SQLite's). ``to_postgres`` rewrites what truly differs:
placeholders, ``INSERT OR IGNORE/REPLACE`` (as ``ON CONFLICT``), FTS5's ``MATCH`` (a tsvector and GIN;
``nf_query`` is defined by the PostgreSQL migrations), ``COLLATE NOCASE``, ``instr``, the catalogue
(``sqlite_master``), integer flags used as booleans, and the reserved word ``user``. Anything else is
passed as written, so SQL a mixin adds later works on both backends when it is plain SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_QUOTED = re.compile(r"'(?:[^']|'')*'")
_INSERT = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*(\(([^)]*)\))?", re.I | re.S)
_MATCH = re.compile(r"(\w+)\s+MATCH\s+\?", re.I)
_NOCASE = re.compile(r"([\w.]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.I)
_SELF_PLUS = re.compile(r"(DO\s+UPDATE\s+SET\s+)(\w+)\s*=\s*(\w+)\s*\+", re.I)
_CATALOGUE = re.compile(r"FROM\s+sqlite_master\s+WHERE\s+type\s*=\s*'table'\s+AND\s+name\s*=", re.I)
_INTO = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.I)

# Tables whose integer id the database assigns and ``cursor.lastrowid`` reads back.
RETURNING_ID = frozenset({"ingest_batches"})

Keys = Callable[[str], tuple[Sequence[str], Sequence[str]]]  # table -> (primary key, other columns)


def _outside_quotes(sql: str, rewrite: Callable[[str], str]) -> str:
    """Apply ``rewrite`` to the parts of ``sql`` outside string literals (a '?' or '%' in a literal stays)."""
    out, last = [], 0
    for match in _QUOTED.finditer(sql):
        out.append(rewrite(sql[last : match.start()]))
        out.append(match.group(0).replace("%", "%%"))
        last = match.end()
    out.append(rewrite(sql[last:]))
    return "".join(out)


def _plain(part: str) -> str:
    part = part.replace("%", "%%")
    part = _MATCH.sub(r"\1 @@ nf_query(?)", part)
    part = _NOCASE.sub(r"lower(\1) = lower(?)", part)
    part = re.sub(r"\binstr\(", "strpos(", part, flags=re.I)
    part = re.sub(r"\bCASE\s+WHEN\s+\?\s+THEN", "CASE WHEN ?::int <> 0 THEN", part, flags=re.I)
    part = re.sub(r"(?<![\w\"])user(?![\w\"])", '"user"', part)
    return part.replace("?", "%s")


def _upsert(sql: str, keys: Keys) -> str:
    match = _INSERT.match(sql)
    if not match:
        return sql
    verb, table, columns = match.group(1).upper(), match.group(2), match.group(4)
    head = f"INSERT INTO {table}" + (f" ({columns})" if columns else "")
    rest = " " + sql[match.end() :].lstrip()
    if verb == "IGNORE":
        return f"{head}{rest} ON CONFLICT DO NOTHING"
    key, others = keys(table)
    given = [c.strip() for c in columns.split(",")] if columns else list(others)
    update = [c for c in given if c not in key]
    action = "DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in update) if update else "DO NOTHING"
    return f"{head}{rest} ON CONFLICT ({', '.join(key)}) {action}"


def _qualify_self_reference(sql: str) -> str:
    """``DO UPDATE SET n = n + 1``: PostgreSQL wants the old row's column named with its table."""
    into = _INTO.match(sql)
    if not into:
        return sql
    table = into.group(1)
    return _SELF_PLUS.sub(lambda m: f"{m.group(1)}{m.group(2)} = {table}.{m.group(3)} +", sql)


def to_postgres(sql: str, keys: Keys) -> tuple[str, bool]:
    """``sql`` for PostgreSQL, and whether it returns the new row's id (for ``lastrowid``)."""
    sql = _CATALOGUE.sub("FROM information_schema.tables WHERE table_schema = current_schema() AND table_name =", sql)
    sql = _qualify_self_reference(_upsert(sql, keys))
    into = _INTO.match(sql)
    returning = bool(into and into.group(1) in RETURNING_ID and "RETURNING" not in sql.upper())
    if returning:
        sql += " RETURNING id"
    return _outside_quotes(sql, _plain), returning


def table_keys(catalogue: dict[str, tuple[Sequence[str], Sequence[str]]]) -> Keys:
    """``Keys`` over a catalogue read from the database (``postgres.migrate.catalogue``)."""

    def keys(table: str) -> tuple[Sequence[str], Sequence[str]]:
        if table not in catalogue:
            raise KeyError(f"{table}: no such table in the PostgreSQL store")
        return catalogue[table]

    return keys
