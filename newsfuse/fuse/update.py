"""Incremental fusion: re-fuse only the events new articles touched, keeping record ids (= event ids) stable.

``update(store, event_ids, settings)`` reads each event's members, their extractions and their
copy/rewrite links from the store, fuses them, and stores the records. An event whose members,
extractions and links are unchanged since it was last fused (same fingerprint) is not re-fused.
An event that no longer has members (merged into another) loses its record.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from newsfuse.extract.pipeline import for_nlp
from newsfuse.fuse.claims import FusionModels
from newsfuse.fuse.independence import as_link
from newsfuse.fuse.parse import parse_articles
from newsfuse.fuse.record import fuse_event, with_related_events
from newsfuse.records import Article
from newsfuse.records.claims import EventRecord, RelatedEvent
from newsfuse.records.mentions import ArticleExtraction
from newsfuse.settings import Settings

FUSION_VERSION = "fuse-16"  # bump when fusion changes, so stored records are re-fused


def article_links(store, article_ids: Sequence[str]) -> list[tuple[str, str, str]]:
    """Copy and rewrite links among the given articles, as (article, origin, kind)."""
    wanted = set(article_ids)
    links = [as_link(link) for link in store.links_for(list(article_ids))]
    return [link for link in links if link is not None and link[0] in wanted and link[1] in wanted]


def fingerprint(
    article_ids: Iterable[str], extractions: Iterable[ArticleExtraction | None], links: Iterable[tuple]
) -> str:
    parts = [FUSION_VERSION, *sorted(article_ids)]
    parts += sorted(
        hashlib.sha256(json.dumps(x.to_json(), sort_keys=True, default=str).encode()).hexdigest()
        for x in extractions
        if x is not None
    )
    parts += sorted("|".join(link) for link in links)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class FusionJob:
    """What fusing one event reads from the store (articles as the parser reads them): ``fuse_job``'s input."""

    event_id: str
    articles: tuple[Article, ...]
    extractions: tuple[ArticleExtraction, ...]
    links: tuple[tuple[str, str, str], ...]


def fuse_job(job: FusionJob, models: FusionModels, parses=None) -> EventRecord:
    """One event's record; ``parses`` (the store, or any object with its parse methods) keeps parses."""
    docs = parse_articles(job.articles, models.nlp, parses)
    return fuse_event(
        list(job.articles), list(job.extractions), list(job.links), models=models, event_id=job.event_id, docs=docs
    )


def update(
    store,
    event_ids: Sequence[str],
    settings: Settings | None = None,
    *,
    models: FusionModels | None = None,
    fuse_many: Callable[[list[FusionJob]], list[EventRecord]] | None = None,
) -> list[EventRecord]:
    """Fuse (or re-fuse) the given events and store their records; returns the records now stored for them.

    ``fuse_many`` fuses the events' jobs elsewhere, all at once (``engine.hooks.fuser_for``: on Ray workers);
    by default each is fused here as it is read.
    """
    settings = settings or Settings()
    event_ids = list(dict.fromkeys(event_ids))
    known = store.event_record_fingerprints(event_ids + [i for i in map(store.resolve_event_id, event_ids) if i])
    records, prints, vanished = [], {}, []
    for event_id in event_ids:
        current = store.resolve_event_id(event_id)
        if current != event_id:  # merged into another event (or gone): its record goes, the survivor's is fused
            vanished.append(event_id)
            if current is None or current in prints or current in event_ids:
                continue
            event_id = current
        member_ids = store.event_members(event_id)
        if not member_ids:
            vanished.append(event_id)
            continue
        articles = store.get_articles(member_ids)
        extractions = [store.get_extraction(a.id) for a in articles]
        links = article_links(store, member_ids)
        prints[event_id] = fingerprint(member_ids, extractions, links)
        if known.get(event_id) == prints[event_id]:
            stored = store.get_event_record(event_id)
            if stored is not None:
                records.append(stored)
                continue
        # the parser reads what extraction read: a very long text up to ``NLP_MAX_CHARS`` (spaCy's E088 otherwise)
        present = tuple(x for x in extractions if x is not None)
        job = FusionJob(event_id, tuple(for_nlp(a) for a in articles), present, tuple(links))
        if fuse_many is None:
            models = models or FusionModels.load()
            records.append(fuse_job(job, models, store if hasattr(store, "load_parses") else None))
        else:
            records.append(job)  # fused below, all together
    if fuse_many is not None:
        fused = iter(fuse_many([r for r in records if isinstance(r, FusionJob)]))
        records = [next(fused) if isinstance(r, FusionJob) else r for r in records]
    records = _link_storylines(store, records)
    changed = [r for r in records if known.get(r.id) != prints.get(r.id)]
    store.put_event_records(changed, {r.id: prints[r.id] for r in changed})
    if vanished:
        store.delete_event_records(vanished)
    return records


def _link_storylines(store, records: list[EventRecord]) -> list[EventRecord]:
    """Link each record with stored records stating the same storyline (the tour's other legs), both ways."""
    out = []
    for record in records:
        labels = {r.label for r in record.related if r.kind == "storyline"}
        if not labels:
            out.append(record)
            continue
        candidates = {}
        for label in labels:
            for other in store.iter_event_records(q=label):
                candidates[other.id] = other
        linked = with_related_events(record, [c for c in candidates.values() if c.id != record.id])
        out.append(linked)
        back = [
            _add_link(other, record)
            for other in candidates.values()
            if other.id != record.id and _shares(other, labels)
        ]
        if back:
            store.put_event_records(back, store.event_record_fingerprints([b.id for b in back]))
    return out


def _shares(record: EventRecord, labels: set[str]) -> bool:
    return bool(labels & {r.label for r in record.related if r.kind == "storyline"})


def _add_link(record: EventRecord, other: EventRecord) -> EventRecord:
    if any(r.event_id == other.id for r in record.related):
        return record
    link = RelatedEvent("event", other.headline, other.time, tuple(p.name for p in other.places[:3]), other.id)
    return replace(record, related=record.related + (link,))
