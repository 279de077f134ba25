"""Background told without a date: a report's sentence that says it is about an earlier time.

Dated claims far from the event's time are marked in record.py; many background statements carry no
date the extractor resolves ("she had hosted the show before", "he was previously convicted", "in 2005",
"last year"). A claim all of whose sentences say so is background.
"""

from __future__ import annotations

import re

from newsfuse.records.claims import Claim, Evidence

_EARLIER = re.compile(
    r"\b(?:previously|formerly|years? ago|decades? ago|last year|the year before|the previous year|"
    r"earlier (?:this|that|last) (?:year|decade)|in the past|once before|a year earlier|years earlier)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:in|since|by|of) ((?:19|20)\d\d)\b")
# "had hosted", "had been arrested", "had never won": the past before the past, when the outlet tells it itself
# ("had floored Lewis to win"); a comma ends it ("the gunman, who had been released, shot ...")
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:not|never|already|been|also|once|\w+ly)\s+){0,2}(?:\w+\s+[^,;]*)?$", re.IGNORECASE
)


def told_as_earlier(evidence: Evidence, event_year: int | None) -> bool:
    """Whether the sentence places what it states before the event: a cue for an earlier time, a year other than
    the event's, or the past perfect narrated by the outlet (not backshifted in reported speech)."""
    offset = evidence.sentence_start
    clause = evidence.text[max(0, evidence.start - offset) : max(0, evidence.end - offset)] or evidence.text
    if _EARLIER.search(clause):
        return True
    if event_year is not None and any(int(y) < event_year for y in _YEAR.findall(clause)):
        return True
    if evidence.attribution is not None or evidence.trigger_start is None:
        return False
    before = evidence.text[max(0, evidence.start - offset) : max(0, evidence.trigger_start - offset)]
    return bool(_PAST_PERFECT.search(before))


def undated_background(claim: Claim, event_year: int | None) -> bool:
    """An undated claim every sentence of which is told as earlier than the event."""
    if claim.time is not None or not claim.evidence:
        return False
    return all(told_as_earlier(e, event_year) for e in claim.evidence)
