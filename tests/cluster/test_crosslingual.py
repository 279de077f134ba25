"""Signals across languages: names folded, amounts, percentages and dates as values, each language's stop words."""

from __future__ import annotations

from newsfuse.cluster.crosslingual import date_keys, fold, number_value, stems, stop_words, value_keys
from newsfuse.cluster.features import features_of
from newsfuse.records.article import Article


def test_names_lose_diacritics_and_are_transliterated():
    assert fold("Türkiye") == fold("TURKIYE") == "turkiye"
    assert fold("Erdoğan") == "erdogan" and fold("İstanbul") == "istanbul" and fold("Øresund") == "oresund"
    assert fold("Перес") == "peres" and fold("Αθήνα") == "athina"
    assert stems("Baykar'ı Ankara'da") == ["Baykar", "Ankara"] and stems("dell'Eni l’Aquila") == ["Eni", "Aquila"]


def test_numbers_are_read_with_each_languages_separators():
    assert number_value("12.345,6", "es") == 12345.6
    assert number_value("12,345.6", "en") == 12345.6
    assert number_value("2,3", "it") == 2.3
    assert number_value("1,2,3", "en") is None


def test_an_amount_and_a_percentage_are_the_same_value_in_five_languages():
    english = value_keys("Boeing lost a $40 billion contract; shares fell 2.3% to 12,345.67.", "en")
    spanish = value_keys("Boeing perdió un contrato de 40.000 millones de dólares; cayó un 2,3 % a 12.345,67.", "es")
    italian = value_keys("Boeing ha perso un contratto da 40 miliardi di dollari; -2,3 per cento.", "it")
    dutch = value_keys("Boeing verloor een contract van 40 miljard dollar, een daling van 2,3 procent.", "nl")
    turkish = value_keys("Boeing 40 milyar dolarlık sözleşmeyi kaybetti; hisseler %2,3 düştü.", "tr")
    for keys in (english, spanish, italian, dutch, turkish):
        assert {"#4e+10", "%2.3"} <= set(keys), keys
    assert "#12345" in english and "#12345" in spanish
    # Spanish "billón" is a million millions, not the English billion.
    assert value_keys("un billón de euros", "es") == [] and value_keys("3 billones de euros", "es") == ["#3e+12"]


def test_dates_in_four_languages_are_one_day():
    texts = ["March 1, 2008", "1 de marzo de 2008", "1 marzo 2008", "1 maart 2008", "1. März 2008", "1 Mart 2008"]
    assert [date_keys(t) for t in texts] == [["@2008-03-01", "@03-01"]] * len(texts)
    assert date_keys("On Aug. 19, Nakatani met Güler") == date_keys("el 19 de agosto") == ["@08-19"]
    assert date_keys("It may 5 times") == []  # an English verb, not the month


def test_months_come_in_every_tabled_language_but_not_as_other_languages_short_words():
    assert date_keys("19 Ağustos 2025") == date_keys("19 août 2025") == date_keys("19 augustus 2025")
    assert date_keys("le 3 janv. 2008") == date_keys("am 3. Jänner 2008") == ["@2008-01-03", "@01-03"]
    assert date_keys("3 mai") == date_keys("3 mei") == ["@05-03"]  # full names of three letters
    # Portuguese "out" (October) and Spanish "ago" (August) are words in English copy
    assert date_keys("5 out of 10 voters, 2 ago") == []


def test_a_spanish_reports_function_words_are_not_its_terms():
    assert {"de", "la", "que", "los"} <= stop_words("es") and stop_words("xx") == frozenset()
    text = "La empresa Airbus ganó el contrato de la Fuerza Aérea de los Estados Unidos, que lo firmó el lunes."
    features = features_of(Article(id="a", text=text, language="es"))
    assert not {"la", "los", "que", "el"} & features.terms.keys()
    assert {"airbus", "fuerza_aerea"} <= features.names.keys()
    english = features_of(Article(id="b", text="Airbus won the contract of the US Fuerza Aérea.", language="en"))
    assert "fuerza_aerea" in english.names  # one key in both languages
