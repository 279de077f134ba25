"""Fixtures for the analyst's tests: the seed store (ingested and processed once, copied per test) and a
fourth report of the same happening, written here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsfuse.ingest import ingest
from newsfuse.pipeline import PipelineModels, process
from newsfuse.settings import Settings
from newsfuse.store import open_store

FOURTH_REPORT = """Japan and Türkiye agree to deepen defence ties during Nakatani visit

ANKARA, Aug 21 - Japanese Defence Minister Gen Nakatani and Turkish Defence Minister Yasar Guler agreed in Ankara
to expand defence industry cooperation, including talks on Turkish-made drones, officials said on Thursday.

Nakatani, the first Japanese defence minister to make an official trip to Turkey, also toured drone maker Baykar
in Istanbul, where he was shown unmanned aerial vehicles that Tokyo is considering for its armed forces.

Guler said the two NATO and U.S. allies would work on joint projects in the defence industry.
"""


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


def wire_report(store) -> str:
    """The id of seed 002 (the wire report), found by the file it was read from."""
    return next(a.id for a in store.iter_articles() if Path(a.origin).name.startswith("002_"))
