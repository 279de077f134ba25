"""Which contradiction flags an analyst would call real disputes, precision first; and tolls sources dispute.

A flag is kept only where two independent sources disagree about one slot of the event's own
happening: not about background (a career, a treaty years earlier), not inside someone's quoted
words folded into a statement, and not about a year. Reports name seasons, editions and tenures by
year ("the 2014 Oscars", "director (1999-2003)") and date a happening loosely at that grain, so
two years are no evidence that two sources disagree on when it happened; a day or a month is.

Tolls: each source states the toll of the event it reports in its headline and first lines. Two
independent sources whose leads give the same typed toll ("five hurt" against "injured three
people") with values that cannot agree dispute it. A toll that only rises from earlier to later
reports is a revision (the third victim died), not a dispute: the key figures give its range and
no flag is raised. Approximate values ("about 50", "dozens") and bounds ("at least three") agree
with any value they allow. Whether it happened is checked again on the final claims, so a denial
fused with its accusation across wordings is flagged with both sides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from newsfuse.fuse.figures import MEASURES, figures_for
from newsfuse.fuse.merge import status_conflict
from newsfuse.fuse.values import agree
from newsfuse.records.claims import Claim, ClaimValue, Contradiction, ContradictionSide, Evidence

MAX_TIME_SPAN_DAYS = 31  # a month or finer
LEAD_CHARS = 400  # the headline and first paragraph: where a report states the toll of its event
TOLLS = ("dead", "injured", "arrested", "missing")
VAGUE = {"dozens", "hundreds", "a dozen"}  # "injuring dozens": no number to dispute


def real_disputes(
    contradictions: Iterable[Contradiction],
    claims: Sequence[Claim],
    folded: Iterable[str] = (),
    origins: Mapping[str, str] | None = None,
) -> list[Contradiction]:
    """The contradictions worth flagging, of the record's final ``claims``; ``folded``: ids of claims kept only as
    mentions of another (their disagreement is not the kept claim's). With ``origins``, disputed tolls are added."""
    by_id = {c.id: c for c in claims}
    gone = set(folded)
    out = []
    for contradiction in contradictions:
        claim = by_id.get(contradiction.claim_id)
        if claim is None or claim.background or contradiction.claim_id in gone:
            continue
        if contradiction.slot == "time" and not all(_fine(side.value) for side in contradiction.sides):
            continue
        if contradiction.slot == "status":
            contradiction = _stated_status(contradiction, origins or {})
            if contradiction is None:
                continue
        out.append(contradiction)
    if origins is not None:
        flagged = {(c.claim_id, c.slot) for c in out}
        found = toll_disputes(claims, origins) + _denials(claims, origins)
        out += [c for c in found if (c.claim_id, c.slot) not in flagged]
    return [c for c in out if between_sources(c, origins or {})]


def between_sources(contradiction: Contradiction, origins: Mapping[str, str]) -> bool:
    """Precision first: two sides each stated by an origin that does not state the other (a rewrite counts as its
    origin). A flag with every side in one sentence ("a day / three days / a week"), one article or one origin,
    or whose one side's sources all state the other side too, is a source saying several things, no dispute."""
    groups = [{origins.get(e.article_id, e.article_id) for e in side.evidence} for side in contradiction.sides]
    return any(a - b and b - a for n, a in enumerate(groups) for b in groups[n + 1 :])


def _denials(claims: Sequence[Claim], origins: Mapping[str, str]) -> list[Contradiction]:
    """Whether it happened, on the final claims: a denial ("We didn't bomb any camps", the army said) joined to
    the happening only when reports were fused across wordings is still a dispute with the accusation."""
    out = []
    for claim in claims:
        if claim.background or claim.action not in ACCUSED:
            continue
        # precision first: claims fused across wordings group loosely, so only a denial whose negation is the
        # action word's own ("didn't bomb", "denied attacking") speaks of this happening, against a report of it
        # that is not someone's quoted words (one speaker's quote told two ways is no dispute)
        evidence = [e for e in claim.evidence if _reports_the_act(e) or _denies_the_act(e)]
        out += status_conflict(claim.id, evidence, origins)
    return out


ACCUSED = {"attack", "kill", "shoot", "hit", "fire"}  # happenings one side accuses another of
_INFINITIVE = re.compile(r"\b(?:to|for|of)\s+$", re.IGNORECASE)  # "to purchase", "for purchase": not done
_NEGATED_ACT = re.compile(r"(?:\b(?:not|never|no)|n't|\bden(?:y|ied|ies|ying))\s+(?:\w+\s+)?$", re.IGNORECASE)


def _reports_the_act(evidence: Evidence) -> bool:
    quoted = evidence.attribution_kind == "direct" or evidence.text.lstrip()[:1] in {'"', "“", "'"}
    if evidence.modality != "happened" or quoted or evidence.trigger_start is None:
        return False
    local = evidence.trigger_start - evidence.sentence_start
    return not _INFINITIVE.search(evidence.text[max(0, local - 5) : local])


def _denies_the_act(evidence: Evidence) -> bool:
    if evidence.trigger_start is None or evidence.modality not in {"negated", "denied"}:
        return False
    local = evidence.trigger_start - evidence.sentence_start
    return bool(_NEGATED_ACT.search(evidence.text[max(0, local - 24) : local]))


def _stated_status(contradiction: Contradiction, origins: Mapping[str, str]) -> Contradiction | None:
    """A whether-it-happened dispute kept with the evidence that states the act done or denies the act itself;
    None when a side is left with none ("was negotiating to purchase" is no report that it was bought)."""
    sides = []
    for side in contradiction.sides:
        keep = _reports_the_act if side.value.value == "happened" else _denies_the_act
        evidence = tuple(e for e in side.evidence if keep(e))
        if not evidence:
            return None
        sides.append(_side(side.value, list(evidence), origins))
    return replace(contradiction, sides=tuple(sides))


def _fine(value) -> bool:
    if value.lower is None or value.upper is None:
        return False
    return value.upper - value.lower <= MAX_TIME_SPAN_DAYS


def toll_disputes(claims: Sequence[Claim], origins: Mapping[str, str]) -> list[Contradiction]:
    """Tolls that independent sources' leads state differently, flagged on the best-ranked claim stating them."""
    out = []
    for kind in TOLLS:
        home, stated = _lead_tolls(claims, kind, origins)
        sides = _sides(stated)
        if len(sides) >= 2 and not _rising(sides):
            note = f"sources disagree on the number {kind}"
            out.append(Contradiction(home, kind, tuple(_side(v, evs, origins) for v, evs in sides), note))
    return out


def _lead_tolls(claims: Sequence[Claim], kind: str, origins: Mapping[str, str]):
    """The first claim stating a ``kind`` toll as done in a lead, and each origin's lead values with evidence."""
    home, stated = None, defaultdict(list)
    for claim in claims:
        if claim.background or claim.action not in MEASURES[kind]:
            continue
        for e in claim.evidence:
            if e.modality != "happened" or e.sentence_start >= LEAD_CHARS or e.attribution_kind == "direct":
                continue
            for value in figures_for(claim.action, e.text, 0, len(e.text)):
                if value.kind == kind and value.text.lower() not in VAGUE:
                    home = home or claim.id
                    stated[origins.get(e.article_id, e.article_id)].append((_bounds(value), e))
    return home, stated


def _bounds(value: ClaimValue) -> ClaimValue:
    """'At least three' allows any toll from three up; 'up to ten' any toll to ten."""
    if value.qualifier == "at_least":
        return replace(value, upper=None)
    if value.qualifier == "at_most":
        return replace(value, lower=0.0)
    return value


def _sides(stated: Mapping[str, list]) -> list[tuple[ClaimValue, list[Evidence]]]:
    """Values no two of which agree, each with its evidence; an origin whose own lead gives tolls that
    disagree (a toll per victim group, a revision in one report) takes no side: what it says is unclear."""
    sides: list[tuple[ClaimValue, list[Evidence]]] = []
    for items in stated.values():
        values = [v for v, _ in items]
        if not all(agree(a, b) for a in values for b in values):
            continue
        value = min(values, key=lambda v: float("inf") if v.upper is None else v.upper - (v.lower or 0))
        home = next((s for s in sides if all(agree(v, s[0]) for v in values)), None)
        if home is None:
            sides.append((value, [e for _, e in items]))
        else:
            home[1].extend(e for _, e in items)
    return [s for s in sides if _exact(s[0])] if len(sides) >= 2 else sides


def _exact(value: ClaimValue) -> bool:
    return value.lower is not None and value.upper is not None


def _rising(sides: list[tuple[ClaimValue, list[Evidence]]]) -> bool:
    """Whether no report of a lower toll was published after a report of a higher one.

    Publication times of one day are compared at that grain: a same-day lower toll ("found two people
    dead") is the early count of the day, the usual flow of a breaking story, not a dispute."""
    ordered = sorted(sides, key=lambda s: s[0].lower or 0.0)  # an "up to" bound has no lower value
    for (_, low), (_, high) in zip(ordered, ordered[1:], strict=False):
        if any(e.published is None for e in low + high):
            return False
        grain = min(len(e.published) for e in low + high)
        if max(e.published[:grain] for e in low) > min(e.published[:grain] for e in high):
            return False
    return True


def _side(value: ClaimValue, evidence: list[Evidence], origins: Mapping[str, str]) -> ContradictionSide:
    unique = tuple({(e.article_id, e.sentence_start): e for e in evidence}.values())  # a sentence once
    return ContradictionSide(value, unique, len({origins.get(e.article_id, e.article_id) for e in unique}))
