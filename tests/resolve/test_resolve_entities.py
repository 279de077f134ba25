"""Cross-document resolution on hand-made mentions: folding, surnames, titles, acronyms, demonyms."""

from __future__ import annotations

import re

from newsfuse.extract.gazetteer import build_gazetteer
from newsfuse.records.mentions import ArticleExtraction, Entity, EntityMention
from newsfuse.resolve import EntityIndex, EntityResolver, resolve_batch
from newsfuse.resolve.names import fold, name_key, strip_titles, surname

GAZETTEER = {e.entity_id: e for e in build_gazetteer() if e.label != "NORP"}


def article(article_id: str, text: str, spans: list[tuple[str, str]]) -> tuple[ArticleExtraction, str]:
    """Mentions for each (surface, label), found left to right in ``text``."""
    mentions, position = [], 0
    for surface, label in spans:
        start = text.index(surface, position)
        mentions.append(EntityMention(start, start + len(surface), surface, label))
        position = start + len(surface)
    return ArticleExtraction(article_id, "en", None, entities=tuple(mentions)), text


def resolve(*articles, known=()):
    extractions = [a for a, _ in articles]
    texts = {a.article_id: t for a, t in articles}
    return resolve_batch(extractions, texts, GAZETTEER, known)


def ids_of(extraction, surface):
    return {m.entity_id for m in extraction.entities if m.text == surface}


def test_names_fold_diacritics_and_titles():
    assert fold("Yaşar Güler") == "Yasar Guler"
    assert name_key("The Japan Times") == name_key("Japan Times")
    assert strip_titles("Defense Minister Yaşar Güler") == "Yaşar Güler"
    assert strip_titles("Gen Nakatani") == "Gen Nakatani"  # a given name, not "General"
    assert surname("H.E. Gen Nakatani") == "nakatani"


def test_spelling_variants_and_surname_only_across_articles():
    first = article(
        "a1",
        "Turkey's Defence Minister Yasar Guler met Gen Nakatani.",
        [("Yasar Guler", "PERSON"), ("Gen Nakatani", "PERSON")],
    )
    second = article("a2", "Nakatani met Güler in Ankara.", [("Nakatani", "ORG"), ("Güler", "PERSON")])
    third = article("a3", "Defense Minister Yaşar Güler spoke.", [("Defense Minister Yaşar Güler", "PERSON")])
    (r1, r2, r3), entities = resolve(first, second, third)
    guler = ids_of(r1, "Yasar Guler") | ids_of(r2, "Güler") | ids_of(r3, "Defense Minister Yaşar Güler")
    assert len(guler) == 1
    nakatani = ids_of(r1, "Gen Nakatani") | ids_of(r2, "Nakatani")
    assert len(nakatani) == 1
    assert next(m for m in r2.entities if m.text == "Nakatani").label == "PERSON"  # relabelled from ORG
    by_id = {e.id: e for e in entities}
    assert by_id[guler.pop()].canonical == "Yaşar Güler"  # the original spelling wins a tie


def test_ambiguous_surname_is_not_merged():
    text = "Selçuk Bayraktar and Haluk Bayraktar topped the list. Bayraktar declined to comment."
    (resolved,), _ = resolve(
        article("a1", text, [("Selçuk Bayraktar", "PERSON"), ("Haluk Bayraktar", "PERSON"), ("Bayraktar", "PERSON")])
    )
    ids = [m.entity_id for m in resolved.entities]
    assert len(set(ids)) == 3


def test_acronym_in_parentheses_is_an_alias():
    text = "The minister toured Quantum Rotor Works (QRW), a contractor. Later QRW confirmed the visit."
    first = article("a1", text, [("Quantum Rotor Works", "ORG"), ("QRW", "ORG")])
    second = article("a2", "QRW builds rotors.", [("QRW", "ORG")])
    (r1, r2), _ = resolve(first, second)
    (long_id,) = ids_of(r1, "Quantum Rotor Works")
    assert ids_of(r1, "QRW") == {long_id}
    assert ids_of(r2, "QRW") == {long_id}


def test_demonym_resolves_to_its_country():
    from newsfuse.extract.gazetteer import country_entries

    norp = next(e for e in country_entries() if e.canonical == "Japanese")
    gpe = next(e for e in country_entries() if e.label == "GPE" and e.country_code == "JP")
    text = "Japanese officials arrived in Japan."
    extraction, _ = article("a1", text, [("Japanese", "NORP"), ("Japan", "GPE")])
    mentions = tuple(
        EntityMention(m.start, m.end, m.text, m.label, norp.entity_id if m.label == "NORP" else gpe.entity_id)
        for m in extraction.entities
    )
    extraction = ArticleExtraction("a1", "en", None, entities=mentions)
    gazetteer = {gpe.entity_id: gpe}
    (resolved,), entities = resolve_batch([extraction], {"a1": text}, gazetteer)
    assert {m.canonical for m in resolved.entities} == {"Japan"}
    assert [e.label for e in entities] == ["GPE"]


def test_known_entities_from_the_store_are_reused():
    known = Entity("ent_known", "Zorblat Vext", "PERSON")
    index = EntityIndex()
    index.add(known)
    resolver = EntityResolver(GAZETTEER, index)
    text = "Vext said the plan works."
    extraction, _ = article("a9", text, [("Vext", "PERSON")])
    (resolved,) = resolver.resolve([extraction], {"a9": text})
    assert resolved.entities[0].entity_id == "ent_known"
    assert re.fullmatch(
        r"ent_[0-9a-f]{16}",
        resolve(article("b", "Ada Lovelace", [("Ada Lovelace", "PERSON")]))[0][0].entities[0].entity_id,
    )


def test_transliteration_variants_join_but_relatives_do_not():
    first = article("a1", "Volodymyr Zelensky spoke.", [("Volodymyr Zelensky", "PERSON")])
    second = article("a2", "Volodymyr Zelenskyy replied.", [("Volodymyr Zelenskyy", "PERSON")])
    third = article("a3", "Olena Zelenska listened.", [("Olena Zelenska", "PERSON")])
    (r1, r2, r3), _ = resolve(first, second, third)
    assert r1.entities[0].entity_id == r2.entities[0].entity_id
    assert r3.entities[0].entity_id != r1.entities[0].entity_id
    bayraktars = article(
        "a4", "Selçuk Bayraktar and Haluk Bayraktar", [("Selçuk Bayraktar", "PERSON"), ("Haluk Bayraktar", "PERSON")]
    )
    ((r4,), _) = resolve(bayraktars)
    assert r4.entities[0].entity_id != r4.entities[1].entity_id


def test_company_with_and_without_its_legal_suffix_is_one_entity():
    first = article("a1", "Shares of Helix Robotics Inc. rose.", [("Helix Robotics Inc.", "ORG")])
    second = article("a2", "Helix Robotics said on Monday it would hire.", [("Helix Robotics", "ORG")])
    (one, two), _ = resolve(first, second)
    assert ids_of(one, "Helix Robotics Inc.") == ids_of(two, "Helix Robotics")


def test_a_name_typed_as_another_organisation_kind_elsewhere_joins_it():
    first = article("a1", "Quorvant delivered the first jet.", [("Quorvant", "ORG")])
    second = article("a2", "Orders for Quorvant rose.", [("Quorvant", "GPE")])
    (one, two), _ = resolve(first, second)
    assert ids_of(one, "Quorvant") == ids_of(two, "Quorvant")


def test_a_first_name_alone_is_the_one_person_of_that_first_name_in_the_article():
    a = article(
        "a1", "Maria Lopez founded Veltra. Maria said it grew.", [("Maria Lopez", "PERSON"), ("Maria", "PERSON")]
    )
    (x,), _ = resolve(a)
    assert x.entities[0].entity_id == x.entities[1].entity_id


def test_a_first_name_two_people_share_joins_neither():
    a = article(
        "a1",
        "Maria Lopez met Maria Berg. Maria said no.",
        [("Maria Lopez", "PERSON"), ("Maria Berg", "PERSON"), ("Maria", "PERSON")],
    )
    (x,), _ = resolve(a)
    assert x.entities[2].entity_id not in {x.entities[0].entity_id, x.entities[1].entity_id}


def test_a_company_style_with_a_descriptor_word_is_the_short_named_company():
    a = article("a1", "Veltra Computer posted results.", [("Veltra Computer", "ORG")])
    b = article("b1", "Veltra said sales rose; Veltra Corps did not.", [("Veltra", "ORG"), ("Veltra Corps", "ORG")])
    (x, y), _ = resolve(a, b)
    assert x.entities[0].entity_id == y.entities[0].entity_id
    assert y.entities[1].entity_id != y.entities[0].entity_id


def test_a_model_number_and_its_plural_join_the_maker_and_model_product():
    a = article("a1", "Corvan flies the T450 now.", [("T450", "PRODUCT")])
    b = article(
        "b1", "Tessaro sold Tessaro T450 jets; T450s are quiet.", [("Tessaro T450", "PRODUCT"), ("T450s", "PRODUCT")]
    )
    (x, y), _ = resolve(a, b)
    assert x.entities[0].entity_id == y.entities[0].entity_id == y.entities[1].entity_id


def test_a_shared_first_name_goes_to_the_person_the_article_is_about():
    text = "Maria Lopez founded Veltra. Lopez grew it. Lopez sold it. Maria Berg praised Maria."
    spans = [("Maria Lopez", "PERSON"), ("Lopez", "PERSON"), ("Lopez", "PERSON"), ("Maria Berg", "PERSON")]
    a = article("a1", text, [*spans, ("Maria", "PERSON")])
    (x,), _ = resolve(a)
    assert x.entities[-1].entity_id == x.entities[0].entity_id


def test_an_acronym_joins_the_organisation_whose_initials_it_is_in_another_report():
    a = article("a1", "The Norwegian Coastal Rescue Agency sent boats.", [("Norwegian Coastal Rescue Agency", "ORG")])
    b = article("b1", "The NCRA said two boats left.", [("NCRA", "ORG")])
    (x, y), _ = resolve(a, b)
    assert x.entities[0].entity_id == y.entities[0].entity_id


def test_an_organisation_named_after_its_country_is_one_whatever_form_the_country_takes():
    a = article("a1", "The U.S. Coast Guard said so.", [("U.S. Coast Guard", "ORG")])
    b = article("b1", "The United States Coast Guard said so.", [("United States Coast Guard", "ORG")])
    (x, y), _ = resolve(a, b)
    assert x.entities[0].entity_id == y.entities[0].entity_id


def test_a_one_word_name_one_article_keeps_calling_a_person_joins_the_company_another_names():
    text = "Skyvo said fares fell. Skyvo said more jets came. Skyvo said it hired staff."
    a = article("a1", text, [("Skyvo", "PERSON"), ("Skyvo", "PERSON"), ("Skyvo", "PERSON")])
    b = article("b1", "The airline Skyvo bought ten jets.", [("Skyvo", "ORG")])
    (x, y), _ = resolve(a, b)
    assert {m.label for m in x.entities} == {"ORG"}
    assert ids_of(x, "Skyvo") == ids_of(y, "Skyvo")


def test_a_national_body_named_without_its_country_is_the_one_the_article_named_in_full():
    text = "The U.S. Coast Guard sent a cutter. The Coast Guard said the crew was safe."
    a = article("a1", text, [("U.S. Coast Guard", "ORG"), ("Coast Guard", "ORG")])
    two = "The Japan Coast Guard and the Korea Coast Guard met. The Coast Guard chiefs spoke."
    b = article("b1", two, [("Japan Coast Guard", "ORG"), ("Korea Coast Guard", "ORG"), ("Coast Guard", "ORG")])
    (x, y), _ = resolve(a, b)
    assert len({m.entity_id for m in x.entities}) == 1
    assert len({m.entity_id for m in y.entities}) == 3


def test_a_company_named_after_a_country_form_keeps_its_own_spelling():
    a = article("a1", "America Online said so.", [("America Online", "ORG")])
    b = article("b1", "The U.S. Coast Guard said so.", [("U.S. Coast Guard", "ORG")])
    (x, y), entities = resolve(a, b)
    names = {e.id: e.canonical for e in entities}
    assert names[x.entities[0].entity_id] == "America Online"
    assert names[y.entities[0].entity_id] == "U.S. Coast Guard"


def test_an_airline_named_without_its_trade_word_is_the_one_another_report_names_in_full():
    a = article("a1", "Kestrel Airways cut fares.", [("Kestrel Airways", "ORG")])
    b = article("b1", "Kestrel said fares fell.", [("Kestrel", "ORG")])
    (x, y), entities = resolve(a, b)
    assert x.entities[0].entity_id == y.entities[0].entity_id
    assert {e.id: e.canonical for e in entities}[y.entities[0].entity_id] == "Kestrel Airways"


def test_a_short_name_with_two_trade_forms_or_another_word_after_it_joins_neither():
    a = article("a1", "Orvan Airlines and Orvan Aviation grew.", [("Orvan Airlines", "ORG"), ("Orvan Aviation", "ORG")])
    b = article("b1", "Orvan said so. Pelko Records signed a band.", [("Orvan", "ORG"), ("Pelko Records", "ORG")])
    c = article("c1", "Pelko sold phones.", [("Pelko", "ORG")])
    (x, y, z), _ = resolve(a, b, c)
    assert y.entities[0].entity_id not in {m.entity_id for m in x.entities}
    assert z.entities[0].entity_id != y.entities[1].entity_id
