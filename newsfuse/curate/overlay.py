"""The analyst's overrides laid over fused records each time one is stored, so they hold through re-fusion:
pinned headlines, rejected or confirmed claims, and outlet names given to a host. Sources also read as
sources here: an outlet without a name shows its web host, an untitled report its first sentence, marked."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from newsfuse.records.claims import Claim, EventRecord
from newsfuse.records.corrections import Correction

CONFIRMED = "confirmed by an analyst"
UNTITLED = "[untitled] "  # starts a title made from the report's first sentence
TITLE_WORDS = 16
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")


def first_sentence(text: str) -> str:
    """The first sentence of a text, cut to a headline's length."""
    sentence = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    words = sentence.split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def host_of(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def apply_overrides(
    records: Sequence[EventRecord], corrections: Sequence[Correction], texts: Mapping[str, str] | None = None
) -> list[EventRecord]:
    """Later corrections win over earlier ones of the same kind and target; ``texts`` (article id -> text)
    gives untitled reports a title."""
    pins = {c.target: c.payload["headline"] for c in corrections if c.kind == "pin"}
    verdicts = [_Verdict.of(c) for c in corrections if c.kind == "claim"]  # in log order: the latest wins
    outlets = {c.target: c.payload["name"] for c in corrections if c.kind == "outlet"}
    return [_curated(r, pins, verdicts, outlets, texts or {}) for r in records]


def statement_anchor(claim: Claim) -> list | None:
    """Where a claim's statement stands: the article and sentence start of the evidence it is read from."""
    stating = next((e for e in claim.evidence if e.text and e.text in claim.statement), None)
    stating = stating or (claim.evidence[0] if claim.evidence else None)
    return [stating.article_id, stating.sentence_start] if stating else None


@dataclass(frozen=True, slots=True)
class _Verdict:
    claim_id: str
    verdict: str
    predicate: str | None
    anchor: tuple[str, int] | None

    @classmethod
    def of(cls, correction: Correction) -> _Verdict:
        anchor = correction.payload.get("anchor")
        return cls(
            correction.target,
            correction.payload["verdict"],
            correction.payload.get("predicate"),
            (anchor[0], anchor[1]) if anchor else None,
        )

    def covers(self, claim: Claim) -> bool:
        """The judged claim itself, or the claim that re-fusion made of the same statement (same predicate,
        its evidence still holding the judged sentence) under a new id."""
        if claim.id == self.claim_id:
            return True
        if self.anchor is None or claim.predicate != self.predicate:
            return False
        return any((e.article_id, e.sentence_start) == self.anchor for e in claim.evidence)


def _verdict_for(claim: Claim, verdicts: Sequence[_Verdict]) -> str | None:
    found = None
    for verdict in verdicts:
        if verdict.covers(claim):
            found = verdict.verdict
    return found


def _curated(
    record: EventRecord, pins: dict, verdicts: Sequence[_Verdict], outlets: dict, texts: Mapping[str, str]
) -> EventRecord:
    record = _named_outlets(record, outlets)
    if any(not s.title for s in record.sources):
        record = _titled(record, texts)
    judged = {c.id: v for c in record.claims if (v := _verdict_for(c, verdicts))}
    if judged:
        record = _judged(record, judged)
    if record.id in pins:
        record = replace(record, headline=pins[record.id], headline_article=None)
    return record


def _judged(record: EventRecord, verdicts: dict) -> EventRecord:
    """Rejected claims leave the record (with the key figures and contradictions resting on them);
    confirmed ones say so among their qualifiers."""
    rejected = {c.id for c in record.claims if verdicts.get(c.id) == "reject"}
    claims = tuple(
        replace(c, qualifiers=tuple(dict.fromkeys((*c.qualifiers, CONFIRMED))))
        if verdicts.get(c.id) == "confirm"
        else c
        for c in record.claims
        if c.id not in rejected
    )
    return replace(
        record,
        claims=claims,
        key_figures=tuple(k for k in record.key_figures if k.claim_id not in rejected),
        contradictions=tuple(k for k in record.contradictions if k.claim_id not in rejected),
        summary=tuple(replace(s, claim_ids=tuple(i for i in s.claim_ids if i not in rejected)) for s in record.summary),
        sources=tuple(
            replace(s, unique_claims=tuple(i for i in s.unique_claims if i not in rejected)) for s in record.sources
        ),
    )


def _titled(record: EventRecord, texts: Mapping[str, str]) -> EventRecord:
    sources = tuple(
        replace(s, title=UNTITLED + first_sentence(texts[s.article_id]))
        if not s.title and texts.get(s.article_id, "").strip()
        else s
        for s in record.sources
    )
    return replace(record, sources=sources)


def _named_outlets(record: EventRecord, outlets: dict) -> EventRecord:
    """The analyst's name for a host (or source credit) first, else the credit the report carries, else the host."""
    renamed = {}
    sources = []
    for source in record.sources:
        name = (
            outlets.get(host_of(source.url))
            or outlets.get(source.outlet.lower())
            or source.outlet
            or host_of(source.url)
        )
        if name and name != source.outlet:
            renamed[source.article_id] = name
            source = replace(source, outlet=name)
        sources.append(source)
    if not renamed:
        return record
    claims = tuple(
        replace(c, evidence=tuple(replace(e, source=renamed.get(e.article_id, e.source)) for e in c.evidence))
        for c in record.claims
    )
    return replace(record, sources=tuple(sources), claims=claims)
