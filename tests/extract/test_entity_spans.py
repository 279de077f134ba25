"""Newswire span boundaries and type fixes after the model, on sentences written for these tests."""

from __future__ import annotations

from newsfuse.extract.entities import find_entities


def _found(models, text: str) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in find_entities(models.nlp(text), models, text)}


def test_names_lose_their_article_and_persons_their_title(models):
    text = "The Royal Navy said on Monday that Spokeswoman Jane Whitcombe had resigned from the Territorial Army."
    found = _found(models, text)
    assert not any(name.startswith(("The ", "the ")) for name, _ in found)
    assert ("Jane Whitcombe", "PERSON") in found


def test_i_products_and_maker_models_are_products(models):
    text = "Sales of the iPad 2 doubled, and Embraer said its Embraer E175 jets were sold out."
    found = _found(models, text)
    assert ("iPad 2", "PRODUCT") in found
    assert ("Embraer E175", "PRODUCT") in found


def test_a_place_before_an_airline_or_force_is_part_of_the_organisation(models):
    text = "Kenya Airways and Air Malawi signed a deal with the Pakistan Air Force in Nairobi."
    found = _found(models, text)
    assert {("Kenya Airways", "ORG"), ("Air Malawi", "ORG"), ("Pakistan Air Force", "ORG")} <= found


def test_a_surname_repeated_later_is_found_as_the_same_person(models):
    text = "Priya Anand leads Orbex. Anand, 52, said Orbex would grow. Shares in Orbex rose as Anand spoke."
    found = [m for m in find_entities(models.nlp(text), models, text) if m.text in {"Anand", "Orbex"}]
    assert [(m.text, m.label) for m in found if m.text == "Anand"] == [("Anand", "PERSON")] * 2


def test_a_score_is_not_part_of_a_side_and_united_names_a_club(models):
    text = "Harwick United beat Dunmore 2-1 on Saturday, and Dunmore 3-0 was the score a week earlier."
    found = _found(models, text)
    assert ("Harwick United", "ORG") in found
    assert not any(name[-1].isdigit() for name, label in found if label != "PRODUCT")


def test_a_one_word_name_typed_person_and_otherwise_equally_often_is_not_a_person():
    from newsfuse.extract.entity_spans import consistent_types
    from newsfuse.records.mentions import EntityMention

    text = "Nimbo sold well. Nimbo users rose. Nimbo grew. Nimbo won."
    starts = [i for i in range(len(text)) if text.startswith("Nimbo", i)]
    labels = ["PERSON", "ORG", "PERSON", "ORG"]
    mentions = [EntityMention(s, s + 5, "Nimbo", label) for s, label in zip(starts, labels, strict=True)]
    assert {m.label for m in consistent_types(text, mentions)} == {"ORG"}
