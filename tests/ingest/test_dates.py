"""Publication dates as inputs give them, normalised to ISO 8601; anything else is not guessed."""

from __future__ import annotations

import time

import pytest

from newsfuse.ingest.dates import date_from_dateline, date_from_url, normalise_published


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


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Patch released", "September 18th, 2013, 05:31 GMT\nMicrosoft released a fix.", "2013-09-18"),
        ("", "WASHINGTON, DC, April 28, 2009 (ENS) - The agency revoked a rule.", "2009-04-28"),
        ("Quake", "27 NOVEMBER, 2005\nA quake hit the island.", "2005-11-27"),
        ("Rule", "updated 8:41 p.m. EST, Tue March 3, 2009\nThe president signed it.", "2009-03-03"),
        ("Arrest", "on Feb. 04, 2009\nA player was arrested.", "2009-02-04"),
        ("Obituary", "Page was born on April 22, 1923, in Nashville.\nShe died on Thursday.", None),
        ("Rehab", "Reid checked herself in on Tuesday, December 9, 2008.", None),
        ("Deep", "one\ntwo\nthree\nfour\nfive\nMay 2, 2013", None),  # only the opening lines
        ("Bad", "February 30, 2013\nNo such day.", None),
    ],
)
def test_date_from_dateline(title, text, expected):
    assert date_from_dateline(title, text) == expected
