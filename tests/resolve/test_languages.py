"""Entities across languages: a country named in any language is one entity (Türkiye, Turkey, Turquía, Turchia,
Turkije, Türkei, Turquie), names compared without diacritics, and English resolution untouched."""

from __future__ import annotations

import pytest

from newsfuse.extract import extract_and_resolve, load_models
from newsfuse.records import Article
from newsfuse.records.mentions import ArticleExtraction, EntityMention
from newsfuse.resolve import EntityResolver
from newsfuse.resolve.languages import country_code, is_english, language_code

TURKEY = {
    "en": "Defence Minister Yaşar Güler met the Japanese minister in Turkey on Tuesday.",
    "tr": "Savunma Bakanı Yaşar Güler salı günü Türkiye'de Japon bakanla görüştü.",
    "es": "El ministro Yasar Guler se reunió el martes en Turquía con el ministro japonés.",
    "it": "Il ministro Yaşar Güler ha incontrato martedì in Turchia il ministro giapponese.",
    "nl": "Minister Yaşar Güler ontmoette dinsdag in Turkije de Japanse minister.",
    "de": "Minister Yaşar Güler traf am Dienstag in der Türkei den japanischen Minister.",
    "fr": "Le ministre Yaşar Güler a rencontré mardi en Turquie le ministre japonais.",
    "pt": "O ministro Yaşar Güler reuniu-se na terça-feira na Turquia com o ministro japonês.",
}


@pytest.fixture(scope="module")
def models():
    return load_models()


def test_country_names_in_many_languages():
    for name in ("Türkiye", "Turquía", "Turquia", "Turchia", "Turkije", "Türkei", "Turquie", "Турция"):
        assert country_code(name) == "TR", name
    assert country_code("Japonya") == country_code("Giappone") == "JP"
    assert country_code("Ankara") is None


def test_language_codes():
    assert language_code("pt-BR") == "pt" and language_code("EN") == "en"
    assert is_english(None) and is_english("en-GB") and not is_english("tr")


def test_one_country_and_one_person_across_eight_languages(models):
    articles = [
        Article(id=f"turkey-{lang}", text=text, language=lang, published="2025-08-20") for lang, text in TURKEY.items()
    ]
    resolved = list(extract_and_resolve(articles, models))
    countries = {
        e.language: {(m.entity_id, m.canonical) for m in e.entities if m.label == "GPE" and m.entity_id}
        for e in resolved
    }
    people = {e.language: {m.entity_id for m in e.entities if m.label == "PERSON"} for e in resolved}
    turkey = countries["en"]
    assert len(turkey) == 1
    # Turkish "Japon" (Japanese) is Japan too; Turkey is the one country every report names.
    assert all(turkey <= found and len(found - turkey) <= 1 for found in countries.values()), countries
    assert all(canonical != "Turkey" for found in countries.values() for _, canonical in found - turkey)
    guler = people["en"]
    assert len(guler) == 1 and all(found == guler for found in people.values()), people  # "Yasar Guler" too


def test_an_unlinked_place_joins_its_country_in_other_languages_only(models):
    resolver = EntityResolver(models.by_entity_id)
    text = "Er reiste in die Türkei."
    mention = EntityMention(text.index("Türkei"), len(text) - 1, "Türkei", "GPE")
    german, english = (ArticleExtraction(i, lang, None, entities=(mention,)) for i, lang in (("d", "de"), ("e", "en")))
    resolved = resolver.resolve([german, english], {"d": text, "e": text})
    assert resolved[0].entities[0].canonical == "Turkey"
    assert resolved[1].entities[0].canonical == "Türkei"  # English text keeps what the English rules decided
