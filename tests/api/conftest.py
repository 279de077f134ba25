"""Fixtures for the API tests: a store holding the test reports, and a client over ``create_app``."""

from __future__ import annotations

import pytest
from api_fixtures import TOKEN, fill_store
from api_records import fill_events
from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store


@pytest.fixture
def filled_store(tmp_path):
    with open_store(tmp_path / "service.db") as store:
        fill_store(store)
        fill_events(store)
        yield store


@pytest.fixture
def client(filled_store):
    with TestClient(create_app(filled_store, Settings(db=filled_store.db.path))) as test_client:
        yield test_client


@pytest.fixture
def writable_client(filled_store):
    settings = Settings(db=filled_store.db.path, token=TOKEN)
    with TestClient(create_app(filled_store, settings)) as test_client:
        yield test_client
