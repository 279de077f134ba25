"""Every failure, whichever endpoint or layer raised it, answers the one JSON error shape."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.settings import Settings

ERROR_CASES = [
    ("get", "/api/events/e_missing", 404, "no event"),
    ("get", "/api/articles/a_missing", 404, "no article"),
    ("get", "/api/entities/x_missing", 404, "no entity"),
    ("get", "/api/nowhere", 404, "nothing at /api/nowhere"),
    ("get", "/api/events?since=yesterday", 400, "query.since"),
    ("get", "/api/events?limit=0", 400, "query.limit"),
    ("get", "/api/events?min_independent_sources=-1", 400, "query.min_independent_sources"),
    ("get", "/api/events?cursor=not-a-cursor", 400, "cursor"),
    ("get", "/api/search", 400, "query.q"),
    ("delete", "/api/events", 405, "Method Not Allowed"),
    ("post", "/api/ingest", 403, "read-only"),
]


@pytest.mark.parametrize(("method", "path", "status", "words"), ERROR_CASES)
def test_error_shape(client, method, path, status, words):
    response = client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False
    assert body["status"] == status
    assert words in body["error"]


def test_invalid_parameters_name_each_location(client):
    body = client.get("/api/events", params={"limit": "many", "since": "soon"}).json()
    assert {d["location"] for d in body["detail"]} == {"query.limit", "query.since"}


def test_pages_answer_errors_as_html(client):
    response = client.get("/events/e_missing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no event &#39;e_missing&#39;" in response.text


def test_oversized_bodies_are_refused_before_reading(client):
    response = client.post("/api/ingest", content=b"x" * 64, headers={"content-length": str(10**12)})
    assert response.status_code == 413
    assert response.json()["error"].startswith("request body over the limit")


def test_an_unexpected_failure_is_a_500_in_the_same_shape_with_the_csp(filled_store):
    # A store damaged under a running server: its full-text index of events is gone.
    with sqlite3.connect(filled_store.db.path) as damage:
        damage.execute("DROP TABLE event_records_fts")
    with TestClient(
        create_app(filled_store, Settings(db=filled_store.db.path)), raise_server_exceptions=False
    ) as client:
        api = client.get("/api/events", params={"q": "port"})
        page = client.get("/", params={"q": "port"})
    assert api.status_code == 500 and api.json() == {"ok": False, "status": 500, "error": "internal error"}
    assert (
        page.status_code == 500
        and "internal error" in page.text
        and page.headers["content-type"].startswith("text/html")
    )
    assert "default-src 'none'" in api.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
