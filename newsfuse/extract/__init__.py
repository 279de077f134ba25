"""Extraction: who, what, when, where and how much, as typed mentions with offsets into each article.

Stage entry points:

- ``extract_articles(articles, models)``: one ``ArticleExtraction`` per article, no store (``extract.pipeline``).
- ``extract_and_resolve(articles, models)``: the same with entities resolved across the batch.
- ``update(store, article_ids, settings, models)``: extract, resolve against the store's entities and store;
  repeating it changes nothing (content-hash ids, one row per article).
- ``dates.reanchor(extraction, anchor_date)``: resolve an undated article's relative dates once its event's date is known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from newsfuse.extract.nlp import ExtractionModels, load_models
from newsfuse.extract.pipeline import (
    EXTRACTOR_VERSION,
    extract_articles,
    extract_with_parses,
    start_workers,
    stop_workers,
)
from newsfuse.extract.surnames import SurnameOnlyPersons, is_surname_only
from newsfuse.records import Article, Skipped
from newsfuse.records.mentions import ArticleExtraction, Entity
from newsfuse.resolve import EntityIndex, EntityResolver, resolve_extractions
from newsfuse.resolve.names import surname


@dataclass
class UpdateReport:
    extracted: list[str] = field(default_factory=list)
    already_extracted: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    merged_entities: int = 0

    def to_json(self) -> dict:
        return {
            "extracted": len(self.extracted),
            "already_extracted": len(self.already_extracted),
            "merged_entities": self.merged_entities,
            "skipped": [{"input": s.input, "position": s.position, "reason": s.reason} for s in self.skipped],
        }


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), max(1, size)):
        yield items[start : start + size]


def extract_and_resolve(
    articles: Iterable[Article],
    models: ExtractionModels,
    resolver: EntityResolver | None = None,
    chunk_size: int = 200,
    on_error: Callable[[Article, Exception], None] | None = None,
    extractor: Callable | None = None,
) -> Iterator[ArticleExtraction]:
    """Extract and resolve entities across everything seen so far, ``chunk_size`` articles at a time
    (``extractor``: as in ``update``)."""
    resolver = resolver or EntityResolver(models.by_entity_id)
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= chunk_size:
            yield from _resolve_chunk(chunk, models, resolver, on_error, extractor)[0]
            chunk = []
    if chunk:
        yield from _resolve_chunk(chunk, models, resolver, on_error, extractor)[0]


def _resolve_chunk(
    chunk, models, resolver, on_error, extractor=None
) -> tuple[list[ArticleExtraction], dict[str, bytes]]:
    """The chunk's resolved extractions, and fusion's parses by article id where ``models.parser`` is set.

    An engine's ``extractor`` returns extractions only: fusion's parse is then made where fusion runs."""
    if extractor is not None:
        extractions, parses = list(extractor(chunk, models, on_error=on_error)), {}
    else:
        pairs = list(extract_with_parses(chunk, models, on_error=on_error))
        parses = {x.article_id: parse for x, parse in pairs if parse is not None}
        extractions = [x for x, _ in pairs]
    return resolve_extractions(extractions, {a.id: a.text for a in chunk}, resolver), parses


def store_resolver(store, models: ExtractionModels) -> EntityResolver:
    """A resolver knowing every entity stored so far (its cost grows with them: long runs keep one)."""
    index = EntityIndex()
    for entity in store.entities():
        index.add(entity)
    return EntityResolver(models.by_entity_id, index)


def update(
    store,
    article_ids: Sequence[str],
    settings=None,
    models: ExtractionModels | None = None,
    *,
    force: bool = False,
    resolver: EntityResolver | None = None,
    extractor: Callable | None = None,
    persons: SurnameOnlyPersons | None = None,
) -> UpdateReport:
    """Extract the given stored articles, resolve their entities against the store's, and store the results.

    Pass the same ``resolver`` (from ``store_resolver``) to successive calls to skip reloading every entity,
    and the same ``persons`` (``SurnameOnlyPersons.from_store``) to skip reading every stored person.
    ``extractor`` (``extract_articles``' signature) extracts elsewhere, e.g. on Ray (``engine.hooks``).
    """
    if models is None:
        models = load_models(settings.gazetteers if settings is not None else ())
    batch_size = settings.batch_size if settings is not None else 200
    ids = list(dict.fromkeys(article_ids))
    done = set() if force else store.extracted_ids(ids, EXTRACTOR_VERSION)
    report = UpdateReport(already_extracted=[i for i in ids if i in done])
    resolver = resolver or store_resolver(store, models)
    touched: set[str] = set()  # surnames of the persons this call stores

    def record(article: Article, exc: Exception) -> None:
        report.skipped.append(Skipped(article.origin or article.id, f"extraction failed: {exc}", article.id))

    for chunk in _chunks([i for i in ids if i not in done], batch_size):
        articles = store.get_articles(list(chunk))
        resolved, parses = _resolve_chunk(articles, models, resolver, record, extractor)
        if parses:  # fusion reads them back instead of parsing again
            store.save_parses(models.parser_key, parses)
        mentioned = {m.entity_id for e in resolved for m in e.entities if m.entity_id}
        mentioned |= {r.of_entity_id for e in resolved for r in e.roles if r.of_entity_id}
        entities = [e for e in resolver.entities() if e.id in mentioned]
        store.put_extractions(resolved, entities, EXTRACTOR_VERSION)
        report.extracted.extend(e.article_id for e in resolved)
        touched |= {surname(e.canonical) for e in entities if e.label == "PERSON"}
        if persons is not None:
            persons.add(entities)
    report.merged_entities = merge_surname_entities(store, resolver, persons, touched)
    return report


def merge_surname_entities(
    store, resolver: EntityResolver, persons: SurnameOnlyPersons | None = None, surnames: Iterable[str] = ()
) -> int:
    """Point stored surname-only persons ("Nakatani") at the one full-name person of that surname found since.

    Without ``persons`` every stored person is read; with it, only those of ``surnames`` (the ones a
    batch stored: no other surname can have gained its one full-name person).
    """
    if persons is None:
        sources = [e for e in store.entities(label="PERSON") if is_surname_only(e)]
    else:
        sources = [e for e in map(store.get_entity, persons.with_surnames(surnames)) if e and is_surname_only(e)]
    merges: dict[str, str] = {}
    for entity in sources:
        target = resolver.index.person_by_surname(surname(entity.canonical))
        if target and target != entity.id and store.get_entity(target) is not None:
            merges[entity.id] = target
    if not merges:
        return 0
    if persons is not None:
        persons.discard(merges)
    articles = {o.article_id for source in merges for o in store.entity_mentions(source)}
    updated = [_repoint(store.get_extraction(a), merges, store) for a in sorted(articles)]
    targets = [store.get_entity(t) for t in set(merges.values())]
    store.put_extractions([u for u in updated if u is not None], [t for t in targets if t], EXTRACTOR_VERSION)
    store.delete_entities(list(merges))
    return len(merges)


def _repoint(extraction: ArticleExtraction | None, merges: dict[str, str], store) -> ArticleExtraction | None:
    if extraction is None:
        return None
    canonical = {t: store.get_entity(t).canonical for t in set(merges.values())}
    entities = tuple(
        replace(m, entity_id=merges[m.entity_id], canonical=canonical[merges[m.entity_id]], label="PERSON")
        if m.entity_id in merges
        else m
        for m in extraction.entities
    )
    roles = tuple(
        replace(r, person_entity_id=merges.get(r.person_entity_id, r.person_entity_id)) for r in extraction.roles
    )
    quotes = tuple(
        replace(q, speaker_entity_id=merges.get(q.speaker_entity_id, q.speaker_entity_id)) for q in extraction.quotes
    )
    return replace(extraction, entities=entities, roles=roles, quotes=quotes)


__all__ = [
    "start_workers",
    "stop_workers",
    "Entity",
    "ExtractionModels",
    "SurnameOnlyPersons",
    "UpdateReport",
    "extract_and_resolve",
    "extract_articles",
    "load_models",
    "update",
]
