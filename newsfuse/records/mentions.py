"""What extraction finds in one article: typed mentions, each a span of the article's text.

``start``/``end`` are Python string offsets into ``Article.text`` (the body exactly as given),
so ``article.text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfuse.records.plain import plain


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str  # spaCy OntoNotes label: PERSON, ORG, GPE, LOC, NORP, FAC, ...
    entity_id: str | None = None  # canonical entity, once resolved
    canonical: str | None = None  # canonical name, once resolved


@dataclass(frozen=True, slots=True)
class RoleFact:
    """ "Japanese Defense Minister Gen Nakatani": person, role, and the organisation or country it is for."""

    person_entity_id: str
    role: str  # normalised: "defence minister", "chairman", "ceo"
    of_entity_id: str | None  # the country or organisation, when stated
    start: int  # the span that states it
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # TIMEX3 value ("2025-08-20", "2025-08", "2025-W34", "2026", "FY2026"); None = unresolved
    granularity: str  # day, week, month, quarter, half_year, season, year, fiscal_year,
    # decade, century, range, time, reference (PRESENT_REF...), set ("every Monday": XXXX-WXX-1), unknown
    relative: bool = False  # needed an anchor ("on Wednesday", "last year")
    anchor: str | None = None  # the date it was resolved against
    end_value: str | None = None  # for ranges ("August 17-22") the last day
    bound: str | None = None  # "by" for deadlines ("by the end of fiscal 2027"), "from", "until"


@dataclass(frozen=True, slots=True)
class MoneyMention:
    start: int
    end: int
    text: str
    amount: float
    currency: str  # ISO 4217
    usd: float | None = None  # converted at the article's date (ECB rates)
    rate_date: str | None = None
    qualifier: str = "exact"  # exact, approximate, at_least, at_most
    conversion_of: int | None = None  # index of the money mention this one converts ("(approximately $1.4 billion)")
    conversion_off: bool = False  # the article's own conversion is >10% off the ECB rate


@dataclass(frozen=True, slots=True)
class QuantityMention:
    start: int
    end: int
    text: str
    kind: str  # duration, count, percentage, distance, ...
    value: str  # ISO 8601 duration ("PT1H30M") or a number as text
    lower: float | None = None  # in base units (seconds for durations)
    upper: float | None = None
    unit: str | None = None
    qualifier: str = "exact"  # exact, approximate, at_least, at_most, vague ("for years": PXY)


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # "direct" (quoted words) or "reported" (a claim attributed to a source)
    speaker: str | None = None  # as written: "Güler", "a diplomatic source", "Japanese media reports"
    speaker_entity_id: str | None = None
    anonymous: bool = False  # "a diplomatic source", "an industry source"
    cue: str | None = None  # "said", "according to", "reported", "wrote in a post on social media"
    channel: str | None = None  # "social media", "The Japan Times", "NSosyal"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str  # gazetteer name
    country_code: str | None = None  # ISO 3166-1 alpha-2
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "city"  # city, country, region
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity, the same across articles."""

    id: str
    canonical: str
    label: str
    aliases: tuple[str, ...] = ()
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    article_id: str
    language: str | None
    published: str | None
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    money: tuple[MoneyMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    roles: tuple[RoleFact, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The ``newsfuse extract --format jsonl`` contract (``id`` is the article id)."""
        out = plain(self)  # asdict's output, faster (records/plain.py)
        out["id"] = out.pop("article_id")
        out["sentences"] = [[s["start"], s["end"]] for s in out["sentences"]]
        return out
