"""The ``ingest``, ``articles``, ``show`` and ``stats`` commands, driven as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from newsfuse.cli.ingest_commands import register

STORY = "The harbour authority said on Friday that the new ferry terminal will open in the spring of next year."


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    application = typer.Typer()
    register(application, typer.Typer(), typer.Typer())
    return application


@pytest.fixture
def run(app):
    runner = CliRunner()

    def invoke(*args: str, stdin: bytes | None = None):
        return runner.invoke(app, list(args), input=stdin)

    return invoke


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(f" date 2024-06-07 Ferry terminal to open\n\nHELSINKI\n\n{STORY}")
    (folder / "b.jsonl").write_text(
        json.dumps(
            {
                "id": "ext-1",
                "title": "Bridge closed",
                "text": "The old bridge closed for repairs on Monday morning.",
                "published": "2024-06-03",
                "source": "Coast Times",
            }
        )
        + "\n{bad json\n"
    )
    return folder


def test_ingest_json_summary_then_idempotent(run, inputs, tmp_path):
    db = str(tmp_path / "n.db")
    first = run("ingest", str(inputs), "--db", db, "--format", "json", "--quiet")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["new"], summary["already_stored"]) == (2, 0)
    assert summary["skipped"] == [
        {"input": str(inputs / "b.jsonl"), "position": "line 2", "reason": summary["skipped"][0]["reason"]}
    ]
    assert "malformed JSON" in summary["skipped"][0]["reason"]
    assert "skipped: " in first.stderr and "line 2" in first.stderr
    second = run("ingest", str(inputs), "--db", db, "--format", "json", "--quiet")
    assert json.loads(second.stdout)["new"] == 0 and json.loads(second.stdout)["already_stored"] == 2


def test_ingest_table_and_message(run, inputs, tmp_path):
    result = run("ingest", str(inputs / "a.txt"), "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 0
    assert "new" in result.stdout and "1" in result.stdout
    assert "1 new, 0 already stored, 0 skipped" in result.stderr


def test_exit_status_nonzero_only_when_nothing_read(run, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "empty input" in result.stderr and "no such file or directory" in result.stderr


def test_ingest_from_stdin(run, tmp_path):
    line = json.dumps({"text": STORY, "id": "s-9"}).encode() + b"\n"
    result = run("ingest", "-", "--db", str(tmp_path / "s.db"), "--format", "json", "--quiet", stdin=line)
    assert result.exit_code == 0 and json.loads(result.stdout)["new"] == 1


def test_articles_show_and_stats(run, inputs, tmp_path):
    db = str(tmp_path / "q.db")
    run("ingest", str(inputs), "--db", db, "--quiet")
    listed = run("articles", "--db", db, "--format", "json")
    rows = json.loads(listed.stdout)
    assert [r["published"] for r in rows] == ["2024-06-03", "2024-06-07"]
    assert rows[0]["external_id"] == "ext-1" and rows[0]["published_via"] == "feed"

    lines = run("articles", "--db", db, "--format", "jsonl", "--q", "ferry").stdout.splitlines()
    assert [json.loads(x)["title"] for x in lines] == ["Ferry terminal to open"]
    assert (
        json.loads(run("articles", "--db", db, "--format", "json", "--since", "2024-06-05").stdout)[0]["dateline"]
        == "HELSINKI"
    )
    assert (
        json.loads(run("articles", "--db", db, "--format", "json", "--source", "coast").stdout)[0]["title"]
        == "Bridge closed"
    )
    assert "Bridge closed" in run("articles", "--db", db).stdout

    shown = json.loads(run("show", "ext-1", "--db", db, "--format", "json").stdout)
    assert shown["text"] == "The old bridge closed for repairs on Monday morning."
    table = run("show", rows[1]["id"][:10], "--db", db)
    assert table.exit_code == 0 and STORY in table.stdout

    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 2 and stats["languages"] == {"en": 2}


def newsfuse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsfuse.cli.main", *args], capture_output=True, text=True)


def test_errors_are_one_line_with_a_hint_and_exit_2(inputs, tmp_path):
    missing = tmp_path / "none.db"
    result = newsfuse("stats", "--db", str(missing))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "no newsfuse store" in result.stderr and "hint:" in result.stderr
    assert not missing.exists()  # reading commands never create a store
    db = str(tmp_path / "e.db")
    newsfuse("ingest", str(inputs), "--db", db, "--quiet")
    unknown = newsfuse("show", "a_doesnotexist", "--db", db)
    assert unknown.returncode == 2 and "no article 'a_doesnotexist'" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_seed_reports_through_the_installed_command(shared_dir, tmp_path):
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds")
    db = str(tmp_path / "x.db")
    command = [sys.executable, "-m", "newsfuse.cli.main", "ingest", str(seeds), "--db", db, "--format", "json"]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    assert json.loads(first.stdout)["new"] == 3
    second = subprocess.run(command, capture_output=True, text=True, check=True)
    assert json.loads(second.stdout)["new"] == 0 and json.loads(second.stdout)["already_stored"] == 3
    listed = subprocess.run(
        [sys.executable, "-m", "newsfuse.cli.main", "articles", "--db", db, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    by_file = {row["origin"].rsplit("/", 1)[-1][:3]: row for row in json.loads(listed.stdout)}
    assert [by_file[k]["published"] for k in ("000", "001", "002")] == ["2025-08-20", None, "2025-08-19"]
    assert by_file["002"]["source"] == "MENAFN - Live Mint"
    assert {row["language"] for row in by_file.values()} == {"en"}
    assert {row["dateline"] for row in by_file.values()} == {"ANKARA"}
