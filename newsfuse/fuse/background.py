"""Background told without a date: a report's sentence that says it is about an earlier time.

Dated claims far from the event's time are marked in record.py; many background statements carry no
date the extractor resolves ("he was previously convicted", "in 2005", "last year"). A claim all of whose
sentences say so is background. The past perfect alone is no cue: news narrates the event itself in it
("Woods had spent the day of the murder with Malcolm").
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


def told_as_earlier(evidence: Evidence, event_year: int | None) -> bool:
    """Whether the sentence places what it states before the event: a cue for an earlier time or a year before
    the event's."""
    offset = evidence.sentence_start
    clause = evidence.text[max(0, evidence.start - offset) : max(0, evidence.end - offset)] or evidence.text
    if _EARLIER.search(clause):
        return True
    return event_year is not None and any(int(y) < event_year for y in _YEAR.findall(clause))


def undated_background(claim: Claim, event_year: int | None) -> bool:
    """An undated claim every sentence of which is told as earlier than the event."""
    if claim.time is not None or not claim.evidence:
        return False
    return all(told_as_earlier(e, event_year) for e in claim.evidence)
