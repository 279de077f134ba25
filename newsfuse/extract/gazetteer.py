"""Gazetteers for the EntityRuler: countries with demonyms and news variants, default and user organisation lists.

An entry is a canonical name, an OntoNotes label and its aliases. Countries come from pycountry
(official and common names) plus ``data/country_aliases.csv`` (Türkiye/Turkey, U.S., ...; the
first alias listed for a country is its canonical name);
demonyms ("Japanese") from ``data/demonyms.csv`` become NORP entries that resolve to their
country. Users add organisations the model misses with CSV or YAML files of name, type, aliases.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from newsfuse.errors import InputError
from newsfuse.resolve.names import entity_id_for

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    canonical: str
    label: str
    aliases: tuple[str, ...] = ()
    country_code: str | None = None  # for countries and demonyms
    entity_id: str = ""  # stable id, derived from label and canonical name when not given

    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)


def _entry(canonical: str, label: str, aliases: Iterable[str] = (), country_code: str | None = None) -> GazetteerEntry:
    clean = tuple(dict.fromkeys(a.strip() for a in aliases if a and a.strip() and a.strip() != canonical))
    return GazetteerEntry(canonical, label, clean, country_code, entity_id_for(label, canonical))


def _package_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("newsfuse.extract").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def country_entries() -> list[GazetteerEntry]:
    """One GPE entry per country (canonical = the common English name) and one NORP entry per demonym."""
    extra: dict[str, list[str]] = {}
    for row in _package_csv("country_aliases.csv"):
        extra.setdefault(row["country_code"], []).append(row["alias"])
    entries = []
    canonical_by_code = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
        names = [n for n in names if n]
        aliases = extra.get(code, [])
        # The first alias listed for a country is the name English-language news uses ("Turkey").
        canonical = aliases[0] if aliases else names[0]
        canonical_by_code[code] = canonical
        entries.append(_entry(canonical, "GPE", [*names, *aliases], code))
    for row in _package_csv("demonyms.csv"):
        code = row["country_code"]
        if code in canonical_by_code:
            entries.append(
                GazetteerEntry(row["demonym"], "NORP", (), code, entity_id_for("GPE", canonical_by_code[code]))
            )
    return entries


def default_organisations() -> list[GazetteerEntry]:
    return [
        _entry(r["name"], r["type"], (r.get("aliases") or "").split("|")) for r in _package_csv("organisations.csv")
    ]


def load_gazetteer_file(path: str | Path) -> list[GazetteerEntry]:
    """A user gazetteer: CSV with ``name,type,aliases`` (aliases ``|``-separated) or YAML list of mappings."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read gazetteer: {exc}") from exc
    if path.suffix.lower() in {".yaml", ".yml"}:
        rows = list(_yaml_rows(path, text))
    else:
        rows = list(_csv_rows(path, text))
    return rows


def _yaml_rows(path: Path, text: str) -> Iterator[GazetteerEntry]:
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("entries", [])
    if not isinstance(data, list):
        raise InputError(str(path), "expected a list of {name, type, aliases} entries")
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError(str(path), "entry is not a mapping", f"entry {i}")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = aliases.split("|")
        yield _checked(path, f"entry {i}", str(item.get("name") or ""), str(item.get("type") or "ORG"), aliases)


def _csv_rows(path: Path, text: str) -> Iterator[GazetteerEntry]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise InputError(
            str(path), "CSV gazetteer needs a header with at least 'name' (and 'type', 'aliases')", "line 1"
        )
    for line, row in enumerate(reader, start=2):
        aliases = (row.get("aliases") or "").split("|")
        yield _checked(path, f"line {line}", row.get("name") or "", row.get("type") or "ORG", aliases)


def _checked(path: Path, position: str, name: str, label: str, aliases: Iterable[str]) -> GazetteerEntry:
    label = label.strip().upper()
    if not name.strip():
        raise InputError(str(path), "entry has no name", position)
    if label not in LABELS:
        raise InputError(str(path), f"unknown type {label!r}; use one of {', '.join(sorted(LABELS))}", position)
    return _entry(name.strip(), label, aliases)


def build_gazetteer(user_files: Iterable[str | Path] = ()) -> list[GazetteerEntry]:
    """Countries, demonyms, the shipped organisation list, then user files (which win on conflicts)."""
    entries = country_entries() + default_organisations()
    for path in user_files:
        entries.extend(load_gazetteer_file(path))
    return entries
