"""Acceptance: the seed reports, ingested and run through the pipeline, show as one event in Chromium.

Reads ``../shared/seeds`` (skips when absent), runs ingest and the real pipeline into a fresh
store, serves it in-process, and checks the event page lists the three reports and their claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import BROWSER_MARKS, served_pipeline, shot

pytestmark = [*BROWSER_MARKS, pytest.mark.slow]


def test_seed_event_shows_its_sources_and_claims(shared_dir: Path, tmp_path, page):
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no seeds at {seeds}")
    with served_pipeline([str(seeds)], tmp_path / "seeds.db") as server:
        page.goto(server.url + "/")
        card = page.locator(".event-card").filter(has_text="3 articles")
        assert card.count() == 1, page.locator("#feed").inner_text()
        card.locator("h2 a").click()
        page.wait_for_url("**/events/*")
        assert page.locator(".source-column").count() == 3
        assert page.locator("#claims .claim").count() >= 1
        assert "independent source" in page.locator(".brief .meta").inner_text()
        shot(page, "seed-event")
