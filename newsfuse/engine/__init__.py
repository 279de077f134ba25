"""Executors for the heavy stages: map a stage function over batches here (``local``) or on Ray (``ray``).

The driver (the process running ``pipeline.process``) owns the store and the event index: it reads
batches, hands their texts and typed records to an executor, receives results and writes them in
transactions. An executor runs one stage function (``stages.py``: extraction, embedding, fusion)
over batches, with each stage's models loaded once per worker, and gives the results back in
batch order, so what the store receives does not depend on where a batch ran.

- ``open_engine(name, settings, address=None)``: ``"local"`` (today's in-process path, forked
  extraction workers included) or ``"ray"`` (Ray actors; ``address`` joins a running cluster).
- ``hooks.py`` adapts an executor to the stages' seams: an embedder, an extractor, a fuser.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from newsfuse.engine.stages import Stage
from newsfuse.errors import NewsfuseError
from newsfuse.settings import Settings

ENGINES = ("local", "ray")


class Executor(Protocol):
    """Runs ``stage`` over ``batches``: one result list per batch, in batch order."""

    name: str
    remote: bool  # False: the stages' own in-process code runs (the hooks step aside)

    def map(self, stage: Stage, batches: Iterable[Sequence]) -> Iterator[list]: ...

    def close(self) -> None: ...


def open_engine(name: str, settings: Settings, address: str | None = None) -> Executor:
    """The executor called ``name``; a clear error when it is unknown or its package is not installed."""
    if name == "local":
        from newsfuse.engine.local import LocalExecutor

        return LocalExecutor(settings)
    if name == "ray":
        from newsfuse.engine.ray_executor import RayExecutor

        return RayExecutor(settings, address=address)
    raise NewsfuseError(f"--engine {name}: unknown engine", hint=f"choose one of: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Executor", "Stage", "open_engine"]
