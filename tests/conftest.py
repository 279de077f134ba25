"""Shared fixtures: a fresh store in tmp_path, one language detector per session, the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfuse.ingest import LanguageDetector
from newsfuse.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository (or ``NEWSFUSE_SHARED``); tests needing it skip when it is absent."""
    path = Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path.resolve()
