"""Tense of the clause around a position, from words alone: is "on Tuesday" in the future or the past?

The pipeline runs without tagger and parser (they would cost half the extraction time), so the
verb a date belongs to is approximated by the tense marker nearest before it (after it, when
none precedes): first within its own comma-delimited phrase ("The plan, announced Friday, will
cut costs": "announced"), else within its clause (up to sentence punctuation, semicolons, "that" and relative-clause commas). Future
markers are auxiliaries and constructions ("will", "is set to", "scheduled to"); past markers
past-tense verbs. Future in the past ("said it would close plants on Monday", "was due to
meet Friday") is "near": neither direction from the publication date is implied, and the nearest
matching day is taken. The present progressive ("are counting on Nov. 8") gives no direction.
"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:(?:will|shall|should|'ll)(?:\s+not)?(?:\s+\w+ly)?(?:\s+(?:be|have))?(?:\s+\w+ly)?\s+\w+|won't|"
    r"is going to|are going to|(?:is|are)\s+(?:also\s+)?(?:set|due|expected|scheduled|"
    r"slated|poised|likely|to)\b|(?:scheduled|slated|set|due|plans?|planned|planning|intends?|aims?|prepares?)\s+to\b|"
    r"to be held|upcoming|next|expects?|anticipates?|predicts?|forecasts?)\b",
    re.IGNORECASE,
)
# Future seen from a past reference point ("said it would", "was expected to").
_FUTURE_IN_PAST = re.compile(
    r"\b(?:would(?:\s+not)?(?:\s+\w+ly)?(?:\s+(?:be|have))?\s+\w+|was going to|were going to|(?:was|were)\s+(?:also\s+)?"
    r"(?:set|due|expected|scheduled|slated|poised|likely|to)\b)",
    re.IGNORECASE,
)
# The present progressive ("are counting on Nov. 8", "is raising questions about Monday's debate")
# says nothing about the date's direction, but is the verb nearest to it.
_PRESENT = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.IGNORECASE)
# The "futurate" present: a scheduled event in the simple present ("the offer expires Friday", "the
# trial starts Monday", "the fiscal year ends in June") lies ahead, as in the future tense.
_SCHEDULED = re.compile(
    r"\b(?:starts|begins|opens|ends|expires|closes|resumes|meets|convenes|kicks off|takes effect|comes into force|"
    r"goes into effect|is (?:on|scheduled for|slated for|set for))\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|has been|have been|\w+ed|said|told|met|made|took|began|came|went|held|gave|saw|spent|paid|"
    r"won|lost|left|flew|sold|bought|led|rose|fell|became|brought|ran|wrote|spoke|found|thought|got|kept|sent|"
    r"struck|shut|cut|hit|drew|grew|threw|broke|chose|stood|fought|caught|taught|sought|"
    r"built|felt|meant|won|swung|slid|sank|shrank|dove)\b",
    re.IGNORECASE,
)
# Clause edges: sentence punctuation, semicolons, and ", which"/", where"-style relative clauses.
# A full stop ends a clause unless it ends an initial, a title or an abbreviated month ("Michael M.
# Grynbaum", "on Nov. 8").
_BOUNDARY = re.compile(
    r"[;!?\n]|(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJan)(?<!\bFeb)(?<!\bMar)(?<!\bApr)"
    r"(?<!\bJun)(?<!\bJul)(?<!\bAug)(?<!\bSep)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bNo)\.(?=\s|$)|"
    r",\s+(?:which|where|when|who|while|but|and)\b|\bthat\b"
)
_PHRASE_EDGE = re.compile(r"[,—–()]")
# Words that look past (-ed) but are not verbs in the clause of a date.
_NOT_PAST = frozenset({"need", "speed", "feed", "seed", "bed", "red", "shed", "indeed", "hundred", "proceed"})


def _not_a_past_verb(word: str) -> bool:
    """ "-ed" words that are no verbs: "need", "hundred", and short capitalised names ("the Fed", "Ted", "Fred");
    a longer capitalised one may open a sentence or a title-case headline ("Closed", "Reported")."""
    return word.lower() in _NOT_PAST or (word[0].isupper() and len(word) <= 4 and word.lower().endswith("ed"))


def _clause(text: str, position: int) -> tuple[int, int]:
    """The span of the clause around ``position`` (up to its boundaries)."""
    window_start = max(0, position - 200)
    before = text[window_start:position]
    edges = list(_BOUNDARY.finditer(before))
    start = window_start + edges[-1].end() if edges else window_start
    after = text[position : position + 120]
    edge = _BOUNDARY.search(after)
    return start, position + (edge.start() if edge else len(after))


def _phrase(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The comma-delimited stretch of ``text[start:end]`` that holds ``position``."""
    edges = [m.start() + start for m in _PHRASE_EDGE.finditer(text, start, end)]
    left = max([e + 1 for e in edges if e < position] or [start])
    right = min([e for e in edges if e >= position] or [end])
    return left, right


def _markers(text: str, start: int, end: int, position: int) -> list[tuple[bool, int, str]]:
    """(after the date, distance to ``position``, direction) of every tense marker in ``text[start:end]``."""
    found: list[tuple[int, int, str]] = []
    patterns = ((_FUTURE, "future"), (_FUTURE_IN_PAST, "near"), (_SCHEDULED, "future"), (_PRESENT, "present"))
    for pattern, direction in (*patterns, (_PAST, "past")):
        for match in pattern.finditer(text, start, end):
            if direction == "past" and _not_a_past_verb(match.group()):
                continue
            if any(match.start() < e and s < match.end() for s, e, _ in found):
                continue  # "is expected to": the construction, not its participle
            found.append((match.start(), match.end(), direction))
    return [(e > position, position - e if e <= position else s - position, direction) for s, e, direction in found]


def direction_in_text(text: str, position: int) -> str | None:
    """ "future", "past", "near" (future in the past) or None (no tense marker in the clause)."""
    start, end = _clause(text, position)
    for lo, hi in (_phrase(text, start, end, position), (start, end)):
        markers = _markers(text, lo, hi, position)
        if markers:
            # The verb before a date governs it more often than the one after ("was elected in November
            # and scheduled to ..."); a date opening its clause takes the verb that follows.
            direction = min(markers, key=lambda m: (m[0], m[1], m[2] != "past"))[2]
            return None if direction == "present" else direction
    return None


def direction_at(doc, char: int) -> str | None:
    """The same for a spaCy ``Doc`` (kept for callers holding one)."""
    return direction_in_text(doc.text, char)
