"""Stored persons known by a surname only ("Nakatani"), filed by surname, for long runs that merge them per batch.

``merge_surname_entities`` points such a person at the one full-name person of that surname. A
merge can only become possible for a surname a batch mentions (a new full name, or a new
surname-only person), so a long-running caller keeps this index and looks only at those
surnames, instead of reading every stored person per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from newsfuse.records.mentions import Entity
from newsfuse.resolve.names import name_key, surname


def is_surname_only(entity: Entity) -> bool:
    return entity.label == "PERSON" and len(name_key(entity.canonical).split()) == 1


class SurnameOnlyPersons:
    """Surname -> ids of the stored surname-only persons; fed every entity a batch stores."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.add(entities)

    @classmethod
    def from_store(cls, store) -> SurnameOnlyPersons:
        return cls(store.entities(label="PERSON"))

    def add(self, entities: Iterable[Entity]) -> None:
        for entity in entities:
            if is_surname_only(entity):
                self.by_surname[surname(entity.canonical)].add(entity.id)

    def discard(self, entity_ids: Iterable[str]) -> None:
        gone = set(entity_ids)
        for ids in self.by_surname.values():
            ids -= gone

    def with_surnames(self, surnames: Iterable[str]) -> list[str]:
        return sorted({i for s in surnames for i in self.by_surname.get(s, ())})
