"""What fusion produces: claims with their evidence and support, and one fused record per event.

A ``Claim`` is a normalised statement (subject, predicate, objects, time, place, values) with a
modality. Claims built from one sentence carry one ``Evidence``; fused claims carry the evidence
of every report that states them and a ``Support`` that counts independent sources (copies and
rewrites count once, with their origin). ``EventRecord.to_json()`` is the exported shape,
documented by ``newsfuse/fuse/schema/event.schema.json``; keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfuse.records.plain import plain

# Epistemic statuses: support is counted per status, and only "happened" corroborates that it happened
MODALITIES = (
    "happened",
    "planned",
    "intended",
    "alleged",
    "claimed",
    "denied",
    "negated",
    "speculated",
    "conditional",
)
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """One report stating a claim: the sentence, the clause span, and who is said to have said it."""

    article_id: str
    source: str  # outlet
    published: str | None
    sentence_start: int  # offsets into Article.text
    sentence_end: int
    start: int  # the clause that states the claim
    end: int
    text: str  # the sentence as written, so an exported record reads on its own
    modality: str
    attribution: str | None = None  # "The Japan Times", "Güler", "a diplomatic source"; None = the outlet itself
    attribution_kind: str | None = None  # "direct" (quoted), "reported", None
    anonymous: bool = False
    channel: str | None = None  # "social media", "NSosyal"
    trigger_start: int | None = None  # the word that names the event ("met", "talks")
    trigger_end: int | None = None
    # the sentence tells other happenings with another status ("visited X and was slated to tour Y"):
    # ``start``/``end`` are this claim's own clause, and its text is that clause, not the whole sentence
    clause_only: bool = False


@dataclass(frozen=True, slots=True)
class EventMention:
    """Another word of a report naming the same happening as a claim ("the shooting" after "shot dead")."""

    article_id: str
    start: int  # the event word, offsets into Article.text
    end: int
    sentence_start: int
    sentence_end: int
    text: str


@dataclass(frozen=True, slots=True)
class ClaimArgument:
    """A participant of a claim, as a canonical entity when resolved."""

    role: str  # "subject", "object", "with", "by", "for", "from", "into"
    text: str
    entity_id: str | None = None
    label: str | None = None  # OntoNotes label


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """A normalised value with comparable numeric bounds.

    ``lower``/``upper`` are in base units: days since 0001-01-01 for dates, seconds for durations,
    USD for money, the number itself for counts. ``None`` means open on that side.
    """

    kind: str  # date, duration, money, count
    text: str
    value: str | None  # TIMEX3 / ISO 8601 duration / "200000000000 JPY" / "12"
    lower: float | None = None
    upper: float | None = None
    unit: str | None = None  # "USD", "s", "day"
    qualifier: str = "exact"  # exact, approximate, at_least, at_most, by, vague ("for years")
    usd: float | None = None  # money only


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str
    country_code: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "city"
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Support:
    """Who states a claim: articles, outlets, and independent sources (origin groups)."""

    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    independent_sources: int
    origins: tuple[str, ...]  # one article id per independent group
    by_modality: tuple[tuple[str, int], ...] = ()  # modality -> independent sources stating it so


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    predicate: str  # normalised class: meet, visit, agree, allocate, consider, say, ... or the verb lemma
    trigger: str  # the word as lemmatised in the first evidence ("talks", "toured")
    subjects: tuple[ClaimArgument, ...] = ()
    objects: tuple[ClaimArgument, ...] = ()
    description: str = ""  # the object phrase in words ("expand bilateral defence cooperation")
    time: ClaimValue | None = None
    place: PlaceRef | None = None
    values: tuple[ClaimValue, ...] = ()  # durations, money, counts
    value_sources: tuple[int, ...] = ()  # independent sources stating each value (same order as ``values``)
    time_sources: int | None = None  # independent sources stating ``time``
    qualifiers: tuple[str, ...] = ()  # "first"
    quote: str | None = None  # for predicate "say": the quoted words
    modality: str = "happened"
    evidence: tuple[Evidence, ...] = ()
    support: Support | None = None
    statement: str = ""  # a source's own sentence or clause stating it
    mentions: tuple[EventMention, ...] = ()  # other words of the reports naming this happening
    action: str | None = None  # action class (attack, kill, meet, visit, arrest, ...) when the lexicon has one
    background: bool = False  # dated far from the event (a treaty years earlier): context, not the event

    def entity_ids(self) -> set[str]:
        return {a.entity_id for a in (*self.subjects, *self.objects) if a.entity_id}


@dataclass(frozen=True, slots=True)
class ContradictionSide:
    value: ClaimValue
    evidence: tuple[Evidence, ...]
    independent_sources: int


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Reports that disagree about one slot of one claim, with both sides' evidence."""

    claim_id: str
    slot: str  # time, duration, money, count
    sides: tuple[ContradictionSide, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class TimeSpan:
    start: str | None
    end: str | None
    granularity: str  # day, month, year, unknown
    derived_from: str  # how it was obtained, in words


@dataclass(frozen=True, slots=True)
class Participant:
    entity_id: str
    name: str
    label: str
    roles: tuple[str, ...] = ()  # "defence minister of Japan"
    aliases: tuple[str, ...] = ()
    country_code: str | None = None
    articles: int = 0
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class KeyFigure:
    kind: str
    text: str
    value: str | None
    usd: float | None
    claim_id: str
    independent_sources: int


@dataclass(frozen=True, slots=True)
class SourceRef:
    article_id: str
    outlet: str
    title: str
    published: str | None
    url: str
    origin_id: str  # the article this one's independent group is counted as
    relation: str | None = None  # "derived_from", "duplicate_of" or None for an origin
    unique_claims: tuple[str, ...] = ()  # claim ids no other independent source states
    language: str | None = None  # the report's language (ISO 639-1); its title is kept as written


@dataclass(frozen=True, slots=True)
class RelatedEvent:
    """A storyline link: a wider happening this event is part of, or another stored event."""

    kind: str  # "storyline" (stated in text) or "event" (another stored record)
    label: str
    time: TimeSpan | None = None
    places: tuple[str, ...] = ()
    event_id: str | None = None
    claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    article_id: str
    start: int
    end: int
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    headline: str
    headline_article: str | None
    summary: tuple[SummarySentence, ...]
    time: TimeSpan
    places: tuple[PlaceRef, ...]
    participants: tuple[Participant, ...]
    key_figures: tuple[KeyFigure, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Contradiction, ...]
    sources: tuple[SourceRef, ...]
    independent_sources: int
    first_seen: str | None
    last_updated: str | None
    related: tuple[RelatedEvent, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def to_json(self) -> dict[str, Any]:
        """The exported shape (``event.schema.json``): plain JSON types, tuples as lists."""
        out = plain(self)  # asdict's output, faster (records/plain.py)
        out.pop("extra")
        out["schema_version"] = SCHEMA_VERSION
        for claim in out["claims"]:
            support = claim.get("support")
            if support:
                support["by_modality"] = dict(support["by_modality"])
        return out


def event_record_from_json(value: dict[str, Any]) -> EventRecord:
    """Rebuild an EventRecord from ``to_json()`` output (as stored), validating field types."""
    import msgspec

    data = dict(value)
    data.pop("schema_version", None)
    claims = []
    for claim in data.get("claims", []):
        claim = dict(claim)
        support = claim.get("support")
        if support and isinstance(support.get("by_modality"), dict):
            claim["support"] = {**support, "by_modality": [list(kv) for kv in support["by_modality"].items()]}
        claims.append(claim)
    data["claims"] = claims
    return msgspec.convert(data, EventRecord)
