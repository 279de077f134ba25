"""Sentence alignment and the in-order run used as rewrite evidence."""

from __future__ import annotations

from newsfuse.dedup.passages import align, in_order
from newsfuse.dedup.text import sentences, shingles
from newsfuse.records.relations import SharedPassage


def _pair(other_start: int) -> SharedPassage:
    return SharedPassage(other_start * 10, other_start * 10 + 5, other_start, other_start + 1, 1.0)


def test_in_order_keeps_the_longest_increasing_run():
    pairs = [_pair(p) for p in (5, 1, 2, 9, 3, 4, 0)]
    assert [p.other_start for p in in_order(pairs)] == [1, 2, 3, 4]
    assert in_order([]) == []


def test_align_matches_trimmed_sentences_to_their_source():
    earlier = "The minister met his counterpart in Ankara on Tuesday. Talks covered drones and shipbuilding."
    later = "Drones and shipbuilding featured in the talks. Weather was fine."
    pairs = align(sentences(later), sentences(earlier), 0.4)
    assert len(pairs) == 1
    assert earlier[pairs[0].other_start : pairs[0].other_end].startswith("Talks covered")


def test_shingles_are_word_ngrams_of_folded_text():
    assert shingles("A b C d e", 4) == {"a b c d", "b c d e"}
    assert shingles("two words", 4) == {"two words"}


def test_align_against_indexed_sentences_gives_the_same_pairs():
    from newsfuse.dedup.passages import indexed

    earlier = "The minister met his counterpart in Ankara on Tuesday. Talks covered drones and shipbuilding."
    later = "Drones and shipbuilding featured in the talks. The minister met his counterpart in Ankara."
    plain = align(sentences(later), sentences(earlier), 0.4)
    assert align(sentences(later), indexed(sentences(earlier)), 0.4) == plain
    assert len(plain) == 2
