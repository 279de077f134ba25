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


# 2009-11-11 is a Wednesday.
@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The lender filed on Oct. 5. The same day, its shares fell.", "The same day", "2009-10-05"),
        ("The lender filed on Oct. 5. The next day its chief resigned.", "The next day", "2009-10-06"),
        ("The lender filed on Oct. 5. Two days later, its chief resigned.", "Two days later", "2009-10-07"),
        ("The mayor was elected in 2004 and re-elected four years later.", "four years later", "2008"),
        ("Regulators approved the deal on Oct. 20, two weeks later.", "two weeks later", "2009-W45"),
        ("The plant closed on Oct. 5; three days earlier, workers had struck.", "three days earlier", "2009-10-02"),
    ],
)
def test_anaphoric_dates_count_from_the_date_named_before(models, text, expression, expected):
    assert value(models, text, "2009-11-11", expression) == expected


def test_anaphoric_date_without_a_date_before_is_not_guessed(models):
    found = {d.text for d in find_dates(models.nlp("Shares fell the same day, traders said."), "2009-11-11")}
    assert "the same day" not in found


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("The offer expires on Friday.", "Friday", "2009-11-13"),
        ("The trial starts Monday in Boston.", "Monday", "2009-11-16"),
        ("The meeting is on Thursday.", "Thursday", "2009-11-12"),
    ],
)
def test_scheduled_events_in_the_simple_present_lie_ahead(models, text, expression, expected):
    assert value(models, text, "2009-11-11", expression) == expected


def test_a_capitalised_name_ending_in_ed_is_no_past_verb(models):
    text = "Analysts expect the Fed to hold rates at its December meeting."
    assert value(models, text, "2009-11-11", "December") == "2009-12"


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Prices rose in 2008's fourth quarter.", "2008's fourth quarter", "2008-Q4"),
        ("Sales for the latest quarter rose 3%.", "the latest quarter", "2009-Q3"),
        ("In the first half, sales rose 5%.", "the first half", "2009-H1"),
    ],
)
def test_reporting_periods_of_finance_copy(models, text, expression, expected):
    assert value(models, text, "2009-11-11", expression) == expected


def test_a_half_of_a_match_is_no_date(models):
    found = {d.text for d in find_dates(models.nlp("The striker scored twice in the second half."), "2009-11-11")}
    assert "the second half" not in found


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Third-quarter profit rose to $5 million from $3 million a year ago.", "a year ago", "2008-Q3"),
        ("The insurer named a new chief a year ago.", "a year ago", "2008"),
        ("Profit fell in the third quarter. Sales in the quarter rose 2%.", "the quarter", "2009-Q3"),
        ("Sales in the quarter rose 2%, the retailer said.", "the quarter", "2009-Q3"),
        ("Analysts expect the quarter to be weak.", "the quarter", "2009-Q4"),
    ],
)
def test_periods_the_text_is_reporting_on(models, text, expression, expected):
    assert value(models, text, "2009-11-11", expression) == expected
