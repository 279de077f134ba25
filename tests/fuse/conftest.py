"""Fixtures for fusion tests: the parser, loaded once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsfuse.fuse.claims import FusionModels

# The builders in fuse_fixtures.py are imported by name, whatever pytest's import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def models() -> FusionModels:
    return FusionModels.load()
