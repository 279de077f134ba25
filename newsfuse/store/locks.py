"""One owner of a pipeline step across processes: a store-wide lock each backend's connection provides."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path


class StepLock:
    """``with store.step_lock("cluster"):`` — other processes clustering the same store wait their turn."""

    def step_lock(self, step: str) -> AbstractContextManager[None]:
        return self.db.step_lock(step)  # type: ignore[attr-defined]


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive ``flock`` on ``path`` (SQLite's step lock: a file beside the database)."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
