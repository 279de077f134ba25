"""Within-article coreference: pronouns, descriptions and appositions linked to a named mention."""

from __future__ import annotations

import pytest

from newsfuse.extract import extract_and_resolve, load_models
from newsfuse.records import Article
from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.coref import coreferent_mentions, find_coreferences


@pytest.fixture(scope="module")
def models():
    return load_models()


def _links(text: str, mentions: list[EntityMention]) -> dict[str, str]:
    return {t: mentions[i].text for _, _, t, i in find_coreferences(text, mentions)}


def _mention(text: str, name: str, label: str) -> EntityMention:
    start = text.index(name)
    return EntityMention(start, start + len(name), name, label)


def test_pronouns_take_the_nearest_compatible_name():
    text = "Maria Lopez runs Veltra. The firm grew fast, and she said its profits doubled."
    mentions = [_mention(text, "Maria Lopez", "PERSON"), _mention(text, "Veltra", "ORG")]
    links = _links(text, mentions)
    assert links == {"The firm": "Veltra", "she": "Maria Lopez", "its": "Veltra"}


def test_gender_of_a_common_first_name_is_respected():
    text = "John Harlow met Mary Keane. He thanked her."
    mentions = [_mention(text, "John Harlow", "PERSON"), _mention(text, "Mary Keane", "PERSON")]
    assert _links(text, mentions) == {"He": "John Harlow", "her": "Mary Keane"}


def test_appositions_and_relatives_refer_to_the_name_before_them():
    text = "Tom Reyes, the Corvex chief executive, spoke. Corvex, which makes drones, agreed."
    mentions = [_mention(text, "Tom Reyes", "PERSON"), _mention(text, "Corvex", "ORG")]
    mentions.append(EntityMention(text.rindex("Corvex"), text.rindex("Corvex") + 6, "Corvex", "ORG"))
    links = {t: mentions[i].text for _, _, t, i in find_coreferences(text, mentions)}
    assert links["the Corvex chief executive"] == "Tom Reyes"
    assert links["which"] == "Corvex"


def test_resolution_keeps_links_that_carry_the_entity(models):
    text = "Quillon Systems opened a plant in Ohio. The company said it would hire 300 people."
    article = Article(id="a1", url="", title="", text=text, published="2024-05-02")
    [extraction] = extract_and_resolve([article], models)
    company = next(m for m in extraction.entities if m.text == "Quillon Systems")
    linked = {text[m.start : m.end]: m.entity_id for m in coreferent_mentions(extraction)}
    assert linked.get("The company") == company.entity_id
    assert linked.get("it") == company.entity_id


def test_a_model_number_alone_is_the_product_named_before(models):
    text = "Embraer flew the Embraer E195 on Monday. The E195 seats 120, and the aircraft will enter service in May."
    article = Article(id="a2", url="", title="", text=text, published="2024-05-02")
    [extraction] = extract_and_resolve([article], models)
    ids = {m.text: m.entity_id for m in extraction.entities if m.label == "PRODUCT"}
    assert ids.get("E195") is not None and ids.get("E195") == ids.get("Embraer E195")
    linked = {text[m.start : m.end]: m.entity_id for m in coreferent_mentions(extraction)}
    assert linked.get("the aircraft") == ids["Embraer E195"]


def test_capitalised_abbreviations_are_not_pronouns():
    text = "Orlix said US sales fell. IT spending at Orlix rose, and us? We grew."
    mentions = [_mention(text, "Orlix", "ORG")]
    found = {t for _, _, t, _ in find_coreferences(text, mentions)}
    assert "US" not in found and "IT" not in found
    assert {"us", "We"} <= found


def test_a_description_finds_its_name_paragraphs_back_and_which_follows_it():
    filler = " Markets were calm and traders waited for data." * 20
    text = "Veltra posted results." + filler + " The company, which is based in Oslo, said the company's sales rose."
    links = _links(text, [_mention(text, "Veltra", "ORG")])
    assert links.get("The company") == "Veltra"
    assert links.get("which") == "Veltra"
    assert links.get("the company") == "Veltra"


def test_role_words_before_a_name_are_that_person():
    text = "Shares rose after former CEO Maria Lopez spoke."
    links = _links(text, [_mention(text, "Maria Lopez", "PERSON")])
    assert links.get("former CEO Maria Lopez") == "Maria Lopez"


def test_it_continues_the_subject_of_the_sentence_before_not_the_nearest_name():
    text = "The Velox 9 is a small jet built by Kestrel Aero. It carries 90 people."
    mentions = [_mention(text, "Velox 9", "PRODUCT"), _mention(text, "Kestrel Aero", "ORG")]
    assert _links(text, mentions)["It"] == "Velox 9"


def test_its_takes_the_subject_of_its_own_sentence_and_skips_a_possessor():
    text = "Brava's rival Norvik has won an order from Ostra Air for 20 of its new jets."
    mentions = [_mention(text, "Brava", "ORG"), _mention(text, "Norvik", "ORG"), _mention(text, "Ostra Air", "ORG")]
    assert _links(text, mentions)["its"] == "Norvik"


def test_a_chain_of_it_follows_the_description_it_started_with():
    text = "Kestrel Aero showed the Velox 9 to Ostra Air. The aircraft flew at noon.\nAfter that it was parked."
    names = [("Kestrel Aero", "ORG"), ("Velox 9", "PRODUCT"), ("Ostra Air", "ORG")]
    links = _links(text, [_mention(text, name, label) for name, label in names])
    assert links["The aircraft"] == "Velox 9" and links["it"] == "Velox 9"


def test_we_inside_a_quote_stays_with_the_nearest_organisation():
    text = 'Ostra Air bought jets from Kestrel Aero. "We are pleased," the Kestrel Aero chief said.'
    mentions = [_mention(text, "Ostra Air", "ORG"), _mention(text, "Kestrel Aero", "ORG")]
    assert _links(text, mentions)["We"] == "Kestrel Aero"


def test_a_description_set_beside_a_name_is_that_name_not_the_one_before():
    text = (
        "Ostra Air buys jets from Kestrel Aero. It chose the maker's newest aircraft, the Velox 9. "
        "Norvik, the Danish carrier, bought three.\nNordic planemaker, Kestrel Aero, agreed."
    )
    names = [("Ostra Air", "ORG"), ("Kestrel Aero", "ORG"), ("Velox 9", "PRODUCT"), ("Norvik", "ORG")]
    mentions = [_mention(text, name, label) for name, label in names]
    mentions.append(EntityMention(text.rindex("Kestrel Aero"), text.rindex("Kestrel Aero") + 12, "Kestrel Aero", "ORG"))
    links = _links(text, mentions)
    assert links["the maker's newest aircraft"] == "Velox 9"
    assert links["the Danish carrier"] == "Norvik"
    assert links["Nordic planemaker"] == "Kestrel Aero"


def test_a_name_that_premodifies_a_component_is_no_antecedent_of_the_aircraft():
    text = "Kestrel showed the Velox 9 with two Tarn 500 engines. The aircraft flew at noon."
    names = [("Kestrel", "ORG"), ("Velox 9", "PRODUCT"), ("Tarn 500", "PRODUCT")]
    assert _links(text, [_mention(text, name, label) for name, label in names])["The aircraft"] == "Velox 9"


def test_company_before_a_chief_s_title_is_the_company_not_the_chief():
    text = "Corvex held its event in Oslo. There, company CEO Tom Reyes showed a drone."
    links = _links(text, [_mention(text, "Corvex", "ORG"), _mention(text, "Tom Reyes", "PERSON")])
    assert links["company"] == "Corvex" and links["CEO Tom Reyes"] == "Tom Reyes"
