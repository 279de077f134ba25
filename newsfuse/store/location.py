"""Where a store is: a file path (SQLite), ``sqlite:///path``, or ``postgresql://user@host/db`` (PostgreSQL).

``--db`` and ``NEWSFUSE_DB`` reach us as ``pathlib.Path``, which folds "//" into "/"; a URL folded so is
unfolded here. ``postgresql:/db?host=/sock`` (from ``postgresql:///db?...``) has one path segment before
the query and becomes ``postgresql:///db?...``; ``postgresql:/user@host/db`` becomes ``postgresql://user@host/db``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_PG = re.compile(r"^(postgres(?:ql)?):(/*)(.*)$", re.S)
_SQLITE = re.compile(r"^sqlite:/*(.*)$", re.S)


@dataclass(frozen=True, slots=True)
class StoreLocation:
    backend: str  # sqlite | postgresql
    target: str  # the file path, or the PostgreSQL URL

    @property
    def is_postgres(self) -> bool:
        return self.backend == "postgresql"


def parse_location(location: str | Path) -> StoreLocation:
    text = str(location)
    if match := _PG.match(text):
        scheme, slashes, rest = match.groups()
        if slashes == "/":  # folded by Path
            slashes = "//" if "/" in rest.split("?", 1)[0] else "///"
        return StoreLocation("postgresql", f"postgresql:{slashes}{rest}")
    if match := _SQLITE.match(text):
        return StoreLocation("sqlite", "/" + match.group(1))
    return StoreLocation("sqlite", text)


def is_postgres(location: str | Path) -> bool:
    return parse_location(location).is_postgres
