"""Fixtures for the analyst's tests: the seed store (ingested and processed once, copied per test) and a
fourth report of the same happening, written here."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from newsfuse.ingest import ingest
from newsfuse.pipeline import PipelineModels, process
from newsfuse.settings import Settings
from newsfuse.store import open_store

# The helpers in curate_fixtures.py are imported by name, whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from curate_fixtures import FOURTH_REPORT  # noqa: E402


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no seeds at {seeds}")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    settings = Settings(db=path, use_embeddings=False)
    with open_store(path) as store:
        report = ingest([str(seeds)], store, settings)
        process(store, list(report.new), settings, PipelineModels(settings))
    return path


@pytest.fixture
def seed_store_path(seed_db: Path, tmp_path: Path) -> Path:
    """A private copy of the processed seed store."""
    path = tmp_path / "seeds.db"
    shutil.copy(seed_db, path)
    return path


@pytest.fixture
def fourth_report(tmp_path: Path) -> Path:
    path = tmp_path / "fourth" / "003_fourth_report.txt"
    path.parent.mkdir()
    path.write_text(FOURTH_REPORT, encoding="utf-8")
    return path
