"""Happenings told only inside someone's quoted words fold into the quote's statement claim.

"'I made the decision because I felt we were not progressing,' said Stefanski" is one statement:
Stefanski's. Reading "felt" or "progressing" out of the quote as a happening of its own lists the
same sentence twice, once without its speaker. A happening stated only within quotes is kept as
a mention of the say claim (its words still anchor the evaluation); a happening any report
narrates outside quotes stays a claim of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newsfuse.records.claims import Claim, EventMention


def fold_quoted(claims: Sequence[Claim]) -> tuple[list[Claim], dict[str, str]]:
    """Claims whose every piece of evidence has its event word inside a quote claim's quoted words, folded."""
    quoted: dict[str, list[tuple[int, int, int]]] = {}  # article -> (quote start, end, index of the say claim)
    for n, claim in enumerate(claims):
        if claim.quote:
            for e in claim.evidence:
                quoted.setdefault(e.article_id, []).append((e.start, e.end, n))
    into: dict[int, int] = {}
    for n, claim in enumerate(claims):
        if claim.quote or not claim.evidence:
            continue
        homes = Counter()
        for e in claim.evidence:
            at = e.trigger_start if e.trigger_start is not None else e.start
            home = next((q for start, end, q in quoted.get(e.article_id, ()) if start <= at < end), None)
            if home is None:
                break
            homes[home] += 1
        else:
            into[n] = homes.most_common(1)[0][0]
    if not into:
        return list(claims), {}
    out = list(claims)
    for n, home in into.items():
        folded = claims[n]
        extra = tuple(
            EventMention(e.article_id, e.trigger_start if e.trigger_start is not None else e.start,
                         e.trigger_end if e.trigger_end is not None else e.end, e.sentence_start, e.sentence_end, "")
            for e in folded.evidence
        )  # fmt: skip
        out[home] = replace(out[home], mentions=out[home].mentions + extra + folded.mentions)
    renamed = {claims[n].id: claims[home].id for n, home in into.items()}
    return [c for n, c in enumerate(out) if n not in into], renamed
