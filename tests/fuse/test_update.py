"""Incremental fusion through the whole pipeline: new reports update the affected event's record, ids stay."""

from __future__ import annotations

import json
import shutil

import pytest

from newsfuse.fuse.update import update
from newsfuse.ingest import ingest
from newsfuse.pipeline import process
from newsfuse.settings import Settings


@pytest.fixture
def seeds(shared_dir, tmp_path):
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    if len(paths) != 3:
        pytest.skip("the three seed reports are not in ../shared/seeds")
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for path in paths:
        shutil.copy(path, (later if path.name.startswith("001") else first) / path.name)
    return first, later


def _fused_at(store) -> dict[str, str]:
    return {r[0]: r[1] for r in store.db.query("SELECT id, fused_at || fingerprint FROM event_records")}


def test_new_report_updates_its_event_record_in_place(store, seeds, models):
    settings = Settings(db=store.location, use_embeddings=False)
    first, later = seeds
    first_ids = list(ingest([str(first)], store, settings).new)
    report = process(store, first_ids, settings)
    assert report.events_affected and all(store.get_event_record(e).id == e for e in report.events_affected)
    origin = next(a for a in store.get_articles(first_ids) if a.origin.endswith("000_fad2442ff10ea89f.txt"))
    event_id = store.event_of(origin.id)
    before = store.get_event_record(event_id)
    untouched = {k: v for k, v in _fused_at(store).items() if k != event_id}

    added = list(ingest([str(later)], store, settings).new)
    report = process(store, added, settings)
    assert store.event_of(added[0]) == event_id, "the rewrite joins its origin's event"
    after = store.get_event_record(event_id)
    assert after.id == before.id == event_id
    assert len(after.sources) == len(before.sources) + 1
    assert after.independent_sources == before.independent_sources  # the rewrite counts with its origin
    rewrite = next(s for s in after.sources if s.article_id == added[0])
    assert rewrite.relation == "derived_from" and rewrite.origin_id == origin.id

    def meeting(record):
        guler = next(p.entity_id for p in record.participants if p.name.endswith("Güler"))
        return next(c for c in record.claims if c.predicate == "meet" and guler in c.entity_ids())

    assert meeting(after).id == meeting(before).id, "a claim keeps its id as reports are added"
    assert len(meeting(after).evidence) > len(meeting(before).evidence)
    now = _fused_at(store)
    assert {k: now[k] for k in untouched if k in now} == {k: v for k, v in untouched.items() if k in now}


def test_unchanged_event_is_not_fused_again(store, seeds, models):
    settings = Settings(db=store.location, use_embeddings=False)
    first, _ = seeds
    report = process(store, list(ingest([str(first)], store, settings).new), settings)
    before = _fused_at(store)
    again = update(store, list(report.events_affected), settings, models=models)
    assert sorted(r.id for r in again) == sorted(report.events_affected)
    assert _fused_at(store) == before


def test_fuse_and_event_commands_on_an_ingested_store(tmp_path, seeds):
    from typer.testing import CliRunner

    from newsfuse.cli.main import build_app

    first, later = seeds
    db = tmp_path / "cli.db"
    runner = CliRunner()
    app = build_app()
    assert runner.invoke(app, ["ingest", str(first), str(later), "--db", str(db)]).exit_code == 0
    fused = runner.invoke(app, ["fuse", "--db", str(db), "--format", "json"])
    assert fused.exit_code == 0, fused.output
    rows = json.loads(fused.stdout)
    assert rows and all(row["claims"] > 0 for row in rows)
    biggest = max(rows, key=lambda row: row["independent_sources"])
    brief = runner.invoke(app, ["event", biggest["event_id"], "--db", str(db)])
    assert brief.exit_code == 0 and brief.stdout.startswith("# ")
