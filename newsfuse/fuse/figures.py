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
    r"\b(?:(?P<digits>\d{1,3}(?:, ?\d{3})+|\d+(?:\. ?\d(?!\d)|\.\d+)?)|(?P<word>" + "|".join(_NUMBER_WORDS) + r"))\b",
    re.IGNORECASE,
)
_YEARS = range(1900, 2100)
_QUALIFIER = re.compile(r"\b(at least|more than|over|nearly|about|around|up to|some)\s*$", re.IGNORECASE)
_QUALIFIERS = {"at least": "at_least", "more than": "at_least", "over": "at_least", "up to": "at_most"}
# "the identities of three victims killed": some of the victims, named, not the toll
_SOME_OF = re.compile(r"\b(?:identit(?:y|ies)|names?|famil(?:y|ies)|relatives)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PART = re.compile(r"\s+of\s+(?:the|those|them)\b", re.IGNORECASE)  # "three of those killed": a part of the toll
TYPED = {"dead", "injured", "arrested", "missing", "displaced", "magnitude"}


def sentence_figures(text: str, start: int, end: int) -> list[ClaimValue]:
    """Typed counts and magnitudes in ``text[start:end]`` (a sentence): numbers with what they count."""
    out, listed = victim_lists(text, start, end)
    for match in _NUMBER.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in listed):
            continue  # "two men and a woman were killed": counted once, as the list
        if match.group("digits"):
            number = float(match.group("digits").replace(",", "").replace(" ", ""))
            if number in _YEARS and "." not in match.group("digits"):
                continue
        else:
            number = float(_NUMBER_WORDS[match.group("word").lower()])
        if (
            _PART.match(text, match.end())
            or not_a_count(text, match.start(), match.end())
            or _SOME_OF.search(text, max(start, match.start() - 20), match.start())
        ):
            continue
        qualifier = _QUALIFIER.search(text[max(start, match.start() - 14) : match.start()])
        kind = _QUALIFIERS.get(qualifier.group(1).lower(), "approximate") if qualifier else "exact"
        raw = ClaimValue("count", match.group(0), f"{number:g}", number, number, None, kind)
        typed = typed_kind(raw, text, match.start(), match.end())
        if typed.kind in TYPED:
            out.append(typed)
    return out


_PERSON = (
    r"(?:man|men|woman|women|boy|boys|girl|girls|child|children|son|sons|daughter|daughters|teen|teens|teenager|"
    r"teenagers|person|people|officer|officers|baby|toddler|brother|sister|mother|father|wife|husband|nephew|niece|"
    r"student|students|soldier|soldiers|civilian|civilians|bystander|bystanders|passenger|passengers)"
)
_ONE = {"a", "an", "one", "his", "her", "their", "another"}
_CONJUNCT = (
    r"(?:\b(?:a|an|one|his|her|their|another|\d+|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+(?:[\w'-]+\s+){0,2}?"
    + _PERSON
    + r"\b)"
)
_LIST = re.compile(_CONJUNCT + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _CONJUNCT + r")*\s*$", re.IGNORECASE)
_SUFFERED = re.compile(
    r"\b(?:were|was)\s+(?:(?P<fatally>fatally\s+|mortally\s+)|\w+ly\s+)?(?P<verb>killed|wounded|injured|hurt|shot)"
    r"(?P<dead>\s+(?:dead|to death))?\b",
    re.IGNORECASE,
)
_ONE_CONJUNCT = re.compile(_CONJUNCT, re.IGNORECASE)
_SOME_DIED = re.compile(r"\b(?:fatally|died|dead|killed|of them)\b", re.IGNORECASE)


def victim_lists(text: str, start: int, end: int) -> tuple[list[ClaimValue], list[tuple[int, int]]]:
    """Tolls stated as the people they befell: "a 2-year-old boy and a man were killed" (2 dead), "two men were
    shot" (2 injured: shot, not said to be dead). Returns the figures and the spans of the lists they came from."""
    out, spans = [], []
    for verb in _SUFFERED.finditer(text, start, end):
        found = _LIST.search(text[start : verb.start()])
        if found is None:
            continue
        total = 0
        for conjunct in _ONE_CONJUNCT.finditer(found.group(0)):
            first, noun = conjunct.group(0).split()[0].lower(), conjunct.group(0).split()[-1].lower()
            if first in _ONE:
                if noun.endswith(("men", "people", "children", "s")):
                    break  # "their sons were killed": how many is not said
                total += 1
            else:
                total += int(first) if first.isdigit() else _NUMBER_WORDS[first]
        else:
            if total == 0:
                continue
            word = verb.group("verb").lower()
            if (
                word == "shot"
                and not (verb.group("dead") or verb.group("fatally"))
                and _SOME_DIED.search(text, verb.end(), end)
            ):
                continue  # "five men were shot -- three of them fatally": how many were only hurt is not said
            # "was fatally shot", "mortally wounded": the victim died
            kind = "dead" if word == "killed" or verb.group("dead") or verb.group("fatally") else "injured"
            low = start + found.start()
            out.append(ClaimValue(kind, text[low : verb.end()], f"{total:g}", float(total), float(total)))
            spans.append((low, verb.end()))
    return out, spans


_MONTHS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_UNIT_AFTER = re.compile(
    r"^\s*(?::\s?\d|\)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|miles?|km|kilometers?|feet|"
    r"villages?|buildings?|houses?|homes?|blocks?|vehicles?|cars?|counts?|shots?|rounds?|percent|per cent|%|a\.m\.|p\.m\.|am\b|pm\b|mph|cats?|dogs?|times)\b|\s+and\s+\d+\s*-?\s*years?)",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(r"(?:\b(?:" + _MONTHS + r")[a-z]*\.?|:)\s*$", re.IGNORECASE)
_AGE_CLAUSE = re.compile(r"\b(?:was|is|were|are)\s*$", re.IGNORECASE)


def not_a_count(text: str, start: int, end: int) -> bool:
    """A number that counts no people: a clock time, a date, a measure ("for 48 years"), an age ("He was 95.")."""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 16]
    if _UNIT_AFTER.match(after) or _DATE_BEFORE.search(before) or text[start:end] == "911":
        return True
    return bool(_AGE_CLAUSE.search(before)) and bool(re.match(r"^\s*[.;]", after))


def key_figures(claims: Sequence[Claim], origins: Mapping[str, str]) -> tuple[KeyFigure, ...]:
    """Per figure type, the range of values over independent sources, from the best-ranked claim stating each."""
    seen: dict[str, dict[float, set[str]]] = defaultdict(lambda: defaultdict(set))
    first_claim: dict[str, str] = {}
    texts: dict[tuple[str, float], str] = {}
    for claim in claims:
        if claim.background:
            continue  # a toll of another happening (last year's attack, a roundup's count) is not this event's figure
        stated = [(v, claim.evidence) for v in claim.values]
        # each report's own sentence of the happening may give its own toll or magnitude
        stated += [((v, (e,))) for e in claim.evidence for v in _own_figures(claim, e)]
        for value, evidence in stated:
            if value.lower is None or value.kind not in TYPED:
                continue
            sources = {origins.get(e.article_id, e.article_id) for e in evidence}
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


def _own_figures(claim: Claim, evidence) -> tuple[ClaimValue, ...]:
    """Typed figures of one evidence sentence stated as done, for the happening its claim names."""
    if evidence.modality != "happened" or claim.background:
        return ()
    return figures_for(claim.action, evidence.text, 0, len(evidence.text))


# Which kinds of happening a figure type can measure: a toll belongs to the attack, not to the talks after it
MEASURES = {
    "dead": {"kill", "attack", "shoot", "quake", "hit", "crash", "fire"},
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
