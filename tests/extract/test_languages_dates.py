"""Dates in other languages: each language's month and weekday names and relative words, resolved from the
publication date; English keeps its TIMEX3 rules; a language without rules still gets dateparser's words."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.extract.dates import find_dates, reanchor
from newsfuse.extract.languages.dates import find_dates as find_other_dates
from newsfuse.records.mentions import ArticleExtraction

PUBLISHED = date(2025, 8, 20)  # a Wednesday

RELATIVE = [
    ("es", "Ayer el Gobierno aprobó el plan; la semana pasada lo anunció.", {"2025-08-19", "2025-W33"}),
    ("fr", "Le ministre est arrivé hier ; la semaine dernière il était à Rome.", {"2025-08-19", "2025-W33"}),
    ("de", "Der Minister kam gestern an, vor 3 Tagen war er noch in Rom.", {"2025-08-19", "2025-08-17"}),
    ("it", "Il ministro è arrivato ieri, la settimana scorsa era a Parigi.", {"2025-08-19", "2025-W33"}),
    ("nl", "De minister kwam gisteren aan; vorige week was hij in Parijs.", {"2025-08-19", "2025-W33"}),
    ("pt", "O ministro chegou ontem; há 2 dias estava em Madrid.", {"2025-08-19", "2025-08-18"}),
    ("tr", "Bakan dün Ankara'ya geldi, geçen hafta Tokyo'daydı.", {"2025-08-19", "2025-W33"}),
]


@pytest.mark.parametrize(("language", "text", "values"), RELATIVE)
def test_relative_dates_from_the_publication_date(language, text, values):
    found = find_other_dates(text, PUBLISHED, language)
    assert {d.value for d in found} == values
    assert all(d.relative and d.anchor == "2025-08-20" for d in found)


@pytest.mark.parametrize(
    ("language", "text", "value", "granularity"),
    [
        ("es", "El acuerdo se firmó el 3 de marzo de 2024 en Madrid.", "2024-03-03", "day"),
        ("de", "Die Wahl findet am 23. Februar 2025 statt.", "2025-02-23", "day"),
        ("fr", "Le sommet aura lieu en novembre 2026.", "2026-11", "month"),
        ("it", "La riforma entrerà in vigore nel 2027.", "2027", "year"),
        ("tr", "Anlaşma 2026 mali yılı bütçesinden finanse edilecek.", "FY2026", "fiscal_year"),
        ("pt", "A reunião foi em 05/09/2025.", "2025-09-05", "day"),
        ("nl", "Het kabinet viel op 7 juli.", "2025-07-07", "day"),
    ],
)
def test_absolute_dates_in_each_language(language, text, value, granularity):
    found = find_other_dates(text, PUBLISHED, language)
    assert [(d.value, d.granularity) for d in found] == [(value, granularity)]


def test_weekday_is_the_last_one_unless_a_next_word_says_otherwise():
    assert [d.value for d in find_other_dates("El martes firmó el acuerdo.", PUBLISHED, "es")] == ["2025-08-19"]
    assert [d.value for d in find_other_dates("Firmará el próximo martes.", PUBLISHED, "es")] == ["2025-08-26"]


def test_words_that_are_also_other_words_are_not_dates():
    # "heute Morgen" is this morning, not tomorrow; "la mañana" is the morning.
    assert [d.value for d in find_other_dates("Er sprach heute Morgen.", PUBLISHED, "de")] == ["2025-08-20"]
    assert find_other_dates("Habló por la mañana.", PUBLISHED, "es") == []


def test_a_language_without_rules_gets_dateparser_words():
    found = find_other_dates("Minister przyjechał wczoraj, 19 sierpnia 2025.", PUBLISHED, "pl")
    assert {d.value for d in found} == {"2025-08-19"}


class _Doc:
    """A text without a parse: the non-English date path reads only the text."""

    def __init__(self, text):
        self.text = text
        self.ents = ()


def test_english_rules_stay_the_english_path():
    text = "On Tuesday the minister met his counterpart; the deal was signed last month."
    english = find_dates(_Doc(text), "2025-08-20", language="en")
    unset = find_dates(_Doc(text), "2025-08-20")
    assert english == unset
    assert [d.value for d in english] == ["2025-08-19", "2025-07"]
    # The same words in a Spanish article are not read by the English rules.
    assert find_dates(_Doc(text), "2025-08-20", language="es") == []


def test_undated_article_is_reanchored_in_its_own_language():
    found = find_other_dates("Dün Ankara'da görüştüler.", None, "tr")
    assert [(d.value, d.relative) for d in found] == [(None, True)]
    extraction = ArticleExtraction("a", "tr", None, dates=tuple(found))
    assert [d.value for d in reanchor(extraction, "2025-08-20").dates] == ["2025-08-19"]
