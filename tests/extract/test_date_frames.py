"""Relative dates resolved by the tense and frame of their own clause, one test per error class seen on held-out news."""

from __future__ import annotations

import pytest

from newsfuse.extract.dates import find_dates


def value(models, text: str, published: str, expression: str) -> str | None:
    return {d.text: d.value for d in find_dates(models.nlp(text), published)}[expression]


# 2009-11-11 is a Wednesday: the previous Friday is 2009-11-06, the coming one 2009-11-13.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The automaker, which plans to cut 10,000 jobs, said on Friday that sales fell.", "2009-11-06"),
        ("Shares of the bank, which is expected to report next week, rose 4% on Friday.", "2009-11-06"),
        ("The plan, announced Friday, will cut costs by $2 billion.", "2009-11-06"),
        ("The merger, which is set to close next year, was approved by regulators Friday.", "2009-11-06"),
        ("The union will vote on the contract Friday.", "2009-11-13"),
        ("The utility is due to report results on Friday.", "2009-11-13"),
        ("A vigil will be held Friday at the school.", "2009-11-13"),
    ],
)
def test_weekday_follows_the_verb_it_belongs_to(models, text, expected):
    assert value(models, text, "2009-11-11", "Friday") == expected


def test_future_seen_from_the_past_takes_the_nearest_day(models):
    # said (past) ... would (future from then): Monday 9 November is nearer than Monday 16 November
    assert (
        value(models, "The carmaker said it would close three plants on Monday.", "2009-11-11", "Monday")
        == "2009-11-09"
    )


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The chipmaker will report third-quarter results next week.", "third-quarter", "2009-Q3"),
        ("Third-quarter earnings are expected to beat forecasts.", "Third-quarter", "2009-Q3"),
        ("Sales in the fourth quarter are expected to rise.", "the fourth quarter", "2009-Q4"),
        ("Profit fell in the third quarter.", "the third quarter", "2009-Q3"),
        ("The retailer expects first-quarter sales to grow.", "first-quarter", "2010-Q1"),
    ],
)
def test_quarters_in_a_november_article_are_this_years_unless_still_ahead(models, text, expression, expected):
    assert value(models, text, "2009-11-11", expression) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Sales dropped sharply last February.", "last February", "2008-02"),
        ("Prices have risen since last March.", "last March", "2008-03"),
        ("The plant opens next April.", "next April", "2010-04"),
        ("The vote is this June.", "this June", "2009-06"),
    ],
)
def test_last_next_this_with_a_month_name_shift_the_year(models, text, expression, expected):
    assert value(models, text, "2009-03-01", expression) == expected


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Third-quarter net income fell to $2 million from $5 million a year earlier.", "a year earlier", "2008-Q3"),
        ("Sales in the third quarter rose 4% from the year-earlier period.", "the year-earlier period", "2008-Q3"),
        ("Fiscal 2009 revenue rose from the prior-year period.", "the prior-year period", "FY2008"),
        ("Profit in the year-ago quarter was $3 million.", "the year-ago quarter", "2008-Q3"),
        ("Sales rose 4% from the same period last year.", "the same period last year", "2008"),
        ("Profit rose from a year ago.", "a year ago", "2008"),
        ("Profit doubled from three years earlier.", "three years earlier", "2006"),
        ("The stock fell last week but has gained this year.", "last week", "2009-W45"),
        ("The stock fell last week but has gained this year.", "this year", "2009"),
        ("Revenue for fiscal 2008 rose, and FY2009 guidance was raised.", "FY2009", "FY2009"),
        ("Profit in Q3 rose; Q4 guidance was cut.", "Q3", "2009-Q3"),
    ],
)
def test_finance_copy_periods(models, text, expression, expected):
    assert value(models, text, "2009-11-11", expression) == expected


def test_abbreviated_month_and_initials_do_not_end_the_clause(models):
    # "Nov." and "M." are not sentence ends: the clause's verb is still found
    text = "Voters are counting on Nov. 8 to settle it."
    assert value(models, text, "2016-09-19", "Nov. 8") == "2016-11-08"
