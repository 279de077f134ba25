"""Fixtures for the watch tests: a loopback feed of the seed reports and a way to run ``newsfuse watch``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from feedserver import SEEDS, FeedServer, Item, seed_items  # noqa: F401 (re-exported to the tests)

REPO = Path(__file__).resolve().parents[2]

FOLLOW_UP = Item(
    "follow-up-1",
    "Nakatani tours Baykar drone plant near Istanbul",
    "ISTANBUL - Japanese Defense Minister Gen Nakatani toured the Baykar drone factory on Wednesday, the company "
    "said, a day after talks in Ankara with Turkish Defense Minister Yasar Guler on defense industry cooperation.\n"
    "Baykar chairman Selcuk Bayraktar showed Nakatani the Bayraktar TB2 and Akinci production lines. Japan is "
    "weighing the purchase of Turkish-made unmanned aerial vehicles as it expands the role of drones in its "
    "Self-Defense Forces, officials said.\nNakatani is the first Japanese defense minister to make an official "
    "visit to Turkiye.",
    "2025-08-20",
)


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
        models = replace(loaded_models, settings=settings, keep_indexes=True, _dedup_index=None, _event_index=None)
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


class WatchProcess:
    """``newsfuse watch`` as a user runs it, in its own process; stderr kept in a file."""

    def __init__(self, args: list[str], log: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO), NEWSFUSE_WORKERS="1")
        self.log = log
        with log.open("ab") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "newsfuse.cli.main", "watch", *args],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )

    def stderr(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self, number: int = signal.SIGKILL, timeout: float = 60) -> int:
        self.proc.send_signal(number)
        return self.proc.wait(timeout=timeout)


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


def wait_for(check: Callable[[], object], what: str, process: WatchProcess, timeout: float = 120.0):
    """Poll ``check`` until it returns something true; fail with the watcher's stderr otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if process.proc.poll() is not None:
            pytest.fail(f"watch exited ({process.proc.returncode}) before {what}:\n{process.stderr()}")
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}:\n{process.stderr()}")
