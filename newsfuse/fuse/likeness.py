"""Whether two sentences of one event's reports tell the same happening: shared words that are not the story's own.

Reports of one event all repeat its topic ("heavyweight", "round", "shooting", the main names), so
sharing an action word and the topic says little: "Bowe ... stepped into the ring" and "the referee
stepped in" are two happenings of one fight night. Two tellings of one happening share specific
words beside the action word: the people, the place, the objects ("hit in the upper chest" / "hit
the baby in the upper torso"). Words most of the event's reports use count a quarter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
STEM = 5
TOPICAL_SHARE = 0.5  # a word in at least this share of the event's reports is the story's, not the happening's
TOPICAL_WEIGHT = 0.25
SAME_TELLING = 1.0
UNKNOWN_TELLING = 2.0
MIN_REPORTS = 4  # the fewest reports sharing a word that make it topical  # weighted shared words needed
CORROBORATING = 2  # specific words (not the story's own) two reports' sentences share when they tell one happening
_STOP = set(
    """
    with from that this their there they them then than were when what where which while would could should
    been have has had into over also about after before said says told according police officials authorities
    report reported reports people year years monday tuesday wednesday thursday friday saturday sunday today
    yesterday night morning afternoon evening week month time just only more most some other first last
    being does will your just like very such here those these even back still made make many much
    """.split()
)


@lru_cache(maxsize=1 << 16)  # one event's sentences are compared many times over
def stems(text: str) -> frozenset[str]:
    """Crude stems of a sentence's content words."""
    return frozenset(w.lower()[:STEM] for w in _WORD.findall(text) if w.lower() not in _STOP)


class Likeness:
    """Shared-word likeness of sentences within one event, with the event's topical words discounted."""

    def __init__(self, texts: Iterable[str]):
        texts = list(texts)
        counts: Counter = Counter()
        for text in texts:
            counts.update(stems(text) | numbers(text))
        floor = max(MIN_REPORTS, TOPICAL_SHARE * len(texts))
        self.topical = {s for s, n in counts.items() if n >= floor}  # two or three reports: every word counts

    def corroborates(self, a: str, b: str, action_words: Iterable[str] = ()) -> bool:
        """Whether two reports' sentences tell one happening by its specifics, as evidence of each other must.

        A shared action word and the story's topic are not enough ("Drake, which defeated Bradley" and
        "Creighton defeats Drake"; "46 arrested" and "one person was arrested"): they must share a number
        (a toll, an address, an age) or ``CORROBORATING`` words the event's other reports do not all use,
        and name no other people or places.
        """
        if a == b:
            return True
        if self.apart(a, b):
            return False
        if numbers(a) & numbers(b) - self.topical:
            return True
        shared = stems(a) & stems(b) - {w.lower()[:STEM] for w in action_words} - self.topical
        return len(shared) >= CORROBORATING

    def apart(self, a: str, b: str, days: bool = True, named: bool = True, disputed: bool = False) -> bool:
        """Whether two sentences' specifics tell two happenings: other names, other weekdays ("arrested on
        Friday night", "arrested on Saturday"; unless ``days`` is False: "Sudan bombed the camp on Thursday"
        and "we did not bomb it, its spokesman said on Friday"), or figures with none in common (another count
        or address). With ``disputed`` (two reports' leads), two tolls ("five hurt", "injured three") are no such
        figures: leads giving the main happening's toll differently are a dispute (disputes.py), not two
        happenings; elsewhere "46 arrested" and "one person was arrested" are two arrests."""
        names_a, names_b = names(a), names(b)
        if named and names_a and names_b and not names_a & names_b:
            return True  # (not for leads: "off south Iran" and "on Qeshm island" name one quake's place)
        days_a, days_b = weekdays(a), weekdays(b)
        if days and days_a and days_b and not days_a & days_b:
            return True
        numbers_a, numbers_b = numbers(a), numbers(b)
        if not (numbers_a and numbers_b) or numbers_a & numbers_b:
            return False
        return not (disputed and tolls(a) and tolls(b))

    def score(self, a: str, b: str, action_words: Iterable[str] = ()) -> float:
        shared = stems(a) & stems(b) - {w.lower()[:STEM] for w in action_words}
        return sum(TOPICAL_WEIGHT if s in self.topical else 1.0 for s in shared)

    def same(self, a: str, b: str, action_words: Iterable[str] = (), known: bool = True) -> bool:
        """Whether ``a`` and ``b`` can tell one happening (the sentence itself always does).

        Sentences that both name people or places but none in common tell different happenings
        ("Bowe's win over Pukall", "Klitschko's win over Rahman"). A word outside the action lexicon
        (``known`` False: "parked", "ran") needs more shared words than "killed" or "shot".
        """
        if a == b:
            return True
        names_a, names_b = names(a), names(b)
        if names_a and names_b and not names_a & names_b:
            return False
        return self.score(a, b, action_words) >= (SAME_TELLING if known else UNKNOWN_TELLING)


_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_NUMBER_WORDS = {  # as digits, so "six" and "6" are one figure
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "dozen": "12", "dozens": "dozens", "hundreds": "hundreds"}


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@lru_cache(maxsize=1 << 16)
def numbers(text: str) -> frozenset[str]:
    """The figures a sentence states ("46", "1200", "six" as "6"; not "one of" or "two of"): specifics two
    tellings of one happening share, and figures that tell two happenings apart ("46 arrested", "one arrested")."""
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    words = re.findall(r"[a-z]+", text.lower())
    found |= {
        _NUMBER_WORDS[w]
        for w, after in zip(words, [*words[1:], ""], strict=True)
        if w in _NUMBER_WORDS and after != "of"
    }
    found -= {"1"} if "one another" in text.lower() else set()
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def tolls(text: str) -> bool:
    """Whether a sentence states a typed count (dead, injured, arrested, a magnitude)."""
    from newsfuse.fuse.figures import TYPED, sentence_figures  # figures reads sentences; likeness is below it

    return any(v.kind in TYPED for v in sentence_figures(text, 0, len(text)))


@lru_cache(maxsize=1 << 16)
def weekdays(text: str) -> frozenset[str]:
    """The days of the week a sentence names."""
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w in _WEEKDAYS)


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?\b")
_NOT_NAMES = set(
    """
    The This That These Those There Their They Then When Where While After Before His Her Its Our
    Police Officers Officials Authorities Sheriff Deputies Mr Mrs Ms Dr Jr Sr According Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Street Avenue Road County City State Department Office News
    """.split()
)


@lru_cache(maxsize=1 << 16)
def names(text: str) -> frozenset[str]:
    """Capitalised words inside a sentence (not its first word): the people and places it names."""
    words = text.split()
    if sum(w[:1].isupper() for w in words) > len(words) / 2:
        return frozenset()  # a Title Case headline: its capitals name nothing in particular
    return frozenset(w[:STEM].lower() for w in _NAME.findall(text) if w not in _NOT_NAMES)


def comparable_sides(sides: list) -> list:
    """The sides of a value dispute that speak of one happening, the first (best-supported) side's.

    Precision first: a side stated with no status in common with the first ("hosted in 2007"
    against "will host next year") or naming other actors beside those all sides share ("the
    Orioles offered $140 million" against "the Red Sox offered $184 million") is another happening.
    """
    if len(sides) < 2:
        return sides
    named = [frozenset().union(*(names(e.text) for e in side.evidence)) for side in sides]
    first_status = {e.modality for e in sides[0].evidence}
    kept = [sides[0]]
    for side, own in zip(sides[1:], named[1:], strict=True):
        if not first_status & {e.modality for e in side.evidence}:
            continue
        if named[0] - own and own - named[0]:
            continue  # each names someone the other does not: other actors
        kept.append(side)
    return kept
