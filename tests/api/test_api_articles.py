"""``/api/articles``: listing, filters, cursor pagination and one article."""

from __future__ import annotations

from api_fixtures import REPORTS, all_articles


def test_lists_every_stored_article_oldest_first(client):
    body = client.get("/api/articles").json()
    published = [item["published"] for item in body["items"]]
    assert len(body["items"]) == len(all_articles())
    assert published == sorted(published)
    assert body["next_cursor"] is None
    assert all("text" not in item and item["snippet"] for item in body["items"])


def test_cursor_pages_cover_every_article_once(client):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/articles", params=params).json()
        seen.extend(item["id"] for item in body["items"])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None or pages > 10:
            break
    assert pages == 3
    assert sorted(seen) == sorted(a.id for a in all_articles())


def test_a_cursor_reused_with_other_filters_is_refused(client):
    cursor = client.get("/api/articles", params={"limit": 1}).json()["next_cursor"]
    response = client.get("/api/articles", params={"limit": 1, "cursor": cursor, "source": "Harbour"})
    assert response.status_code == 400
    assert "other filters" in response.json()["error"]


def test_filters_by_text_source_and_dates(client):
    tram = client.get("/api/articles", params={"q": "tram council"}).json()["items"]
    assert {item["source"] for item in tram} == {"Rivermark Courier", "Metro Ledger"}
    harbour = client.get("/api/articles", params={"source": "Harbour"}).json()["items"]
    assert [item["title"] for item in harbour] == [REPORTS[0]["title"]]
    march = client.get("/api/articles", params={"since": "2025-03-12", "until": "2025-05"}).json()["items"]
    assert {item["published"] for item in march} == {"2025-03-12", "2025-05-02"}


def test_one_article_with_its_text_by_id_or_external_id(client):
    article = all_articles()[3]
    by_id = client.get(f"/api/articles/{article.id}").json()
    by_external = client.get("/api/articles/test-4").json()
    assert by_id == by_external
    assert by_id["text"] == article.text
    assert by_id["published_via"] == "feed"
