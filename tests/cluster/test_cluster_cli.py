"""``cluster``, ``events``, ``explain``, ``recluster`` and ``export articles``, driven as a user would."""

from __future__ import annotations

import json

import pytest
import typer
from cluster_texts import stories
from typer.testing import CliRunner

from newsfuse.cli.cluster_commands import register
from newsfuse.store import open_store


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    application, eval_app, export_app = typer.Typer(), typer.Typer(), typer.Typer()
    register(application, eval_app, export_app)
    application.add_typer(eval_app, name="eval")
    application.add_typer(export_app, name="export")
    return application


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.add_articles([a for group in stories("2024-03-03") for a in group])
    return str(path)


def run(app, *args):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_cluster_then_events_lists_three_events_as_json(app, db):
    run(app, "cluster", "--db", db, "--no-embeddings")
    events = json.loads(run(app, "events", "--db", db, "--format", "json").stdout)
    assert sorted(e["article_count"] for e in events) == [3, 3, 3]
    assert all(e["event_id"].startswith("e_") and e["first_seen"] == "2024-03-03" for e in events)


def test_export_articles_writes_one_line_per_article_with_its_event(app, db):
    run(app, "cluster", "--db", db, "--no-embeddings")
    rows = [json.loads(line) for line in run(app, "export", "articles", "--db", db).stdout.splitlines()]
    assert len(rows) == 9
    assert set(rows[0]) == {"id", "event_id", "duplicate_of", "derived_from"}
    assert len({r["event_id"] for r in rows}) == 3


def test_explain_reports_each_signal_and_the_decision(app, db):
    run(app, "cluster", "--db", db, "--no-embeddings")
    groups = stories("2024-03-03")
    same = json.loads(
        run(app, "explain", groups[0][0].id, groups[0][1].id, "--db", db, "--format", "json", "--no-embeddings").stdout
    )
    apart = json.loads(
        run(app, "explain", groups[0][0].id, groups[1][0].id, "--db", db, "--format", "json", "--no-embeddings").stdout
    )
    assert same["decision"] == "same event" and apart["decision"] == "different events"
    assert same["pair"]["lexical"] > apart["pair"]["lexical"]
    assert same["pair"]["days_apart"] == 0 and same["pair"]["embedding"] is None
    assert "qeshm" in same["shared_names"]


def test_explain_names_an_unknown_article(app, db):
    result = CliRunner().invoke(app, ["explain", "nope-nope", "also-not", "--db", db])
    assert result.exit_code != 0
    assert "nope-nope" in str(result.exception)


def test_recluster_keeps_every_article_in_an_event(app, db):
    run(app, "cluster", "--db", db, "--no-embeddings")
    run(app, "recluster", "--db", db, "--no-embeddings")
    with open_store(db) as store:
        assert len(store.event_ids()) == 3
        assert store.event_stats()["clustered_articles"] == 9


def test_recluster_fuses_a_record_for_every_event_it_leaves(app, db):
    run(app, "cluster", "--db", db, "--no-embeddings")
    run(app, "recluster", "--db", db, "--no-embeddings")
    with open_store(db) as store:
        record_ids = {record.id for record in store.iter_event_records()}
        assert record_ids and record_ids == set(store.event_ids())
