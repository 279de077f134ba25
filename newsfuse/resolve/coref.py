"""Within-article entity coreference: pronouns and descriptions ("he", "its", "the company") linked to a named entity.

Rules, not a model: a pronoun or a definite description takes a preceding named mention of a
compatible kind (he/she: a person, of the same usual gender when the first name says; it/its: an
organisation or a product; they/their and we/our: an organisation; "the company", "the iPhone
maker": an organisation; "the aircraft", "the device": a product; "the country": a place). "It" and
"they" take the subject of their sentence or of the one before (``resolve.salience``), the other
pronouns the nearest such mention no further back than ``_WINDOW`` characters, a description the
nearest one however far back. An apposition after a person ("Steve Jobs, the Apple
chief executive,") is that person. The links are kept on the extraction (``extra["coreferences"]``:
start, end, text and the index of the named mention in ``entities``), so cross-document resolution,
which gives the named mention its entity, carries them too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources

from newsfuse.records.mentions import ArticleExtraction, EntityMention
from newsfuse.resolve.salience import salient_antecedent, sentence_starts

KEY = "coreferences"
_WINDOW = 600  # characters: about two sentences of news copy
_PRONOUN_KINDS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "it": "thing",
    "its": "thing",
    "itself": "thing",
    "they": "group",
    "them": "group",
    "their": "group",
    "we": "group",
    "our": "group",
    "us": "group",
}
_PRONOUN_KIND_SET = frozenset(_PRONOUN_KINDS.values())
_SALIENT_PRONOUNS = frozenset("it its itself they them their".split())  # resolved by salience, not distance
# Lowercase or capitalised, never all capitals: "US" is the country, "IT" a trade.
_PRONOUN = re.compile(r"\b(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _PRONOUN_KINDS) + r")\b")
# Head nouns of descriptions, by the kind of named entity they describe (singular: one antecedent).
_HEADS = {
    "org": "company firm maker manufacturer planemaker airframer carrier airline group giant corporation "
    "conglomerate business retailer bank agency ministry consortium operator developer",
    "product": "aircraft plane airliner jet jetliner airplane device phone handset smartphone product model software "
    "computer laptop player tablet system program",
    "place": "country nation state city",
}
_HEAD_KIND = {word: kind for kind, words in _HEADS.items() for word in words.split()}
_DESCRIPTION = re.compile(
    r"\b(?:the|The|this|This)\s+((?:[\w’'-]+\s+){0,3}?)(" + "|".join(_HEAD_KIND) + r")\b(?!\s+of\b)"
)
_HEAD_WORDS = "|".join(_HEAD_KIND)
# "the Beatles' record company, Apple Corps": a description set beside the name after it, from its determiner or
# possessor (or a line's start: a dateline's "European planemaker, Airbus") over up to three modifiers.
_DESCRIPTION_BEFORE = re.compile(
    rf"((?:^|\b(?:the|a|an|its|their) |\b[A-Z][\w.-]*(?:'s|’s|') )(?:[\w’'-]+ ){{0,3}}?({_HEAD_WORDS})), (?:the )?$",
    re.I | re.M,
)
# "Apple Corps, the Beatles' record company,": the same after the name, closed by punctuation.
_DESCRIPTION_AFTER = re.compile(rf", ((?:the|an?) (?:[\w’'&-]+ ){{0,4}}?({_HEAD_WORDS}))(?=\s*[,.;])", re.I)
# Components a product or maker's name premodifies ("Trent 900 engines", "the iPhone 4 antenna", "Intel chips"):
# the phrase refers to the part, not to the named product or company.
_MODIFIED_NOUN = re.compile(r"\s+(?:engines?|antennas?|chips?|processors?|batter(?:y|ies))\b")
_ANTECEDENT_LABELS = {
    "m": {"PERSON"},
    "f": {"PERSON"},
    "thing": {"ORG", "PRODUCT"},
    "group": {"ORG"},
    "org": {"ORG"},
    "product": {"PRODUCT"},
    "place": {"GPE"},
}
_ROLE_WORDS = (
    r"chief|executive|officer|ceo|cfo|chairman|chairwoman|president|founder|director|spokesman|spokeswoman|"
    r"spokesperson|minister|secretary|analyst|head|manager|leader|governor|senator|representative|ambassador"
)
# "Apple CEO Steve Jobs", "Airbus chief executive Noel Forgeard": an organisation's role word before a person.
_ROLE_BEFORE = re.compile(rf"\s+(?:(?:{_ROLE_WORDS})\s+){{1,3}}", re.I)
# "company CEO Steve Jobs", "co-founder Steve Jobs": role words (and a common noun before them) premodifying a name.
_ROLE_PREMODIFIER = re.compile(rf"(?<![\w-])(?:([a-z]+)\s+)?(?:co-)?(?:{_ROLE_WORDS}|founder)\s+$", re.I)
_RELATIVE = re.compile(r",?\s+(which|who|that)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
_APPOSITION = re.compile(
    rf",\s+(?:the|an?)\s+(?:[\w’'&.-]+\s+){{0,5}}?(?:{_ROLE_WORDS})\b[^,.;]{{0,30}}?(?=[,.;])", re.I
)


@cache
def first_name_genders() -> dict[str, str]:
    text = resources.files("newsfuse.extract").joinpath("data", "first_names.csv").read_text(encoding="utf-8")
    rows = [line.split(",") for line in text.splitlines() if "," in line and not line.startswith(("#", "name,"))]
    return {row[0]: row[1] for row in rows}


def _compatible(kind: str, mention: EntityMention) -> bool:
    if mention.label not in _ANTECEDENT_LABELS[kind]:
        return False
    if kind in {"m", "f"}:
        first = mention.text.split()[0].lower() if " " in mention.text else ""
        return first_name_genders().get(first, kind) == kind
    return True


def _modifiers(text: str, mentions: list[EntityMention]) -> frozenset[int]:
    """Names that only modify a component noun ("two Rolls-Royce Trent 900 engines"): the phrase refers to
    the engines, so the name is no antecedent of "the aircraft" or "it" after it."""
    return frozenset(i for i, m in enumerate(mentions) if _MODIFIED_NOUN.match(text, m.end))


def _antecedent(mentions: list[EntityMention], start: int, kind: str, skip: frozenset[int] = frozenset()) -> int | None:
    """Index of the nearest named mention before ``start`` of a kind compatible with ``kind`` (none of
    ``skip``): within ``_WINDOW`` for a pronoun; anywhere before for a description ("the company" paragraphs
    after "Airbus" is still Airbus: a definite description names its referent's kind, a pronoun only its gender)."""
    window = _WINDOW if kind in _PRONOUN_KIND_SET else start
    for i in range(len(mentions) - 1, -1, -1):
        mention = mentions[i]
        if mention.end > start or i in skip:
            continue
        if start - mention.end > window:
            return None
        if _compatible(kind, mention):
            return i
    return None


def _described_names(text: str, mentions: list[EntityMention]) -> list[tuple[int, int, str]]:
    """Descriptions in apposition to a name of their kind, before or after it: (start, end, "appos:<index>")."""
    found = []
    for i, mention in enumerate(mentions):
        before = _DESCRIPTION_BEFORE.search(text, max(0, mention.start - 80), mention.start)
        after = _DESCRIPTION_AFTER.match(text, mention.end)
        for match in (before, after):
            if match and mention.label in _ANTECEDENT_LABELS[_HEAD_KIND[match.group(2).lower()]]:
                found.append((match.start(1), match.end(1), f"appos:{i}"))
    return found


def _person_appositions(text: str, mentions: list[EntityMention], i: int) -> list[tuple[int, int, str]]:
    """ "Tom Reyes, the Corvex chief executive," and "former CEO Tom Reyes": the person ``mentions[i]``; in
    "company CEO Tom Reyes" the company's chief, so "company" is a description of the company."""
    mention, found = mentions[i], []
    match = _APPOSITION.match(text, mention.end)
    if match:
        found.append((match.start() + 1, match.end(), f"appos:{i}"))
    role = _ROLE_PREMODIFIER.search(text, max(0, mention.start - 60), mention.start)
    if role and not any(m.start < mention.start and role.start() < m.end for m in mentions[:i]):
        if role.group(1) and _HEAD_KIND.get(role.group(1).lower()) == "org":
            found += [(*role.span(1), "org"), (role.end(1), mention.end, f"appos:{i}")]
        else:
            found.append((role.start(), mention.end, f"appos:{i}"))
    return found


def _candidates(text: str, mentions: list[EntityMention]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every pronoun, description and apposition not inside a named mention; a
    description beside a name is that name's, not the nearest one's before it."""
    described = _described_names(text, mentions)
    found = [(m.start(), m.end(), _PRONOUN_KINDS[m.group().lower()]) for m in _PRONOUN.finditer(text)]
    found += [
        (m.start(), m.end(), _HEAD_KIND[m.group(2).lower()])
        for m in _DESCRIPTION.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e, _ in described)
    ]
    found += described
    for i, mention in enumerate(mentions):
        if mention.label == "PERSON":
            found += _person_appositions(text, mentions, i)
    for i, mention in enumerate(mentions):
        role = _ROLE_BEFORE.match(text, mention.end) if mention.label == "ORG" else None
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if role and after is not None and after.label == "PERSON" and after.start == role.end():
            found.append((mention.start, after.end, f"appos:{i + 1}"))
        relative = _RELATIVE.match(text, mention.end)
        if relative and (relative.group(1) != "who") == (mention.label != "PERSON"):
            found.append((*relative.span(1), f"appos:{i}"))
    spans = [(m.start, m.end) for m in mentions]
    return [c for c in found if c[2].startswith("appos") or not any(s <= c[0] < e for s, e in spans)]


def _speakers(text: str, extraction: ArticleExtraction) -> list[tuple[int, int, str, int]]:
    """ "I", "me", "my" inside a direct quote: its speaker, when the speaker is a named mention."""
    first = {m.entity_id: i for i, m in reversed(list(enumerate(extraction.entities))) if m.entity_id}
    out = []
    for quote in extraction.quotes:
        index = first.get(quote.speaker_entity_id) if quote.kind == "direct" else None
        if index is not None:
            for match in _FIRST_PERSON.finditer(text, quote.start, quote.end):
                out.append((match.start(), match.end(), match.group(), index))
    return out


def _pronoun_antecedent(
    text: str, mentions: list[EntityMention], found, span: tuple[int, int], kind: str, starts, skip
):
    """ "it", "they": the subject of the sentence or the one before (``resolve.salience``), with the links found
    so far as candidates too; "he", "she": the nearest name of that gender; "we", "our": the nearest
    organisation (inside a quote, the speaker's side more often than the sentence's subject)."""
    start, end = span
    if text[start:end].lower() in _SALIENT_PRONOUNS:
        names = [(m.start, m.end, i) for i, m in enumerate(mentions) if i not in skip]
        candidates = sorted(names + [(s, e, i) for s, e, _, i in found])
        index = salient_antecedent(text, starts, candidates, start, lambda m: _compatible(kind, m), mentions)
        if index is not None:
            return index
    return _antecedent(mentions, start, kind, skip)


def find_coreferences(
    text: str, mentions: list[EntityMention], starts: Sequence[int] | None = None
) -> list[tuple[int, int, str, int]]:
    """(start, end, text, index of the named mention it refers to) for the article's pronouns and descriptions.
    ``starts``: where the article's sentences start (the extraction's, from the parser); without them a rough
    splitter's (``salience.sentence_starts``)."""
    out: list[tuple[int, int, str, int]] = []
    starts, skip = _sentence_starts(text, starts), _modifiers(text, mentions)
    for start, end, kind in sorted(_candidates(text, mentions)):
        if kind.startswith("appos:"):
            index: int | None = int(kind.split(":")[1])
            start += len(text[start:end]) - len(text[start:end].lstrip())
        elif kind in _PRONOUN_KIND_SET:
            index = _pronoun_antecedent(text, mentions, out, (start, end), kind, starts, skip)
        else:
            index = _antecedent(mentions, start, kind, skip)
        if index is not None:
            out.append((start, end, text[start:end], index))
            relative = (
                _RELATIVE.match(text, end) if not kind.startswith("appos:") and kind not in _PRONOUN_KIND_SET else None
            )
            if relative and relative.group(1) != "who":  # "The airline, which ...": the description's referent
                out.append((*relative.span(1), relative.group(1), index))
    return out


def _sentence_starts(text: str, starts: Sequence[int] | None) -> list[int]:
    """The given sentence starts, sorted and from offset 0 (text before the parser's first sentence, such as
    leading white space, belongs to it), else the rough splitter's."""
    if not starts:
        return sentence_starts(text)
    return sorted({0, *(s for s in starts if s > 0)})


def with_coreferences(extraction: ArticleExtraction, text: str) -> ArticleExtraction:
    """The extraction with its coreference links in ``extra[KEY]`` (lists, so they survive JSON); sentences are
    the extraction's own (the parser's), so salience and the rest of the pipeline agree on them."""
    starts = [sentence.start for sentence in extraction.sentences]
    found = find_coreferences(text, list(extraction.entities), starts) + _speakers(text, extraction)
    links = [list(link) for link in sorted(found)]
    return replace(extraction, extra={**extraction.extra, KEY: links})


def coreferent_mentions(extraction: ArticleExtraction) -> list[EntityMention]:
    """Each coreference link as a mention of the named entity it refers to, over the pronoun's or description's
    span (with the named mention's text, label and entity, so name-keyed lookups treat it as that name)."""
    out = []
    for start, end, _, index in extraction.extra.get(KEY, ()):
        if 0 <= index < len(extraction.entities):
            out.append(replace(extraction.entities[index], start=start, end=end))
    return out
