"""Named entity mentions from spaCy and the gazetteer EntityRuler, cleaned into ``EntityMention`` records."""

from __future__ import annotations

import re

from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.names import TITLE_WORDS

# Numeric and temporal types are handled by the date, money and quantity extractors.
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_TRIM_START = {"'s", "’s", "'", "’", '"', "“", "”", "-", "–", ",", "(", ")"}


def _is_noise(text: str) -> bool:
    """Spans the small model mislabels: all-lowercase words ("navy"), bare titles ("Defense")."""
    if not any(c.isupper() for c in text):
        return True
    words = text.casefold().replace(".", "").split()
    return all(w in TITLE_WORDS or w.rstrip("s") in TITLE_WORDS for w in words)


_DEFINED_ACRONYM = re.compile(r"((?:[a-z][\w-]*\s+){2,6})\(([A-Z]{2,6})s?\)")


def common_noun_acronyms(text: str) -> set[str]:
    """Acronyms the text defines for lowercase phrases: "unmanned aerial vehicle (UAV)" -> {"UAV"}.

    The small model tags such acronyms as organisations; they name a kind of thing, not an entity.
    """
    found = set()
    for match in _DEFINED_ACRONYM.finditer(text):
        acronym = match.group(2)
        initials = "".join(w[0] for w in re.split(r"[\s-]+", match.group(1).strip())).upper()
        if initials.endswith(acronym):
            found.add(acronym)
    return found


def find_entities(doc, models) -> list[EntityMention]:
    """Entity mentions with offsets into ``doc.text``; gazetteer hits already carry their canonical entity."""
    found = []
    text = doc.text  # ``Doc.text`` rebuilds the string on every access
    not_names = common_noun_acronyms(text)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        tokens = list(ent)
        while tokens and tokens[-1].text in _TRIM_START:
            tokens.pop()
        while tokens and tokens[0].text in _TRIM_START:
            tokens.pop(0)
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        surface = text[start:end]
        if _is_noise(surface) or surface.rstrip("s") in not_names:
            continue
        # ``Span.ent_id_`` rescans the whole Doc on every access; the first token carries the same id.
        entity_id = ent[0].ent_id_ or None
        entry = models.by_entity_id.get(entity_id) if entity_id else None
        found.append(EntityMention(start, end, surface, ent.label_, entity_id, entry.canonical if entry else None))
    return found
