"""Repeated host passages are read through the count index, so the per-batch read does not scan every passage."""

from __future__ import annotations

from newsfuse.records import Article, content_id


def test_repeated_passages_use_the_count_index(store):
    articles = [Article(id=content_id("", f"report {n}"), text=f"report {n}") for n in range(6)]
    store.add_articles(articles)
    store.count_host_passages([(a.id, "example.com", [1, 2] if n < 3 else [n + 10]) for n, a in enumerate(articles)])
    assert store.repeated_passages(3) == {"example.com": {1, 2}}
    plan = " ".join(
        str(tuple(row))
        for row in store.db.query(
            "EXPLAIN QUERY PLAN SELECT host, passage FROM host_passages WHERE articles >= ?", (3,)
        )
    )
    assert "host_passages_by_count" in plan
