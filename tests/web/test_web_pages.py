"""Server-rendered pages over a store with fused records: feed, event, entity, search, article."""

from __future__ import annotations

import re

import pytest
from api_fixtures import all_articles, fill_store
from api_records import BRANDT, fill_events
from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.settings import Settings
from newsfuse.store import open_store


@pytest.fixture
def client(tmp_path):
    with open_store(tmp_path / "web.db") as store:
        fill_store(store)
        fill_events(store)
        with TestClient(create_app(store, Settings(db=tmp_path / "web.db"))) as test_client:
            yield test_client


def test_feed_lists_events_newest_first_with_time_places_and_counts(client):
    html = client.get("/").text
    order = re.findall(r'data-event-id="([^"]+)"', html)
    assert order == ["e_hostile", "e_rivermark_tram", "e_port_valdoria"]
    port = html[html.index('data-event-id="e_port_valdoria"') :]
    assert "2025-03-10" in port and "Valdoria" in port
    assert "3 articles" in port and "2 independent sources" in port


def test_feed_filters_and_pages(client):
    html = client.get("/", params={"place": "Valdoria"}).text
    assert re.findall(r'data-event-id="([^"]+)"', html) == ["e_port_valdoria"]
    assert 'value="Valdoria"' in html


def test_event_page_has_the_brief_claims_sources_and_timeline(client):
    html = client.get("/events/e_port_valdoria").text
    assert "Port of Valdoria reopens after storm damage" in html
    assert html.count('class="claim ') == 4
    assert 'id="contradictions"' in html and "five days" in html
    assert re.search(r'class="source-column" data-article-id="[^"]+"', html)
    assert f'href="/entities/{BRANDT}"' in html


def test_entity_page_lists_its_events_over_time(client):
    html = client.get(f"/entities/{BRANDT}").text
    assert "Ilse Brandt" in html and "1 event" in html
    assert re.findall(r'data-event-id="([^"]+)"', html) == ["e_port_valdoria"]
    assert "<meter" in html


def test_search_page_shows_events_and_articles(client):
    html = client.get("/search", params={"q": "breakwater"}).text
    assert re.findall(r'data-event-id="([^"]+)"', html) == ["e_port_valdoria"]
    assert "Storm shut Valdoria harbour for five days" in html


def test_article_page_shows_the_text(client):
    article = all_articles()[2]
    html = client.get(f"/articles/{article.id}").text
    assert "cranes at the container terminal were still idle" in html
    assert 'href="https://baltic.example/news/valdoria-harbour"' in html


def test_static_assets_are_local(client):
    html = client.get("/events/e_port_valdoria").text
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith("//") and not re.match(r"https?://(?!baltic|harbour|coastal)", url), url
    assert client.get("/static/newsfuse.js").status_code == 200
    assert client.get("/static/newsfuse.css").status_code == 200
