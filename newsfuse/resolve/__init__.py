"""Cross-document entity resolution: canonical entities with ids, roles, and quote speakers linked to them.

Stage entry point: ``resolve_extractions(extractions, texts, resolver)`` with an
``EntityResolver`` that holds the entities known so far (from the store or earlier batches).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from newsfuse.records.mentions import ArticleExtraction, EntityMention, Quote
from newsfuse.resolve.coref import with_coreferences
from newsfuse.resolve.entities import EntityIndex, EntityResolver, KeptResolver, resolve_batch
from newsfuse.resolve.names import name_key, strip_titles, surname
from newsfuse.resolve.roles import find_roles


def _speaker_id(quote: Quote, entities: tuple[EntityMention, ...]) -> str | None:
    if not quote.speaker:
        return None
    key = name_key(strip_titles(quote.speaker))
    for mention in entities:
        if mention.entity_id and name_key(strip_titles(mention.text)) == key:
            return mention.entity_id
    last = surname(quote.speaker)
    people = {m.entity_id for m in entities if m.label == "PERSON" and surname(m.text) == last}
    return people.pop() if len(people) == 1 else None


def link_speakers(extraction: ArticleExtraction) -> ArticleExtraction:
    quotes = tuple(replace(q, speaker_entity_id=_speaker_id(q, extraction.entities)) for q in extraction.quotes)
    return replace(extraction, quotes=quotes)


def resolve_extractions(
    extractions: list[ArticleExtraction], texts: Mapping[str, str], resolver: EntityResolver
) -> list[ArticleExtraction]:
    """Canonical entity ids on every mention, role facts, quote speakers linked to their entity, and
    pronouns and descriptions linked to the named mention they refer to (``resolve.coref``)."""
    resolved = resolver.resolve(extractions, texts)
    out = []
    for extraction in resolved:
        text = texts.get(extraction.article_id, "")
        roles = tuple(find_roles(text, list(extraction.entities)))
        out.append(with_coreferences(link_speakers(replace(extraction, roles=roles)), text))
    return out


__all__ = ["EntityIndex", "EntityResolver", "KeptResolver", "resolve_batch", "resolve_extractions"]
