"""Realistic syndication edits for the near-duplicate benchmark: what a copy of a wire story looks like.

Each copy gets two to four edits drawn at random (seeded): a new byline, a dateline with an agency
credit, boilerplate appended, truncation, a dropped paragraph or sentence, light rewording.
"""

from __future__ import annotations

import random
import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
_BYLINES = ("By Staff Reporter", "By {name}, Associated Press Writer", "By {name} | Reuters", "{name}, Correspondent")
_NAMES = ("Anna Kowalski", "James Okafor", "Priya Raman", "Tom Becker", "Lucia Ferri", "Daniel Cho")
_AGENCIES = ("(AP)", "(Reuters)", "(AFP)", "(dpa)", "-- ")
_CITIES = ("NEW YORK", "LONDON", "WASHINGTON", "PARIS", "NEW DELHI", "SYDNEY")
_BOILERPLATE = (
    "Copyright {year} The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest updates. Sign up for our daily newsletter.",
    "Reporting by {name}; Editing by {other}",
    "This article was generated from an automated news agency feed without modifications to text.",
    "Related: More stories from our partners. Advertisement.",
)
# Light rewording that keeps meaning: the kind of edits copy desks make.
_SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "after": "following", "before": "ahead of",
    "about": "around", "people": "persons", "killed": "left dead", "big": "large", "started": "began",
    "also": "additionally", "but": "however,", "because": "as", "many": "numerous", "help": "assist",
    "show": "indicate", "buy": "purchase", "police": "officers", "officials": "authorities", "near": "close to",
}


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _byline(rng: random.Random, sentences: list[str]) -> list[str]:
    return [rng.choice(_BYLINES).format(name=rng.choice(_NAMES)), *sentences]


def _dateline(rng: random.Random, sentences: list[str]) -> list[str]:
    if not sentences:
        return sentences
    prefix = f"{rng.choice(_CITIES)} {rng.choice(_AGENCIES)} - "
    return [prefix + sentences[0], *sentences[1:]]


def _boilerplate(rng: random.Random, sentences: list[str]) -> list[str]:
    line = rng.choice(_BOILERPLATE).format(year=rng.randint(2005, 2024), name=rng.choice(_NAMES), other=rng.choice(_NAMES))
    return [*sentences, line]


def _truncate(rng: random.Random, sentences: list[str]) -> list[str]:
    keep = max(2, round(len(sentences) * rng.uniform(0.6, 0.9)))
    return sentences[:keep]


def _drop(rng: random.Random, sentences: list[str]) -> list[str]:
    if len(sentences) < 4:
        return sentences
    gone = rng.randrange(1, len(sentences))
    return sentences[:gone] + sentences[gone + 1 :]


def _reword(rng: random.Random, sentences: list[str]) -> list[str]:
    out = []
    for sentence in sentences:
        words = sentence.split(" ")
        for i, word in enumerate(words):
            swap = _SYNONYMS.get(word.lower())
            if swap and rng.random() < 0.6:
                words[i] = swap
        out.append(" ".join(words))
    return out


EDITS = {
    "byline": _byline,
    "dateline": _dateline,
    "boilerplate": _boilerplate,
    "truncation": _truncate,
    "dropped_passage": _drop,
    "rewording": _reword,
}


def syndicate(text: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """A syndicated copy of ``text`` and the names of the edits applied to it."""
    names = tuple(sorted(rng.sample(sorted(EDITS), rng.randint(2, 4))))
    sentences = split_sentences(text)
    for name in ("rewording", "truncation", "dropped_passage", "dateline", "byline", "boilerplate"):
        if name in names:
            sentences = EDITS[name](rng, sentences)
    separator = "\n" if rng.random() < 0.5 else " "
    return separator.join(sentences), names
