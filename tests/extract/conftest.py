"""Extraction fixtures: the models load once per test session (spaCy takes a second or two)."""

from __future__ import annotations

import pytest

from newsfuse.extract import load_models


@pytest.fixture(scope="session")
def models():
    return load_models()
