"""The watcher's kept resolver: a batch costs what it mentions, not the store, and resolves as before."""

from __future__ import annotations

from newsfuse.extract.gazetteer import build_gazetteer
from newsfuse.records.mentions import ArticleExtraction, Entity, EntityMention
from newsfuse.resolve import EntityIndex, EntityResolver, KeptResolver

GAZETTEER = {e.entity_id: e for e in build_gazetteer() if e.label != "NORP"}


def _stored(count: int) -> list[Entity]:
    """Persons, companies and places as a store holds them, most of them no batch will mention."""
    people = [Entity(f"ent_p{n}", f"Ann{n} Smith{n % 50}", "PERSON") for n in range(count)]
    firms = [Entity(f"ent_o{n}", f"Firm{n}", "ORG", (f"F{n}H",)) for n in range(count)]
    known = [
        Entity("ent_zelensky", "Volodymyr Zelensky", "PERSON"),
        Entity("ent_vext", "Zorblat Vext", "PERSON"),
        Entity("ent_nakatani", "Nakatani", "PERSON"),
    ]
    return known + people + firms


def _batch() -> tuple[list[ArticleExtraction], dict[str, str]]:
    texts = {
        "a1": "Volodymyr Zelenskyy met Ada Lovelace of Firm7 Holdings.",
        "a2": "Vext said Lovelace and Zelenskyy agreed.",
    }
    spans = {
        "a1": [("Volodymyr Zelenskyy", "PERSON"), ("Ada Lovelace", "PERSON"), ("Firm7 Holdings", "ORG")],
        "a2": [("Vext", "PERSON"), ("Lovelace", "PERSON"), ("Zelenskyy", "PERSON")],
    }
    extractions = []
    for article_id, text in texts.items():
        mentions, position = [], 0
        for surface, label in spans[article_id]:
            start = text.index(surface, position)
            mentions.append(EntityMention(start, start + len(surface), surface, label))
            position = start + len(surface)
        extractions.append(ArticleExtraction(article_id, "en", None, entities=tuple(mentions)))
    return extractions, texts


def _plain_resolver(known: list[Entity]) -> EntityResolver:
    index = EntityIndex()
    for entity in known:
        index.add(entity)
    return EntityResolver(GAZETTEER, index)


def test_a_kept_resolver_answers_the_entities_its_batch_resolved_to_as_a_full_reload_would():
    known = _stored(500)
    kept, plain = KeptResolver.of(GAZETTEER, known), _plain_resolver(known)
    extractions, texts = _batch()
    resolved, expected = kept.resolve(extractions, texts), plain.resolve(extractions, texts)
    assert resolved == expected  # the same ids and canonical names on every mention
    mentioned = {m.entity_id for e in resolved for m in e.entities}
    assert {"ent_zelensky", "ent_vext", "ent_o7"} <= mentioned  # a variant, a surname, a legal suffix
    answered = kept.entities()
    # What the batch must store, and only that: not the 1,000 stored entities nobody mentioned.
    assert sorted(answered, key=lambda e: e.id) == sorted(
        (e for e in plain.entities() if e.id in mentioned), key=lambda e: e.id
    )
    zelensky = next(e for e in answered if e.id == "ent_zelensky")
    # The batch's spelling, now the most used, names it; the stored one is kept as an alias.
    assert (zelensky.canonical, zelensky.aliases) == ("Volodymyr Zelenskyy", ("Volodymyr Zelensky",))
    assert kept.entities() == []  # nothing resolved since it last answered


def test_a_transliteration_variant_is_looked_for_among_the_surnames_of_its_block():
    index = EntityIndex()
    for entity in _stored(300):
        index.add(entity)
    # Surnames are filed under their first three letters; a variant is compared with that block only.
    assert index.by_prefix["zel"] == {"zelensky"}
    assert index.by_prefix["smi"] == {f"smith{n}" for n in range(50)}
    assert index.similar_person("Volodymyr Zelenskyy") == "ent_zelensky"
    assert index.similar_person("Volodymyr Selenskyy") is None  # another block: not a variant, as before
    assert index.similar_person("Olena Zelenska") is None  # another first initial
