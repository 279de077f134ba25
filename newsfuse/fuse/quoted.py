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

from spacy.tokens import Doc

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
        homes: Counter[int] = Counter()
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


def fold_reporting_quotes(claims: Sequence[Claim], parsed: dict[str, Doc]) -> tuple[list[Claim], dict[str, str]]:
    """A post or statement whose main verb is a happening with named participants ('"Gen Nakatani ... visited the
    Center," Baykar posted on NSosyal') is that happening told through a channel: one claim, the happening, with
    the post's speaker and channel as the attribution of its evidence; the say claim folds into it as a mention.
    Quotes said in person ("..., she said") stay statements: what someone says aloud is their account."""
    out = list(claims)
    trigger_of: dict[tuple[str, int], int] = {}
    for n, claim in enumerate(claims):
        if not claim.quote and claim.entity_ids():
            for e in claim.evidence:
                if e.trigger_start is not None:
                    trigger_of.setdefault((e.article_id, e.trigger_start), n)
    gone: dict[int, int] = {}
    for n, claim in enumerate(claims):
        if not claim.quote or len(claim.evidence) != 1 or not claim.evidence[0].channel:
            continue
        quote = claim.evidence[0]
        doc = parsed.get(quote.article_id)
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand") if doc is not None else None
        home = trigger_of.get((quote.article_id, span.root.idx)) if span is not None and len(span) else None
        if home is None:
            continue
        kept = out[home]
        evidence = tuple(
            replace(e, attribution=quote.attribution, attribution_kind="direct", channel=quote.channel)
            if e.article_id == quote.article_id and e.trigger_start == span.root.idx
            else e
            for e in kept.evidence
        )
        mention = EventMention(quote.article_id, quote.start, quote.end, quote.sentence_start, quote.sentence_end, "")
        out[home] = replace(kept, evidence=evidence, mentions=kept.mentions + (mention,) + claim.mentions)
        gone[n] = home
    renamed = {claims[n].id: claims[home].id for n, home in gone.items()}
    return [c for n, c in enumerate(out) if n not in gone], renamed
