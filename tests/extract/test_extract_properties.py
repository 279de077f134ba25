"""Properties every extraction keeps on any text: no crash, and every mention's offsets index the article text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.extract import extract_and_resolve
from newsfuse.extract.dates import reanchor
from newsfuse.records import Article

PIECES = [
    "Tuesday",
    "on Aug. 19",
    "fiscal 2027",
    "by the end of",
    "200 billion yen",
    "($1.4 billion)",
    "“",
    "”",
    '"',
    "Yaşar Güler",
    "Güler said",
    "(TUSAŞ)",
    "Turkish Aerospace Industries",
    "according to",
    "a source said",
    ".",
    ",",
    "more than an hour and a half",
    "over-90-minute",
    "last week",
    "2024",
    "May",
    "12/31/99",
    "\n\n",
    "Türkiye",
    "Japanese",
    "Defense Minister",
    "his counterpart,",
    "CEO",
    "and",
    "9999",
    "0",
    "€",
    "%",
    "the 1990s",
    "next",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=8)), min_size=0, max_size=60),
    published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_offsets_always_index_the_text(models, words, published):
    text = " ".join(words)
    (extraction,) = extract_and_resolve([Article(id="a_prop", text=text, published=published)], models)
    for kind in ("entities", "dates", "money", "quantities", "quotes", "places"):
        for mention in getattr(extraction, kind):
            assert text[mention.start : mention.end] == mention.text, (kind, mention)
    for fact in extraction.roles:
        assert text[fact.start : fact.end] == fact.text
    anchored = reanchor(extraction, "2025-08-19", models.currency_converter())
    assert len(anchored.dates) == len(extraction.dates)
