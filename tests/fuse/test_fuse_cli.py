"""The fusion commands as a user runs them: event, timeline, export events (json, jsonl, csv, parquet)."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from fuse_fixtures import meeting_event
from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.fuse.record import fuse_event
from newsfuse.store import open_store


@pytest.fixture(scope="module")
def app():
    return build_app()


@pytest.fixture
def db(tmp_path, models):
    articles, extractions, links = meeting_event(with_d=True)
    record = fuse_event(articles, extractions, links, models=models, event_id="ev_lima")
    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.put_event_records([record])
    return path


def run(app, *args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result


def test_event_brief_in_markdown(app, db):
    result = run(app, "event", "ev_lima", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Lopez meets Chinese envoy\n")
    assert "Maria Lopez met Wang Li in Lima" in result.stdout
    assert "## Where reports disagree" in result.stdout and "2024-03-06" in result.stdout


def test_event_as_json(app, db):
    result = run(app, "event", "ev_lima", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["id"] == "ev_lima" and record["schema_version"] == 1
    # the analyst's news times and precision, as /api/events/{id} gives them
    published = sorted(s["published"] for s in record["sources"] if s["published"])
    assert record["news"]["first_reported"] == published[0] and record["news"]["last_reported"] == published[-1]
    assert record["news"]["time_start"] == record["time"]["start"]
    assert {"time_precision", "geo_precision"} <= set(record["news"])


def test_unknown_event_is_one_line_error(app, db):
    result = run(app, "event", "ev_nothing", "--db", db)
    assert result.exit_code != 0
    assert "ev_nothing" in str(result.exception) or "ev_nothing" in result.output


def test_timeline_of_an_entity(app, db):
    result = run(app, "timeline", "Wang Li", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert entries and all(e["event_id"] == "ev_lima" for e in entries)
    assert entries == sorted(entries, key=lambda e: e["date"] or "9999")
    assert any(
        "Maria Lopez met" in e["statement"] and "Wang Li" in e["statement"] for e in entries
    )  # a source sentence


def test_export_json_and_jsonl(app, db, tmp_path):
    result = run(app, "export", "events", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["ev_lima"]
    out = tmp_path / "events.json"
    assert run(app, "export", "events", "--db", db, "--format", "json", "--output", out).exit_code == 0
    assert [r["id"] for r in json.loads(out.read_text())] == ["ev_lima"]


@pytest.mark.parametrize("file_format", ["csv", "parquet"])
def test_export_tables(app, db, tmp_path, file_format):
    folder = tmp_path / file_format
    result = run(app, "export", "events", "--db", db, "--format", file_format, "--output", folder)
    assert result.exit_code == 0, result.output
    if file_format == "csv":
        tables = {
            name: list(csv.DictReader((folder / f"{name}.csv").open(encoding="utf-8")))
            for name in ("events", "claims", "evidence")
        }
    else:
        tables = {
            name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in ("events", "claims", "evidence")
        }
    assert [e["event_id"] for e in tables["events"]] == ["ev_lima"]
    claim_ids = {c["claim_id"] for c in tables["claims"]}
    assert claim_ids and {e["claim_id"] for e in tables["evidence"]} == claim_ids
    assert {e["article_id"] for e in tables["evidence"]} == {"a1", "b1", "c1", "d1"}


def test_export_events_csv_with_a_bom_for_spreadsheets(app, db, tmp_path):
    for folder, extra in ((tmp_path / "bom", ["--bom"]), (tmp_path / "plain", [])):
        result = run(app, "export", "events", "--db", db, "--format", "csv", "--output", folder, *extra)
        assert result.exit_code == 0, result.output
    for name in ("events", "claims", "evidence"):
        with_bom, plain = (
            (tmp_path / "bom" / f"{name}.csv").read_bytes(),
            (tmp_path / "plain" / f"{name}.csv").read_bytes(),
        )
        assert with_bom.startswith(b"\xef\xbb\xbf") and not plain.startswith(b"\xef\xbb\xbf")
        assert with_bom[3:] == plain
    with (tmp_path / "bom" / "claims.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "event_id"  # read as UTF-8-sig, the first header is clean
    refused = run(app, "export", "events", "--db", db, "--format", "jsonl", "--bom")
    assert refused.exit_code != 0 and "--bom" in (str(refused.exception) + refused.output)


def test_tables_need_an_output_directory(app, db):
    result = run(app, "export", "events", "--db", db, "--format", "csv")
    assert result.exit_code != 0
