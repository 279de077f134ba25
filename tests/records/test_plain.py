"""``plain`` gives exactly ``dataclasses.asdict``'s output for event records and extractions (types included)."""

from __future__ import annotations

import dataclasses
from enum import Enum

from newsfuse.bench.service_corpus import build_corpus
from newsfuse.records.mentions import ArticleExtraction, EntityMention, Sentence
from newsfuse.records.plain import plain


def test_event_records_as_asdict_has_them():
    records = build_corpus(60, seed=3).records
    assert any(r.contradictions for r in records)
    for record in records:
        expected = dataclasses.asdict(record)
        assert plain(record) == expected and repr(plain(record)) == repr(expected)  # tuples stay tuples


def test_extraction_as_asdict_has_it():
    extraction = ArticleExtraction(
        article_id="a1",
        language="en",
        published="2025-08-19",
        sentences=(Sentence(0, 10),),
        entities=(EntityMention(0, 4, "Oslo", "GPE", "ent_1"),),
        extra={"note": ["kept", {"nested": (1, 2.5, None)}]},
    )
    assert repr(plain(extraction)) == repr(dataclasses.asdict(extraction))


def test_other_values_are_handled_as_asdict_does():
    class Colour(Enum):
        RED = "red"

    @dataclasses.dataclass
    class Box:
        colour: Colour
        items: frozenset

    box = Box(Colour.RED, frozenset({1}))
    assert repr(plain(box)) == repr(dataclasses.asdict(box))
