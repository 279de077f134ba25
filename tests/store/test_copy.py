"""``newsfuse copy`` between backends: SQLite → PostgreSQL → SQLite gives back every row, and the copy works on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_conformance import fill, snapshot  # noqa: E402

from newsfuse.cli.main import build_app  # noqa: E402
from newsfuse.store import open_store  # noqa: E402
from newsfuse.store.copy import table_rows  # noqa: E402


def copy(source: str, target: str):
    result = CliRunner().invoke(build_app(), ["copy", "--from", source, "--to", target, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_round_trip_sqlite_postgresql_sqlite_is_lossless(tmp_path, pg_url):
    original, back = str(tmp_path / "original.db"), str(tmp_path / "back.db")
    with open_store(original) as store:
        fill(store)
        rows, seen = table_rows(store), snapshot(store)
    there = copy(original, pg_url)
    assert there["rows"]["articles"] == len(rows["articles"]) and there["rows"]["corrections"] == 2
    with open_store(pg_url) as store:
        assert table_rows(store) == rows  # every row of every table, bytes and floats exact
        assert snapshot(store) == seen  # and the store reads the same (search, order by insertion, vectors)
        assert store.add_correction("pin", "e_one", {}, "ana").id == "c_3"  # ids go on after the copied ones
    copy(pg_url, back)
    with open_store(back) as store:
        assert table_rows(store) == {**rows, "corrections": table_rows(store)["corrections"]}
        assert len(store.corrections()) == 3
        assert [a.id for a in store.iter_articles(query="Valdoria")] == [
            a.id for a in open_store(original).iter_articles(query="Valdoria")
        ]


def test_copy_refuses_a_store_that_is_not_empty(tmp_path, pg_url):
    original = str(tmp_path / "original.db")
    with open_store(original) as store:
        fill(store)
    copy(original, pg_url)
    result = CliRunner().invoke(build_app(), ["copy", "--from", original, "--to", pg_url])
    assert result.exit_code != 0 and "not empty" in str(result.exception)


def test_copy_from_a_missing_store_says_so(tmp_path):
    result = CliRunner().invoke(
        build_app(), ["copy", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "x.db")]
    )
    assert result.exit_code != 0 and "no newsfuse store here" in str(result.exception)
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(
    "given", ["postgresql://u@h/db", "postgresql:///db?host=/tmp/s", "postgresql://u@/db?host=/tmp/s"]
)
def test_postgresql_urls_survive_the_path_option(given):
    from newsfuse.store.location import parse_location

    assert parse_location(Path(given)).target == given and parse_location(given).target == given
    assert parse_location(Path("sqlite:///var/news.db")).target == "/var/news.db"
    assert parse_location("news.db").target == "news.db"
