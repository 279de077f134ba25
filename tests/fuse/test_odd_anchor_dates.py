"""Fusion's date anchoring never raises on an event date no arithmetic can start from (0001-01-01, garbage)."""

from __future__ import annotations

import pytest

from newsfuse.fuse.record import anchored
from newsfuse.records.mentions import ArticleExtraction, DateMention

UNDATED = ArticleExtraction(
    "a_undated", "en", None, dates=(DateMention(10, 19, "on Monday", None, "day", relative=True),)
)


@pytest.mark.parametrize("anchor", ["0001-01-01", "9999-12-31", "not a date", None])
def test_unusable_anchor_leaves_relative_dates_unresolved(anchor):
    assert anchored([UNDATED], anchor) == [UNDATED]


def test_a_usable_anchor_resolves_them():
    (resolved,) = anchored([UNDATED], "2025-08-20")
    assert resolved.dates[0].value == "2025-08-18" and resolved.dates[0].anchor == "2025-08-20"
