"""Key figures: typed counts the reports state (dead, injured, arrested, magnitude), and their range across sources.

Extraction finds money and durations; the tolls of a happening ("killing 24", "five people were
injured", "a magnitude 6.1 quake") are read here from the sentences of the claims that state
them. The record's key figures give each type's range over independent sources ("5 to 24 dead").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsfuse.fuse.values import typed_kind
from newsfuse.records.claims import Claim, ClaimValue, KeyFigure

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "dozens": 24, "hundreds": 200, "a dozen": 12,
}  # fmt: skip
_NUMBER = re.compile(
    r"\b(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|(?P<word>" + "|".join(_NUMBER_WORDS) + r"))\b",
    re.IGNORECASE,
)
_YEARS = range(1900, 2100)
_QUALIFIER = re.compile(r"\b(at least|more than|over|nearly|about|around|up to|some)\s*$", re.IGNORECASE)
_QUALIFIERS = {"at least": "at_least", "more than": "at_least", "over": "at_least", "up to": "at_most"}
TYPED = {"dead", "injured", "arrested", "missing", "displaced", "magnitude"}


def sentence_figures(text: str, start: int, end: int) -> list[ClaimValue]:
    """Typed counts and magnitudes in ``text[start:end]`` (a sentence): numbers with what they count."""
    out = []
    for match in _NUMBER.finditer(text, start, end):
        if match.group("digits"):
            number = float(match.group("digits").replace(",", ""))
            if number in _YEARS and "." not in match.group("digits"):
                continue
        else:
            number = float(_NUMBER_WORDS[match.group("word").lower()])
        qualifier = _QUALIFIER.search(text[max(start, match.start() - 14) : match.start()])
        kind = _QUALIFIERS.get(qualifier.group(1).lower(), "approximate") if qualifier else "exact"
        raw = ClaimValue("count", match.group(0), f"{number:g}", number, number, None, kind)
        typed = typed_kind(raw, text, match.start(), match.end())
        if typed.kind in TYPED:
            out.append(typed)
    return out


def key_figures(claims: Sequence[Claim], origins: Mapping[str, str]) -> tuple[KeyFigure, ...]:
    """Per figure type, the range of values over independent sources, from the best-ranked claim stating each."""
    seen: dict[str, dict[float, set[str]]] = defaultdict(lambda: defaultdict(set))
    first_claim: dict[str, str] = {}
    texts: dict[tuple[str, float], str] = {}
    for claim in claims:
        for value in claim.values:
            if value.lower is None or value.kind not in TYPED:
                continue
            sources = {origins.get(e.article_id, e.article_id) for e in claim.evidence}
            seen[value.kind][value.lower] |= sources
            first_claim.setdefault(value.kind, claim.id)
            texts.setdefault((value.kind, value.lower), value.text)
    figures = []
    for kind, by_value in seen.items():
        low, high = min(by_value), max(by_value)
        sources = len(set().union(*by_value.values()))
        text = f"{low:g} {kind}" if low == high else f"{low:g} to {high:g} {kind}"
        if kind == "magnitude":
            text = f"magnitude {low:g}" if low == high else f"magnitude {low:g} to {high:g}"
        figures.append(
            KeyFigure(kind, text, f"{low:g}" if low == high else f"{low:g}/{high:g}", None, first_claim[kind], sources)
        )
    return tuple(sorted(figures, key=lambda f: -f.independent_sources))


# Which kinds of happening a figure type can measure: a toll belongs to the attack, not to the talks after it
MEASURES = {
    "dead": {"kill", "attack", "shoot", "quake", "hit", "crash", "fire", "hang"},
    "injured": {"injure", "attack", "shoot", "quake", "hit", "crash", "fire"},
    "arrested": {"arrest", "charge"},
    "missing": {"quake", "crash", "fire", "attack", "hit"},
    "displaced": {"quake", "fire", "attack", "hit"},
    "magnitude": {"quake", "hit"},
}


def figures_for(action: str | None, text: str, start: int, end: int) -> tuple[ClaimValue, ...]:
    """The sentence's typed figures that a happening of class ``action`` can have."""
    if action is None:
        return ()
    return tuple(v for v in sentence_figures(text, start, end) if action in MEASURES.get(v.kind, ()))
