"""Date expressions to TIMEX3 values against a publication date, and reanchoring undated articles."""

from __future__ import annotations

import pytest

from newsfuse.extract.dates import find_dates, normalise_expression, reanchor
from newsfuse.records.mentions import ArticleExtraction


def dates(models, text: str, published: str | None):
    return {d.text: d for d in find_dates(models.nlp(text), published)}


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        ("The minister will hold talks in Ankara on Tuesday.", "2025-08-19", "Tuesday", "2025-08-19"),  # same day
        ("The minister will visit Istanbul on Wednesday.", "2025-08-19", "Wednesday", "2025-08-20"),
        ("The plane made its first test flight Tuesday in Everett.", "2009-12-16", "Tuesday", "2009-12-15"),
        ("The trial is set to begin on Wednesday in London.", "2006-03-28", "Wednesday", "2006-03-29"),
        ("Boeing said on Monday it had won.", "2007-03-19", "Monday", "2007-03-19"),
        ("The GAO on June 18 called for a re-run.", "2008-07-02", "June 18", "2008-06-18"),
        ("It made its maiden flight on 11 December.", "2010-01-25", "11 December", "2009-12-11"),
        ("It will land in Sydney on October 25.", "2007-10-15", "October 25", "2007-10-25"),
        ("Lawmakers rejected the proposal in October.", "2004-11-24", "October", "2004-10"),
        ("He spoke last week against the deal.", "2004-11-24", "last week", "2004-W47"),
        ("They will receive the aircraft next month.", "2011-08-08", "next month", "2011-09"),
        ("Jobs has died yesterday at 56.", "2011-10-06", "yesterday", "2011-10-05"),
        ("Apple announced this morning a new phone.", "2008-01-09", "this morning", "2008-01-09TMO"),
        ("Profits rose during the last quarter.", "2007-01-18", "the last quarter", "2006-Q4"),
        ("It was written in the American format, 7/8/07.", "2007-07-09", "7/8/07", "2007-07-08"),
        ("Suspended since July 24, 2003 after violations.", "2005-03-06", "July 24, 2003", "2003-07-24"),
        ("It shipped in November 2006.", "2005-11-05", "November 2006", "2006-11"),
        ("Apple Inc. announced Friday morning the results.", "2010-07-17", "Friday morning", "2010-07-16TMO"),
    ],
)
def test_expression_resolved_against_publication_date(models, text, published, expression, value):
    assert dates(models, text, published)[expression].value == value


def test_fiscal_years_and_deadline_bound(models):
    found = dates(
        models,
        "Tokyo will earmark funds from its fiscal 2026 budget to field drones by the end of fiscal 2027.",
        "2025-08-20",
    )
    assert found["fiscal 2026"].value == "FY2026"
    assert found["fiscal 2026"].granularity == "fiscal_year"
    deadline = found["by the end of fiscal 2027"]
    assert (deadline.value, deadline.bound) == ("FY2027", "by")


def test_range_keeps_first_and_last_day(models):
    found = dates(models, "The visit is part of a regional tour from August 17–22 that includes Jordan.", "2025-08-19")
    tour = found["August 17–22"]
    assert (tour.value, tour.end_value, tour.granularity) == ("2025-08-17", "2025-08-22", "range")


def test_relative_dates_stay_unresolved_without_a_publication_date(models):
    found = dates(models, "The minister toured the drone maker on Wednesday. He met Guler on Aug. 19.", None)
    assert found["Wednesday"].value is None and found["Wednesday"].relative
    assert found["Aug. 19"].value == "XXXX-08-19"


def test_reanchor_resolves_weekday_to_the_events_week(models):
    text = "The minister and his delegation toured the drone maker on Wednesday."
    extraction = ArticleExtraction("a_1", "en", None, dates=tuple(find_dates(models.nlp(text), None)))
    resolved = reanchor(extraction, "2025-08-19")
    (wednesday,) = resolved.dates
    assert (wednesday.value, wednesday.anchor) == ("2025-08-20", "2025-08-19")
    assert extraction.dates[0].value is None  # the input record is untouched


def test_reanchor_rejects_a_malformed_anchor():
    with pytest.raises(ValueError, match="not-a-date"):
        reanchor(ArticleExtraction("a_1", "en", None), "not-a-date")


def test_counts_are_not_years(models):
    found = dates(models, "The airline employs 2000 people and flew in 2009.", "2010-01-01")
    assert "2000" not in found
    assert found["2009"].value == "2009"


def test_expression_alone_against_event_anchor():
    assert normalise_expression("next month", "2025-12-10").value == "2026-01"
    assert normalise_expression("on Sunday", "2025-08-19").value == "2025-08-17"  # nearest Sunday to a Tuesday


@pytest.mark.parametrize(
    ("expression", "anchor", "value"),
    [
        ("last Thursday", "2025-08-19", "2025-08-14"),
        ("next Monday", "2025-08-19", "2025-08-25"),
        ("this Friday", "2025-08-19", "2025-08-22"),
        ("the first half of 2008", "2010-01-01", "2008-H1"),
        ("summer 2007", "2010-01-01", "2007-SU"),
        ("last summer", "2008-05-01", "2007-SU"),
        ("the third quarter", "1989-11-02", "1989-Q3"),
        ("two years ago", "2011-03-01", "2009"),
        ("the 1990s", "2011-03-01", "199"),
    ],
)
def test_modified_weekdays_halves_seasons_quarters(expression, anchor, value):
    assert normalise_expression(expression, anchor).value == value


def test_season_alone_is_not_a_date():
    assert normalise_expression("a summer camp", "2008-05-01") is None


def test_relative_fiscal_years():
    beginning = normalise_expression("the very beginning of the financial year", "2007-01-18")
    assert (beginning.value, beginning.bound) == ("FY2007", None)
    assert normalise_expression("last fiscal year", "2007-01-18").value == "FY2006"
    assert normalise_expression("by the end of this fiscal year", "2007-01-18").bound == "by"
