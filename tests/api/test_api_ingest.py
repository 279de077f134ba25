"""``POST /api/ingest``: closed without the token, read-only without one configured, idempotent with it."""

from __future__ import annotations

import json

from api_fixtures import TOKEN
from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.settings import Settings

NEW_REPORT = {
    "id": "wire-77",
    "title": "Ferry service between Valdoria and Osterby resumes",
    "text": "Ferries between Valdoria and Osterby sailed again on Thursday after the storm, the operator said.",
    "published": "2025-03-13",
    "source": "Harbour Times",
    "url": "https://harbour.example/ferries",
}
BODY = (json.dumps(NEW_REPORT) + "\n").encode()
JSONL = {"content-type": "application/x-ndjson"}


def auth(token: str = TOKEN) -> dict[str, str]:
    return {**JSONL, "authorization": f"Bearer {token}"}


def test_read_only_when_no_token_is_configured(client):
    response = client.post("/api/ingest", content=BODY, headers=auth())
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]
    assert client.get("/api/articles/wire-77").status_code == 404


def test_missing_or_wrong_token_is_unauthorised(writable_client):
    for headers in (
        JSONL,
        auth("wrong"),
        {**JSONL, "authorization": TOKEN},
        {**JSONL, "authorization": f"Basic {TOKEN}"},
    ):
        response = writable_client.post("/api/ingest", content=BODY, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert writable_client.get("/api/articles/wire-77").status_code == 404


def test_jsonl_body_is_stored_once_and_served_at_once(writable_client):
    before = writable_client.get("/api/articles")
    first = writable_client.post("/api/ingest", content=BODY, headers=auth())
    again = writable_client.post("/api/ingest", content=BODY, headers=auth())
    assert first.status_code == 200
    assert (first.json()["new"], first.json()["already_stored"]) == (1, 0)
    assert (again.json()["new"], again.json()["already_stored"]) == (0, 1)
    stored = writable_client.get("/api/articles/wire-77").json()
    assert stored["title"] == NEW_REPORT["title"] and stored["origin"].startswith("POST /api/ingest")
    after = writable_client.get("/api/articles", headers={"if-none-match": before.headers["etag"]})
    assert after.status_code == 200, "a cached listing must not survive a write"
    assert len(after.json()["items"]) == len(before.json()["items"]) + 1


def test_bad_lines_are_skipped_with_their_position(writable_client):
    body = b"{not json}\n" + BODY
    report = writable_client.post("/api/ingest", content=body, headers=auth()).json()
    assert report["new"] == 1
    assert report["skipped"][0]["position"] == "line 1"


def test_url_lists_accept_only_http_urls(writable_client):
    for urls in (["/etc/passwd"], ["file:///etc/passwd"], [], "https://x.example"):
        response = writable_client.post(
            "/api/ingest", json={"urls": urls}, headers={"authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 400, urls


def test_private_addresses_are_not_fetched(filled_store):
    settings = Settings(db=filled_store.db.path, token=TOKEN, allow_private=False)
    with TestClient(create_app(filled_store, settings)) as client:
        response = client.post(
            "/api/ingest", json={"urls": ["http://127.0.0.1:9/feed"]}, headers={"authorization": f"Bearer {TOKEN}"}
        )
    report = response.json()
    assert response.status_code == 200
    assert report["new"] == 0
    assert report["skipped"] and "127.0.0.1" in report["skipped"][0]["input"]


def test_unsupported_content_type(writable_client):
    response = writable_client.post("/api/ingest", content=b"\x00\x01", headers={**auth(), "content-type": "image/png"})
    assert response.status_code == 415


def test_after_ingest_hook_sees_the_new_articles(filled_store):
    seen = []
    settings = Settings(db=filled_store.db.path, token=TOKEN)
    with TestClient(create_app(filled_store, settings, after_ingest=seen.append)) as client:
        first = client.post("/api/ingest", content=BODY, headers=auth()).json()
        again = client.post("/api/ingest", content=BODY, headers=auth()).json()
    assert len(seen) == 1 and len(seen[0].new) == 1
    assert (first["processed"], again["processed"]) == (True, None)


def test_a_processing_failure_still_reports_what_was_stored(filled_store):
    def broken_pipeline(report):
        raise RuntimeError("model files missing")

    settings = Settings(db=filled_store.db.path, token=TOKEN)
    with TestClient(create_app(filled_store, settings, after_ingest=broken_pipeline)) as client:
        response = client.post("/api/ingest", content=BODY, headers=auth())
        stored = client.get("/api/articles/wire-77")
    assert response.status_code == 200
    assert (response.json()["new"], response.json()["processed"]) == (1, False)
    assert stored.status_code == 200
