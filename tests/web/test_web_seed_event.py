"""Acceptance: the seed reports, ingested and run through the pipeline, show as one event in Chromium.

Reads ``../shared/seeds`` (skips when absent), runs ingest and the real pipeline into a fresh
store, serves it in-process, and checks the event page lists the three reports and their claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, LiveServer, shot

from newsfuse.api import create_app
from newsfuse.ingest import ingest
from newsfuse.pipeline import PipelineModels, process
from newsfuse.settings import Settings
from newsfuse.store import open_store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium"),
]


def test_seed_event_shows_its_sources_and_claims(shared_dir: Path, tmp_path):
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no seeds at {seeds}")
    sync_api = pytest.importorskip("playwright.sync_api")
    settings = Settings(db=tmp_path / "seeds.db")
    with open_store(settings.db) as store:
        report = ingest([str(seeds)], store, settings)
        process(store, list(report.new), settings, PipelineModels(settings))
        with LiveServer(create_app(store, settings)) as server, sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url + "/")
            card = page.locator(".event-card").filter(has_text="3 articles")
            assert card.count() == 1, page.locator("#feed").inner_text()
            card.locator("h2 a").click()
            page.wait_for_url("**/events/*")
            assert page.locator(".source-column").count() == 3
            assert page.locator("#claims .claim").count() >= 1
            assert "independent source" in page.locator(".brief .meta").inner_text()
            shot(page, "seed-event")
            browser.close()
