"""Shared fixtures: a fresh store in tmp_path, one language detector per session, the shared data folder, a
PostgreSQL server per session, and Debian's Chromium under Playwright for browser tests (``browser_support``)."""

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


# -- PostgreSQL: one small local server per test session (Debian's binaries, run as a non-root user) --------
@pytest.fixture(scope="session")
def pg_server():
    from newsfuse.store.postgres.server import find_bin_dir, start_server

    if find_bin_dir() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server, request) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test."""
    import re
    import uuid

    name = re.sub(r"\W", "_", request.node.name.lower())[:40] + "_" + uuid.uuid4().hex[:8]
    return pg_server.create(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A fresh store's location on each backend: a file in tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


# -- Chromium: one browser per test module, a fresh context per test --------------------------------------------
@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium under Playwright (the module's ``BROWSER_MARKS`` skip when it is absent)."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh context's page; JavaScript dialogs are recorded in ``page.dialogs`` and dismissed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()
