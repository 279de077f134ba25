"""Named entity mentions from spaCy and the gazetteer EntityRuler, cleaned into ``EntityMention`` records."""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.extract.entity_repairs import repaired
from newsfuse.extract.entity_spans import consistent_types, newswire_boundaries, organisation_names, products
from newsfuse.extract.languages import entities as other_languages
from newsfuse.extract.languages import is_english, language_code
from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.names import TITLE_WORDS

# Numeric and temporal types are handled by the date, money and quantity extractors.
ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_TRIM_START = {"'s", "’s", "'", "’", '"', "“", "”", "``", "''", "‘", "-", "–", ",", "(", ")"}


def _is_noise(text: str) -> bool:
    """Spans the small model mislabels: all-lowercase words ("navy"), bare titles ("Defense")."""
    if not any(c.isupper() for c in text):
        return True
    words = text.casefold().replace(".", "").split()
    return all(w in TITLE_WORDS or w.rstrip("s") in TITLE_WORDS for w in words)


_DEFINED_ACRONYM = re.compile(r"((?:[a-z][\w-]*\s+){2,6})\(([A-Z]{2,6})s?\)")
_ACRONYM_IN_PARENS = re.compile(r"\([A-Z]{2,6}s?\)")
# A definition's words and spaces are all in [\w\s-], so it starts after the last other character before "(".
_NOT_IN_PHRASE = re.compile(r"[^\w\s-]")
_LOOKBACK = 300  # characters searched for that boundary before falling back to the previous acronym


def _phrase_start(text: str, floor: int, paren: int) -> int:
    """Where a definition ending at ``paren`` can start at the earliest, never before ``floor``."""
    ends = [m.end() for m in _NOT_IN_PHRASE.finditer(text, max(floor, paren - _LOOKBACK), paren)]
    # Without a boundary in the window the phrase may run on before it: search from ``floor``.
    return ends[-1] if ends else floor


def common_noun_acronyms(text: str) -> set[str]:
    """Acronyms the text defines for lowercase phrases: "unmanned aerial vehicle (UAV)" -> {"UAV"}.

    The small model tags such acronyms as organisations; they name a kind of thing, not an entity.
    Scanning ``_DEFINED_ACRONYM`` over the whole text tries it at every lowercase letter; it is run only
    over the words just before each "(ACRONYM)", which finds the same matches.
    """
    found = set()
    floor = 0
    for candidate in _ACRONYM_IN_PARENS.finditer(text):
        match = _DEFINED_ACRONYM.search(text, _phrase_start(text, floor, candidate.start()), candidate.end())
        floor = candidate.end()
        if match is None:
            continue
        acronym = match.group(2)
        initials = "".join(w[0] for w in re.split(r"[\s-]+", match.group(1).strip())).upper()
        if initials.endswith(acronym):
            found.add(acronym)
    return found


def find_entities(doc, models, text: str | None = None, language: str | None = None) -> list[EntityMention]:
    """Entity mentions with offsets into ``doc.text``; gazetteer hits already carry their canonical entity.

    ``text`` is ``doc.text`` when the caller holds it already (``Doc.text`` rebuilds the string on every access).
    A ``language`` other than English is read by ``extract.languages.entities``.
    """
    text = doc.text if text is None else text
    if not is_english(language):
        names = models.language_models().names()
        return organisation_patterns(text, other_languages.find_entities(doc, names, text, language_code(language)))
    found = []
    not_names = common_noun_acronyms(text)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        first, last = _trimmed(doc, ent.start, ent.end)
        if first == last:
            continue
        end_token = doc[last - 1]
        start, end = doc[first].idx, end_token.idx + len(end_token.text)
        surface = text[start:end]
        if _is_noise(surface) or surface.rstrip("s") in not_names:
            continue
        # ``Span.ent_id_`` rescans the whole Doc on every access; the first token carries the same id.
        entity_id = doc[ent.start].ent_id_ or None
        entry = models.by_entity_id.get(entity_id) if entity_id else None
        found.append(EntityMention(start, end, surface, ent.label_, entity_id, entry.canonical if entry else None))
    found = sports_sides(text, organisation_patterns(text, found), models.country_name_set())
    found = organisation_names(text, products(text, newswire_boundaries(found)))
    return consistent_types(text, repaired(text, found))


_TEAM = r"[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|de|del|da|of|and))*?"
# "Ajax 2 Feyenoord 1", "Japan 2 Syria 1 ( halftime 1-0 )": a result line names two sides.
_RESULT = re.compile(rf"^(?P<a>{_TEAM}) \d{{1,3}} (?P<b>{_TEAM}) \d{{1,3}}\b", re.MULTILINE)
# "Ajax 17 12 3 2 40 15 39": a standings line names one side followed by its figures.
_STANDING = re.compile(rf"^(?P<a>{_TEAM})(?: \d{{1,3}}){{4,}}[ \t]*$", re.MULTILINE)


_SUFFIX = re.compile(
    r"\b(?:[A-Z][\w&.'’-]*,?\s){1,4}(?:Inc|Corp|Corporation|Co|Ltd|Limited|AG|SA|S\.A|plc|PLC|LLC|GmbH|NV|N\.V|SE|SpA|BV|"
    r"Holdings)\b\.?"
)
_SUFFIX_WORDS = (
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Limited",
    "AG",
    "SA",
    "S.A",
    "plc",
    "PLC",
    "LLC",
    "GmbH",
    "NV",
    "N.V",
    "SE",
)
_SUFFIX_WORDS += ("SpA", "BV", "Holdings")
_ABBREVIATED_SUFFIX = re.compile(r"\b(?:Inc|Corp|Co|Ltd|S\.A|N\.V)\.$")
# Heads that make a name an organisation whatever the model thought ("Democratic Party", "FC Porto").
_ORG_HEAD = re.compile(
    r"(?:\b(?:Party|Agency|Ministry|Commission|Bureau|Department|Association|Federation|Club|Committee|"
    r"Authority|Institute|University|Bank|Airlines|Airways|Group|FC|Council|Corporation|Company|"
    r"United|Rovers|Athletic|Wanderers|Albion|Hotspur|Rangers)$|^(?:FC|AC|AS|SC) )"
)


def organisation_patterns(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Companies with a legal suffix ("Siemens AG", "Apple Inc.") as one ORG span, the model's pieces of it
    replaced; names headed by Party, Agency, Ministry, Club ... labelled ORG."""
    out = [
        replace(m, label="ORG") if m.label in {"NORP", "GPE", "PERSON", "PRODUCT"} and _ORG_HEAD.search(m.text) else m
        for m in mentions
    ]
    if not any(suffix in text for suffix in _SUFFIX_WORDS):
        return out
    for match in _SUFFIX.finditer(text):
        start, end = match.span()
        if match.group().endswith(".") and not _ABBREVIATED_SUFFIX.search(match.group()):
            end -= 1  # "Siemens AG." ends its sentence; "Apple Inc." keeps its abbreviation's full stop
        inside = [m for m in out if m.start < end and start < m.end]
        if not inside or not all(start <= m.start and m.end <= end + 1 for m in inside):
            continue  # only where the model found the name itself: the suffix completes it
        name_start = min(m.start for m in inside)
        out = [m for m in out if m not in inside]
        out.append(
            EntityMention(name_start, end, text[name_start:end], "ORG", inside[0].entity_id, inside[0].canonical)
        )
    return sorted(out, key=lambda m: m.start)


def sports_sides(text: str, mentions: list[EntityMention], countries: frozenset[str]) -> list[EntityMention]:
    """The sides named in results and standings lines, which the model reads as places or people.

    Clubs are organisations; a side named like a country is its national team, written as the
    country (GPE), as newswire annotation does. The model's own mentions inside the side's name are
    replaced.
    """
    if not any(ch.isdigit() for ch in text):
        return mentions
    sides: list[tuple[int, int]] = []
    for pattern, groups in ((_RESULT, ("a", "b")), (_STANDING, ("a",))):
        for match in pattern.finditer(text):
            sides += [match.span(g) for g in groups]
    if not sides:
        return mentions
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in sides)]
    for start, end in sides:
        name = text[start:end]
        kept.append(EntityMention(start, end, name, "GPE" if name.casefold() in countries else "ORG"))
    return sorted(kept, key=lambda m: m.start)


def _trimmed(doc, first: int, last: int) -> tuple[int, int]:
    """Token range ``[first, last)`` without leading and trailing quotes, dashes, brackets and "'s"."""
    while last > first and doc[last - 1].text in _TRIM_START:
        last -= 1
    while first < last and doc[first].text in _TRIM_START:
        first += 1
    return first, last
