"""Fixtures for the watch tests: a loopback feed of the seed reports and a way to run ``newsfuse watch``."""

from __future__ import annotations

import pytest
from feedserver import SEEDS, FeedServer, Item, seed_items
from watch_support import WatchProcess


@pytest.fixture(scope="session")
def loaded_models():
    """Extraction, clustering and fusion models, loaded once for the in-process watcher tests."""
    from newsfuse.pipeline import PipelineModels
    from newsfuse.settings import Settings

    models = PipelineModels(Settings(workers=1))
    models.extraction(), models.cluster(), models.fusion()
    return models


@pytest.fixture
def watcher_for(loaded_models):
    """A ``Watcher`` over a store, sharing the loaded models (each store gets its own kept indexes)."""
    from dataclasses import replace

    from newsfuse.settings import Settings
    from newsfuse.watch import Watcher, parse_sources

    def make(store, specs: list[str], lines: list[str] | None = None, **options) -> Watcher:
        settings = Settings(db=store.db.path, workers=1, allow_private=True)
        models = replace(
            loaded_models, settings=settings, keep_indexes=True, _dedup_index=None, _event_index=None, _resolver=None
        )
        tell = lines.append if lines is not None else None
        return Watcher(store, parse_sources(specs, 60), settings, models=models, tell=tell, **options)

    return make


@pytest.fixture
def seeds() -> list[Item]:
    if not SEEDS.is_dir():
        pytest.skip("no ../shared/seeds")
    return seed_items()


@pytest.fixture
def feed(seeds):
    with FeedServer(seeds) as server:
        yield server


@pytest.fixture
def start_watch(tmp_path):
    started: list[WatchProcess] = []

    def start(*args: str) -> WatchProcess:
        process = WatchProcess(list(args), tmp_path / "watch.log")
        started.append(process)
        return process

    yield start
    for process in started:
        if process.proc.poll() is None:
            process.kill()
