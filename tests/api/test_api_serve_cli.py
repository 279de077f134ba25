"""``newsfuse serve`` run as a user would: a subprocess on loopback, fed through the API, read back.

POSTing the test reports with the token runs the real pipeline (dedup, cluster, extract, fuse)
inside the server, so the events read back are what the product makes of these texts.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from api_fixtures import REPORTS

from newsfuse.cli.serve_commands import is_loopback

TOKEN = "cli-token-42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    port = free_port()
    env = {**os.environ, "NEWSFUSE_TOKEN": TOKEN}
    command = [
        sys.executable,
        "-m",
        "newsfuse.cli.main",
        "serve",
        "--db",
        str(tmp_path / "cli.db"),
        "--port",
        str(port),
    ]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):  # up to 30 s to start
            if server.poll() is not None:
                pytest.fail(f"serve exited: {server.stderr.read().decode()}")
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=15)


@pytest.mark.slow
def test_serve_ingests_runs_the_pipeline_and_serves_events(served):
    health = httpx.get(served + "/api/health").json()
    assert health["writable"] is True
    body = "".join(json.dumps({**report, "id": f"cli-{n}"}) + "\n" for n, report in enumerate(REPORTS))
    refused = httpx.post(served + "/api/ingest", content=body, headers={"content-type": "application/x-ndjson"})
    assert refused.status_code == 401
    stored = httpx.post(
        served + "/api/ingest",
        content=body,
        timeout=300,
        headers={"content-type": "application/x-ndjson", "authorization": f"Bearer {TOKEN}"},
    )
    assert stored.json()["new"] == len(REPORTS)
    events = httpx.get(served + "/api/events").json()["items"]
    port = next(e for e in events if "Valdoria" in e["headline"])
    assert port["article_count"] == 3
    assert port["independent_sources"] == 2, "the Coastal Wire rewrite counts once"
    page = httpx.get(served + f"/events/{port['id']}")
    assert page.status_code == 200 and "Harbour Times" in page.text
    article = httpx.get(served + "/api/articles/cli-0").json()
    assert article["events"] == [port["id"]]


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.com")
