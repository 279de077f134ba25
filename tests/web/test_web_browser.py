"""In Chromium (Playwright): load the feed, open an event, search, follow an entity; hostile text never runs.

The app runs in-process under uvicorn on 127.0.0.1 and a free port. Screenshots go to
``test-output/web/``. Skips when Debian's Chromium is not installed at /usr/bin/chromium.
"""

from __future__ import annotations

import pytest
from api_fixtures import PAYLOAD_FLAG, all_articles, fill_store
from api_records import BRANDT, fill_events
from browser_support import BROWSER_MARKS, LiveServer, shot

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "web.db"
    with open_store(path) as store:
        fill_store(store)
        fill_events(store)
        with LiveServer(create_app(store, Settings(db=path))) as live:
            yield live


def test_feed_event_search_entity_flow(server, page):
    page.goto(server.url + "/")
    cards = page.locator(".event-card")
    assert cards.count() == 3
    assert "2 independent sources" in cards.nth(2).inner_text()
    shot(page, "1-feed")

    page.click("text=Port of Valdoria reopens after storm damage")
    page.wait_for_url("**/events/e_port_valdoria")
    assert page.locator("#headline").inner_text() == "Port of Valdoria reopens after storm damage"
    assert page.locator(".claim.contradicted").count() == 2
    evidence = page.locator("#claims details.evidence-list").first
    assert not evidence.evaluate("d => d.open")
    page.click("button.toggle-evidence")  # our script runs under the CSP
    assert evidence.evaluate("d => d.open")
    assert page.locator("#claims mark").first.is_visible()
    page.click(".claim-filters button[data-filter=contradicted]")
    assert page.locator("#claims .claim:visible").count() == 2
    page.click(".claim-filters button[data-filter=claim]")
    assert page.locator("#claims .claim:visible").count() == 4
    page.locator(".source-column button.focus-source").nth(2).click()
    assert page.locator("#claims .claim.dimmed").count() == 2  # Baltic Daily states 2 of the 4 claims
    shot(page, "2-event")

    page.fill("#site-search", "tram")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search?q=tram")
    assert page.locator(".search-events .event-card").count() == 2
    shot(page, "3-search")

    page.goto(server.url + "/events/e_port_valdoria")
    page.click(f'a.entity-link[href="/entities/{BRANDT}"]')
    page.wait_for_url(f"**/entities/{BRANDT}")
    assert page.locator("#entity-name").inner_text() == "Ilse Brandt"
    assert page.locator(".entity-events .event-card").count() == 1
    shot(page, "4-entity")
    assert page.dialogs == []


def test_hostile_report_runs_nothing(server, page):
    hostile = all_articles()[-1]
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in (f"/articles/{hostile.id}", "/events/e_hostile", "/", "/search?q=depot", "/entities/x_hostile"):
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)  # room for a deferred handler (onerror, onload) to fire
        assert page.evaluate(f"typeof window.{PAYLOAD_FLAG}") == "undefined", path
        assert page.locator("script:not([src])").count() == 0, path
        # Only our own drawings (the map and the coverage chart) may be SVG.
        assert page.locator("img, iframe, svg:not(.world-map):not(.coverage-chart)").count() == 0, path
    page.goto(server.url + f"/articles/{hostile.id}")
    assert "<script>" in page.locator("h1").inner_text()  # the payload is shown as text
    assert page.locator('a[href^="javascript:" i]').count() == 0
    shot(page, "5-hostile-article")
    assert page.dialogs == [] and errors == []
