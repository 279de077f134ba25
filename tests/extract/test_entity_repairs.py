"""Entity repairs by error class, on sentences of our own: possessive pairs, asides, titles, units, models, joins."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.extract.entity_repairs import (
    joined_names,
    model_designations,
    plural_groups,
    split_spans,
    titled_persons,
    without_units,
)
from newsfuse.records.mentions import EntityMention


def _m(text: str, name: str, label: str, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntityMention(start, start + len(name), name, label)


def _spans(mentions: list[EntityMention]) -> set[tuple[str, str]]:
    return {(m.text, m.label) for m in mentions}


def test_a_possessive_pair_is_two_names_and_an_aside_is_cut():
    text = "Veltra Systems's Nimbus OS ships today with the Nimbus Toolkit (NTK for short)."
    mentions = [_m(text, "Veltra Systems's Nimbus OS", "ORG"), _m(text, "Nimbus Toolkit (NTK", "PRODUCT")]
    assert _spans(split_spans(text, mentions)) == {
        ("Veltra Systems", "ORG"),
        ("Nimbus OS", "ORG"),
        ("Nimbus Toolkit", "PRODUCT"),
    }


def test_a_titled_name_typed_as_an_organisation_is_a_person_without_the_title():
    text = "Spokeswoman Karin Olde said the Justice Department would reply."
    mentions = [_m(text, "Spokeswoman Karin Olde", "ORG"), _m(text, "Justice Department", "ORG")]
    assert _spans(titled_persons(mentions)) == {("Karin Olde", "PERSON"), ("Justice Department", "ORG")}


def test_currency_codes_and_units_are_not_names():
    text = "The 64GB model costs USD 499 in Ostrava."
    mentions = [_m(text, "GB", "PERSON"), _m(text, "USD", "ORG"), _m(text, "Ostrava", "GPE")]
    assert _spans(without_units(text, mentions)) == {("Ostrava", "GPE")}


def test_model_designations_name_the_product_in_plural_variant_sibling_and_nickname():
    text = (
        "Corvan ordered ten Tessaro T450 Skyrunner jets. The T450s join its T320s, and the T450-20X variant "
        "follows; the Skyrunners fly in May."
    )
    mentions = [_m(text, "Corvan", "ORG"), _m(text, "Tessaro T450 Skyrunner", "PRODUCT")]
    found = _spans(model_designations(text, mentions))
    assert {("T450s", "PRODUCT"), ("T320s", "PRODUCT"), ("T450-20X", "PRODUCT"), ("Skyrunners", "PRODUCT")} <= found
    assert ("Corvan", "ORG") in found


def test_a_span_starting_with_a_model_number_is_a_product():
    text = "The 990 Skyrunner flew at dawn."
    assert _spans(model_designations(text, [_m(text, "990 Skyrunner", "ORG")])) == {("990 Skyrunner", "PRODUCT")}


def test_names_parted_by_a_space_only_are_one_name():
    text = "Brazil Southern cut fares, Tomas O' Reilly said, and Nimbus Cloud Store opened."
    mentions = [
        replace(_m(text, "Brazil", "GPE"), entity_id="gaz_brazil"),  # a gazetteer place: still joins an ORG
        _m(text, "Southern", "ORG"),
        _m(text, "Tomas O", "PERSON"),
        _m(text, "Reilly", "GPE"),
        _m(text, "Nimbus", "PRODUCT"),
        _m(text, "Cloud Store", "PERSON"),
    ]
    assert _spans(joined_names(text, mentions)) == {
        ("Brazil Southern", "ORG"),
        ("Tomas O' Reilly", "PERSON"),
        ("Nimbus Cloud Store", "PRODUCT"),
    }


def test_two_people_with_first_names_stay_two():
    text = "Coach John Smith Mary Jones"
    mentions = [_m(text, "John Smith", "PERSON"), _m(text, "Mary Jones", "PERSON")]
    assert len(joined_names(text, mentions)) == 2


def test_a_plural_name_after_the_is_a_group():
    text = "Songs by the Hollies sold well; Hollies fans and Jones agreed."
    mentions = [_m(text, "Hollies", "PERSON"), _m(text, "Jones", "PERSON")]
    assert _spans(plural_groups(text, mentions)) == {("Hollies", "ORG"), ("Jones", "PERSON")}


def test_an_organisation_beside_a_full_person_name_stays_apart():
    text = "The founder of Veltra Ltd. Karin Olde has retired."
    mentions = [_m(text, "Veltra Ltd.", "ORG"), _m(text, "Karin Olde", "PERSON")]
    assert _spans(joined_names(text, mentions)) == {("Veltra Ltd.", "ORG"), ("Karin Olde", "PERSON")}


def test_a_name_with_a_possessive_inside_stays_one_name():
    text = "Shoppers queued at Dan's Market and at the Elders' Hall Museum."
    mentions = [_m(text, "Dan's Market", "ORG"), _m(text, "Elders' Hall Museum", "ORG")]
    assert _spans(split_spans(text, mentions)) == {("Dan's Market", "ORG"), ("Elders", "ORG"), ("Hall Museum", "ORG")}


def test_a_maker_and_its_model_join_as_a_product_and_a_party_adjective_stays_apart():
    text = "A Corvan Skylark owner and the Oslo Liberal mayor met."
    mentions = [
        _m(text, "Corvan", "ORG"),
        _m(text, "Skylark", "PRODUCT"),
        _m(text, "Oslo", "GPE"),
        _m(text, "Liberal", "NORP"),
    ]
    assert _spans(joined_names(text, mentions)) == {("Corvan Skylark", "PRODUCT"), ("Oslo", "GPE"), ("Liberal", "NORP")}


def test_a_person_named_after_a_company_suffix_is_split_off():
    text = "The founder of Veltra Ltd. Karin Olde has retired."
    mentions = [_m(text, "Veltra Ltd. Karin Olde", "ORG")]
    assert _spans(split_spans(text, mentions)) == {("Veltra Ltd.", "ORG"), ("Karin Olde", "PERSON")}


def test_a_model_number_and_the_nickname_tagged_alone_after_it_are_one_product():
    text = "Kestrel unveiled the Kestrel K400 Skylark. The new K400 Skylark seats 90 and flies in May."
    mentions = [_m(text, "Kestrel K400 Skylark", "PRODUCT"), _m(text, "Skylark", "PRODUCT", 1)]
    spans = _spans(model_designations(text, mentions))
    assert ("K400 Skylark", "PRODUCT") in spans and ("Skylark", "PRODUCT") not in spans


def test_a_title_word_that_starts_a_place_or_an_institution_is_no_person():
    text = "Prince Edward Island and Queen Mary University joined the 911 Commission talks."
    mentions = [_m(text, "Prince Edward Island", "GPE"), _m(text, "Queen Mary University", "ORG")]
    assert _spans(titled_persons(mentions)) == {("Prince Edward Island", "GPE"), ("Queen Mary University", "ORG")}
    assert _spans(model_designations(text, [_m(text, "911 Commission", "ORG")])) == {("911 Commission", "ORG")}
