"""Durations as ISO 8601 with bounds, and percentages."""

from __future__ import annotations

import pytest

from newsfuse.extract.quantities import find_quantities, iso_duration


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "lower", "upper"),
    [
        ("The meeting, which lasted more than an hour and a half, ended.", "PT1H30M", "at_least", 5400, None),
        ("The over-90-minute meeting led to agreements.", "PT1H30M", "at_least", 5400, None),
        ("a 12-hour flight", "PT12H", "exact", 43200, 43200),
        ("after almost two and a half years", "P2Y6M", "approximate", None, None),
        ("for 18 months", "P18M", "exact", None, None),
        ("within half an hour", "PT30M", "at_most", None, 1800),
        ("for three weeks", "P3W", "exact", None, None),
    ],
)
def test_durations(text, value, qualifier, lower, upper):
    (found,) = [q for q in find_quantities(text) if q.kind == "duration"]
    assert (found.value, found.qualifier) == (value, qualifier)
    if lower is not None:
        assert found.lower == lower
    if upper is not None:
        assert found.upper == upper
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("He has lived there for years.", "PXY", "for years"),
        ("Over the years, sales grew.", "PXY", "Over the years"),
        ("after several months of talks", "PXM", "several months"),
        ("a decades-long feud", "PXY", "decades-long"),
        ("an hours-long siege", "PTXH", "hours-long"),
        ("a decision in the next few days", "PXD", "the next few days"),
    ],
)
def test_durations_without_a_number_are_of_unspecified_length(text, value, span):
    (found,) = [q for q in find_quantities(text) if q.kind == "duration"]
    assert (found.value, found.text, found.qualifier, found.upper) == (value, span, "vague", None)
    assert found.lower > 0  # more than one unit: "several years" agrees with "five years"


def test_an_article_before_a_plural_unit_is_not_a_count_of_one():
    assert [q.value for q in find_quantities("a decades-long feud")] != ["P10Y"]
    assert [q.value for q in find_quantities("a day-long strike")] == ["P1D"]


def test_a_plural_placing_a_time_is_no_duration():
    assert find_quantities("many years ago") == find_quantities("several years old") == []


def test_ages_are_not_durations():
    assert find_quantities("a 55-year-old engineer") == []


def test_percentages():
    (found,) = find_quantities("profits rose nearly 15 percent")
    assert (found.kind, found.value, found.unit, found.qualifier) == ("percentage", "15", "%", "approximate")


def test_iso_duration_normalises_units():
    assert iso_duration(90, "minute") == "PT1H30M"
    assert iso_duration(1.5, "hour") == "PT1H30M"
    assert iso_duration(2, "year") == "P2Y"
