"""Which contradiction flags an analyst would call real disputes, precision first.

A flag is kept only where two independent sources disagree about one slot of the event's own
happening: not about background (a career, a treaty years earlier), not inside someone's quoted
words folded into a statement, and not about a year. Reports name seasons, editions and tenures by
year ("the 2014 Oscars", "director (1999-2003)") and date a happening loosely at that grain, so
two years are no evidence that two sources disagree on when it happened; a day or a month is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsfuse.records.claims import Claim, Contradiction

MAX_TIME_SPAN_DAYS = 31  # a month or finer


def real_disputes(
    contradictions: Iterable[Contradiction], claims: Sequence[Claim], folded: Iterable[str] = ()
) -> list[Contradiction]:
    """The contradictions worth flagging, of the record's final ``claims``; ``folded``: ids of claims kept only as
    mentions of another (their disagreement is not the kept claim's)."""
    by_id = {c.id: c for c in claims}
    gone = set(folded)
    out = []
    for contradiction in contradictions:
        claim = by_id.get(contradiction.claim_id)
        if claim is None or claim.background or contradiction.claim_id in gone:
            continue
        if contradiction.slot == "time" and not all(_fine(side.value) for side in contradiction.sides):
            continue
        out.append(contradiction)
    return out


def _fine(value) -> bool:
    if value.lower is None or value.upper is None:
        return False
    return value.upper - value.lower <= MAX_TIME_SPAN_DAYS
