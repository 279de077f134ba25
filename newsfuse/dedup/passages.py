"""Aligning the sentences of two texts: the evidence that one copies or rewrites the other."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from newsfuse.dedup.text import SentenceSpan
from newsfuse.records.relations import SharedPassage


@dataclass(frozen=True, slots=True)
class IndexedSentences:
    """Sentences with, for each content word, the positions of the sentences holding it."""

    spans: Sequence[SentenceSpan]
    positions: dict[str, list[int]]


def indexed(sentences: Sequence[SentenceSpan]) -> IndexedSentences:
    positions: dict[str, list[int]] = {}
    for position, sentence in enumerate(sentences):
        for word in sentence.words:
            positions.setdefault(word, []).append(position)
    return IndexedSentences(sentences, positions)


def align(
    later: Sequence[SentenceSpan], earlier: Sequence[SentenceSpan] | IndexedSentences, min_overlap: float
) -> list[SharedPassage]:
    """Each sentence of ``later`` paired with its best match in ``earlier`` when enough content words recur.

    Overlap is measured on the later sentence's content words, so a rewrite that trims a sentence
    still matches the original it came from. ``earlier`` may come indexed (reused for many ``later``).
    """
    if not isinstance(earlier, IndexedSentences):
        earlier = indexed(earlier)
    index, spans = earlier.positions, earlier.spans
    pairs: list[SharedPassage] = []
    for sentence in later:
        # Counted in C; the max below breaks ties by position, so counting order does not matter.
        hits = Counter(chain.from_iterable([index[w] for w in sentence.words if w in index]))
        if not hits:
            continue
        position, shared = max(hits.items(), key=lambda item: (item[1], -item[0]))
        overlap = shared / len(sentence.words)
        match = spans[position]
        if overlap >= min_overlap and not house_style(sentence, match):
            pairs.append(SharedPassage(sentence.start, sentence.end, match.start, match.end, overlap))
    return pairs


def house_style(a: SentenceSpan, b: SentenceSpan) -> bool:
    """Whether two alike sentences are one template filled with different details: each names people,
    places or numbers the other lacks and they share none ("A 17-year-old boy was fatally shot in
    Englewood ..., according to ... the Cook County medical examiner's office" and "A 25-year-old man was
    fatally shot in Austin ..."), or share only the house's fixed names while every number differs. A rewrite
    keeps, trims or adds details; it does not swap every one of them."""
    if not (a.specifics - b.specifics and b.specifics - a.specifics):
        return False
    numbers_a = {s for s in a.specifics if s.isdigit()}
    numbers_b = {s for s in b.specifics if s.isdigit()}
    return not (a.specifics & b.specifics) or bool(numbers_a and numbers_b and not numbers_a & numbers_b)


def in_order(pairs: Sequence[SharedPassage]) -> list[SharedPassage]:
    """The longest run of aligned pairs whose positions increase in both texts (the order of facts kept)."""
    tails: list[int] = []  # smallest other_start ending an increasing run of each length
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for i, pair in enumerate(pairs):
        length = bisect_left(tails, pair.other_start)
        if length == len(tails):
            tails.append(pair.other_start)
            tail_index.append(i)
        else:
            tails[length] = pair.other_start
            tail_index[length] = i
        previous[i] = tail_index[length - 1] if length else -1
    run: list[SharedPassage] = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        run.append(pairs[i])
        i = previous[i]
    return run[::-1]
