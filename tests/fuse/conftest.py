"""Fixtures for fusion tests: the parser, loaded once per session."""

from __future__ import annotations

import pytest

from newsfuse.fuse.claims import FusionModels


@pytest.fixture(scope="session")
def models() -> FusionModels:
    return FusionModels.load()
