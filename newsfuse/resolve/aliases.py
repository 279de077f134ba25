"""Aliases learned across a batch's sources: acronyms from the full names other reports spell out, the labels
other reports give a one-word name, a company's name without its trade's word ("AirTran" / "AirTran
Airways"), country forms inside organisation names ("U.S." / "United States"), and
a national body's name without its country ("the Air Force" / "United States Air Force").

Used by ``resolve.entities.EntityResolver`` before it resolves a batch, so that a report which only says
"USAF" or "Ryanair said" joins the entity another report names in full or types correctly.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from newsfuse.records.mentions import ArticleExtraction, EntityMention
from newsfuse.resolve.names import match_key, name_key

# Legal suffixes that do not change which company is meant ("Apple Inc." is "Apple").
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|AG|SA|S\.A|plc|PLC|LLC|GmbH|NV|N\.V|SE|SpA|BV|Holdings)\.?$"
)
# Descriptor words a company's full style adds to its short name ("Apple Computer" is "Apple", "Airbus
# Industrie" is "Airbus", "Thai Airways International" is "Thai Airways"); only stripped off a name of
# at least four letters, so "Computer" alone or "IBM" stay what they are.
_DESCRIPTOR_SUFFIX = re.compile(r"\s+(?:Computer|Computers|Industrie|Industries|International|Group)$")


def without_legal_suffix(name: str) -> str:
    """ "Apple Inc." -> "Apple", "The Boeing Company" -> "The Boeing", "Apple Computer, Inc." -> "Apple"; a
    name that is only a suffix stays."""
    stripped = _LEGAL_SUFFIX.sub("", name)
    if len(stripped) < 2:
        return name
    bare = _DESCRIPTOR_SUFFIX.sub("", stripped)
    return bare if len(bare) >= 4 else stripped


@cache
def _country_forms() -> dict[str, str]:
    """A country's short or alternative form -> its first listed English name ("U.S." -> "United States")."""
    from newsfuse.extract.gazetteer import _package_csv

    first: dict[str, str] = {}
    forms = {}
    for row in _package_csv("country_aliases.csv"):
        canonical = first.setdefault(row["country_code"], row["alias"])
        forms[row["alias"]] = canonical
    return forms


def with_country_spelled_out(name: str) -> str:
    """ "U.S. Air Force", "US Air Force" -> "United States Air Force": an organisation named after its country
    is one whatever form of the country's name it starts with."""
    words = name.split(" ")
    for n in (4, 3, 2, 1):
        if len(words) > n and (canonical := _country_forms().get(" ".join(words[:n]))) and words[n][:1].isupper():
            return " ".join([canonical, *words[n:]])
    return name


def batch_kinds(extractions: Iterable[ArticleExtraction]) -> dict[str, Counter]:
    """One-word name -> how many of the batch's articles label it each of PERSON, ORG and PRODUCT (one vote
    an article: the model repeats its own mistake through an article, "Ryanair said" seven times)."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    for extraction in extractions:
        labels = {
            (match_key(m.text), m.label)
            for m in extraction.entities
            if " " not in m.text and m.label in {"PERSON", "ORG", "PRODUCT"}
        }
        for key, label in labels:
            kinds[key][label] += 1
    return kinds


_INITIAL_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "du", "des"})


def initials(name: str) -> str:
    """ "United States Air Force" -> "USAF", "European Aeronautic Defence and Space Company" -> "EADSC"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words if w[:1].isupper())


def batch_expansions(extractions: Iterable[ArticleExtraction]) -> dict[str, str]:
    """Acronym -> the one organisation name of the batch whose initials it is ("USAF" -> "United States Air
    Force", "EADS" -> "European Aeronautic Defence and Space Company" less its legal word), learned across
    the batch's sources, so an acronym one report uses joins the full name another spells out."""
    names: dict[str, set[str]] = defaultdict(set)
    acronyms = set()
    for extraction in extractions:
        for mention in extraction.entities:
            if mention.label != "ORG" or mention.entity_id:
                continue
            text = without_legal_suffix(mention.text.removeprefix("the ").removeprefix("The "))
            if text.isupper() and 2 < len(text) <= 6 and text.isalpha():
                acronyms.add(text)
            elif len(text.split()) >= 3:
                for form in {initials(text), initials(_DESCRIPTOR_SUFFIX.sub("", text))}:
                    names[form].add(text)
    return {a: next(iter(names[a])) for a in acronyms if len({name_key(n) for n in names.get(a, ())}) == 1}


# The word for its trade an airline's or a maker's full name ends in ("AirTran Airways", "Rolls-Royce Motors"),
# which reports often leave off. Not words a group's other companies use too ("Apple Records" is no "Apple").
_TRADE_SUFFIX = re.compile(r"\s+(?:Airways|Airlines|Air Lines|Aviation|Aerospace|Motors)$")


def batch_trade_forms(extractions: Iterable[ArticleExtraction]) -> dict[str, str]:
    """Organisation name -> its one fuller form in the batch with its trade's word ("AirTran" -> "AirTran
    Airways"), when some report names it alone; a name with two such forms ("Foo Airways", "Foo Aviation") or
    a country's name ("Singapore", a place before it is an airline) gets none."""
    alone, full = set(), defaultdict(set)
    for extraction in extractions:
        for mention in extraction.entities:
            if mention.label != "ORG" or mention.entity_id:
                continue
            text = without_legal_suffix(mention.text.removeprefix("the ").removeprefix("The "))
            short = _TRADE_SUFFIX.sub("", text)
            if short != text:
                full[short].add(text)
            else:
                alone.add(text)
    countries = _country_forms()
    return {
        short: names.pop()
        for short, names in full.items()
        if short in alone and len({name_key(n) for n in names}) == 1 and len(short) >= 3 and short not in countries
    }


def short_forms(mentions: Iterable[EntityMention], expansions: dict[str, str]) -> dict[str, str]:
    """Name of two or more words -> the one organisation name of the article that is a country's name followed
    by it ("Air Force" -> "United States Air Force", also when the article only says "USAF" and another
    report spells it out, ``expansions``): a national body is named without its country once the article
    has said which. An article naming two countries' bodies gets neither."""
    countries = set(_country_forms().values())
    full: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.label != "ORG" or mention.entity_id:
            continue
        name = with_country_spelled_out(without_legal_suffix(expansions.get(mention.text, mention.text)))
        words = name.split(" ")
        for n in range(1, len(words) - 1):
            if " ".join(words[:n]) in countries:
                full[" ".join(words[n:])].add(name)
    return {short: names.pop() for short, names in full.items() if len(names) == 1}
