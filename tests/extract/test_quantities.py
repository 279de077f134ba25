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


def test_ages_are_not_durations():
    assert find_quantities("a 55-year-old engineer") == []


def test_percentages():
    (found,) = find_quantities("profits rose nearly 15 percent")
    assert (found.kind, found.value, found.unit, found.qualifier) == ("percentage", "15", "%", "approximate")


def test_iso_duration_normalises_units():
    assert iso_duration(90, "minute") == "PT1H30M"
    assert iso_duration(1.5, "hour") == "PT1H30M"
    assert iso_duration(2, "year") == "P2Y"
