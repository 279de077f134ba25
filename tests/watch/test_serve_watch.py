"""``newsfuse serve --watch``: the watcher and the server in one command, both stopped by one SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from watch_support import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_with_watch_serves_what_the_watcher_fuses(feed, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    command = [
        sys.executable,
        "-m",
        "newsfuse.cli.main",
        "serve",
        "--db",
        str(tmp_path / "s.db"),
        "--port",
        str(port),
        "--watch",
        feed.url,
        "--every",
        "2",
        "--allow-private",
    ]
    env = dict(os.environ, PYTHONPATH=str(REPO), NEWSFUSE_WORKERS="1")
    with log.open("wb") as err:
        proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 120
        events = []
        while time.monotonic() < deadline and not (events and events[0]["article_count"] == 3):
            time.sleep(0.5)
            try:
                events = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=5).json()["items"]
            except httpx.HTTPError:
                continue
        assert len(events) == 1, log.read_text()
        assert events[0]["article_count"] == 3
        page = httpx.get(f"http://127.0.0.1:{port}/").text
        assert 'data-live="/api/stream"' in page and "/static/live.js" in page
        assert httpx.get(f"http://127.0.0.1:{port}/static/live.js").status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, log.read_text()
        assert "watch: stopped" in log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
            pytest.fail(log.read_text())
