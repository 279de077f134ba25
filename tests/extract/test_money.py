"""Money amounts with scale, currency and qualifiers, converted to USD at the article's date."""

from __future__ import annotations

import pytest

from newsfuse.extract.money import find_money


@pytest.fixture(scope="module")
def converter(models):
    return models.currency_converter()


def test_yen_amount_and_the_articles_own_conversion(converter):
    text = "Tokyo intends to earmark 200 billion yen (approximately $1.4 billion) from its budget."
    yen, dollars = find_money(text, "2025-08-19", converter)
    assert (yen.amount, yen.currency, yen.qualifier) == (200e9, "JPY", "exact")
    assert yen.usd == pytest.approx(1.35e9, rel=0.01)
    assert yen.rate_date == "2025-08-19"
    assert (dollars.amount, dollars.currency, dollars.qualifier) == (1.4e9, "USD", "approximate")
    assert dollars.conversion_of == 0 and not dollars.conversion_off
    assert text[yen.start : yen.end] == "200 billion yen"


def test_conversion_more_than_ten_percent_off_is_flagged(converter):
    text = "The deal is worth 200 billion yen (about $2 billion)."
    _, dollars = find_money(text, "2025-08-19", converter)
    assert dollars.conversion_of == 0 and dollars.conversion_off


def test_weekend_date_falls_back_to_the_last_earlier_rate(converter):
    (amount,) = find_money("a 5 million euros contract", "2025-08-17", converter)  # a Sunday
    assert amount.rate_date == "2025-08-15"
    assert amount.usd is not None


def test_no_date_no_conversion(converter):
    (amount,) = find_money("a budget of 8.8 trillion yen", None, converter)
    assert amount.amount == 8.8e12 and amount.usd is None


@pytest.mark.parametrize(
    ("text", "amount", "currency", "qualifier"),
    [
        ("more than €20m", 20e6, "EUR", "at_least"),
        ("US$ 40 billion", 40e9, "USD", "exact"),
        ("up to £3.5 bn", 3.5e9, "GBP", "at_most"),
        ("1,200 dollars", 1200.0, "USD", "exact"),
        ("15 million Turkish lira", 15e6, "TRY", "exact"),
    ],
)
def test_forms(converter, text, amount, currency, qualifier):
    (found,) = find_money(text, "2020-01-02", converter)
    assert (found.amount, found.currency, found.qualifier) == (amount, currency, qualifier)
