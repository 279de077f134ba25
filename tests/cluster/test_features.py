"""Clustering features: the fast name and person patterns match what their plain forms match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.cluster import crosslingual, features
from newsfuse.records.article import Article

# The patterns as first written: each starts with a lookbehind or \b, tried at every position.
# Names start with a capital of any script ("Élan"), as ``crosslingual.UPPER`` lists them.
PLAIN_NAME_RUN = re.compile(rf"(?:\b[{crosslingual.UPPER}][\w'\-]*[^\W_](?:[ \t]+|\b))+")
PLAIN_PERSON_RUN = re.compile(
    r"(?<!\bthe )(?<!\bThe )\b[A-Z][\w'\-]*[a-z](?:[ ]+(?:[A-Z]\.[ ]+)?[A-Z][\w'\-]*[a-z])*\b"
)

# Pieces that exercise every boundary the patterns care about.
PIECES = st.sampled_from(
    [
        "the ",
        "The ",
        "Tara",
        "Reid",
        "O'Neil",
        "Jean-Luc",
        "J. ",
        "McDonald's",
        "É",
        "Élan",
        "ü",
        "ß",
        "x",
        "A",
        "Z",
        "a",
        "z",
        " ",
        "  ",
        "\t",
        "\n",
        ",",
        ".",
        "-",
        "'",
        "_",
        "1",
        "12",
        "123",
        "1,234",
        ",000",
        "9",
        "0",
        "٣",
        "(",
        ")",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_fast_patterns_match_the_plain_ones(text):
    assert features._NAME_RUN.findall(text) == PLAIN_NAME_RUN.findall(text)
    assert features._PERSON_RUN.findall(text) == PLAIN_PERSON_RUN.findall(text)


def test_names_numbers_and_surnames_of_a_report():
    text = (
        "Jamal Williams was arrested on Tuesday after the Chargers game, police said. Williams, 26, paid "
        "$2,500 bail. The San Diego Chargers said 1,250 fans saw the 2013 incident; 45 were questioned."
    )
    found = features.features_of(Article(id="a1", text=text, published="2013-06-04"))
    assert {"#2500", "#1250", "#2013"} <= found.names.keys() and "#45" not in found.names and "#26" not in found.names
    assert "jamal_williams" in found.names and "san_diego_chargers" in found.names
    assert set(found.persons) == {"williams"}  # "the Chargers" names a team, not a person
