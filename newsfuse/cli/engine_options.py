"""The ``--engine`` and ``--ray-address`` options of the commands that run heavy stages (process, recluster, extract)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

import typer

from newsfuse.settings import Settings


class EngineName(StrEnum):
    local = "local"
    ray = "ray"


ENGINE = typer.Option(
    EngineName.local,
    "--engine",
    help="Where extraction, embedding and fusion run: local (this process and its workers) or ray.",
)
RAY_ADDRESS = typer.Option(
    None,
    "--ray-address",
    help="With --engine ray: the cluster to join (auto, host:6379, ray://host:10001); default: a local Ray.",
)


@contextmanager
def engine_for(name: EngineName, settings: Settings, address: str | None) -> Iterator:
    """The executor for ``--engine`` (None for local: the stages' own in-process paths), closed afterwards."""
    if name is EngineName.local:
        if address:
            raise typer.BadParameter("--ray-address needs --engine ray", param_hint="--ray-address")
        yield None
        return
    from newsfuse.engine import open_engine

    executor = open_engine(name.value, settings, address=address)
    try:
        yield executor
    finally:
        executor.close()
