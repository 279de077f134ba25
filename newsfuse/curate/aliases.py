"""Every name of a country: the gazetteer's English names and aliases plus pycountry's translations, so a
filter for Türkiye, Turkey or Turquía finds the same events."""

from __future__ import annotations

import csv
import gettext
from functools import cache
from pathlib import Path

import pycountry

from newsfuse.resolve.names import name_key

# Read as a file: importing ``newsfuse.extract`` would load spaCy, seconds a CLI listing should not pay.
COUNTRY_ALIASES = Path(__file__).resolve().parents[1] / "extract" / "data" / "country_aliases.csv"
# Languages whose country names news archives mostly carry; pycountry ships their translations.
LANGUAGES = ("es", "fr", "de", "it", "pt", "nl", "tr", "ru", "ar", "id", "ja", "zh_CN")


@cache
def country_names() -> dict[str, str]:
    """name key -> ISO 3166 alpha-2 code, over every name of every country (built once: pure data)."""
    out = {name_key(alias): code for alias, code in english_aliases()}
    for language in ("en", *LANGUAGES):
        try:
            translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
        except OSError:
            translate = str
        for country in pycountry.countries:
            for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if name:
                    out.setdefault(name_key(translate(name)), country.alpha_2)
    return out


def country_code(name: str) -> str | None:
    """The ISO code a country name (in any listed language) or a code itself stands for."""
    text = name.strip()
    if len(text) == 2 and text.isalpha() and pycountry.countries.get(alpha_2=text.upper()):
        return text.upper()
    return country_names().get(name_key(text))


@cache
def english_aliases() -> tuple[tuple[str, str], ...]:
    """(alias, code) from the gazetteer's CSV, the name English-language news uses first for each code."""
    with COUNTRY_ALIASES.open(encoding="utf-8") as handle:
        return tuple((row["alias"], row["country_code"]) for row in csv.DictReader(handle))


def country_canonical(code: str) -> str | None:
    """The gazetteer's canonical (English news) name of a country: ``TR`` -> ``Turkey``."""
    listed = next((alias for alias, c in english_aliases() if c == code), None)
    country = pycountry.countries.get(alpha_2=code)
    return listed or (getattr(country, "common_name", None) or country.name if country else None)
