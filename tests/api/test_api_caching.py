"""Reads carry an ETag; sending it back gives 304; a change to the store gives a fresh body."""

from __future__ import annotations

from api_fixtures import make_article

from newsfuse.api.caching import ResponseCache, StoreGeneration, etag_matches


def test_conditional_get_returns_304(client):
    for path in ("/api/articles", "/api/events", "/api/entities", "/", "/search?q=tram"):
        first = client.get(path)
        assert first.status_code == 200 and first.headers["etag"]
        again = client.get(path, headers={"if-none-match": first.headers["etag"]})
        assert again.status_code == 304, path
        assert again.content == b""
        assert again.headers["etag"] == first.headers["etag"]


def test_a_write_by_another_connection_invalidates_cached_reads(client, filled_store):
    first = client.get("/api/articles")
    report = {
        "title": "Osterby lighthouse relit",
        "text": "The Osterby lighthouse was relit on Friday after repairs.",
        "source": "Coastal Wire",
        "url": "https://coastal.example/lighthouse",
        "published": "2025-03-14",
    }
    filled_store.add_articles([make_article(report, 99)])
    second = client.get("/api/articles", headers={"if-none-match": first.headers["etag"]})
    assert second.status_code == 200
    assert second.headers["etag"] != first.headers["etag"]


def test_etag_comparison_follows_if_none_match_rules():
    assert etag_matches('"a", W/"b"', '"b"')
    assert etag_matches("*", '"x"')
    assert not etag_matches('"a"', '"b"')
    assert not etag_matches(None, '"b"')


def test_cache_is_bounded_in_bytes_and_entries(tmp_path):
    cache = ResponseCache(StoreGeneration(tmp_path / "none.db"), max_entries=3, max_bytes=100)
    for n in range(5):
        cache.get_or_render(("k", n), lambda: (b"x" * 40, "text/plain"))
    assert cache.peek(("k", 4)) is not None and cache.peek(("k", 3)) is not None
    assert cache.peek(("k", 2)) is None  # 3 x 40 bytes would pass the 100-byte budget
    cache.get_or_render("big", lambda: (b"y" * 500, "text/plain"))
    assert cache.peek("big") is None  # larger than the whole budget: served, never kept
