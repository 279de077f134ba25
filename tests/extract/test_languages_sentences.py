"""In each supported language, one sentence of our own through the extraction stage: its date, its amount (with
the language's separators and scale words), a named entity and a quote with its speaker."""

from __future__ import annotations

import pytest

from newsfuse.extract import extract_articles
from newsfuse.records import Article

# language: (sentence, date value, (amount, currency), (entity text, label), (speaker, words inside the quote))
CASES = {
    "en": (
        'On 19 August 2025 Defence Minister Yaşar Güler said in Ankara: "We will spend 200 billion yen on drones."',
        "2025-08-19",
        (2e11, "JPY"),
        ("Ankara", "GPE"),
        ("Yaşar Güler", "spend 200 billion yen"),
    ),
    "es": (
        "El presidente Pedro Sánchez dijo ayer en Madrid: «El Gobierno invertirá 1.500 millones de euros en "
        "vivienda este año».",
        "2025-08-19",
        (1.5e9, "EUR"),
        ("Madrid", "GPE"),
        ("Pedro Sánchez", "invertirá"),
    ),
    "fr": (
        "« Nous consacrerons 1,4 milliard de dollars aux drones », a déclaré Emmanuel Macron le 19 août 2025 "
        "à Toulouse.",
        "2025-08-19",
        (1.4e9, "USD"),
        ("Emmanuel Macron", "PERSON"),
        ("Emmanuel Macron", "consacrerons"),
    ),
    "de": (
        "Bundeskanzler Olaf Scholz sagte am 19. August 2025 in Berlin: „Wir stellen 2,5 Milliarden Euro für die "
        "Bahn bereit.“",
        "2025-08-19",
        (2.5e9, "EUR"),
        ("Olaf Scholz", "PERSON"),
        ("Olaf Scholz", "Milliarden Euro"),
    ),
    "it": (
        "«Stanzieremo 300 milioni di euro per le scuole», ha detto ieri a Napoli la premier Giorgia Meloni.",
        "2025-08-19",
        (3e8, "EUR"),
        ("Giorgia Meloni", "PERSON"),
        ("Giorgia Meloni", "Stanzieremo"),
    ),
    "nl": (
        "Op 19 augustus 2025 zei minister Hugo de Jonge in Utrecht: „Het kabinet trekt € 3,2 miljoen uit voor "
        "nieuwe fietspaden.”",
        "2025-08-19",
        (3.2e6, "EUR"),
        ("Hugo de Jonge", "PERSON"),
        ("Hugo de Jonge", "fietspaden"),
    ),
    "pt": (
        "«Vamos investir 12,5 milhões de euros no porto», disse o ministro Luís Montenegro na terça-feira, em Lisboa.",
        "2025-08-19",
        (1.25e7, "EUR"),
        ("Luís Montenegro", "PERSON"),
        ("Luís Montenegro", "porto"),
    ),
    "tr": (
        'Savunma Bakanı Yaşar Güler dün İzmir\'de "Bu yıl savunma sanayisine 200 milyar lira ayıracağız" dedi.',
        "2025-08-19",
        (2e11, "TRY"),
        ("Yaşar Güler", "PERSON"),
        ("Yaşar Güler", "ayıracağız"),
    ),
}


@pytest.fixture(scope="module")
def extracted(models):
    articles = [
        Article(id=f"sentence-{language}", text=case[0], language=language, published="2025-08-20")
        for language, case in CASES.items()
    ]
    return {e.language: e for e in extract_articles(articles, models)}


@pytest.mark.parametrize("language", sorted(CASES))
def test_date(extracted, language):
    values = [d.value for d in extracted[language].dates]
    assert CASES[language][1] in values, extracted[language].dates


@pytest.mark.parametrize("language", sorted(CASES))
def test_amount_with_local_separators(extracted, language):
    amount, currency = CASES[language][2]
    found = [(m.amount, m.currency) for m in extracted[language].money]
    assert any(a == pytest.approx(amount) and c == currency for a, c in found), found


@pytest.mark.parametrize("language", sorted(CASES))
def test_entity(extracted, language):
    text, label = CASES[language][3]
    found = {(m.text, m.label) for m in extracted[language].entities}
    assert (text, label) in found, found


@pytest.mark.parametrize("language", sorted(CASES))
def test_quote_and_speaker(extracted, language):
    speaker, inside = CASES[language][4]
    quotes = [q for q in extracted[language].quotes if q.kind == "direct"]
    assert len(quotes) == 1, extracted[language].quotes
    assert inside in quotes[0].text
    assert quotes[0].speaker == speaker
    assert quotes[0].cue


def test_supported_languages_carry_no_note(extracted):
    assert all("language_note" not in e.extra for e in extracted.values())


def test_a_language_without_rules_gets_language_independent_signals_and_a_note(models):
    text = 'Yaşar Güler przyjechał wczoraj do Ankary. "Będziemy współpracować z Japonią," said Güler. Koszt: 5 000 €.'
    polish = Article(id="sentence-pl", text=text, language="pl", published="2025-08-20")
    extraction = next(iter(extract_articles([polish], models)))
    assert "pl" in extraction.extra["language_note"]
    assert [d.value for d in extraction.dates] == ["2025-08-19"]  # "wczoraj", from dateparser's Polish words
    assert [(m.amount, m.currency) for m in extraction.money] == [(5000.0, "EUR")]
    assert ("Yaşar Güler", "PERSON") in {(m.text, m.label) for m in extraction.entities}
    # No English rules: the English "said" does not attribute the quote.
    assert [(q.kind, q.speaker) for q in extraction.quotes] == [("direct", None)]
