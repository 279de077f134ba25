"""Entity span and type fixes after the model: newswire span boundaries, products, organisation names, consistency.

Flat newswire NER (CoNLL-2003 practice) marks a name without its article or title ("the Air Force" ->
"Air Force", "Spokeswoman Sandy Angers" -> "Sandy Angers"); the small model often keeps them. It also
splits organisation names that begin with a place ("Singapore" + "Airlines", "Air" + "Canada") and
types "i"-prefixed product names and maker-plus-model designations ("iPod", "Airbus A380") as
organisations. Within one article a name keeps one type (one sense per discourse), and later bare
repetitions of a name already found ("Jobs" after "Steve Jobs", "Apple" the model missed) are added.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.names import TITLE_WORDS

_SCORE = re.compile(r"(?: \d{1,3}(?:-\d{1,3})?)+$")
_SCORED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_KEEP_ARTICLE = frozenset({"The Hague", "The Gambia", "The Bahamas"})
# "iPhone", "iPod nano", "iOS 5", "iPhone 3G": Apple-style product names, with a model number after them.
_I_PRODUCT = re.compile(r"\bi[A-Z][A-Za-z]+(?: \d+[A-Za-z]{0,2}\b| (?:nano|mini|touch|shuffle|classic)\b)?")
# A model designation after a maker's name: "A380", "737-800", "787s", "C-130J" (not a year).
_MODEL = re.compile(r" (?!(?:19|20)\d\d\b)([A-Z]{0,2}-?\d{2,4}(?:-\d{1,4})?[A-Z]{0,2}s?)\b")
# Words that end an organisation's name whatever its first words are ("Singapore Airlines", "Royal Air Force").
_ORG_END = (
    r"Airlines|Airways|Air Lines|Air Force|Navy|Army|Bank|Telecom|Railways|Motors|Ministry|Party|Agency|"
    r"Council|Commission|Association|Federation|Corporation|Company|Institute|University|Airplanes|Aerospace"
)
_ORG_AFTER = re.compile(rf"^(?: [A-Z][\w&-]*){{0,2}}? (?:{_ORG_END})\b")
_ORG_END_ANYWHERE = re.compile(rf"\b(?:{_ORG_END})\b")
# Kinds whose bare repetitions are added (titles of works and events are too often the model's guesses).
_REPEATED = frozenset({"PERSON", "ORG", "GPE", "PRODUCT"})
_NOT_NAMES = (
    frozenset({"the", "a", "an", "this", "that", "new", "he", "she", "it", "we", "they", "mr", "mrs", "ms"})
    | TITLE_WORDS
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC"})
# Names the model types one way and another in one article; a person stays apart from the rest.
_CONSISTENT = frozenset({"ORG", "GPE", "PRODUCT", "PERSON", "LOC", "FAC", "WORK_OF_ART"})


def newswire_boundaries(mentions: list[EntityMention]) -> list[EntityMention]:
    """Leading "the" off every name, leading capitalised titles off persons (at least one word is kept)."""
    out = []
    for m in mentions:
        start, surface = m.start, m.text
        article = _ARTICLE.match(surface)
        if article and surface not in _KEEP_ARTICLE and len(surface) > article.end():
            start, surface = start + article.end(), surface[article.end() :]
        score = _SCORE.search(surface) if m.label in _SCORED else None
        if score and score.start() > 0:  # "Chelsea 2-1": a results line's score is not part of the side's name
            surface = surface[: score.start()]
        if m.label == "PERSON":
            words = surface.split(" ")
            while len(words) > 1 and words[0][:1].isupper() and words[0].casefold().rstrip(",") in TITLE_WORDS:
                start += len(words[0]) + 1
                words = words[1:]
            surface = " ".join(words)
        unchanged = start == m.start and surface == m.text
        out.append(m if unchanged else replace(m, start=start, end=start + len(surface), text=surface))
    return out


def _replace_span(mentions: list[EntityMention], start: int, end: int, new: EntityMention) -> list[EntityMention]:
    return [m for m in mentions if not (m.start < end and start < m.end)] + [new]


def products(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """ "iPod"-style names and "Airbus A380"-style maker-plus-model spans as PRODUCT."""
    out = list(mentions)
    for match in _I_PRODUCT.finditer(text):
        start, end = match.span()
        longer = [m for m in out if m.start <= start and end <= m.end and (m.start, m.end) != (start, end)]
        if longer:  # the model's longer name holds it ("iTunes Music Store"): that name is the product
            out = [replace(m, label="PRODUCT") if m in longer else m for m in out]
            continue
        out = _replace_span(out, start, end, EntityMention(start, end, text[start:end], "PRODUCT"))
    for maker in [m for m in out if m.label == "ORG"]:
        model = _MODEL.match(text, maker.end)
        if model is None:
            owned = _MODEL.match(text, maker.end + 2) if text[maker.end : maker.end + 2] in {"'s", "’s"} else None
            if owned:  # "Boeing's 787": the maker stays an organisation, its model is the product
                start, end = owned.span(1)
                out = _replace_span(out, start, end, EntityMention(start, end, text[start:end], "PRODUCT"))
            continue
        end = model.end()
        out = _replace_span(out, maker.start, end, EntityMention(maker.start, end, text[maker.start : end], "PRODUCT"))
    return sorted(out, key=lambda m: m.start)


def organisation_names(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A place or name followed by an organisation's closing word ("Singapore Airlines", "United States Air
    Force"), and "Air" before a country ("Air Canada"), become one ORG span."""
    if "Air " not in text and not _ORG_END_ANYWHERE.search(text):
        return mentions
    out = list(mentions)
    replaced: set[int] = set()  # ids of mentions already merged into a longer name
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label not in _PLACE_LABELS or id(m) in replaced:
            continue
        start, end = m.start, m.end
        after = _ORG_AFTER.match(text[end : end + 60])
        if after:
            end += after.end()
        elif m.label in {"GPE", "NORP"} and text[max(0, start - 4) : start] == "Air ":
            start -= 4
        else:
            continue
        replaced |= {id(o) for o in out if o.start < end and start < o.end}
        out = _replace_span(out, start, end, EntityMention(start, end, text[start:end], "ORG"))
    return sorted(out, key=lambda m: m.start)


def consistent_types(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """One type per name in an article (the type most of its mentions have), and bare repetitions of a name
    found elsewhere in the article (a person's surname included) added where the model missed them."""
    votes: dict[str, Counter] = {}
    for m in mentions:
        if m.label in _CONSISTENT and not m.entity_id:
            votes.setdefault(m.text, Counter())[m.label] += 1
    label_of = {}
    for name, counts in votes.items():
        (top, n), *rest = counts.most_common()
        if not rest or n > rest[0][1]:
            label_of[name] = top
        elif (
            " " not in name and "PERSON" in {top, rest[0][0]} and not any(m.text.endswith(" " + name) for m in mentions)
        ):
            # a tie: a one-word name that ends no longer name ("Bettie Page") is a person only by a majority
            label_of[name] = rest[0][0] if top == "PERSON" else top
    for m in mentions:  # a person's surname alone is that person; a maker's model alone ("787") that product
        words = m.text.split(" ")
        if m.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
            label_of[words[-1]] = "PERSON"
        elif m.label == "PRODUCT" and _MODEL.fullmatch(" " + words[-1]):
            label_of.setdefault(words[-1].removesuffix("s"), "PRODUCT")
    out = [replace(m, label=label_of[m.text]) if label_of.get(m.text, m.label) != m.label else m for m in mentions]
    return _repetitions(text, out, label_of)


def _bounded(text: str, start: int, end: int) -> bool:
    """Whole words only: "Cook" not in "Cooke", "787" not in "$787" or "787-9"."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_$€£-" or after.isalnum() or after in "_-")


def _repetitions(text: str, mentions: list[EntityMention], label_of: dict[str, str]) -> list[EntityMention]:
    # str.find per name, not one regex of them all: compiling a pattern per article costs more than the NER saves
    names = [
        n
        for n, label in label_of.items()
        if label in _REPEATED
        and n.casefold() not in _NOT_NAMES
        and (len(n) > 3 or (len(n) > 2 and (n[:1].isupper() or n[:1].isdigit()) and not n.isupper()))
    ]
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    added = []
    for name in sorted(names, key=len, reverse=True):
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            if covered.find(1, pos, end) == -1 and _bounded(text, pos, end):
                added.append(EntityMention(pos, end, name, label_of[name]))
                covered[pos:end] = b"\x01" * len(name)
            pos = text.find(name, end)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions
