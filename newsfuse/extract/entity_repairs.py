"""Entity repairs after the model, by error class: titled persons, possessive pairs, units, model designations.

Each function takes the article's text and its mentions and returns the repaired mentions; none looks
beyond the article. Classes, as flat newswire NER marks names:

- a span the model closed over two names joined by a possessive ("Apple Computer's Mac OS", "ABC News' World
  News") is two names; a name with a possessive inside ("Sam's Club", "People's Council") stays one;
- a span that runs on from a company's legal suffix into a person's name ("Apple Inc. Steve Jobs") is two;
- a span that runs into a bracket or a dash aside ("Software Development Kit (SDK", "MacBook Pro - a") ends
  before it;
- a title followed by a name the model typed as an organisation ("Spokeswoman Sandy Angers") is a person,
  without the title;
- currency codes and units ("USD", "30GB") are not names;
- a maker's model designation the article names ("Boeing 787", "Airbus A380") also names the product in its
  plural ("787s"), its variants ("777-200LR" after "777") and its siblings with the same letter prefix ("A350s"
  after "A380"); a span that starts with a model number ("787 Dreamliner") is a product, and the nickname
  after the number ("Dreamliner") names it alone too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.records.mentions import EntityMention

# Titles that only ever stand before a person's name (not "General", which starts "General Motors").
_PERSON_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady spokesman spokeswoman spokesperson president
    senator sen. rep. governor gov. mayor judge justice king queen prince princess pope captain capt. sgt.
    col. lt. gen. chancellor premier""".split()
)
_INSTITUTION_WORDS = re.compile(
    r"\b(?:Department|Ministry|Office|Court|Council|Committee|Commission|House|Party|Administration|Airlines|"
    r"University|College|School|Hospital|Institute|Foundation|Club|Island|Islands|Airport|Street|Square)$"
)
_UNITS = frozenset("USD EUR GBP JPY CNY CHF AUD CAD GB MB KB TB GHz MHz".split())
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’) (?=[A-Z0-9i])")
_ASIDE = re.compile(r" \(| - [a-z]| – [a-z]")
# A model designation: "787", "A380", "777-200LR", "C-130J" (not a four-digit year).
_MODEL_WORD = re.compile(r"(?!(?:19|20)\d\d\b)[A-Z]{0,2}-?\d{3,4}(?:-\d{1,4}[A-Z]{0,3})?")
_CAPITALISED = re.compile(r"[A-Z][a-z]{3,}")


# A company's legal suffix inside a span, a name after it: "Apple Inc. Steve Jobs" (a headline's juxtaposition).
_SUFFIX_THEN_NAME = re.compile(r"\b(?:Inc|Corp|Co|Ltd|plc|LLC|AG|SA|NV)\.? (?=(?:[A-Z][a-z]+ ?){2,3}$)")


def _suffix_split(m: EntityMention) -> list[EntityMention]:
    """ "Apple Inc. Steve Jobs" -> "Apple Inc." ORG and "Steve Jobs" PERSON (two or three capitalised words)."""
    match = _SUFFIX_THEN_NAME.search(m.text) if m.label == "ORG" and not m.entity_id else None
    if match is None:
        return [m]
    company_end, person_start = match.end() - 1, match.end()
    return [
        replace(m, end=m.start + company_end, text=m.text[:company_end]),
        EntityMention(m.start + person_start, m.end, m.text[person_start:], "PERSON"),
    ]


def split_spans(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Possessive pairs split in two, asides cut off (each piece keeps the model's label), a person's name
    after a company's legal suffix split off."""
    out = []
    for m in [piece for mention in mentions for piece in _suffix_split(mention)]:
        aside = _ASIDE.search(m.text)
        if aside and aside.start() > 0 and not m.entity_id:
            m = replace(m, end=m.start + aside.start(), text=m.text[: aside.start()])
        possessive = _POSSESSIVE.search(m.text)
        if possessive is None or m.entity_id or m.label not in {"ORG", "PRODUCT", "PERSON", "WORK_OF_ART"}:
            out.append(m)
            continue
        owner_end = possessive.start() + (1 if possessive.group().startswith("s") else 0)
        owner_words, owned_words = m.text[:owner_end].split(), m.text[possessive.end() :].split()
        if len(owned_words) < 2 or (len(owner_words) < 2 and not possessive.group().startswith("s'")):
            out.append(m)  # "Sam's Club", "People's Council", "Sheriff's Lakewood Station": one name
            continue
        owner = replace(m, end=m.start + owner_end, text=m.text[:owner_end])
        owned_start = m.start + possessive.end()
        out += [owner, replace(m, start=owned_start, text=text[owned_start : m.end])]
    return out


def titled_persons(mentions: list[EntityMention]) -> list[EntityMention]:
    """ "Spokeswoman Sandy Angers" typed ORG -> "Sandy Angers" PERSON; "Justice Department" stays."""
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if m.label != "ORG" or len(words) < 2 or words[0].casefold() not in _PERSON_TITLES:
            out.append(m)
            continue
        rest = words[1:]
        if len(rest) > 3 or not all(w[:1].isupper() for w in rest) or _INSTITUTION_WORDS.search(m.text):
            out.append(m)
            continue
        start = m.start + len(words[0]) + 1
        out.append(EntityMention(start, m.end, text=" ".join(rest), label="PERSON"))
    return out


def without_units(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Currency codes and units of measure are not names ("USD 99", "30GB")."""
    return [
        m for m in mentions if not (m.text in _UNITS or (m.text.isupper() and text[m.start - 1 : m.start].isdigit()))
    ]


def _models(mentions: list[EntityMention]) -> tuple[set[str], set[str], set[str]]:
    """The article's model numbers, their letter prefixes ("A" of "A380"), and the nicknames after them."""
    numbers, prefixes, nicknames = set(), set(), set()
    for m in mentions:
        if m.label != "PRODUCT":
            continue
        words = m.text.split(" ")
        for i, word in enumerate(words):
            bare = word.removesuffix("s")
            if _MODEL_WORD.fullmatch(bare):
                numbers.add(bare)
                if bare[:1].isalpha():
                    prefixes.add(re.match(r"[A-Z]+", bare).group())
                if i + 1 < len(words) and _CAPITALISED.fullmatch(words[i + 1]):
                    nicknames.add(words[i + 1])
    return numbers, prefixes, nicknames


_CANDIDATE = re.compile(r"(?<![\w$€£-])([A-Z]{0,2}-?\d{3,4}(?:-\d{1,4}[A-Z]{0,3})?s?|[A-Z][a-z]{3,})(?![\w-])")


def _known_model(word: str, numbers: set[str], prefixes: set[str], nicknames: set[str]) -> bool:
    """ "787s", "777-200LR" (variant of "777"), "A350" (sibling of "A380"), "Dreamliners" (nickname)."""
    if word[:1].isalpha() and word[1:2].islower():
        return word in nicknames or word.removesuffix("s") in nicknames
    bare = word.removesuffix("s")
    if bare in numbers or bare.split("-")[0] in numbers:
        return True
    letters = re.match(r"[A-Z]*", bare).group()
    return bool(letters) and letters in prefixes and _MODEL_WORD.fullmatch(bare) is not None


def model_designations(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Products named by their model designation or nickname, as the article's own product names say."""
    out = [
        replace(m, label="PRODUCT")
        if m.label in {"ORG", "PERSON", "GPE", "WORK_OF_ART"}
        and _MODEL_WORD.fullmatch(m.text.split(" ")[0].removesuffix("s"))
        and not (m.entity_id or _INSTITUTION_WORDS.search(m.text))  # "911 Commission", "100 Club"
        else m
        for m in mentions
    ]
    numbers, prefixes, nicknames = _models(out)
    if not numbers:
        return out
    out = [replace(m, label="PRODUCT") if m.text.removesuffix("s") in nicknames and not m.entity_id else m for m in out]
    covered = bytearray(len(text))
    for m in out:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    added = []
    for match in _CANDIDATE.finditer(text):
        if not _known_model(match.group(1), numbers, prefixes, nicknames):
            continue
        start, end = match.span()
        if covered.find(1, start, end) == -1:
            added.append(EntityMention(start, end, text[start:end], "PRODUCT"))
            covered[start:end] = b"\x01" * (end - start)
    return _with_nicknames(text, sorted(out + added, key=lambda m: m.start) if added else out)


def _with_nicknames(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A model number and the one capitalised word after it, both products, are one name ("787" + "Dreamliner"
    is the 787 Dreamliner): the model often tags the nickname alone and the number is added above."""
    out: list[EntityMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == m.label == "PRODUCT"
            and not (prev.entity_id or m.entity_id)
            and text[prev.end : m.start] == " "
            and _MODEL_WORD.fullmatch(prev.text.split(" ")[-1].removesuffix("s"))
            and _CAPITALISED.fullmatch(m.text)
        ):
            out[-1] = EntityMention(prev.start, m.end, text[prev.start : m.end], "PRODUCT")
        else:
            out.append(m)
    return out


def joined_names(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Names the model cut in two where only a space (or an Irish "O'") parts them: "China" + "Eastern" is the
    airline China Eastern, "EADS North" + "America" one company, "iTunes" + "Music Store" one product,
    "Michael O" + "Leary" one person. An organisation in the pair makes the whole an organisation, a product
    first makes it a product; a person named with a first name stays apart ("Apple Inc. Steve Jobs")."""
    out: list[EntityMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        gap = text[prev.end : m.start] if prev else None
        irish = (
            prev is not None and prev.label == "PERSON" and prev.text.endswith(" O") and gap in {"' ", "’ ", "'", "’"}
        )
        if (
            prev is None
            or not (gap == " " or irish)
            or ((prev.entity_id or m.entity_id) and "ORG" not in {prev.label, m.label})  # "China" + "Eastern" do
            or "NORP" in {prev.label, m.label}  # "Alaska Republican": a place and a party's adjective
            or prev.text.split(" ")[-1].islower()  # "Complex at" + "Florence": the model's span ran on
        ):
            out.append(m)
            continue
        if irish:
            label = "PERSON"
        elif prev.label != "PRODUCT" and (_full_person(prev) or _full_person(m)):  # "Apple Inc. Steve Jobs"
            out.append(m)
            continue
        elif "PRODUCT" in {prev.label, m.label}:  # "iTunes Music Store", "Toyota Camry"
            label = "PRODUCT"
        elif "ORG" in {prev.label, m.label}:
            label = "ORG"
        elif prev.label == m.label:
            label = m.label
        else:
            out.append(m)
            continue
        out[-1] = EntityMention(prev.start, m.end, text[prev.start : m.end], label)
    return out


def _full_person(m: EntityMention) -> bool:
    """A person named in full ("Steve Jobs") or by a known first name: a unit of its own."""
    from newsfuse.resolve.coref import first_name_genders

    return m.label == "PERSON" and (" " in m.text or m.text.lower() in first_name_genders())


_THE = re.compile(r"(?:^|\W)[Tt]he $")


def plural_groups(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """ "the Beatles", "the Rolling Stones": a plural name after "the" is a band or a team (ORG), not a person."""
    return [
        replace(m, label="ORG")
        if m.label == "PERSON" and m.text.endswith("s") and _THE.search(text[max(0, m.start - 5) : m.start])
        else m
        for m in mentions
    ]


def repaired(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Every repair above, in order (spans first, then types, then the mentions they add)."""
    fixed = titled_persons(split_spans(text, mentions))
    fixed = plural_groups(text, joined_names(text, without_units(text, fixed)))
    return model_designations(text, fixed)
