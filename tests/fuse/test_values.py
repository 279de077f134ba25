"""Agreement within tolerance for dates, durations, money and counts."""

from __future__ import annotations

import pytest

from newsfuse.fuse.values import agree, day_bounds
from newsfuse.records.claims import ClaimValue


def duration(lower, upper, qualifier="exact"):
    return ClaimValue("duration", "", None, lower, upper, "s", qualifier)


def usd(amount, qualifier="exact", converted=False):
    return ClaimValue("money", "", "x JPY" if converted else f"{amount} USD", amount, amount, "USD", qualifier, amount)


def day(value):
    lower, upper = day_bounds(value)
    return ClaimValue("date", value, value, lower, upper, "day")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            duration(5400, None, "at_least"),
            duration(5400, None, "at_least"),
            True,
        ),  # "more than an hour and a half" / "over 90 minutes"
        (duration(5400, None, "at_least"), duration(3600, 3600), False),  # "an hour"
        (usd(1.354e9, converted=True), usd(1.4e9), True),  # 200 billion yen / $1.4 billion
        (usd(1.354e9, converted=True), usd(3e9), False),
        (usd(100e6), usd(102e6), True),  # rounding
        (usd(100e6), usd(120e6), False),
        (day("2025-08-19"), day("2025-08-19"), True),
        (day("2025-08-19"), day("2025-08-20"), False),
        (day("2025-08"), day("2025-08-19"), True),  # a month contains its days
        (day("FY2026"), day("2026-05-01"), True),
    ],
)
def test_agreement(a, b, expected):
    assert agree(a, b) is expected
    assert agree(b, a) is expected


def test_day_bounds_of_timex_values():
    assert day_bounds("2025-W34") is not None
    assert day_bounds("2025-Q3")[1] - day_bounds("2025-Q3")[0] == 91
    assert day_bounds("PRESENT_REF") is None
    assert day_bounds("2025-08-17", "2025-08-22")[1] - day_bounds("2025-08-17")[0] == 5
