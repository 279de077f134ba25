"""The in-process executor: each stage's models loaded once here, batches run one after another.

``remote`` is False, so the pipeline keeps its own in-process paths (forked extraction workers,
the embedder's threads, fusion reading the store's parses directly): ``--engine local`` is today's
behaviour. ``map`` serves callers that want the executor interface itself (the benchmark, tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsfuse.engine.stages import Stage
from newsfuse.settings import Settings


class LocalExecutor:
    name = "local"
    remote = False

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._models: dict[str, Any] = {}

    def models(self, stage: Stage):
        if stage.name not in self._models:
            self._models[stage.name] = stage.load(self.settings)
        return self._models[stage.name]

    def map(self, stage: Stage, batches: Iterable[Sequence]) -> Iterator[list]:
        for batch in batches:
            yield stage.run(self.models(stage), batch)

    def close(self) -> None:
        self._models.clear()

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
