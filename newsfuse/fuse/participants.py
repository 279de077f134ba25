"""Who takes part in an event: canonical entities across its articles, their roles, and role phrases resolved to people.

The resolver's ``entity_id`` is used whenever extraction set one. Mentions it left unresolved
get a key of their folded name, and a surname-only person mention joins the one full name in
the event that ends with it, so fusion still counts "Güler" and "Yaşar Güler" as one person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsfuse.records.claims import Participant
from newsfuse.records.mentions import ArticleExtraction, EntityMention, RoleFact
from newsfuse.resolve.names import name_key, strip_titles, surname

PARTICIPANT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers"}


def local_key(text: str) -> str:
    return "local:" + name_key(strip_titles(text))


@dataclass
class EntityIndex:
    """Canonical entity keys, names, labels and roles over one event's extractions."""

    names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    labels: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    articles: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    mentions: Counter = field(default_factory=Counter)
    roles: list[RoleFact] = field(default_factory=list)
    country_codes: dict[str, str] = field(default_factory=dict)
    _surnames: dict[str, set[str]] = field(default_factory=dict)  # surname -> full-name keys
    _redirect: dict[str, str] = field(default_factory=dict)  # resolver id of a lone surname -> its full name's key

    @classmethod
    def build(cls, extractions: Iterable[ArticleExtraction]) -> EntityIndex:
        index = cls()
        extractions = list(extractions)
        for extraction in extractions:
            for mention in extraction.entities:
                if mention.label == "PERSON" and len(strip_titles(mention.text).split()) > 1:
                    index._surnames.setdefault(surname(mention.text), set()).add(
                        mention.entity_id or local_key(mention.text)
                    )
        for extraction in extractions:
            for mention in extraction.entities:
                index._add(mention, extraction.article_id)
            index.roles.extend(extraction.roles)
        return index

    def key(self, mention: EntityMention) -> str:
        """The resolver's id; but a lone surname goes to the one full name in the event that ends with it."""
        words = strip_titles(mention.text).split()
        if mention.label == "PERSON" and len(words) == 1:
            full = self._surnames.get(surname(mention.text), set())
            if len(full) == 1:
                return next(iter(full))
        return mention.entity_id or local_key(mention.text)

    def canonical_id(self, entity_id: str) -> str:
        return self._redirect.get(entity_id, entity_id)

    def _add(self, mention: EntityMention, article_id: str) -> None:
        key = self.key(mention)
        if mention.entity_id and key != mention.entity_id:
            self._redirect[mention.entity_id] = key
        self.names[key][mention.canonical or strip_titles(mention.text)] += 1
        self.labels[key][mention.label] += 1
        self.articles[key].add(article_id)
        self.mentions[key] += 1

    def name(self, key: str) -> str:
        names = self.names.get(key)
        if not names:
            return key.removeprefix("local:")
        # the longest of the frequent names: "Yaşar Güler" over "Güler"
        top = max(names.values())
        return max((n for n, c in names.items() if c * 3 >= top), key=len)

    def label(self, key: str) -> str | None:
        labels = self.labels.get(key)
        return labels.most_common(1)[0][0] if labels else None

    def person_for_role(self, head_word: str, of_keys: set[str]) -> str | None:
        """The one person the event's role facts give for "Japan's defence minister" (role head + country)."""
        head_word = head_word.lower()
        found = {
            self.canonical_id(r.person_entity_id)
            for r in self.roles
            if r.role.split() and r.role.split()[-1] == head_word and (not of_keys or r.of_entity_id in of_keys)
        }
        return found.pop() if len(found) == 1 else None

    def participants(self) -> list[Participant]:
        """People, then organisations, then places and groups, each most mentioned first, with their roles."""
        roles: dict[str, list[str]] = defaultdict(list)
        for fact in self.roles:
            of = f" of {self.name(fact.of_entity_id)}" if fact.of_entity_id else ""
            text = f"{fact.role}{of}"
            person = self.canonical_id(fact.person_entity_id)
            if text not in roles[person]:
                roles[person].append(text)
        out = []
        for key, count in self.mentions.most_common():
            label = self.label(key)
            if label not in PARTICIPANT_LABELS:
                continue
            aliases = tuple(sorted(n for n in self.names[key] if n != self.name(key)))
            out.append(
                Participant(
                    entity_id=key,
                    name=self.name(key),
                    label=label,
                    roles=tuple(roles.get(key, ())),
                    aliases=aliases,
                    country_code=self.country_codes.get(key),
                    articles=len(self.articles[key]),
                    mentions=count,
                )
            )
        rank = {"PERSON": 0, "ORG": 1}
        return sorted(out, key=lambda p: (rank.get(p.label, 2), -p.mentions, p.name))
