"""In Chromium: the analyst splits the wire report out of the seed event from the event page, sees the
record re-fused, merges it back from the page, and finds both corrections in the history; the map, the
coverage chart and folded sections on a phone. Skips without /usr/bin/chromium or the seeds."""

from __future__ import annotations

import pytest
from browser_support import BROWSER_MARKS, LiveServer, shot
from curate_fixtures import wire_report

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store

pytestmark = [*BROWSER_MARKS, pytest.mark.slow]
TOKEN = "browser-token"


def test_split_and_merge_from_the_event_page(seed_store_path, tmp_path, browser):
    tokens = tmp_path / "tokens.txt"
    tokens.write_text(f"frank write {TOKEN}\n", encoding="utf-8")
    settings = Settings(db=seed_store_path, tokens_file=str(tokens), use_embeddings=False)
    with open_store(seed_store_path) as store, LiveServer(create_app(store, settings)) as server:
        wire = wire_report(store)
        (event,) = store.event_ids()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)  # a correction re-fuses the record (the parser loads on the first)
        page.goto(f"{server.url}/events/{event}")
        assert page.locator(".source-column").count() == 3
        assert page.locator(".world-map path.country.marked[data-code=TR]").count() == 1
        assert page.locator(".coverage-chart .report-mark").count() >= 2
        page.locator("#curate summary").click()
        page.fill("#curate-token", TOKEN)
        page.fill("#curate-note", "wire copy")
        page.check(f'input.split-pick[value="{wire}"]')
        with page.expect_navigation():
            page.click('button[data-action="split"]')
        assert page.locator(".source-column").count() == 2  # re-fused at once
        assert wire not in page.locator("#sources").inner_html()
        assert "updated:" in page.locator("#updated").inner_text()
        new_event = store.event_of(wire)
        assert new_event != event
        shot(page, "curate-1-split")

        page.locator("#curate summary").click()
        assert page.input_value("#curate-token") == TOKEN  # kept for this tab
        page.fill("#curate-merge", new_event)
        with page.expect_navigation():
            page.click('button[data-action="merge"]')
        assert page.locator(".source-column").count() == 3
        page.locator("#curate summary").click()
        page.fill("#curate-host", "MENAFN - Live Mint")
        page.fill("#curate-outlet", "Mint, via MENAFN")
        with page.expect_navigation():
            page.click('button[data-action="outlet"]')
        assert "Mint, via MENAFN" in page.locator(".source-column h3").all_inner_texts()
        page.click("#updated a")
        page.wait_for_url(f"**/events/{event}/history")
        reasons = page.locator("#versions .reason").all_inner_texts()
        assert "correction c_1 (split)" in reasons and "correction c_2 (merge)" in reasons
        log = page.locator("#corrections").inner_text()
        assert "split" in log and "merge" in log and "outlet" in log and "frank" in log and "wire copy" in log
        shot(page, "curate-2-history")

        wrong = browser.new_page()
        wrong.goto(f"{server.url}/events/{event}")
        wrong.locator("#curate summary").click()
        wrong.fill("#curate-token", "not-the-token")
        wrong.fill("#curate-headline", "Should not stick")
        wrong.click('button[data-action="pin"]')
        wrong.wait_for_function("document.getElementById('curate-status').textContent.startsWith('not applied')")
        assert store.get_event_record(event).headline != "Should not stick"


def test_phone_view_folds_long_sections(seed_store_path, browser):
    with open_store(seed_store_path) as store, LiveServer(create_app(store, Settings(db=seed_store_path))) as server:
        (event,) = store.event_ids()
        wide = browser.new_page(viewport={"width": 1280, "height": 900})
        wide.goto(f"{server.url}/events/{event}")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        phone.goto(f"{server.url}/events/{event}")
        assert wide.locator("details.fold[open]").count() >= 3
        assert phone.locator("details.fold[open]").count() == 0
        folded = phone.evaluate("document.documentElement.scrollHeight")
        phone.locator("#claims > details > summary").click()
        assert phone.evaluate("document.documentElement.scrollHeight") > folded
        shot(phone, "curate-3-phone")
