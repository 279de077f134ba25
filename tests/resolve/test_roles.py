"""Roles from titles before a name, appositions after it, and "his ... counterpart"."""

from __future__ import annotations

from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.roles import find_roles, normalise_role


def mentions(text: str, spans: list[tuple[str, str, str]]) -> list[EntityMention]:
    out, position = [], 0
    for surface, label, entity_id in spans:
        start = text.index(surface, position)
        out.append(EntityMention(start, start + len(surface), surface, label, entity_id))
        position = start + len(surface)
    return out


def test_title_before_with_demonym_and_organisation():
    text = "Japanese Defense Minister Gen Nakatani met Baykar Chairman Selçuk Bayraktar and CEO Haluk Bayraktar."
    spans = [
        ("Japanese", "NORP", "jp"),
        ("Gen Nakatani", "PERSON", "nakatani"),
        ("Baykar", "ORG", "baykar"),
        ("Selçuk Bayraktar", "PERSON", "selcuk"),
        ("Haluk Bayraktar", "PERSON", "haluk"),
    ]
    facts = {(f.person_entity_id, f.role, f.of_entity_id) for f in find_roles(text, mentions(text, spans))}
    assert facts == {
        ("nakatani", "defence minister", "jp"),
        ("selcuk", "chairman", "baykar"),
        ("haluk", "ceo", "baykar"),
    }


def test_apposition_and_counterpart():
    text = (
        "Japanese Defense Minister Gen Nakatani met his Turkish counterpart, Yaşar Güler, in Ankara. "
        "H.E. Gen Nakatani, Minister of Defense of Japan, toured the plant."
    )
    spans = [
        ("Japanese", "NORP", "jp"),
        ("Gen Nakatani", "PERSON", "nakatani"),
        ("Turkish", "NORP", "tr"),
        ("Yaşar Güler", "PERSON", "guler"),
        ("Ankara", "GPE", "ankara"),
        ("H.E. Gen Nakatani", "PERSON", "nakatani"),
        ("Japan", "GPE", "jp"),
    ]
    facts = [(f.person_entity_id, f.role, f.of_entity_id) for f in find_roles(text, mentions(text, spans))]
    assert ("guler", "defence minister", "tr") in facts
    assert facts.count(("nakatani", "defence minister", "jp")) == 2


def test_possessive_country_before_title():
    text = "Nakatani and Turkey's Defence Minister Yasar Guler are expected to meet."
    spans = [("Nakatani", "PERSON", "nakatani"), ("Turkey", "GPE", "tr"), ("Yasar Guler", "PERSON", "guler")]
    (fact,) = find_roles(text, mentions(text, spans))
    assert (fact.person_entity_id, fact.role, fact.of_entity_id) == ("guler", "defence minister", "tr")
    assert text[fact.start : fact.end] == fact.text


def test_no_title_no_role():
    text = "Nakatani arrived in Ankara on Tuesday."
    assert find_roles(text, mentions(text, [("Nakatani", "PERSON", "n"), ("Ankara", "GPE", "a")])) == []


def test_normalise_role():
    assert normalise_role("Minister of Defense") == "defence minister"
    assert normalise_role("Defense Minister") == "defence minister"
    assert normalise_role("Chief Executive Officer") == "ceo"


def test_lowercase_title_in_news_style():
    text = "Japan’s defence minister Gen Nakatani will visit Ankara."
    spans = [("Japan", "GPE", "jp"), ("Gen Nakatani", "PERSON", "nakatani"), ("Ankara", "GPE", "ankara")]
    (fact,) = find_roles(text, mentions(text, spans))
    assert (fact.role, fact.of_entity_id) == ("defence minister", "jp")
