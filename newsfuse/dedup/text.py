"""Text views dedup compares: word shingles, content words and sentences with their offsets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from newsfuse.records.article import normalise_text

_WORD = re.compile(r"\w+", re.UNICODE)
# Sentence ends: terminal punctuation (optionally closed by a quote) before a space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+|\n\s*")
_SPECIFIC = re.compile(r"\b(?:[A-Z][\w'\-]*|\d+)\b")
_STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i if in into is it its not of on or our"
    " she so than that the their them then there these they this those to was we were which who will with would"
    " you your said says also after before about over more most its".split()
)


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int
    end: int
    words: frozenset[str]  # content words, case-folded
    # Names and numbers after the sentence's first word, case-folded: what makes it about one happening.
    specifics: frozenset[str] = frozenset()


def body_hash(text: str) -> str:
    """Hash of the normalised body: equal for texts that differ only in case, spacing and quote style."""
    return hashlib.sha256(normalise_text(text).encode()).hexdigest()[:32]


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = 4) -> set[str]:
    """Overlapping word n-grams: what near-duplicates share even after cuts and light edits."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return set(map(" ".join, zip(*(tokens[i:] for i in range(size)), strict=False)))


def content_words(text: str) -> set[str]:
    # Short numbers ("2", "10") recur everywhere; years and amounts are worth keeping.
    found = set(words(text)) - _STOPWORDS
    return {w for w in found if not w.isdigit() or len(w) > 2}


def sentences(text: str, min_words: int = 4) -> list[SentenceSpan]:
    """Sentences (or lines) of ``text`` with at least ``min_words`` content words, as offsets."""
    out: list[SentenceSpan] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_sentence(text, start, match.start(), min_words, out)
        start = match.end()
    _add_sentence(text, start, len(text), min_words, out)
    return out


def _add_sentence(text: str, start: int, end: int, min_words: int, out: list[SentenceSpan]) -> None:
    while start < end and text[start].isspace():
        start += 1
    found = content_words(text[start:end])
    if len(found) >= min_words:
        details = frozenset(m.casefold() for m in _SPECIFIC.findall(text, start, end)[1:])
        out.append(SentenceSpan(start, end, frozenset(found), details))


def containment(smaller: set[str], larger: set[str]) -> float:
    """Share of ``smaller`` found in ``larger`` (0 when ``smaller`` is empty)."""
    if not smaller:
        return 0.0
    return len(smaller & larger) / len(smaller)
