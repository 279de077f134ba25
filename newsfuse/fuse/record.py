"""``fuse_event``: one EventRecord from an event's articles, their extractions and their copy/rewrite links.

A pure function of its inputs (plus the parser passed in ``models``): the same articles give the
same record, with the same id and claim ids, whatever order they come in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from newsfuse.fuse.background import undated_background
from newsfuse.fuse.claims import FusionModels, build_claims, claim_id, with_entities
from newsfuse.fuse.clauses import subordinate_statement
from newsfuse.fuse.corefer import cached_embed, merge_happenings, word_keys
from newsfuse.fuse.coverage import unique_claims
from newsfuse.fuse.disputes import real_disputes
from newsfuse.fuse.figures import TYPED, key_figures
from newsfuse.fuse.happenings import EventWord, attach_mentions, event_words
from newsfuse.fuse.independence import origin_groups, relation_of, support
from newsfuse.fuse.likeness import Likeness
from newsfuse.fuse.merge import fuse_group, group_claims
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.quoted import fold_quoted, fold_reporting_quotes
from newsfuse.fuse.quotes import quote_claims
from newsfuse.fuse.statement import MIN_WORDS, clearest, furniture
from newsfuse.fuse.summary import choose_headline, choose_summary, claim_weight, rank_key
from newsfuse.records import Article
from newsfuse.records.claims import (
    Claim,
    Contradiction,
    EventMention,
    EventRecord,
    KeyFigure,
    PlaceRef,
    RelatedEvent,
    SourceRef,
    TimeSpan,
)
from newsfuse.records.mentions import ArticleExtraction

MAX_PARTICIPANTS = 40
EVENT_WINDOW_DAYS = 30  # dated claims further than this from the reports are background, not the event's time
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}


def event_anchor(articles: Sequence[Article]) -> str | None:
    """The event's reference date: the earliest publication date among its reports."""
    dates = sorted(a.published_date for a in articles if a.published_date)
    return dates[0] if dates else None


def anchored(extractions: Iterable[ArticleExtraction], anchor: str | None) -> list[ArticleExtraction]:
    """Undated articles' relative dates ("on Wednesday") resolved against the event's date."""
    from newsfuse.extract.dates import reanchor  # extraction owns date arithmetic
    from newsfuse.extract.timex import parse_anchor

    out = list(extractions)
    if parse_anchor(anchor) is None:  # none, or one no date arithmetic can start from (0001-01-01)
        return out

    return [
        reanchor(x, anchor) if not x.published and any(d.relative and d.anchor is None for d in x.dates) else x
        for x in out
    ]


def fuse_event(
    articles: Sequence[Article],
    extractions: Sequence[ArticleExtraction],
    links: Iterable[object] = (),
    *,
    models: FusionModels,
    event_id: str | None = None,
    docs: Sequence[Doc] | None = None,
) -> EventRecord:
    """Fuse one event's reports into its record: claims with evidence and support, contradictions, coverage.

    ``docs`` are the articles' parses in the order given (``parse.parse_articles``); None: parsed here.
    """
    if not articles:
        raise ValueError("fuse_event: an event needs at least one article")
    parsed = dict(zip((a.id for a in articles), docs, strict=True)) if docs is not None else {}
    articles = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    if not parsed:
        parsed = dict(zip((a.id for a in articles), models.nlp.pipe(a.text for a in articles), strict=True))
    links = list(links)
    by_id = {x.article_id: x for x in anchored(extractions, event_anchor(articles))}
    extractions = [by_id.get(a.id) or ArticleExtraction(a.id, a.language, a.published) for a in articles]
    entities = EntityIndex.build(extractions)
    claims: list[Claim] = []
    words: list[EventWord] = []
    for article, extraction in zip(articles, extractions, strict=True):
        doc = with_entities(parsed[article.id], extraction)  # each article parsed once, above or by the caller
        claims.extend(build_claims(article, extraction, models, entities, doc=doc))
        claims.extend(quote_claims(article, extraction, doc, entities))
        words.extend(event_words(article, doc, extraction.entities, entities))
    origins = origin_groups(articles, links)
    fused, contradictions = _fuse(claims, origins, entities)
    like, keys = Likeness(a.text for a in articles), word_keys(words)  # built once for both steps below
    fused, disputes = attach_mentions(fused, words, origins, {a.id: a for a in articles}, like, keys)
    figures = key_figures(fused, origins)  # per source's own claim, before one happening's claims merge
    fused, contradictions, renamed = merge_happenings(
        fused, contradictions + disputes, origins, _embed(models), keys=keys, like=like
    )
    figures = tuple(replace(f, claim_id=renamed.get(f.claim_id, f.claim_id)) for f in figures)
    time = _time_span(fused, articles)
    fused = sorted(_mark_background(fused, time), key=rank_key)
    fused = [c for c in (_furniture_free(c, origins) for c in fused) if c is not None]
    fused, folded = fold_restatements([_without_furniture(c) for c in fused])
    fused, told = fold_reporting_quotes(fused, parsed)
    fused, quoted = fold_quoted(fused)
    quoted = {k: quoted.get(v, v) for k, v in told.items()} | quoted
    fused = [_own_clause(c, parsed) for c in fused]
    folded = {k: quoted.get(v, v) for k, v in folded.items()} | quoted
    figures = tuple(replace(f, claim_id=folded.get(f.claim_id, f.claim_id)) for f in figures)
    live = [c for c in contradictions if c.claim_id not in quoted]  # a quote's words are the speaker's, not a dispute
    contradictions = real_disputes(
        [replace(c, claim_id=folded.get(c.claim_id, c.claim_id)) for c in live], fused, origins=origins
    )
    unique = unique_claims(fused, origins)
    headline, headline_article = choose_headline(articles, fused)
    return EventRecord(
        id=event_id or claim_id("e", articles[0].id),
        headline=headline,
        headline_article=headline_article,
        summary=choose_summary(fused),
        time=time,
        places=_places(fused, extractions),
        participants=tuple(entities.participants()[:MAX_PARTICIPANTS]),
        key_figures=figures + _key_figures(fused),
        claims=tuple(fused),
        contradictions=tuple(contradictions),
        sources=tuple(_sources(articles, origins, links, unique)),
        independent_sources=len(set(origins.values())),
        first_seen=min((a.ingested_at or a.published or "" for a in articles), default=None) or None,
        last_updated=max((a.ingested_at or a.published or "" for a in articles), default=None) or None,
        related=tuple(_storylines(fused, time)),
    )


def _embed(models: FusionModels):
    embedder = getattr(models, "embedder", None)
    return cached_embed(embedder.embed, models.vectors) if embedder is not None else None


def fold_restatements(claims: Sequence[Claim]) -> tuple[list[Claim], dict[str, str]]:
    """Claims whose text is the very sentence of a better-ranked claim, folded into it as its mentions.

    Two claims read from one sentence ("a 2-year-old boy and a man were killed and a woman was
    wounded" as a shooting, a wounding, a drive) say the same to a reader: one claim, the others'
    evidence kept as mentions (not support: they may be other parts of the happening).
    """
    out: list[Claim] = []
    home: dict[str, int] = {}
    renamed: dict[str, str] = {}
    for claim in claims:
        key = " ".join(claim.statement.split()).lower()
        n = home.get(key) if key and not claim.quote else None
        if n is None or not _adds_nothing(claim, out[n]):
            if key and not claim.quote:
                home[key] = len(out)
            out.append(claim)
            continue
        kept = out[n]
        extra = tuple(EventMention(e.article_id, e.trigger_start if e.trigger_start is not None else e.start,
                                   e.trigger_end if e.trigger_end is not None else e.end, e.sentence_start,
                                   e.sentence_end, "") for e in claim.evidence)  # fmt: skip
        # a toll of its own ("and a woman was wounded") goes with the sentence's one claim
        tolls = tuple(v for v in claim.values if v.kind in TYPED and v.kind not in {k.kind for k in kept.values})
        out[n] = replace(kept, mentions=kept.mentions + extra + claim.mentions, values=kept.values + tolls)
        renamed[claim.id] = kept.id
    return out, renamed


def _own_clause(claim: Claim, parsed: dict[str, Doc]) -> Claim:
    """A claim read from a subordinate clause with a status of its own is stated by that clause, not the sentence."""
    doc = parsed.get(clearest(claim).article_id) if claim.evidence and not claim.quote else None
    text = subordinate_statement(doc, claim) if doc is not None else None
    return replace(claim, statement=text) if text else claim


def _furniture_free(claim: Claim, origins) -> Claim | None:
    """A claim without the evidence read from page furniture (a video playlist's titles of other stories); None
    when furniture was all it had. Its support counts only the reports that state it in their news text."""
    clean = tuple(e for e in claim.evidence if not furniture(e.text))
    if len(clean) == len(claim.evidence):
        return claim
    return replace(claim, evidence=clean, support=support(clean, origins, claim.modality)) if clean else None


def _without_furniture(claim: Claim) -> Claim:
    """A claim whose text carries page furniture ("... ruled accidental | Share") takes a clean source sentence."""
    if not furniture(claim.statement):
        return claim
    clean = [e for e in claim.evidence if e.text and not furniture(e.text) and len(e.text.split()) >= MIN_WORDS]
    return replace(claim, statement=clean[0].text) if clean else claim


def _adds_nothing(claim: Claim, kept: Claim) -> bool:
    """Whether a claim read from the kept claim's sentence has no slot of its own (a value, a time, someone)."""
    kinds = {v.kind for v in kept.values}
    return (
        all(v.kind in kinds or v.kind in TYPED for v in claim.values)
        and (claim.time is None or claim.time == kept.time)
        and claim.entity_ids() <= kept.entity_ids()
    )


def _fuse(claims: list[Claim], origins, entities: EntityIndex) -> tuple[list[Claim], list[Contradiction]]:
    fused, contradictions = [], []
    seen: set[str] = set()
    for group in group_claims(claims):
        claim, conflicts = fuse_group(group, origins, entities)
        if claim.id in seen:  # two claims about the same participants: tell them apart by their first report
            first = claim.evidence[0]
            unique = claim_id("k", claim.id, first.article_id, first.start)
            claim = replace(claim, id=unique)
            conflicts = [replace(c, claim_id=unique) for c in conflicts]
        seen.add(claim.id)
        fused.append(claim)
        contradictions.extend(conflicts)
    fused.sort(key=lambda c: (-claim_weight(c), c.evidence[0].published or "", c.evidence[0].start))
    return fused, contradictions


def _time_span(claims: Sequence[Claim], articles: Sequence[Article]) -> TimeSpan:
    published = [a.published_date for a in articles if a.published_date]
    reference = date.fromisoformat(min(published)).toordinal() if published else None
    days = []
    for claim in claims:
        value = claim.time
        if value is None or value.lower is None or value.upper is None or value.upper - value.lower > 1:
            continue  # only day-precise times pin the event down
        if reference is not None and abs(value.lower - reference) > EVENT_WINDOW_DAYS:
            continue
        if any(e.modality == "happened" for e in claim.evidence):
            days.append(int(value.lower))
    if days:
        start, end = date.fromordinal(min(days)).isoformat(), date.fromordinal(max(days)).isoformat()
        return TimeSpan(start, end, "day", f"dates of {len(days)} claims reported as happened")
    if published:
        return TimeSpan(min(published), max(published), "day", "publication dates of the reports (no dated claim)")
    return TimeSpan(None, None, "unknown", "no dated claim and no publication date")


def _mark_background(claims: Sequence[Claim], span: TimeSpan) -> list[Claim]:
    """Claims dated more than EVENT_WINDOW_DAYS from the event's time are its background, and undated ones told
    as earlier ("had hosted", "last year", "in 2005")."""
    if span.start is None or span.end is None:
        return list(claims)
    start, end = date.fromisoformat(span.start).toordinal(), date.fromisoformat(span.end).toordinal()
    out = []
    for claim in claims:
        value = claim.time
        far = (
            value is not None
            and value.lower is not None
            and value.upper is not None
            and (value.upper < start - EVENT_WINDOW_DAYS or value.lower > end + EVENT_WINDOW_DAYS)
        ) or undated_background(claim, date.fromordinal(start).year)
        out.append(replace(claim, background=True) if far else claim)
    return out


def _places(claims: Sequence[Claim], extractions: Sequence[ArticleExtraction]) -> tuple[PlaceRef, ...]:
    """Where the event happens: claim places first, then the most mentioned gazetteer places."""
    counts: Counter = Counter()
    refs: dict[str, PlaceRef] = {}
    for claim in claims:
        if claim.place:
            counts[claim.place.name] += 3 * (claim.support.independent_sources if claim.support else 1)
            refs.setdefault(claim.place.name, claim.place)
    for extraction in extractions:
        for mention in extraction.places:
            counts[mention.name] += 1
            ref = PlaceRef(
                mention.name, mention.country_code, mention.country, mention.latitude, mention.longitude, mention.kind
            )
            if refs.get(mention.name) is None or refs[mention.name].latitude is None:
                refs[mention.name] = ref
    ranked = sorted(counts, key=lambda n: (-counts[n], _PLACE_RANK.get(refs[n].kind, 1), n))
    return tuple(refs[n] for n in ranked[:8])


def _key_figures(claims: Sequence[Claim]) -> tuple[KeyFigure, ...]:
    """Money, durations and other untyped values, each as stated (typed counts are ranged by figures.py)."""
    figures = []
    for claim in claims:
        for value in claim.values:
            if value.kind in TYPED:
                continue
            independent = claim.support.independent_sources if claim.support else 1
            figures.append(KeyFigure(value.kind, value.text, value.value, value.usd, claim.id, independent))
    return tuple(sorted(figures, key=lambda f: -f.independent_sources))


def _sources(articles, origins, links, unique) -> list[SourceRef]:
    out = []
    for article in articles:
        origin = origins.get(article.id, article.id)
        out.append(
            SourceRef(
                article.id,
                article.source,
                article.title,
                article.published,
                article.url,
                origin,
                relation_of(article.id, links) if origin != article.id else None,
                unique.get(article.id, ()),
                article.language,
            )
        )
    return out


def _storylines(claims: Sequence[Claim], span: TimeSpan) -> list[RelatedEvent]:
    """Stated wider happenings: a dated range that contains the event and names places beyond it ("a regional tour")."""
    if span.start is None:
        return []
    start = date.fromisoformat(span.start).toordinal()
    out: dict[tuple, RelatedEvent] = {}
    for claim in claims:
        value = claim.time
        if value is None or "/" not in (value.value or "") or value.lower is None or value.upper is None:
            continue
        if not value.lower <= start <= value.upper:
            continue
        places = tuple(dict.fromkeys(o.text for o in claim.objects if o.label in {"GPE", "LOC"}))
        first, last = value.value.split("/")
        label = storyline_label(claim.description) or claim.trigger
        key = (label, value.value)
        if key in out:  # one storyline stated with several places ("stops in Djibouti and Jordan")
            places = tuple(dict.fromkeys(out[key].places + places))
        out[key] = RelatedEvent(
            "storyline",
            label,
            TimeSpan(first, last, "day", "stated range"),
            places,
            None,
            out.get(key, RelatedEvent("", "", claim_id=claim.id)).claim_id,
        )
    return list(out.values())


def storyline_label(description: str) -> str:
    """The head phrase of a description: "regional tour from August 17-22 that ..." -> "regional tour"."""
    words = []
    for word in description.split():
        if word.lower() in {"from", "in", "on", "that", "which", "of", "to", "between", "with", "(", ","}:
            break
        words.append(word)
    return " ".join(words[:6])


def with_related_events(record: EventRecord, others: Iterable[EventRecord]) -> EventRecord:
    """Link stored records that share a storyline label with this one (the tour's other legs)."""
    labels = {r.label for r in record.related if r.kind == "storyline"}
    links = [
        RelatedEvent("event", other.headline, other.time, tuple(p.name for p in other.places[:3]), other.id)
        for other in others
        if other.id != record.id and labels & {r.label for r in other.related if r.kind == "storyline"}
    ]
    return replace(record, related=record.related + tuple(links)) if links else record
