"""Publication dates as inputs give them, normalised to ISO 8601; anything else is not guessed."""

from __future__ import annotations

import time

import pytest

from newsfuse.ingest.dates import date_from_url, normalise_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-04", "2024-03-04"),
        ("2024-03-04T10:00:00Z", "2024-03-04T10:00:00+00:00"),
        ("2024-03-04 10:00:00+02:00", "2024-03-04T10:00:00+02:00"),
        ("Mon, 04 Mar 2024 09:30:00 GMT", "2024-03-04T09:30:00+00:00"),
        (1709544600, "2024-03-04T09:30:00+00:00"),
        (time.struct_time((2024, 3, 4, 9, 30, 0, 0, 64, 0)), "2024-03-04T09:30:00+00:00"),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (True, None),
        (10**20, None),
    ],
)
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


def test_date_from_url():
    assert date_from_url("https://x.example/2024/03/04/story") == "2024-03-04"
    assert date_from_url("https://x.example/news/2024-3-4-story.html") == "2024-03-04"
    assert date_from_url("https://x.example/2024/13/40/story") is None
    assert date_from_url("https://x.example/story-12345") is None
