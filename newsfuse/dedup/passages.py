"""Aligning the sentences of two texts: the evidence that one copies or rewrites the other."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from newsfuse.dedup.text import SentenceSpan
from newsfuse.records.relations import SharedPassage


def align(later: Sequence[SentenceSpan], earlier: Sequence[SentenceSpan], min_overlap: float) -> list[SharedPassage]:
    """Each sentence of ``later`` paired with its best match in ``earlier`` when enough content words recur.

    Overlap is measured on the later sentence's content words, so a rewrite that trims a sentence
    still matches the original it came from.
    """
    index: dict[str, list[int]] = {}
    for position, sentence in enumerate(earlier):
        for word in sentence.words:
            index.setdefault(word, []).append(position)
    pairs: list[SharedPassage] = []
    for sentence in later:
        hits: dict[int, int] = {}
        for word in sentence.words:
            for position in index.get(word, ()):
                hits[position] = hits.get(position, 0) + 1
        if not hits:
            continue
        position, shared = max(hits.items(), key=lambda item: (item[1], -item[0]))
        overlap = shared / len(sentence.words)
        if overlap >= min_overlap:
            match = earlier[position]
            pairs.append(SharedPassage(sentence.start, sentence.end, match.start, match.end, overlap))
    return pairs


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
