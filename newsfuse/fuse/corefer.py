"""Claims of one event that report the same happening, merged: same action, compatible participants, time and place.

Frames and event words give one claim per way a happening is worded ("Smith died Monday",
"Smith, 92, died at his home"); within one event those are one happening unless something tells
them apart: different named people in the same role (two deaths), days that cannot agree (an
earlier injury and this one), places that cannot both hold, or sentences too unlike each other
(``similar``, the sentence embedding when one is given). The claim with most weight absorbs the
others: their evidence from new articles joins its evidence, the rest joins as mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from newsfuse.fuse.actions import action_key
from newsfuse.fuse.figures import TYPED
from newsfuse.fuse.independence import support
from newsfuse.fuse.merge import NON_CORE_ROLES, places_compatible
from newsfuse.fuse.summary import claim_weight
from newsfuse.fuse.values import agree
from newsfuse.records.claims import Claim, Contradiction, EventMention

UNMERGED = {"say"}  # each statement reported is its own: what was said differs even when the verb does not


_PLACES = {"GPE", "LOC", "FAC"}  # where it happened is the place slot's to compare, not a participant
DAY_SLACK = 2  # reports a day apart say "died Monday" and "died yesterday" of one death


def word_keys(words: Sequence) -> dict[tuple[str, int], str]:
    """(article id, start) -> the action key of the event word there, as its parse reads it."""
    return {(w.article_id, w.start): w.key for w in words}


def claim_keys(claim: Claim, keys: Mapping[tuple[str, int], str]) -> list[str]:
    """The action keys a claim's happening goes by: its trigger words' as parsed, else its trigger lemma's.

    A frame's lemma misses what the parse shows ("checked into" is an admission, "the fire" a blaze).
    """
    found = [keys.get((e.article_id, e.trigger_start)) for e in claim.evidence if e.trigger_start is not None]
    return list(dict.fromkeys(k for k in found if k)) or [action_key(claim.trigger)]


def _names(arguments, places: bool = False) -> list[set[str]]:
    """Each named participant as its entity id plus its name words ("Gigante" in both names).

    Places count only where asked: what is visited is a participant, a subject "United States" in a
    headline's dateline is not.
    """
    out = []
    for a in arguments:
        if a.entity_id and (places or a.label not in _PLACES) and a.role not in NON_CORE_ROLES:
            out.append({a.entity_id} | {w.lower() for w in a.text.replace('"', " ").split() if len(w) > 2})
    return out


def _disjoint(a: list[set[str]], b: list[set[str]]) -> bool:
    return bool(a) and bool(b) and not any(x & y for x in a for y in b)


def fits(claim: Claim, actors, targets) -> bool:
    """Whether an event word with these actors and targets can name the claim's happening."""
    subjects, objects = _names(claim.subjects), _names(claim.objects, places=True)
    actors, targets = _names(actors), _names(targets, places=True)
    crosswise = subjects and targets and not _disjoint(subjects, targets)
    return bool(crosswise) or not (_disjoint(subjects, actors) or _disjoint(objects, targets))


DENIALS = {"denied", "negated"}  # statuses saying a happening did not take place
CONVERSE = {"lose", "fall", "suffer"}  # "B lost to A" tells "A beat B": its subject is the other's object


def same_participants(subjects_a, objects_a, subjects_b, objects_b, converse: bool = False) -> bool | None:
    """Whether two tellings name the same participants in the same roles: True when they share one and no
    role names other people, False when a role does ("Drake defeated Bradley", "Creighton defeats Drake"),
    None when nothing named tells. Crosswise ("A beat B", "B lost to A") counts only for a ``converse`` verb."""
    sa, sb = _names(subjects_a), _names(subjects_b)
    oa, ob = _names(objects_a, places=True), _names(objects_b, places=True)
    if converse and (sa and ob and not _disjoint(sa, ob) or sb and oa and not _disjoint(sb, oa)):
        return True
    if _disjoint(sa, sb) or _disjoint(oa, ob):
        return False
    if sa and sb or oa and ob:
        return True
    return None


def corroborates(a: Claim, b: Claim, like=None) -> bool:
    """Whether claim ``b``'s report is evidence of claim ``a``'s happening, not only a mention of its kind: the
    same participants in the same roles, an agreeing typed figure or day, or sentences sharing specifics
    (``Likeness.corroborates``). One action key shared across reports is not enough."""
    converse = a.trigger != b.trigger and (a.trigger in CONVERSE or b.trigger in CONVERSE)
    shared = same_participants(a.subjects, a.objects, b.subjects, b.objects, converse)
    denial = (a.modality in DENIALS) != (b.modality in DENIALS)  # its own status's evidence, never support
    if shared is not None:  # the same people, unless the figures say otherwise ("scored 23", "scored 10 of 17")
        return shared and (
            denial or like is None or any(not like.apart(x.text, y.text, False) for x in a.evidence for y in b.evidence)
        )
    if any(agree(x, y) for x in a.values for y in b.values if x.kind == y.kind and x.kind in TYPED):
        return True
    if _day_precise(a) and _day_precise(b) and abs(a.time.lower - b.time.lower) <= 1:
        return True
    if like is None:
        return False
    words = (a.trigger, b.trigger)
    return any(like.corroborates(x.text, y.text, words) for x in a.evidence for y in b.evidence)


def compatible(a: Claim, b: Claim) -> bool:
    """Nothing in the two claims says they are different happenings of the same kind."""
    return not conflicts(a, b)


def conflicts(a: Claim, b: Claim) -> set[str]:
    """What tells the two claims apart: "people" (other named people did it: two deaths), "span" (part and
    whole: a tour and its day's visit), "subjects", "objects", "day" or "place".

    The first two hold whatever the sentences say; the others come from slots the extraction may have
    misread (a dateline's country as the subject, the announcement's day as the happening's), so
    very similar sentences may overrule them (``merge_happenings``).
    """
    found = set()
    sa, sb = _names(a.subjects), _names(b.subjects)
    oa, ob = _names(a.objects, places=True), _names(b.objects, places=True)
    crosswise = not _disjoint(sa, ob) and sa and ob or not _disjoint(sb, oa) and sb and oa  # "A beat B", "B lost to A"
    if not crosswise and _disjoint(sa, sb):
        found.add("people" if _people(a) and _people(b) else "subjects")
    if not crosswise and _disjoint(oa, ob):
        found.add("objects")
    if _span(a) != _span(b) and (_span(a) or _span(b)):
        found.add("span")  # a tour of several days holds the day's visits: part and whole, not one happening
    if _day_precise(a) and _day_precise(b) and abs(a.time.lower - b.time.lower) > DAY_SLACK:
        found.add("day")
    if not places_compatible(a.place, b.place):
        found.add("place")
    return found


HARD = {"people", "span"}  # no sentence similarity merges these
SAME_SENTENCE = 0.8  # ... and above which a report's statement is the other's sentence told again (corroboration)
SIMILAR = 0.5  # MiniLM cosine of two statements of one kind of happening above which misread slots do not part them


def _people(claim: Claim) -> bool:
    return any(a.entity_id and a.label == "PERSON" for a in claim.subjects)


def _span(claim: Claim) -> tuple | None:
    """A stated range of days ("from August 17-22"), if the claim's time is one."""
    value = claim.time
    if value is None or value.lower is None or value.upper is None or value.upper - value.lower <= 1:
        return None
    return (value.lower, value.upper)


def _day_precise(claim: Claim) -> bool:
    value = claim.time
    return value is not None and value.lower is not None and value.upper is not None and value.upper - value.lower <= 1


def merge_happenings(
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction],
    origins: Mapping[str, str],
    embed: Callable[[Sequence[str]], np.ndarray] | None = None,
    keys: Mapping[tuple[str, int], str] | None = None,
    like=None,
) -> tuple[list[Claim], list[Contradiction], dict[str, str]]:
    """The claims with those reporting one happening merged, contradictions pointed at the survivors, and
    absorbed claim id -> survivor id (figures read before merging keep each source's own value).

    Claims are compared only within one action key (``keys``: (article id, trigger start) -> the
    key of the event word there, ``word_keys``), so the cost grows with the claims of one kind of
    happening, not with all pairs. A claim joins the first group nothing tells apart from it; else,
    with ``embed`` (sentence vectors, the pipeline's MiniLM), the first group whose head's statement
    is nearly the same sentence (``SIMILAR``) and no hard conflict (``HARD``) keeps apart.
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    order = sorted(range(len(claims)), key=lambda n: -claim_weight(claims[n]))
    for n in order:
        if claims[n].predicate not in UNMERGED and not claims[n].quote:
            by_key[claim_keys(claims[n], keys or {})[0]].append(n)
    absorbed: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    alike: set[int] = set()
    for group in by_key.values():
        heads: list[int] = []
        near = _Similarity(claims, embed)
        for n in group:
            found = [(h, set().union(*(conflicts(claims[m], claims[n]) for m in members[h]))) for h in heads]
            home = next((h for h, why in found if not why), None)
            soft = [h for h, why in found if not why & HARD] if home is None else []
            if soft and near.ready([n, *soft]):
                home = next((h for h in soft if near(h, n) >= SIMILAR), None)
                if home is not None and near(home, n) >= SAME_SENTENCE:
                    alike.add(n)  # nearly the same sentence: its report tells the happening whatever slot was misread
            if home is None:
                heads.append(n)
                members[n] = [n]
            else:
                members[home].append(n)
                absorbed[n] = home
    out, renamed = [], {}
    for n, claim in enumerate(claims):
        if n in absorbed:
            renamed[claim.id] = claims[absorbed[n]].id
            continue
        others = members.get(n, [n])[1:]
        out.append(
            _absorb(claim, [claims[m] for m in others], origins, like, {claims[m].id for m in others if m in alike})
        )
    fixed = [replace(c, claim_id=renamed.get(c.claim_id, c.claim_id)) for c in contradictions]
    return out, fixed, renamed


MAX_CACHED = 50_000  # statements whose vectors are kept between fusions (about 75 MB of MiniLM vectors)


def cached_embed(embed: Callable[[Sequence[str]], np.ndarray], cache: dict) -> Callable[[Sequence[str]], list]:
    """``embed`` that keeps each statement's vector in ``cache``: an event re-fused as reports arrive embeds
    only its new statements, so the cost grows with the reports, not with how often the event is fused."""

    def cached(texts: Sequence[str]) -> list:
        wanted = list(dict.fromkeys(t for t in texts if t not in cache))
        if wanted:
            if len(cache) + len(wanted) > MAX_CACHED:
                cache.clear()
            cache.update(zip(wanted, embed(wanted), strict=True))
        return [cache[t] for t in texts]

    return cached


class _Similarity:
    """Cosine of two claims' statements; each statement embedded once, only when a merge needs it."""

    def __init__(self, claims: Sequence[Claim], embed) -> None:
        self.claims, self.embed, self.vectors = claims, embed, {}

    def ready(self, indexes: list[int]) -> bool:
        """Embed the statements of ``indexes`` not embedded yet, in one batch; False without an embedder."""
        if self.embed is None:
            return False
        wanted = [n for n in indexes if n not in self.vectors]
        if wanted:
            texts = [self.claims[n].statement or self.claims[n].evidence[0].text for n in wanted]
            self.vectors.update(zip(wanted, self.embed(texts), strict=True))
        return True

    def __call__(self, a: int, b: int) -> float:
        return float(np.dot(self.vectors[a], self.vectors[b]))


def _absorb(head: Claim, others: list[Claim], origins: Mapping[str, str], like=None, alike=frozenset()) -> Claim:
    """The head with the others' words: a new report's evidence stays evidence (support) only where it
    corroborates the head or a claim already taken as its evidence (``corroborates``), or its statement is
    nearly the head's sentence (``alike``: ids); else its words are mentions."""
    if not others:
        return head
    evidence = list(head.evidence)
    mentions = list(head.mentions)
    seen = {e.article_id for e in evidence}
    told = [head]
    for other in others:
        telling = other.id in alike or any(corroborates(t, other, like) for t in told)
        if telling:
            told.append(other)
        for item in other.evidence:
            if item.article_id not in seen and telling:
                seen.add(item.article_id)
                evidence.append(item)  # one more report of the happening
            elif item.trigger_start is not None and item.trigger_end is not None:
                text = item.text  # the sentence; the mention is its trigger word
                mentions.append(
                    EventMention(
                        item.article_id, item.trigger_start, item.trigger_end, item.sentence_start,
                        item.sentence_end, _word(text, item),
                    )
                )  # fmt: skip
        mentions.extend(other.mentions)
    evidence.sort(key=lambda e: (e.published or "9999", e.article_id, e.start))
    # the head's status stands ("charged with killing" stays alleged though a report says he died): its
    # support counts the sources telling it so
    return replace(
        head, evidence=tuple(evidence), support=support(evidence, origins, head.modality), mentions=tuple(mentions)
    )


def _word(sentence: str, item) -> str:
    offset = item.trigger_start - item.sentence_start
    return sentence[offset : offset + item.trigger_end - item.trigger_start] if offset >= 0 else ""
