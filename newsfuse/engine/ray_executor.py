"""The Ray executor: one actor per worker CPU, each loading a stage's models once, batches handed out in turn.

With no ``address`` a local Ray is started on this machine's usable cores (no dashboard, a
capped object store) and shut down on ``close``; with one (``auto``, ``ray://host:10001``,
``host:6379``) the executor joins that cluster, whose nodes need newsfuse installed. A Ray the
caller already started (``ray.init`` in a test or notebook) is used as it is and left running.
Results come back in batch order, whichever actor ran a batch.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsfuse.engine.stages import Stage
from newsfuse.errors import NewsfuseError
from newsfuse.settings import Settings, usable_cores

# A local Ray's shared-memory object store: batches are a few MB at most, and the machine is shared.
OBJECT_STORE_BYTES = 200 * 1024 * 1024
# Tasks queued per actor: keeps each busy while the driver reads the next batch, bounds what is held.
IN_FLIGHT_PER_ACTOR = 2


def _ray():
    try:
        import ray
    except ImportError:
        raise NewsfuseError(
            "--engine ray needs Ray, which is not installed", hint="pip install 'newsfuse[ray]'"
        ) from None
    return ray


class _Worker:
    """A Ray actor's state: the settings, and each stage's models once loaded."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.models: dict[str, Any] = {}

    def run(self, stage: Stage, batch: Sequence) -> list:
        if stage.name not in self.models:
            self.models[stage.name] = stage.load(self.settings)
        return stage.run(self.models[stage.name], batch)


class RayExecutor:
    name = "ray"
    remote = True

    def __init__(self, settings: Settings, address: str | None = None) -> None:
        self.ray = _ray()
        self.settings = settings
        self.started_here = not self.ray.is_initialized()
        if self.started_here:
            options: dict[str, Any] = (
                {"address": address}
                if address
                else {
                    "num_cpus": usable_cores(),
                    "object_store_memory": OBJECT_STORE_BYTES,
                }
            )
            try:
                self.ray.init(include_dashboard=False, logging_level=logging.WARNING, **options)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = f"--ray-address {address}" if address else "a local Ray"
                raise NewsfuseError(f"{where}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
        self._actors: list = []

    def workers(self) -> int:
        """``settings.workers`` when set, else one per CPU the cluster has."""
        if self.settings.workers > 0:
            return self.settings.workers
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def _pool(self) -> list:
        if not self._actors:
            actor = self.ray.remote(num_cpus=1)(_Worker)
            self._actors = [actor.remote(self.settings) for _ in range(self.workers())]
        return self._actors

    def map(self, stage: Stage, batches: Iterable[Sequence]) -> Iterator[list]:
        actors = self._pool()
        in_flight: deque = deque()
        for turn, batch in enumerate(batches):
            in_flight.append(actors[turn % len(actors)].run.remote(stage, batch))
            if len(in_flight) >= IN_FLIGHT_PER_ACTOR * len(actors):
                yield self._get(in_flight.popleft())
        while in_flight:
            yield self._get(in_flight.popleft())

    def _get(self, ref) -> list:
        try:
            return self.ray.get(ref)
        except self.ray.exceptions.RayTaskError as exc:
            raise exc.as_instanceof_cause() from None  # the stage's own error, as in-process

    def close(self) -> None:
        for actor in self._actors:
            self.ray.kill(actor)
        self._actors = []
        if self.started_here and self.ray.is_initialized():
            self.ray.shutdown()

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
