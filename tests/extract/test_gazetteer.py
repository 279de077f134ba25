"""Gazetteers: countries with news variants and demonyms, the shipped organisations, user CSV/YAML files."""

from __future__ import annotations

import pytest

from newsfuse.errors import InputError
from newsfuse.extract import load_models
from newsfuse.extract.gazetteer import build_gazetteer, load_gazetteer_file


def test_turkey_variants_and_demonym_share_one_country_id():
    entries = build_gazetteer()
    by_name = {(name, e.label): e for e in entries for name in e.names()}
    ids = {
        by_name[("Türkiye", "GPE")].entity_id,
        by_name[("Turkey", "GPE")].entity_id,
        by_name[("Turkish", "NORP")].entity_id,
    }
    assert len(ids) == 1
    assert by_name[("Japanese", "NORP")].country_code == "JP"


def test_user_csv_and_yaml_gazetteers(tmp_path):
    csv_file = tmp_path / "orgs.csv"
    csv_file.write_text("name,type,aliases\nAcme Drones,ORG,Acme|ACD\n", encoding="utf-8")
    yaml_file = tmp_path / "people.yaml"
    yaml_file.write_text("- name: Zorblat Vext\n  type: PERSON\n  aliases: [Z. Vext]\n", encoding="utf-8")
    (acme,) = load_gazetteer_file(csv_file)
    assert (acme.canonical, acme.label, acme.aliases) == ("Acme Drones", "ORG", ("Acme", "ACD"))
    (person,) = load_gazetteer_file(yaml_file)
    assert person.label == "PERSON" and person.aliases == ("Z. Vext",)


def test_user_gazetteer_feeds_the_entity_ruler(tmp_path):
    csv_file = tmp_path / "orgs.csv"
    csv_file.write_text("name,type,aliases\nQwertronix,ORG,QTX\n", encoding="utf-8")
    models = load_models([csv_file])
    doc = models.nlp("Officials visited QTX, the maker of Qwertronix sensors.")
    labels = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert labels["QTX"][0] == "ORG"
    assert labels["QTX"][1] == labels["Qwertronix"][1]


def test_bad_gazetteer_rows_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,type,aliases\nAcme,SPACESHIP,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv \(line 2\).*SPACESHIP"):
        load_gazetteer_file(bad)
    headerless = tmp_path / "headerless.csv"
    headerless.write_text("Acme,ORG\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        load_gazetteer_file(headerless)


def test_acronym_of_a_common_noun_is_not_an_entity(models):
    from newsfuse.extract.entities import find_entities

    text = "Baykar, the unmanned aerial vehicle (UAV) producer, sold UAVs to Turkish Aerospace Industries (TUSAŞ)."
    found = {m.text: m.label for m in find_entities(models.nlp(text), models)}
    assert "UAV" not in found and "UAVs" not in found
    assert found["TUSAŞ"] == "ORG" and found["Baykar"] == "ORG"
