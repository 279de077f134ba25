"""``newsfuse eval fusion``: B-cubed over cross-document entity instances and event time anchors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.eval.fusion import bcubed, evaluate_fusion, gold_anchors, gold_entity_items
from newsfuse.eval.meantime import read_document

# Two documents about one company: "Boeing" in both refers to the same cross-document instance.
DOCS = {
    "1_a.xml": (
        ["Boeing", "signed", "a", "deal", "with", "Airbus", "on", "March", "3", ",", "2008", "."],
        "2008-03-04",
        [("1", [1], "ORG1"), ("2", [6], "ORG2")],  # entity mention id, token ids, instance
        ("3", [2], ("4", [8, 9, 10, 11], "2008-03-03")),  # event mention, anchored timex
    ),
    "2_b.xml": (
        ["Boeing", "workers", "went", "on", "strike", "on", "Monday", "."],
        "2008-09-08",
        [("1", [1], "ORG1")],
        ("3", [5], ("4", [7], "2008-09-08")),
    ),
}


def cat_xml(tokens, dct, entities, event) -> str:
    token_xml = "\n".join(
        f'<token t_id="{i}" sentence="0" number="{i - 1}">{t}</token>' for i, t in enumerate(tokens, 1)
    )
    markables = [f'<TIMEX3 m_id="90" type="DATE" value="{dct}" functionInDocument="CREATION_TIME"/>']
    relations = []
    instances = {}
    for m_id, t_ids, instance in entities:
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
        markables.append(f'<ENTITY_MENTION m_id="{m_id}" syntactic_type="NAM">{anchors}</ENTITY_MENTION>')
        instances.setdefault(instance, []).append(m_id)
    for n, (instance, mentions) in enumerate(instances.items(), start=50):
        markables.append(f'<ENTITY m_id="{n}" ent_type="ORG" instance_id="{instance}" TAG_DESCRIPTOR="x"/>')
        sources = "".join(f'<source m_id="{m}"/>' for m in mentions)
        relations.append(f'<REFERS_TO r_id="r{n}">{sources}<target m_id="{n}"/></REFERS_TO>')
    event_id, event_tokens, (timex_id, timex_tokens, value) = event
    markables.append(
        f'<EVENT_MENTION m_id="{event_id}">'
        + "".join(f'<token_anchor t_id="{t}"/>' for t in event_tokens)
        + "</EVENT_MENTION>"
    )
    markables.append(
        f'<TIMEX3 m_id="{timex_id}" type="DATE" value="{value}">'
        + "".join(f'<token_anchor t_id="{t}"/>' for t in timex_tokens)
        + "</TIMEX3>"
    )
    relations.append(
        f'<TLINK r_id="t1" reltype="IS_INCLUDED"><source m_id="{event_id}"/><target m_id="{timex_id}"/></TLINK>'
    )
    return (
        f'<?xml version="1.0" ?><Document doc_id="{tokens[0]}{dct}" doc_name="x" lang="en" url="">\n{token_xml}\n'
        f"<Markables>{''.join(markables)}</Markables><Relations>{''.join(relations)}</Relations></Document>"
    )


@pytest.fixture
def corpus(tmp_path):
    for name, parts in DOCS.items():
        (tmp_path / name).write_text(cat_xml(*parts), encoding="utf-8")
    return tmp_path


def test_bcubed_against_hand_computed_values():
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0)
    precision, recall = bcubed(["a", "a", "b"], ["x", "x", "x"])
    assert precision == pytest.approx(5 / 9) and recall == 1.0
    precision, recall = bcubed(["a", "a"], ["x", "y"])
    assert precision == 1.0 and recall == 0.5


def test_gold_items_and_anchors_from_cat_xml(corpus):
    doc = read_document(corpus / "1_a.xml")
    assert [(m.text, instance) for m, instance in gold_entity_items(doc)] == [("Boeing", "ORG1"), ("Airbus", "ORG2")]
    [(event, value)] = gold_anchors(doc)
    assert (event.text, value) == ("signed", "2008-03-03")


def test_fusion_scores_on_a_small_corpus(corpus):
    report = evaluate_fusion(corpus)
    data = report.to_json()
    assert data["documents"] == 2
    assert data["entities"]["gold_mentions"] == 3 and data["entities"]["gold_instances"] == 2
    assert data["entities"]["bcubed_f1"] == 1.0  # Boeing resolved across both documents, Airbus apart
    anchors = data["time_anchors"]
    assert anchors["gold_events"] == 2
    assert anchors["accuracy"] == 1.0  # "on March 3, 2008" anchors "signed"; "on Monday" anchors the strike
    assert anchors["baseline_creation_time"]["accuracy"] == 0.5


def test_eval_fusion_command(corpus):
    result = CliRunner().invoke(build_app(), ["eval", "fusion", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["entities"]["bcubed_f1"] == 1.0


def test_meantime_dev_set(shared_dir):
    corpus = shared_dir / "data" / "meantime"
    if not corpus.is_dir():
        pytest.skip("MEANTIME is not in ../shared/data")
    report = evaluate_fusion(corpus, limit=10).to_json()
    assert report["documents"] == 10
    assert report["entities"]["bcubed_precision"] > 0.6
    anchors = report["time_anchors"]
    assert anchors["accuracy"] >= anchors["baseline_creation_time"]["accuracy"]


def test_a_gold_mention_is_scored_by_the_system_mention_over_its_head_word():
    from newsfuse.eval.entities import gold_head, matching_mention
    from newsfuse.records.mentions import EntityMention

    text = "The Norwegian shipping company Veltra and the parent company of Corvan, Steve Holm, the Veltra chief."
    phrase = "The Norwegian shipping company Veltra"
    start = text.index(phrase)
    norwegian = EntityMention(start + 4, start + 13, "Norwegian", "NORP")
    veltra = EntityMention(start + len(phrase) - 6, start + len(phrase), "Veltra", "ORG")
    assert matching_mention(text, start, start + len(phrase), [norwegian, veltra]) is veltra
    parent = "the parent company of Corvan"
    p = text.index(parent)
    assert text[slice(*gold_head(text, p, p + len(parent)))] == "company"
    person = "Steve Holm, the Veltra chief"
    s = text.index(person)
    assert text[slice(*gold_head(text, s, s + len(person)))] == "Holm"
