"""HTTP edges: HEAD wherever GET is, the server's own 400s and malformed JSON bodies in the one error shape."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn
from api_fixtures import TOKEN

from newsfuse.api import create_app
from newsfuse.api.protocol import http_protocol
from newsfuse.settings import Settings

AUTH = {"authorization": f"Bearer {TOKEN}"}


def get_paths(client) -> list[str]:
    """Every GET route of the API schema without path parameters, plus pages, a static file and a 404."""
    schema = client.get("/api/openapi.json").json()["paths"]
    paths = [path for path, methods in schema.items() if "get" in methods and "{" not in path]
    return [*paths, "/api/openapi.json", "/", "/static/newsfuse.css", "/api/events/e_missing", "/nowhere"]


def test_head_answers_like_get_without_a_body(client):
    paths = get_paths(client)
    assert len(paths) > 5
    for path in paths:
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        assert head.headers.get("content-type") == got.headers.get("content-type"), path
        assert "content-security-policy" in head.headers, path


def test_malformed_json_body_is_a_400_in_the_error_shape(writable_client):
    response = writable_client.post(
        "/api/ingest", content=b'{"urls": ["http://example.com"', headers={**AUTH, "content-type": "application/json"}
    )
    assert response.status_code == 400
    body = response.json()
    assert (body["ok"], body["status"]) == (False, 400)
    assert "malformed JSON body" in body["error"] and "line 1" in body["error"]


def test_a_body_with_nothing_readable_is_a_422(writable_client):
    response = writable_client.post(
        "/api/ingest", content=b"{bad json\n{also bad\n", headers={**AUTH, "content-type": "application/x-ndjson"}
    )
    assert response.status_code == 422
    body = response.json()
    assert body["ok"] is False and "no article could be read" in body["error"]
    assert len(body["detail"]) == 2


@pytest.fixture
def server(filled_store):
    """The app behind a real uvicorn on loopback, with the protocol ``newsfuse serve`` uses."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(filled_store, Settings(db=filled_store.db.path))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical", http=http_protocol())
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield port
    running.should_exit = True
    thread.join(timeout=10)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        b"GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        b"NOT A REQUEST\r\n\r\n",
    ],
)
def test_the_servers_own_400s_use_the_json_shape(server, request_bytes):
    with socket.create_connection(("127.0.0.1", server), timeout=5) as sock:
        sock.sendall(request_bytes)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert b"content-type: application/json" in head.lower()
    assert body.startswith(b'{"ok": false, "status": 400, "error": "malformed HTTP request')
