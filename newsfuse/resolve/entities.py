"""Canonical entities across articles: one id per person, organisation or place, whatever the spelling.

Within an article: acronyms introduced in parentheses ("Turkish Aerospace Industries (TUSAŞ)")
become aliases, titles are stripped ("Defense Minister Gen Nakatani"), and a surname alone
("Nakatani", even when the model calls it an ORG) joins the full name it abbreviates. Across
articles: names are compared folded (Yaşar Güler = Yasar Guler) and close transliterations of a
known person's name join it (Volodymyr Zelensky = Volodymyr Zelenskyy), a surname alone joins the one
person of that surname known in the batch or store, and demonyms resolve to their country
through the gazetteer. Companies are matched without their legal suffix ("Apple Inc." = "Apple"),
and a name the model typed as another organisation-like kind elsewhere ("Airbus" ORG / GPE) joins
the one entity of that name. Ids are content hashes of the canonical kind and folded name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from newsfuse.records.mentions import ArticleExtraction, Entity, EntityMention
from newsfuse.resolve.aliases import (
    batch_expansions,
    batch_kinds,
    batch_trade_forms,
    short_forms,
    with_country_spelled_out,
    without_legal_suffix,
)
from newsfuse.resolve.languages import country_code, is_english
from newsfuse.resolve.models import model_aliases, model_numbers, model_singular, nickname
from newsfuse.resolve.names import TITLE_WORDS, entity_id_for, fold, match_key, name_key, strip_titles, surname

if TYPE_CHECKING:
    from newsfuse.extract.gazetteer import GazetteerEntry

_ACRONYM_GAP = re.compile(r"^\s*\(\s*$")
_KIND = {"GPE": "GPE", "LOC": "GPE", "NORP": "NORP"}


# Kinds the small model confuses for one name; persons and demonyms are kept apart.
_INTERCHANGEABLE = frozenset({"ORG", "GPE", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT"})


def kind_of(label: str) -> str:
    return _KIND.get(label, label)


@dataclass
class EntityIndex:
    """Canonical entities known so far, with the lookups resolution needs. Fill from the store, then resolve."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, folded name or alias) -> id
    by_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # persons only
    forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # id -> surface forms seen
    # The surnames of ``by_surname`` by their first three letters: ``similar_person`` looks at the block of its
    # name's surname, not at every known surname (a scan that grew with the store, per person name resolved).
    by_prefix: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        kind = kind_of(entity.label)
        for name in (entity.canonical, *entity.aliases):
            self.by_key.setdefault((kind, match_key(name)), entity.id)
            self.forms[entity.id][name] += 0
        if entity.label == "PERSON" and len(name_key(entity.canonical).split()) > 1:
            last = surname(entity.canonical)
            self.by_surname[last].add(entity.id)
            self.by_prefix[last[:3]].add(last)

    def person_by_surname(self, last: str) -> str | None:
        ids = self.by_surname.get(last) or set()
        return next(iter(ids)) if len(ids) == 1 else None

    def similar_person(self, name: str) -> str | None:
        """A known person whose name is a transliteration variant of ``name`` ("Zelensky" / "Zelenskyy").

        Same first-name initial, surnames sharing their first three letters, and the folded full
        names at least 90% alike; only when exactly one known person qualifies.
        """
        key, last = name_key(name), surname(name)
        candidates = set()
        for other in self.by_prefix.get(last[:3], ()):
            if other != last:
                candidates |= self.by_surname[other]
        found = {
            entity_id
            for entity_id in candidates
            if (known := name_key(self.entities[entity_id].canonical))[:1] == key[:1]
            and SequenceMatcher(None, known, key).ratio() >= 0.9
        }
        return found.pop() if len(found) == 1 else None


def _person_name(mention: EntityMention) -> str:
    return strip_titles(mention.text)


def _is_full_name(name: str) -> bool:
    return len(name_key(name).split()) > 1


def acronym_aliases(text: str, mentions: list[EntityMention]) -> dict[int, int]:
    """Mention index -> index of the long form it abbreviates, for "Long Name (ACRONYM)"."""
    links = {}
    for i in range(1, len(mentions)):
        long, short = mentions[i - 1], mentions[i]
        if not _ACRONYM_GAP.match(text[long.end : short.start]) or text[short.end : short.end + 1] != ")":
            continue
        if (
            len(short.text) <= 10
            and short.text.replace(".", "").replace("&", "").isupper()
            and _is_full_name(long.text)
        ):
            links[i] = i - 1
    return links


def _people_by_surname(mentions: list[EntityMention]) -> dict[str, str]:
    """Surname -> the full name it stands for in this article, for surnames only one person has."""
    names: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        name = _person_name(mention)
        if mention.label == "PERSON" and _is_full_name(name):
            names[surname(name)].add(name_key(name))
    chosen = {}
    for mention in mentions:
        name = _person_name(mention)
        last = surname(name)
        if mention.label == "PERSON" and len(names.get(last, ())) == 1 and _is_full_name(name):
            chosen.setdefault(last, name)
    return chosen


def _people_by_first_name(mentions: list[EntityMention]) -> dict[str, str]:
    """First name -> the full name it stands for in this article ("Steve" after "Steve Jobs"): the one person
    of that first name, or the one the article is about where several share it (named, in full or by
    surname, at least three times as often as any other: "Steve" in an obituary of Steve Jobs that quotes
    Steve Ballmer once)."""
    full: dict[str, dict[str, str]] = defaultdict(dict)  # first name -> surname -> full name
    for mention in mentions:
        name = _person_name(mention)
        if mention.label == "PERSON" and _is_full_name(name):
            full[name_key(name).split()[0]].setdefault(surname(name), name)
    named = Counter(surname(_person_name(m)) for m in mentions if m.label == "PERSON")
    out = {}
    for first, people in full.items():
        ranked = sorted(people, key=lambda last: -named[last])
        if len(ranked) == 1 or named[ranked[0]] >= 3 * named[ranked[1]]:
            out[first] = people[ranked[0]]
    return out


class EntityResolver:
    """Assigns ``entity_id``/``canonical`` to the mentions of a batch of extractions, growing an ``EntityIndex``."""

    def __init__(self, gazetteer: Mapping[str, GazetteerEntry], index: EntityIndex | None = None) -> None:
        self.gazetteer = gazetteer
        self.index = index or EntityIndex()
        self._gazetteer_ids = {g.entity_id for g in gazetteer.values()}
        self._countries: dict[str, GazetteerEntry] | None = None  # ISO code -> country entry, when first needed
        self._expansions: dict[str, str] = {}  # acronym or short name -> the batch's full name
        self._kinds: dict[str, Counter] = {}  # one-word name -> its labels across the batch
        self._short_forms: dict[str, str] = {}  # "Air Force" -> the article's "United States Air Force"
        self._touched: dict[str, None] = {}  # ids mentions resolved to since ``entities`` last answered, in order

    def resolve(self, extractions: list[ArticleExtraction], texts: Mapping[str, str]) -> list[ArticleExtraction]:
        """Resolve every mention; ``texts`` maps article id to its text (for acronyms in parentheses)."""
        for extraction in extractions:  # first pass: every full person name of the batch is known
            for mention in extraction.entities:
                if mention.label == "PERSON" and _is_full_name(_person_name(mention)) and not mention.entity_id:
                    self._person(_person_name(mention))
        self._expansions = {**batch_trade_forms(extractions), **batch_expansions(extractions)}
        self._kinds = batch_kinds(extractions)
        return [self._resolve_one(e, texts.get(e.article_id, "")) for e in extractions]

    def _person(self, name: str) -> str:
        key = ("PERSON", match_key(name))
        entity_id = self.index.by_key.get(key) or self.index.similar_person(name)
        if entity_id is None:
            entity_id = entity_id_for("PERSON", name)
            if entity_id not in self.index.entities:
                self.index.add(Entity(entity_id, name, "PERSON"))
        self.index.by_key[key] = entity_id
        return entity_id

    def _org_name(self, name: str) -> tuple[str, str]:
        """(name to match, name to show) of an organisation: "U.S. Air Force" is matched as "United States Air
        Force" but shown as written ("America Online" is no "United States Online"); a short form or an
        acronym is matched and shown as the full name it stands for."""
        shown = without_legal_suffix(name)
        name = with_country_spelled_out(shown)
        if name in self._short_forms:  # "Air Force" in an article that said "U.S. Air Force"
            name = shown = self._short_forms[name]
        if self.index.by_key.get(("ORG", match_key(name))) is None and name in self._expansions:
            name = shown = without_legal_suffix(self._expansions[name])  # "USAF": the batch's US Air Force
        return name, shown

    def _named(self, mention: EntityMention, name: str) -> str:
        kind = kind_of(mention.label)
        shown = name
        if kind == "ORG":
            name, shown = self._org_name(name)
        if mention.entity_id:
            entry = self.gazetteer.get(mention.entity_id)
            if mention.entity_id not in self.index.entities and entry is not None:
                label = "GPE" if entry.label == "NORP" and entry.country_code else entry.label
                canonical = self.gazetteer_canonical(entry)
                self.index.add(Entity(mention.entity_id, canonical, label, entry.aliases, entry.country_code))
            return mention.entity_id
        entity_id = self.index.by_key.get((kind, match_key(name))) or self._other_kind(kind, name)
        if entity_id is None and kind == "PRODUCT" and name.endswith("s") and len(name) > 4:  # "iPods": the iPod
            entity_id = self.index.by_key.get((kind, match_key(name[:-1])))
        if entity_id is None:
            entity_id = entity_id_for(mention.label, name)
            if entity_id not in self.index.entities:
                self.index.add(Entity(entity_id, shown, "GPE" if kind == "GPE" else mention.label))
            self.index.by_key[(kind, match_key(name))] = entity_id
        return entity_id

    def _other_kind(self, kind: str, name: str) -> str | None:
        """A name the small model types differently across sources ("Airbus" ORG here, GPE there; "iPhone"
        PRODUCT or ORG): the one entity of another named kind with that multi-letter name, if exactly one."""
        if kind not in _INTERCHANGEABLE or len(name) < 3:
            return None
        key = match_key(name)
        found = {self.index.by_key.get((other, key)) for other in _INTERCHANGEABLE - {kind}} - {None}
        return found.pop() if len(found) == 1 else None

    def gazetteer_canonical(self, entry: GazetteerEntry) -> str:
        if entry.label == "NORP" and entry.country_code:
            country = next(
                (g for g in self.gazetteer.values() if g.label == "GPE" and g.country_code == entry.country_code), None
            )
            return country.canonical if country else entry.canonical
        return entry.canonical

    def _resolve_one(self, extraction: ArticleExtraction, text: str) -> ArticleExtraction:
        mentions = list(extraction.entities)
        doc_people = _people_by_surname(mentions)
        first_names = _people_by_first_name(mentions)
        acronyms = {**model_aliases(mentions), **acronym_aliases(text, mentions)}
        models = model_numbers(mentions)
        self._short_forms = short_forms(mentions, self._expansions)
        resolved: list[EntityMention] = []
        other_language = not is_english(extraction.language)
        for i, mention in enumerate(mentions):
            mention = self._relabel(mention, doc_people)
            if other_language:
                mention = self._country_in_any_language(mention)
            if i in acronyms:
                long = resolved[acronyms[i]]
                entity_id = long.entity_id
                self.index.by_key.setdefault((kind_of(long.label), match_key(mention.text)), entity_id)
                mention = replace(mention, label=long.label)
            elif mention.label == "PERSON" and not mention.entity_id:
                entity_id = self._person_mention(mention, doc_people, first_names)
            else:
                known = self.index.by_key.get(("PRODUCT", match_key(models[i]))) if i in models else None
                # "Airbus A380" after an article that said "the A380": the model number names the product
                entity_id = known or self._named(mention, model_singular(mention))
                if i in models:  # "Boeing 787": the model number alone names it in later articles too
                    self.index.by_key.setdefault(("PRODUCT", match_key(models[i])), entity_id)
                    name = nickname(mention)  # and so does its nickname ("Dreamliner")
                    if name:
                        self.index.by_key.setdefault(("PRODUCT", match_key(name)), entity_id)
            self.index.forms[entity_id][_person_name(mention) if mention.label == "PERSON" else mention.text] += 1
            self._touched[entity_id] = None
            resolved.append(replace(mention, entity_id=entity_id))
        return replace(extraction, entities=tuple(replace(m, canonical=self.canonical(m.entity_id)) for m in resolved))

    def _country_in_any_language(self, mention: EntityMention) -> EntityMention:
        """A place the extractor left unlinked that names a country in some language ("Turquie" from the French
        model, "Türkei") joins that country's entity, the one its English name has."""
        if mention.entity_id or kind_of(mention.label) != "GPE":
            return mention
        code = country_code(mention.text)
        if code is None:
            return mention
        if self._countries is None:
            self._countries = {
                g.country_code: g for g in self.gazetteer.values() if g.label == "GPE" and g.country_code
            }
        entry = self._countries.get(code)
        return replace(mention, entity_id=entry.entity_id, label="GPE") if entry else mention

    def _relabel(self, mention: EntityMention, doc_people: dict[str, str]) -> EntityMention:
        """The small model calls a lone surname an ORG ("Nakatani met ..."), a titled name a WORK_OF_ART, and
        a company's one-word name a person ("Ryanair said"): the batch's other sources decide."""
        if mention.entity_id:
            return mention
        if mention.label == "PERSON":
            return self._person_or_not(mention, doc_people)
        name = strip_titles(mention.text)
        last = surname(name)
        if name_key(name) == last and (last in doc_people or self.index.person_by_surname(last)):
            return replace(mention, label="PERSON")
        if _is_full_name(name) and (last in doc_people and name_key(doc_people[last]) == name_key(name)):
            return replace(mention, label="PERSON")
        return mention

    def _person_or_not(self, mention: EntityMention, doc_people: dict[str, str]) -> EntityMention:
        """A one-word "person" that is nobody's surname here or known, and that as many of the batch's sources
        call an organisation or product as call it a person, is that organisation or product (people are
        introduced by their full name; a single word nobody gives in full is a weak person)."""
        name = mention.text
        if " " in name or surname(name) in doc_people or self.index.person_by_surname(surname(name)):
            return mention
        votes = self._kinds.get(match_key(name))
        if not votes:
            return mention
        other = max((k for k in votes if k != "PERSON"), key=votes.__getitem__, default=None)
        return replace(mention, label=other) if other and votes[other] >= votes["PERSON"] else mention

    def _person_mention(
        self, mention: EntityMention, doc_people: dict[str, str], first_names: dict[str, str] | None = None
    ) -> str:
        name = _person_name(mention)
        if _is_full_name(name):
            return self._person(name)
        last = surname(name)
        if last in doc_people:
            return self._person(doc_people[last])
        if first_names and last in first_names:  # "Steve" in an article about Steve Jobs (and no other Steve)
            return self._person(first_names[last])
        known = self.index.person_by_surname(last)
        return known if known else self._person(name)

    def canonical(self, entity_id: str | None) -> str | None:
        """The most used surface form wins, ties going to the spelling with diacritics (the original)."""
        entity = self.index.entities.get(entity_id or "")
        if entity is None:
            return None
        if entity.id in self._gazetteer_ids or entity.label != "PERSON":
            return entity.canonical
        forms = [f for f in self.index.forms.get(entity.id, Counter()) if _is_full_name(f)] or [entity.canonical]
        forms = [strip_titles(f) for f in forms]
        return max(forms, key=lambda f: (self.index.forms[entity.id][f], fold(f) != f, -len(f)))

    def entities(self) -> list[Entity]:
        """Every canonical entity with the aliases seen so far."""
        self._touched.clear()
        return self.entities_of(self.index.entities)

    def entities_of(self, entity_ids: Iterable[str]) -> list[Entity]:
        """The known entities of ``entity_ids`` with the aliases seen so far, in the index's order."""
        out = []
        for entity_id in entity_ids:
            entity = self.index.entities.get(entity_id)
            if entity is None:
                continue
            seen = [f for f in self.index.forms.get(entity.id, {}) if f and f.casefold() not in TITLE_WORDS]
            canonical = self.canonical(entity.id) or entity.canonical
            aliases = tuple(sorted({entity.canonical, *entity.aliases, *seen} - {canonical}))
            out.append(replace(entity, canonical=canonical, aliases=aliases))
        return out


class KeptResolver(EntityResolver):
    """The resolver a long-running caller (the watcher) keeps across batches, every stored entity in its index.

    ``entities`` answers only the entities mentions were resolved to since it last answered: every other
    known entity is stored as it is (its name, aliases and surface forms change only when a mention
    resolves to it), and the caller stores those a batch mentions. So storing a batch's entities costs
    the batch, not the store (the whole index, 2.5 entities per stored article, was rebuilt per batch).
    """

    @classmethod
    def of(cls, gazetteer: Mapping[str, GazetteerEntry], known: Iterable[Entity]) -> KeptResolver:
        index = EntityIndex()
        for entity in known:
            index.add(entity)
        return cls(gazetteer, index)

    def entities(self) -> list[Entity]:
        """The entities mentions resolved to since the last call (see the class), first resolved first."""
        touched, self._touched = self._touched, {}
        return self.entities_of(touched)


def resolve_batch(
    extractions: Iterable[ArticleExtraction],
    texts: Mapping[str, str],
    gazetteer: Mapping[str, GazetteerEntry],
    known: Iterable[Entity] = (),
) -> tuple[list[ArticleExtraction], list[Entity]]:
    """Resolve a batch against already known entities; returns the resolved extractions and all entities."""
    index = EntityIndex()
    for entity in known:
        index.add(entity)
    resolver = EntityResolver(gazetteer, index)
    resolved = resolver.resolve(list(extractions), texts)
    return resolved, resolver.entities()
