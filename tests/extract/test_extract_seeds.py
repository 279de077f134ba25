"""The acceptance case: the three seed reports, through ``newsfuse extract`` and through the store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.extract import update
from newsfuse.extract.dates import reanchor
from newsfuse.ingest import ingest


@pytest.fixture(scope="module")
def seed_rows(shared_dir):
    result = CliRunner().invoke(build_app(), ["extract", str(shared_dir / "seeds"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 3
    return {row["published"]: row for row in rows}


def _entity_ids(row, canonical):
    return {e["entity_id"] for e in row["entities"] if e["canonical"] == canonical}


def test_people_are_one_entity_each_across_all_three(seed_rows):
    for name in ("Gen Nakatani", "Yaşar Güler"):
        ids = [_entity_ids(row, name) for row in seed_rows.values()]
        assert all(len(i) == 1 for i in ids), (name, ids)
        assert len(set.union(*ids)) == 1


def test_acronym_demonym_and_gazetteer_org(seed_rows):
    row = seed_rows["2025-08-20"]
    by_text = {e["text"]: e for e in row["entities"]}
    assert by_text["TUSAŞ"]["entity_id"] == by_text["Turkish Aerospace Industries"]["entity_id"]
    assert by_text["Baykar"]["label"] == "ORG"
    assert by_text["Japanese"]["entity_id"] == by_text["Japan"]["entity_id"]


def test_roles_from_titles_and_appositions(seed_rows):
    for row in seed_rows.values():
        people = {e["entity_id"]: e["canonical"] for e in row["entities"]}
        roles = {(people.get(r["person_entity_id"]), r["role"]) for r in row["roles"]}
        assert ("Yaşar Güler", "defence minister") in roles
    roles_000 = {(r["role"], r["of_entity_id"]) for r in seed_rows["2025-08-20"]["roles"]}
    japan = _entity_ids(seed_rows["2025-08-20"], "Japan").pop()
    assert ("defence minister", japan) in roles_000


def test_dates_money_durations(seed_rows):
    tuesday = next(d for d in seed_rows["2025-08-19"]["dates"] if d["text"] == "Tuesday")
    assert tuesday["value"] == "2025-08-19"
    wednesday = next(d for d in seed_rows[None]["dates"] if d["text"] == "Wednesday")
    assert wednesday["value"] is None
    yen, dollars = seed_rows["2025-08-20"]["money"][:2]
    assert yen["usd"] == pytest.approx(1.35e9, rel=0.01)
    assert dollars["conversion_of"] == 0 and dollars["conversion_off"] is False
    for row in seed_rows.values():
        for duration in (q for q in row["quantities"] if q["kind"] == "duration"):
            assert duration["lower"] >= 5400
    assert sum(q["kind"] == "duration" for row in seed_rows.values() for q in row["quantities"]) == 2


def test_offsets_index_the_article_text(shared_dir):
    from newsfuse.ingest import read_documents

    articles = {a.id: a for a in read_documents([str(shared_dir / "seeds")])}
    result = CliRunner().invoke(build_app(), ["extract", str(shared_dir / "seeds"), "--format", "jsonl"])
    for line in result.stdout.splitlines():
        row = json.loads(line)
        text = articles[row["id"]].text
        for kind in ("entities", "dates", "money", "quantities", "places"):
            for mention in row[kind]:
                assert text[mention["start"] : mention["end"]] == mention["text"]


def test_store_update_is_idempotent_and_reanchors(shared_dir, store, models):
    ingest([str(shared_dir / "seeds")], store)
    ids = [a.id for a in store.iter_articles()]
    first = update(store, ids, models=models)
    again = update(store, ids, models=models)
    assert len(first.extracted) == 3 and again.extracted == [] and len(again.already_extracted) == 3
    (guler,) = [e for e in store.entities(label="PERSON") if e.canonical == "Yaşar Güler"]
    assert "Yasar Guler" in guler.aliases
    assert {o.article_id for o in store.entity_mentions(guler.id)} == set(ids)
    undated = next(a for a in store.iter_articles() if a.published is None)
    extraction = store.get_extraction(undated.id)
    assert next(d for d in extraction.dates if d.text == "Wednesday").value is None
    anchored = reanchor(extraction, "2025-08-19", models.currency_converter())
    wednesday = next(d for d in anchored.dates if d.text == "Wednesday")
    assert wednesday.value == "2025-08-20"
    yen, dollars = anchored.money[:2]
    assert yen.usd == pytest.approx(1.35e9, rel=0.01) and yen.rate_date == "2025-08-19"
    assert dollars.conversion_of == 0 and not dollars.conversion_off


def test_store_commands_list_entities_with_roles(shared_dir, tmp_path):
    runner, app, db = CliRunner(), build_app(), str(tmp_path / "cli.db")
    stored = runner.invoke(app, ["ingest", str(shared_dir / "seeds"), "--db", db, "-q", "--store-only"])
    assert stored.exit_code == 0, stored.output
    extracted = runner.invoke(app, ["extract", "--db", db, "--format", "json"])
    assert extracted.exit_code == 0, extracted.output
    assert json.loads(extracted.stdout)["extracted"] == 3
    listed = runner.invoke(app, ["entities", "--db", db, "--label", "PERSON", "--q", "Nakatani", "--format", "json"])
    (nakatani,) = json.loads(listed.stdout)
    shown = runner.invoke(app, ["entity", nakatani["id"], "--db", db, "--format", "json"])
    payload = json.loads(shown.stdout)
    assert len({m["article_id"] for m in payload["mentions"]}) == 3
    assert {(r["role"], r["of"]) for r in payload["roles"]} >= {("defence minister", "Japan")}
    missing = runner.invoke(app, ["entity", "e_nothing", "--db", db])
    assert missing.exit_code != 0


def test_extract_without_input_or_store_is_an_error():
    result = CliRunner().invoke(build_app(), ["extract"])
    assert result.exit_code != 0
