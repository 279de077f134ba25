"""What the shared store must show, driven as a user would: the seeds through the whole pipeline on
PostgreSQL equal SQLite's; four concurrent ``newsfuse ingest`` processes of overlapping inputs store each
article once (and cluster them as one run would); ``newsfuse serve`` runs on PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from api_fixtures import REPORTS, fill_store  # noqa: E402
from api_records import fill_events  # noqa: E402

from newsfuse.store import open_store  # noqa: E402

pytestmark = pytest.mark.slow
CLI = [sys.executable, "-m", "newsfuse.cli.main"]
ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
_CLOCK = {"first_seen", "last_updated", "fused_at", "ingested_at", "stored_at", "created_at", "updated_at"}


def newsfuse(*args: str, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, env=ENV, timeout=600, **kwargs)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _unclocked(value):
    """A record's JSON without the times the store's clock wrote."""
    if isinstance(value, dict):
        return {k: _unclocked(v) for k, v in value.items() if k not in _CLOCK}
    if isinstance(value, list):
        return [_unclocked(v) for v in value]
    return value


def _outcome(location: str) -> dict:
    with open_store(location) as store:
        events = {e: sorted(store.event_members(e)) for e in store.event_ids()}
        records = {e: _unclocked(store.get_event_record(e).to_json()) for e in events}
        links = sorted(
            (link.article_id, link.relation, link.target, round(link.score, 9)) for link in store.iter_links()
        )
        return {"events": events, "records": records, "links": links}


def test_the_seeds_give_the_same_event_link_and_record_on_postgresql(shared_dir, tmp_path, pg_url):
    seeds = str(shared_dir / "seeds")
    newsfuse("ingest", seeds, "--db", str(tmp_path / "seeds.db"), "--quiet")
    newsfuse("ingest", seeds, "--db", pg_url, "--quiet")
    on_sqlite, on_postgres = _outcome(str(tmp_path / "seeds.db")), _outcome(pg_url)
    assert len(on_sqlite["events"]) == 1 and [link[1] for link in on_sqlite["links"]] == ["derived_from"]
    assert on_postgres == on_sqlite


def _write_inputs(folder: Path) -> list[Path]:
    """Four JSONL files, each of four of the six reports, every report in two or more of them."""
    folder.mkdir()
    lines = [json.dumps({**report, "id": f"r-{n}"}) for n, report in enumerate(REPORTS)]
    paths = []
    for k in range(4):
        path = folder / f"part{k}.jsonl"
        path.write_text("\n".join(lines[(k + i) % len(lines)] for i in range(4)) + "\n")
        paths.append(path)
    return paths


def test_four_concurrent_ingests_store_each_article_once(tmp_path, pg_url):
    parts = _write_inputs(tmp_path / "in")
    writers = [subprocess.Popen([*CLI, "ingest", str(p), "--db", pg_url, "--quiet", "--format", "json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV) for p in parts]  # fmt: skip
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err[-3000:]
        reports.append(json.loads(out))
    new = [i for r in reports for i in r["new_ids"]]
    with open_store(pg_url) as store:
        stored = store.article_ids()
        assert len(stored) == len(set(stored)) == len(REPORTS) and sorted(new) == sorted(stored)
        members = [m for e in store.event_ids() for m in store.event_members(e)]
        assert sorted(members) == sorted(stored)  # each article in one event
    # and the events are those one sequential run makes of the same reports
    newsfuse("ingest", *map(str, parts), "--db", str(tmp_path / "one.db"), "--quiet")
    partition = {frozenset(m) for m in _outcome(pg_url)["events"].values()}
    assert partition == {frozenset(m) for m in _outcome(str(tmp_path / "one.db"))["events"].values()}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_runs_on_postgresql(pg_url):
    with open_store(pg_url) as store:
        fill_store(store)
        records = fill_events(store)
    port = _free_port()
    server = subprocess.Popen([*CLI, "serve", "--db", pg_url, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if server.poll() is not None:
                pytest.fail(f"serve exited: {server.stderr.read().decode()[-3000:]}")
            try:
                health = httpx.get(base + "/api/health", timeout=1).json()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert health["status"] == "ok"
        events = httpx.get(base + "/api/events").json()["items"]
        assert sorted(e["id"] for e in events) == sorted(r.id for r in records)
        found = httpx.get(base + "/api/events", params={"q": "Valdoria"}).json()["items"]  # tsvector search
        assert [e["id"] for e in found] == [r.id for r in records if "Valdoria" in r.headline]
        page = httpx.get(base + f"/events/{found[0]['id']}")
        assert page.status_code == 200 and "Valdoria" in page.text
        assert httpx.get(base + "/api/articles/test-1").json()["id"]
    finally:
        server.terminate()
        server.wait(timeout=15)
