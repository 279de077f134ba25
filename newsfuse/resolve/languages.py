"""Language codes, and country names in every language pycountry translates (its gettext catalogues), for resolving a place named in
one language to the country named in another: Türkiye, Turkey, Turquía, Turchia, Turkije, Türkei are one entity.

Names are compared by ``name_key`` (diacritics folded, case-folded), so "Turquia" finds "Turquía" too.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache

import pycountry

from newsfuse.resolve.names import name_key

# Short codes that fold onto common words in some language ("Oman" is safe; these are not).
_AMBIGUOUS = frozenset({"man", "chad", "china", "niger", "georgia", "jordan", "guinea"})


# The catalogues read: the languages of most news (all 150 take ~7 s to read, these ~2 s), first the
# eight with extraction rules, whose names win where two languages spell different countries alike.
NEWS_LANGUAGES = (
    "en es fr de it nl pt tr ru uk pl cs sk sl hr sr bg ro hu el sv da nb_NO fi et lv lt ar fa he hi id ms vi "
    "zh_CN ja ko th sw ca eu gl sq mk bs az ka hy"
).split()


def _catalogue_languages() -> list[str]:
    present = set(os.listdir(pycountry.LOCALES_DIR))
    return [language for language in NEWS_LANGUAGES if language in present]


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country name in the news languages -> ISO 3166 alpha-2; the first language listing a name keeps it."""
    countries = list(pycountry.countries)
    found: dict[str, str] = {}
    for language in _catalogue_languages():
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for country in countries:
            for field in ("name", "common_name", "official_name"):
                name = getattr(country, field, None)
                if not name:
                    continue
                key = name_key(catalogue.gettext(name))
                if len(key) >= 3:
                    found.setdefault(key, country.alpha_2)
    return found


def language_code(language: str | None) -> str:
    """ "pt-BR" -> "pt"; None or "" -> "en" (the detector leaves the language unset only for English-like
    text it could not place, and the English rules are what ran before languages were told apart)."""
    if not language:
        return "en"
    return language.replace("_", "-").split("-", 1)[0].lower()


def is_english(language: str | None) -> bool:
    return language_code(language) == "en"


def country_code(name: str) -> str | None:
    """ISO alpha-2 of the country ``name`` names in any language, or None."""
    key = name_key(name)
    if key in _AMBIGUOUS and name[:1].islower():
        return None
    return country_names().get(key)
