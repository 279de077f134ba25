"""TIMEX3 rule classes, one expression at a time, against a publication date and the clause's tense."""

from __future__ import annotations

from datetime import date

import pytest

from newsfuse.extract.date_rules import DateContext
from newsfuse.extract.dates import find_dates, normalise_expression, scan
from newsfuse.extract.timex import PUBLICATION
from newsfuse.ingest.dates import date_from_dateline


def value(expression: str, anchor: str, direction: str | None = None) -> str | None:
    found = normalise_expression(expression, anchor, PUBLICATION, direction)
    return found.value if found else None


@pytest.mark.parametrize(
    ("expression", "anchor", "direction", "expected"),
    [
        # Seasons: "last" is the last one over, "next" the first not begun; a bare one needs a preposition.
        ("last summer", "2006-10-05", None, "2006-SU"),
        ("last summer", "2006-07-05", None, "2005-SU"),
        ("next summer", "2006-07-05", None, "2007-SU"),
        ("next spring", "2006-01-10", None, "2006-SP"),
        ("last winter", "2006-04-05", None, "2005-WI"),
        ("in the summer", "2025-10-01", "past", "2025-SU"),
        ("in the summer", "2025-04-01", "past", "2024-SU"),
        ("during the autumn", "2025-04-01", "future", "2025-FA"),
        ("the fall of 2011", "2010-01-01", None, "2011-FA"),
        # Quarters and halves without a year: the last one begun, unless the clause is in future tense.
        ("the fourth quarter", "2007-01-18", "past", "2006-Q4"),
        ("the fourth quarter", "2007-01-18", None, "2006-Q4"),
        ("the fourth quarter", "2007-01-18", "future", "2007-Q4"),
        ("third-quarter", "2007-11-02", None, "2007-Q3"),
        # The end of a year names the year: "by year-end", "last year-end".
        ("by year-end", "1989-11-02", None, "1989"),
        ("at the year end", "1989-11-02", None, "1989"),
        ("last year-end", "1989-11-02", None, "1988"),
        ("the first quarter of next year", "2007-11-02", None, "2008-Q1"),
        ("Q3", "2007-11-02", None, "2007-Q3"),
        ("Q2 2006", "2007-11-02", None, "2006-Q2"),
        ("the first half of this year", "2007-11-02", None, "2007-H1"),
        ("second-half profits", "2007-03-02", "past", "2006-H2"),
        # Fiscal quarters.
        ("the third quarter of fiscal 2007", "2007-11-02", None, "FY2007-Q3"),
        ("fiscal 2007's third quarter", "2007-11-02", None, "FY2007-Q3"),
        # Decades and centuries.
        ("the late 1990s", "2007-03-02", None, "199"),
        ("the '80s", "2007-03-02", None, "198"),
        ("this decade", "2011-06-01", None, "201"),
        ("the past decade", "2011-06-01", None, "200"),
        ("the 20th century", "2007-03-02", None, "19"),
        ("last century", "2007-03-02", None, "19"),
        # Parts of the day.
        ("last night", "2007-03-02", None, "2007-03-01TNI"),
        ("tonight", "2007-03-02", None, "2007-03-02TNI"),
        ("tomorrow morning", "2007-03-02", None, "2007-03-03TMO"),
        # The edges of a unit are the unit (TIMEX3 carries the edge as a modifier).
        ("the end of the month", "2007-03-02", None, "2007-03"),
        ("the end of next year", "2007-03-02", None, "2008"),
        ("the start of the quarter", "2007-03-02", None, "2007-Q1"),
        ("later in the year", "2007-03-02", None, "2007"),
        ("earlier this week", "2007-03-02", None, "2007-W09"),
        # Weekends: the one under way, else the last one (the next one in future tense).
        ("over the weekend", "2025-08-20", "past", "2025-W33-WE"),
        ("over the weekend", "2025-08-20", "future", "2025-W34-WE"),
        ("this weekend", "2010-01-25", None, "2010-W04-WE"),
        # Counted units back from the publication date; vague counts are the past.
        ("two weeks ago", "2007-12-12", None, "2007-W48"),
        ("three months ago", "2007-02-12", None, "2006-11"),
        ("a decade ago", "2007-03-02", None, "199"),
        ("a few years ago", "2007-03-02", None, "PAST_REF"),
        # Reference values.
        ("now", "2007-03-02", None, "PRESENT_REF"),
        ("currently", None, None, "PRESENT_REF"),
        ("these days", "2007-03-02", None, "PRESENT_REF"),
        ("recently", "2007-03-02", None, "PAST_REF"),
        ("in the past,", "2007-03-02", None, "PAST_REF"),
        ("in the near future.", "2007-03-02", None, "FUTURE_REF"),
        # Partial dates: the nearest such day, moved a year by tense.
        ("December 30", "2007-01-15", None, "2006-12-30"),
        ("December 30", "2007-06-15", "future", "2007-12-30"),
        ("December 30", "2007-06-15", "past", "2006-12-30"),
        ("March of 2005", "2007-03-02", None, "2005-03"),
    ],
)
def test_rule_classes(expression, anchor, direction, expected):
    assert value(expression, anchor, direction) == expected


@pytest.mark.parametrize(
    "expression",
    [
        "the past three years",  # a duration, not a date
        "the past 12 months",
        "the next four years",
        "the future of the company",  # a noun phrase about the future, not a time
        "a summer camp",
        "in the summer camp",
        "the first half",  # a match's first half
        "a second-half goal",
        "version 10:30",  # a bare hh:mm needs "at", "by" ... or a zone
    ],
)
def test_not_dates(expression):
    assert normalise_expression(expression, "2007-03-02", PUBLICATION) is None


def test_year_range_is_two_years():
    found = scan(DateContext("It will be built from 2009-2011 in Toulouse.", date(2007, 6, 9)))
    assert [(m.text, m.value) for m in found] == [("2009", "2009"), ("2011", "2011")]


def test_clock_time_takes_the_day_of_its_sentence():
    ctx = DateContext("It flew on Tuesday at 18:00 UTC. Landing is at 6 p.m. (GMT +8).", date(2009, 12, 16))
    ctx.tense = lambda _: "past"
    values = {m.text: m.value for m in scan(ctx)}
    assert values["18:00 UTC"] == "2009-12-15T18:00Z"
    assert values["6 p.m. (GMT +8)"] == "2009-12-16T18:00"  # another sentence, another zone: local time


def test_relative_values_need_an_anchor_but_references_do_not():
    assert normalise_expression("last summer", None, PUBLICATION).value is None
    assert normalise_expression("the fourth quarter", None, PUBLICATION).value == "XXXX-Q4"
    assert normalise_expression("recently", None, PUBLICATION).value == "PAST_REF"


def test_dateline_only_when_a_line_is_a_full_date():
    assert date_from_dateline("", "Plane lands in Sydney\nSeptember 01, 2007\nThe plane landed today.") == "2007-09-01"
    assert date_from_dateline("", "Plane lands in Sydney\nThe plane landed on September 01, 2007.") is None
    assert date_from_dateline("", "Plane lands in Sydney\nSeptember 01\nThe plane landed today.") is None


def test_undated_article_with_a_dateline_resolves_against_it(models):
    text = "Plane lands in Sydney\nSeptember 01, 2007\nThe plane landed today after a delay."
    found = {m.text: m for m in find_dates(models.nlp(text), None)}
    assert (found["today"].value, found["today"].anchor) == ("2007-09-01", "2007-09-01")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # Recurring times are TIMEX3 sets: no calendar day, whatever the tense or the publication date.
        ("The council meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("On Sundays the market is closed.", "Sundays", "XXXX-WXX-7"),
        ("The river floods each spring.", "each spring", "XXXX-SP"),
        ("The fair is held each May.", "each May", "XXXX-05"),
        ("Every morning he runs.", "Every morning", "XXXX-XX-XXTMO"),
        ("She visits every other week.", "every other week", "P2W"),
        ("Flights run twice a week.", "twice a week", "P1W"),
        ("The line carries 3,000 passengers a day.", "a day", "P1D"),
        ("The annual meeting was held.", "annual", "P1Y"),
        ("Prices are reviewed quarterly.", "quarterly", "P3M"),
    ],
)
def test_recurring_times_are_sets(text, span, expected):
    found = [m for m in scan(DateContext(text, date(1998, 1, 8))) if m.granularity == "set"]
    assert [(m.text, m.value, m.relative) for m in found] == [(span, expected, False)]


def test_no_set_in_names_rates_of_a_past_time_or_reciprocals():
    for text in ("The Daily Mail reported it.", "Profit was $5 billion a year ago.", "They met each other Monday."):
        assert [m for m in scan(DateContext(text, date(1998, 1, 8))) if m.granularity == "set"] == [], text
    assert [m.value for m in scan(DateContext("Profit was $5 billion a year ago.", date(1998, 1, 8)))] == ["1997"]
