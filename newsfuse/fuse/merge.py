"""Merging claims across reports: same statement, values agreeing within tolerance, or a flagged contradiction.

Two claims state the same thing when they share a predicate class and compatible participants
(a shared object entity; or shared subjects; or, without entities, a shared object phrase).
Their slots (time, durations, money, counts) are then compared value by value: values that agree
within tolerance (values.agree) merge, others become a ``Contradiction`` with each side's evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from newsfuse.fuse.arguments import PLACE_PREPS
from newsfuse.fuse.claims import claim_id
from newsfuse.fuse.independence import fused_status, support
from newsfuse.fuse.lexicon import PREDICATE_CLASSES
from newsfuse.fuse.likeness import comparable_sides
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.statement import statement
from newsfuse.fuse.values import agree
from newsfuse.records.claims import (
    Claim,
    ClaimArgument,
    ClaimValue,
    Contradiction,
    ContradictionSide,
    Evidence,
    PlaceRef,
)

_WORD = re.compile(r"[A-Za-z]{4,}")
_STOP = {
    "with",
    "from",
    "that",
    "this",
    "their",
    "other",
    "about",
    "into",
    "over",
    "such",
    "also",
    "further",
    "between",
}
MIN_SHARED_WORDS = 2
TOPICAL_SHARE = 0.25
NON_CORE_ROLES = PLACE_PREPS | {"from"}  # where it happens and where someone came from are not what it is about
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}
DAY_SLACK = 2  # reports a day apart say "died Monday" and "died yesterday" of one death


@lru_cache(maxsize=1 << 16)
def stems(text: str) -> frozenset[str]:
    """Crude stems of content words: enough to see "broadening ... consultations" ~ "expand ... consultation".
    Cached: ``group_claims`` compares each description with every other of its predicate."""
    return frozenset(w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _STOP)


def _lexically_close(a: Claim, b: Claim, topical: frozenset[str] = frozenset()) -> bool:
    """Shared object words, not counting the words the whole event uses ("species", "decision")."""
    sa, sb = stems(a.description) - topical, stems(b.description) - topical
    shared = sa & sb
    return len(shared) >= MIN_SHARED_WORDS and len(shared) >= 0.25 * min(len(sa), len(sb))


def topical_stems(claims: list[Claim]) -> frozenset[str]:
    """Stems in more than a quarter of the claims' object phrases (at least three): the event's topic words."""
    counts = Counter(stem for c in claims for stem in stems(c.description))
    floor = max(3, TOPICAL_SHARE * len(claims))
    return frozenset(stem for stem, n in counts.items() if n > floor)


def _ids(arguments: Iterable[ClaimArgument]) -> set[str]:
    return {a.entity_id for a in arguments if a.entity_id}


def _object_ids(claim: Claim) -> set[str]:
    """Entities the claim is about (what is visited, who is met), not where it happens."""
    return {o.entity_id for o in claim.objects if o.entity_id and o.role not in NON_CORE_ROLES}


def compatible(a: Claim, b: Claim, topical: frozenset[str] = frozenset()) -> bool:
    """Whether two claims can be the same statement (their values are compared afterwards)."""
    if a.predicate != b.predicate or set(a.qualifiers) != set(b.qualifiers):
        return False
    if a.predicate == "say":
        return _same_quote(a, b)
    if not places_compatible(a.place, b.place) or different_days(a, b):
        return False  # the same people on other days: the next day's hearing is not this one's arrest
    subjects_a, subjects_b = _ids(a.subjects), _ids(b.subjects)
    objects_a, objects_b = _object_ids(a), _object_ids(b)
    if (
        subjects_a
        and subjects_b
        and not subjects_a & subjects_b
        and not (subjects_a & objects_b or subjects_b & objects_a)
    ):
        return False
    if objects_a and objects_b:
        return bool(objects_a & objects_b)
    if objects_a or objects_b:
        with_objects, other = (a, b) if objects_a else (b, a)
        if _object_ids(with_objects) & other.entity_ids():
            return True
    shared_subjects = bool(subjects_a & subjects_b)
    if a.qualifiers and shared_subjects:
        return True  # "the first minister to visit": one such record per subject and predicate
    if _lexically_close(a, b, topical):
        return shared_subjects or not (subjects_a and subjects_b)
    # same people, same day, same kind of event: "held talks with his counterpart" and "met Güler on Aug. 19"
    return shared_subjects and a.time is not None and b.time is not None and agree(a.time, b.time)


QUOTE_OVERLAP = 0.6  # share of the shorter quote's words two tellings of one quote have in common


@lru_cache(maxsize=1 << 16)
def _quote_words(quote: str | None) -> frozenset[str]:
    return frozenset((quote or "").lower().split())


def _same_quote(a: Claim, b: Claim) -> bool:
    wa, wb = _quote_words(a.quote), _quote_words(b.quote)
    if not wa or not wb:
        return False
    speakers_a, speakers_b = _ids(a.subjects), _ids(b.subjects)
    if speakers_a and speakers_b and not speakers_a & speakers_b:
        return False
    return len(wa & wb) >= QUOTE_OVERLAP * min(len(wa), len(wb))


def quote_pairs(claims: Sequence[Claim], indexes: Sequence[int]) -> list[tuple[int, int]]:
    """The pairs of ``indexes`` (in their order) whose quotes may share ``QUOTE_OVERLAP`` of the shorter's words.

    A prefix filter, as in set-similarity joins: with a quote's words ranked rarest first, a quote of n
    words shares ceil(0.6 n) words with a longer one only if it shares one of its n - ceil(0.6 n) + 1 rarest.
    So each quote is compared with the quotes holding one of its rarest words, not with every quote of the
    event (a story of hundreds of reports holds thousands of quotes, nearly all of them of other words).
    """
    words = {i: _quote_words(claims[i].quote) for i in indexes}
    holders: dict[str, list[int]] = defaultdict(list)
    for i in indexes:
        for word in words[i]:
            holders[word].append(i)
    order = {i: n for n, i in enumerate(indexes)}
    pairs: set[tuple[int, int]] = set()
    for i in indexes:
        size = len(words[i])
        if not size:
            continue
        prefix = sorted(words[i], key=lambda w: (len(holders[w]), w))[: size - math.ceil(QUOTE_OVERLAP * size) + 1]
        for word in prefix:
            for j in holders[word]:
                if j != i and len(words[j]) >= size:
                    pairs.add((i, j) if order[i] < order[j] else (j, i))
    return sorted(pairs, key=lambda p: (order[p[0]], order[p[1]]))


def day_precise(claim: Claim) -> bool:
    """Whether the claim's time is one day (or two), precise enough to tell happenings apart."""
    value = claim.time
    return value is not None and value.lower is not None and value.upper is not None and value.upper - value.lower <= 1


def different_days(a: Claim, b: Claim) -> bool:
    """Both claims dated to a day, and the days further apart than reports of one happening disagree."""
    return day_precise(a) and day_precise(b) and abs(a.time.lower - b.time.lower) > DAY_SLACK


def places_compatible(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    """Places conflict when both are cities with different names, or lie in different countries."""
    if a is None or b is None or a.name == b.name:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    return not (a.kind == "city" and b.kind == "city")


def group_claims(claims: list[Claim]) -> list[list[Claim]]:
    """Groups of compatible claims, in order of first appearance.

    Claims naming what they are about (an object entity) are grouped first. Claims without one
    ("toured military facilities") then join a group only when exactly one group fits them, so a
    vague claim never bridges two different visits into one.
    """
    parent = list(range(len(claims)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    topical = topical_stems(claims)
    anchored_set = {i for i, c in enumerate(claims) if _object_ids(c) or c.predicate == "say"}
    # Only claims of one predicate can be compatible: compare within each predicate's claims, not all pairs
    # (an event of hundreds of reports has thousands of claims over a few dozen predicates).
    anchored: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        (anchored if i in anchored_set else loose)[claim.predicate].append(i)
    for predicate, indexes in (*anchored.items(), *loose.items()):
        for i, j in _pairs(claims, predicate, indexes):
            if compatible(claims[i], claims[j], topical):
                parent[find(j)] = find(i)
    loose_groups: dict[int, list[int]] = {}
    for i in sorted(i for indexes in loose.values() for i in indexes):
        loose_groups.setdefault(find(i), []).append(i)
    for root, members in loose_groups.items():
        homes = {
            find(j)
            for i in members
            for j in anchored.get(claims[i].predicate, ())
            if compatible(claims[i], claims[j], topical)
        }
        if len(homes) == 1:
            parent[root] = homes.pop()
    groups: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    return list(groups.values())


def _pairs(claims: Sequence[Claim], predicate: str, indexes: list[int]) -> Iterable[tuple[int, int]]:
    """The pairs of one predicate's claims that ``compatible`` may join: every pair, or for quotes only those
    sharing words (``quote_pairs``), which are the only ones ``_same_quote`` can join."""
    if predicate == "say":
        return quote_pairs(claims, indexes)
    return ((i, j) for n, i in enumerate(indexes) for j in indexes[n + 1 :])


def _or_before(offset: int | None) -> int:
    return -1 if offset is None else offset  # a missing offset sorts before every offset, 0 included


def fuse_group(
    group: list[Claim], origins: Mapping[str, str], entities: EntityIndex
) -> tuple[Claim, list[Contradiction]]:
    """One claim from a group of compatible claims, with contradictions on slots whose values disagree."""
    # A total order: evidence of one sentence with other action words must not come out in the set's hash order
    evidence = sorted(
        {e for c in group for e in c.evidence},
        key=lambda e: (
            e.published or "9999",
            e.article_id,
            e.start,
            e.end,
            _or_before(e.trigger_start),
            _or_before(e.trigger_end),
        ),
    )
    first = evidence[0]
    core = sorted(set().union(*(_object_ids(c) for c in group)) or _ids(a for c in group for a in c.subjects))
    fused_id = _stable_id(group, core, first)
    contradictions: list[Contradiction] = []
    time, time_sources, conflict = _resolve_slot(
        fused_id, "time", [(c.time, c.evidence) for c in group if c.time], origins
    )
    contradictions.extend(conflict)
    values, value_sources = [], []
    for kind in dict.fromkeys(v.kind for c in group for v in c.values):
        items = [(v, c.evidence) for c in group for v in c.values if v.kind == kind]
        value, sources, conflict = _resolve_slot(fused_id, kind, items, origins)
        contradictions.extend(conflict)
        if value is not None:
            values.append(value)
            value_sources.append(sources)
    contradictions.extend(status_conflict(fused_id, evidence, origins))
    if group[0].action is None and group[0].predicate not in KNOWN_PREDICATES:
        # precision first: only happenings of a kind the lexicons know are compared slot by slot
        contradictions = []
    status = fused_status(evidence, origins)  # happened when any source says so; support counts per status
    fused = Claim(
        id=fused_id,
        predicate=group[0].predicate,
        trigger=group[0].trigger,
        subjects=_named_first(_canonical(entities, (a for c in group for a in c.subjects))),
        objects=_canonical(entities, (a for c in group for a in c.objects)),
        description=max((c.description for c in group), key=len),
        time=time,
        place=_best_place([c.place for c in group if c.place]),
        values=tuple(values),
        value_sources=tuple(value_sources),
        time_sources=time_sources or None,
        qualifiers=group[0].qualifiers,
        quote=max((c.quote for c in group if c.quote), key=len, default=None),
        modality=status,
        evidence=tuple(evidence),
        support=support(evidence, origins, status),
        action=group[0].action,
    )
    subject_ids = _ids(fused.subjects)
    fused = replace(fused, objects=tuple(o for o in fused.objects if o.entity_id not in subject_ids))
    return replace(fused, statement=statement(fused)), contradictions


def _canonical(entities: EntityIndex, arguments: Iterable[ClaimArgument]) -> tuple[ClaimArgument, ...]:
    seen: dict[str, ClaimArgument] = {}
    for argument in arguments:
        key = argument.entity_id or argument.text
        if key not in seen:
            name = entities.name(argument.entity_id) if argument.entity_id else argument.text
            seen[key] = ClaimArgument(argument.role, name, argument.entity_id, argument.label or entities.label(key))
    return tuple(seen.values())


def _stable_id(group: list[Claim], core: list[str], first: Evidence) -> str:
    """Claim ids that survive new reports: what the claim is about, not which report said it first.

    Claims without named participants fall back to their earliest evidence; ``record.py``
    disambiguates the rare ids two groups of one event would share.
    """
    if group[0].predicate == "say":
        quote = max((c.quote or "" for c in group), key=len)
        return claim_id("k", "say", *core, " ".join(quote.lower().split()[:8]))
    if core:
        return claim_id("k", group[0].predicate, *core, *sorted(group[0].qualifiers))
    return claim_id("k", group[0].predicate, first.article_id, first.start)


def _named_first(arguments: tuple[ClaimArgument, ...]) -> tuple[ClaimArgument, ...]:
    """Resolved participants only, when there are any; else the first unresolved phrase."""
    named = tuple(a for a in arguments if a.entity_id)
    return named or arguments[:1]


def _best_place(places: list[PlaceRef]) -> PlaceRef | None:
    if not places:
        return None
    return min(places, key=lambda p: (p.latitude is None, _PLACE_RANK.get(p.kind, 1)))


def _width(value: ClaimValue) -> float:
    if value.lower is None or value.upper is None:
        return float("inf")
    return value.upper - value.lower


KNOWN_PREDICATES = set(PREDICATE_CLASSES.values())
# Untyped numbers may count different things ("12 soldiers", "3 villages"): never a contradiction
UNCOMPARED = {"count", "percentage", "number", "quantity"}


def _opposed_sides(clusters, origins: Mapping[str, str]) -> list[ContradictionSide]:
    """The sides of a disagreement: each other value counts only sources that do not also state the winner.

    Two values of one sentence, one article or one origin group never disagree with each other.
    """
    winner = tuple(dict.fromkeys(e for _, evs in clusters[0] for e in evs))
    taken = {origins.get(e.article_id, e.article_id) for e in winner}
    sides = [ContradictionSide(clusters[0][0][0], winner, support(winner, origins).independent_sources)]
    for cluster in clusters[1:]:
        own = tuple(
            dict.fromkeys(e for _, evs in cluster for e in evs if origins.get(e.article_id, e.article_id) not in taken)
        )
        if own:
            taken |= {origins.get(e.article_id, e.article_id) for e in own}
            sides.append(ContradictionSide(cluster[0][0], own, support(own, origins).independent_sources))
    return sides


def trigger_word(evidence: Evidence) -> str:
    """The event word of an evidence item, read from its sentence (offsets are into the article)."""
    if evidence.trigger_start is None or evidence.trigger_end is None:
        return ""
    lead = len(evidence.text) - len(evidence.text.lstrip()) if evidence.text else 0
    start = evidence.trigger_start - evidence.sentence_start - lead
    return evidence.text[max(0, start) : max(0, start) + evidence.trigger_end - evidence.trigger_start].lower()


_SAYS = re.compile(r"\b(?:said|says|told|tells|stated|insisted|according to)\b|[\"“”]", re.IGNORECASE)


def _said_not(evidence: Evidence) -> bool:
    """A negated statement that a source is reported as making."""
    return evidence.modality == "negated" and (evidence.attribution is not None or bool(_SAYS.search(evidence.text)))


def status_conflict(fused_id: str, evidence: Sequence[Evidence], origins: Mapping[str, str]) -> list[Contradiction]:
    """Whether it happened: one independent source says it did, another denies it or says it did not.

    Only a denial of the same action word counts ("did not bomb" against "bombed"): a negated
    word elsewhere in a grouped sentence is not a dispute about this happening.
    """
    happened = tuple(e for e in evidence if e.modality == "happened")
    stems = {trigger_word(e)[:4] for e in happened} - {""}
    # precision first: a source saying it did not happen ("Sudan denied", "did not bomb the camp, its
    # spokesman said") disputes it; an unattributed negation ("a round in which Rahman didn't land a
    # punch" against "barely landed a punch") is the writer's narrative of something else
    denied = tuple(e for e in evidence if trigger_word(e)[:4] in stems and (e.modality == "denied" or _said_not(e)))
    said = {"happened": happened, "not happened": denied}
    groups = {k: {origins.get(e.article_id, e.article_id) for e in v} for k, v in said.items()}
    if not groups["happened"] or not groups["not happened"] or groups["happened"] & groups["not happened"]:
        return []
    sides = tuple(ContradictionSide(ClaimValue("status", k, k), v, len(groups[k])) for k, v in said.items())
    return [Contradiction(fused_id, "status", sides, "reports disagree whether it happened")]


def _resolve_slot(
    fused_id: str, slot: str, items: list[tuple[ClaimValue, tuple[Evidence, ...]]], origins: Mapping[str, str]
) -> tuple[ClaimValue | None, int, list[Contradiction]]:
    """Cluster agreeing values (most precise first); the best-supported cluster wins, others are contradictions.

    Returns the winning value, the independent sources stating it, and the contradictions.
    """
    clusters: list[list[tuple[ClaimValue, tuple[Evidence, ...]]]] = []
    for item in sorted(items, key=lambda it: _width(it[0])):
        home = next((c for c in clusters if all(agree(item[0], other) for other, _ in c)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    if not clusters:
        return None, 0, []

    def strength(cluster) -> tuple:
        ev = [e for _, evs in cluster for e in evs]
        happened = {origins.get(e.article_id, e.article_id) for e in ev if e.modality == "happened"}
        return len(happened), support(ev, origins).independent_sources, -_width(cluster[0][0])

    clusters.sort(key=strength, reverse=True)
    best = clusters[0][0][0]
    best_sources = support([e for _, evs in clusters[0] for e in evs], origins).independent_sources
    if len(clusters) == 1 or slot in UNCOMPARED:
        return best, best_sources, []
    sides = comparable_sides(_opposed_sides(clusters, origins))
    if len(sides) < 2:
        return best, best_sources, []
    modalities = {e.modality for side in sides for e in side.evidence}
    note = "reports differ in modality too: " + ", ".join(sorted(modalities)) if len(modalities) > 1 else ""
    return best, best_sources, [Contradiction(fused_id, slot, tuple(sides), note)]
