"""Corrections through the REST API and the Python API: writes need a token with the write role, the audit
log names its user, history and diffs are served; the same filters give the same events as the CLI."""

from __future__ import annotations

import json
import re

import pytest
from curate_fixtures import wire_report
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsfuse import Newsfuse
from newsfuse.api import create_app
from newsfuse.cli.main import build_app
from newsfuse.curate.users import new_user
from newsfuse.settings import Settings
from newsfuse.store import open_store


@pytest.fixture
def served(seed_store_path, tmp_path):
    tokens = tmp_path / "tokens.txt"
    tokens.write_text("# name role token\ncarol write carol-token\nreader read reader-token\n", encoding="utf-8")
    with open_store(seed_store_path) as store:
        dave = new_user(store, "dave", "admin")
        settings = Settings(db=seed_store_path, tokens_file=str(tokens), use_embeddings=False)
        with TestClient(create_app(store, settings)) as client:
            yield client, store, {"carol": "carol-token", "reader": "reader-token", "dave": dave}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_split_and_merge_through_the_api(served):
    client, store, tokens = served
    wire = wire_report(store)
    (event,) = store.event_ids()
    body = {"kind": "split", "event": event, "articles": [wire], "note": "wire copy"}
    assert client.post("/api/corrections", json=body).status_code == 401
    assert client.post("/api/corrections", json=body, headers=bearer("nope")).status_code == 401
    assert client.post("/api/corrections", json=body, headers=bearer(tokens["reader"])).status_code == 403
    split = client.post("/api/corrections", json=body, headers=bearer(tokens["carol"]))
    assert split.status_code == 200, split.text
    new_event = store.event_of(wire)
    assert new_event != event
    assert wire not in {s["article_id"] for s in client.get(f"/api/events/{event}").json()["sources"]}

    merge = client.post(
        "/api/corrections", json={"kind": "merge", "events": [event, new_event]}, headers=bearer(tokens["dave"])
    )
    assert merge.status_code == 200, merge.text
    assert wire in {s["article_id"] for s in client.get(f"/api/events/{event}").json()["sources"]}

    log = client.get("/api/corrections").json()["items"]
    assert [(c["kind"], c["user"], c["note"]) for c in log] == [("split", "carol", "wire copy"), ("merge", "dave", "")]
    versions = client.get(f"/api/events/{event}/history").json()["versions"]
    assert [v["reason"] for v in versions[-2:]] == ["correction c_1 (split)", "correction c_2 (merge)"]
    diff = client.get(f"/api/events/{event}/diff", params={"from": versions[-2]["version"]}).json()
    assert diff["reports_added"] == [wire]
    bad = client.post("/api/corrections", json={"kind": "split", "event": event}, headers=bearer(tokens["carol"]))
    assert bad.status_code == 400


def test_read_only_without_tokens(seed_store_path):
    with open_store(seed_store_path) as store, TestClient(create_app(store, Settings(db=seed_store_path))) as client:
        (event,) = store.event_ids()
        answer = client.post("/api/corrections", json={"kind": "pin", "event": event, "headline": "x"})
        assert answer.status_code == 403


def test_python_api_corrections(seed_store_path):
    with Newsfuse(seed_store_path, use_embeddings=False) as nf:
        (event,) = nf.store.event_ids()
        wire = wire_report(nf.store)
        split = nf.split(event, wire, note="wire", user="erin")
        assert nf.store.event_of(wire) != event
        nf.undo(split.id, user="erin")
        assert nf.store.event_of(wire) == event
        assert [(c.kind, c.user) for c in nf.corrections()] == [("split", "erin"), ("undo", "erin")]
        assert len(nf.history(event)) >= 3


FILTERS = [
    {"place": "Türkiye"},
    {"place": "Turquía"},
    {"place": "Peru"},
    {"entity": "Yasar Guler"},
    {"q": "drones"},
    {"since": "2025-08-01", "until": "2025-08-31"},
    {"since": "2026-01-01"},
    {"min_sources": 2},
    {"language": "en"},
    {"language": "de"},
]


@pytest.mark.parametrize("given", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()))
def test_same_events_from_cli_api_and_python(seed_store_path, given):
    args = []
    for key, value in given.items():
        args += [f"--{key.replace('_', '-')}", str(value)]
    result = CliRunner().invoke(build_app(), ["events", "--db", str(seed_store_path), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    from_cli = [row["event_id"] for row in json.loads(result.stdout)]
    params = {("min_independent_sources" if k == "min_sources" else k): v for k, v in given.items()}
    with open_store(seed_store_path) as store, TestClient(create_app(store, Settings(db=seed_store_path))) as client:
        from_api = [e["id"] for e in client.get("/api/events", params=params).json()["items"]]
        page = client.get("/", params=params).text
    with Newsfuse(seed_store_path) as nf:
        from_python = [r.id for r in nf.events(**params)]
    from_web = re.findall(r'class="event-card" data-event-id="([^"]+)"', page)
    assert from_cli == from_api == from_python == from_web
    if given in ({"place": "Türkiye"}, {"place": "Turquía"}, {"q": "drones"}):
        assert len(from_cli) == 1
    if given in ({"place": "Peru"}, {"since": "2026-01-01"}, {"language": "de"}):
        assert from_cli == []
