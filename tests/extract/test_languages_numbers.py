"""Amounts in other languages: local decimal and thousands separators, scale words, currency words and symbols,
and the article's own conversion linked to the amount it converts."""

from __future__ import annotations

import pytest

from newsfuse.extract.languages.numbers import find_money, parse_number
from newsfuse.extract.money import find_money as find_money_any


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1.000,5", "es", 1000.5),
        ("1,4", "tr", 1.4),
        ("3 000", "fr", 3000.0),
        ("2.500", "de", 2500.0),
        ("1,000.5", "pl", 1000.5),  # no rules for Polish: the last separator is the decimal one
        ("1.000.000", "pl", 1e6),
    ],
)
def test_local_separators(text, language, value):
    assert parse_number(text, language) == pytest.approx(value)


@pytest.mark.parametrize(
    ("language", "text", "amounts"),
    [
        ("tr", "Tokyo 200 milyar yen (yaklaşık 1,4 milyar dolar) ayıracak.", [(2e11, "JPY"), (1.4e9, "USD")]),
        (
            "es",
            "Destinará 200.000 millones de yenes (aproximadamente 1,4 mil millones de dólares).",
            [(2e11, "JPY"), (1.4e9, "USD")],
        ),
        (
            "fr",
            "Tokyo prévoit 200 milliards de yens (environ 1,4 milliard de dollars).",
            [(2e11, "JPY"), (1.4e9, "USD")],
        ),
        ("de", "Tokio plant 200 Milliarden Yen (rund 1,4 Milliarden Dollar).", [(2e11, "JPY"), (1.4e9, "USD")]),
        ("it", "Tokyo stanzia 200 miliardi di yen (circa 1,4 miliardi di dollari).", [(2e11, "JPY"), (1.4e9, "USD")]),
        ("nl", "Tokio trekt 200 miljard yen (ongeveer 1,4 miljard dollar) uit.", [(2e11, "JPY"), (1.4e9, "USD")]),
        (
            "pt",
            "Tóquio destina 200 mil milhões de ienes (cerca de 1,4 mil milhões de dólares).",
            [(2e11, "JPY"), (1.4e9, "USD")],
        ),
    ],
)
def test_amounts_and_conversions(models, language, text, amounts):
    found = find_money(text, "2025-08-20", models.currency_converter(), language)
    assert [(m.amount, m.currency) for m in found] == [(pytest.approx(a), c) for a, c in amounts]
    assert found[1].conversion_of == 0 and not found[1].conversion_off  # the ECB rate: ~1.36 billion dollars
    assert found[1].qualifier == "approximate"
    assert found[0].usd == pytest.approx(1.35e9, rel=0.01)


def test_symbols_on_either_side_and_abbreviated_scales(models):
    text = "Kosten: 5 Mio. Euro, dazu 1.000,50 € und US$ 2 Mrd."
    found = find_money(text, "2025-08-20", models.currency_converter(), "de")
    assert [(m.amount, m.currency) for m in found] == [(5e6, "EUR"), (1000.5, "EUR"), (2e9, "USD")]


def test_english_money_rules_are_not_used_for_other_languages(models):
    text = "Costará 1,400 millones de dólares."  # a Spanish comma is a decimal comma: 1.4 million... of millions
    spanish = find_money_any(text, "2025-08-20", models.currency_converter(), "es")
    assert [m.amount for m in spanish] == [pytest.approx(1.4e6)]
    assert find_money_any("It costs $1,400 million.", "2025-08-20", None)[0].amount == pytest.approx(1.4e9)


def test_a_language_without_rules_reads_symbols_and_codes():
    found = find_money("Koszt wyniesie 5 000 € lub 2,500 USD.", None, None, "pl")
    assert [(m.amount, m.currency) for m in found] == [(5000.0, "EUR"), (2500.0, "USD")]
