"""Typed figures read from sentences: tolls and magnitudes, never ages, clock times, dates or measures."""

from __future__ import annotations

import pytest

from newsfuse.fuse.figures import sentence_figures


def _figures(text: str) -> list[tuple[str, float]]:
    return [(v.kind, v.lower) for v in sentence_figures(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Mark Felt, the FBI official known as Deep Throat, died at 95.",
        "W. Mark Felt died Thursday at the age of 95.",
        "Armando Rodrigo Garcia-Ramires, 36, has been arrested.",
        "Takiya Holmes, 11, died Tuesday morning.",
        "He died at 12:45 p.m. on Thursday at his home.",
        "Hoover, who had run the bureau for 48 years, died in May 1972.",
        "He was 95.\nHe died at home.",
        "The bodies of two women -- 68 and 48-years-old -- were found dead.",
        "Jon Berg and Ola Dahl, both 44, died at the scene.",
    ],
)
def test_an_age_a_clock_time_or_a_measure_is_no_toll(text):
    assert [k for k, v in _figures(text) if v != 2] == []


def test_the_verb_before_a_number_says_what_it_counts():
    assert _figures("That temblor killed at least six people, injured almost 50 and damaged homes.") == [
        ("dead", 6.0),
        ("injured", 50.0),
    ]


def test_magnitudes_and_thousands_written_with_spaces():
    assert _figures("The 6. 1 - magnitude quake struck Qeshm.") == [("magnitude", 6.1)]
    assert _figures("A quake killed more than 26, 000 people in Bam.") == [("dead", 26000.0)]


def test_villages_are_not_people():
    assert _figures("The quake flattened seven villages and killed 10 people.") == [("dead", 10.0)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("A 2-year-old boy and a man were killed when a gunman opened fire.", [("dead", 2.0)]),
        ("Two men and a woman were wounded in the blast on Friday.", [("injured", 3.0)]),
        ("Two men were shot on Monday night in Lawndale.", [("injured", 2.0)]),
        ("Two men were shot dead outside the bar.", [("dead", 2.0)]),
        ("A man and his 2-year-old son were killed, and a woman was wounded.", [("dead", 2.0), ("injured", 1.0)]),
        ("Their sons were killed in the war.", []),
        ("Five men were shot -- three of them fatally -- on Wednesday.", []),
        ("One man was fatally shot outside the bakery on Sunday.", [("dead", 1.0)]),
    ],
)
def test_a_toll_stated_as_its_victims_is_counted(text, figures):
    assert _figures(text) == figures
