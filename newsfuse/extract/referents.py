"""Who a speaker pronoun refers to: the person (he/she) or group (they/it) the story is following.

Three rules, in order, each one a reading a linguist would give the text:
- a chain: "he said" after "he said" refers to whoever the earlier one did, until another
  compatible name is made the subject of a reporting verb (a story follows one speaker for
  paragraphs, naming them once);
- salience: the last compatible name that was the subject of a reporting verb, or was the
  speaker of a quote, within the few sentences before;
- else the first compatible name (the likely subject) of the nearest sentence that has one.
Surnames the NER tagged as something else ("Strada" as a place after "Terry Strada") count as
the person they name: the second mention of a person is their surname.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from importlib import resources

from newsfuse.records.mentions import EntityMention

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "it", "we"}
_SALIENT_CHARS = 600  # how far back a named speaker stays the one a pronoun refers to (a few sentences)
# Words before a name that make it no subject ("In a statement to Trump, ..."; "with Rusty Humphries").
_PREPOSITIONS = frozenset("in on at by for with from to of after before during about against under over than".split())
_VERBS = frozenset("is was are were has had have said says told added noted called".split())
# Punctuation or a past-tense verb before a name: it is no longer the sentence's opening subject.
_NOT_SUBJECT_BEFORE = re.compile(r"[,;:(“\"]|\b\w+ed\b")
_CHAIN_CHARS = 2000  # how far back a pronoun speaker's referent carries to the next same pronoun


def with_surnames(entities: list[EntityMention], text: str = "") -> list[EntityMention]:
    """The entities, with a person's later surname-only mentions as PERSON: relabelled where the NER gave them
    another type ("Strada" a place after "Terry Strada"), added where it missed them ("Ham" after "Norman Ham")."""
    people = [e for e in entities if e.label == "PERSON" and len(e.text.split()) > 1]
    surnames = {e.text.split()[-1] for e in people if e.text.split()[-1][:1].isupper()}
    # A surname that is also a word of the text in lower case ("Young", "Price") is not added where untagged.
    lowered = set(re.findall(r"\b[a-z]+\b", text)) if text else set()
    missing = {name for name in surnames if name.lower() not in lowered}
    found = [
        replace(e, label="PERSON") if e.label != "PERSON" and " " not in e.text and e.text in surnames else e
        for e in entities
    ]
    if not missing:
        return found
    first = min(e.start for e in people)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(missing))) + r")\b(?![-\w])")
    added = [
        EntityMention(m.start(), m.end(), m.group(), "PERSON")
        for m in pattern.finditer(text, first)
        if not any(e.start <= m.start() < e.end for e in entities)
    ]
    return sorted(found + added, key=lambda e: e.start) if added else found


def _labels(pronoun: str) -> set[str] | None:
    lower = pronoun.lower()
    if lower in PERSON_PRONOUNS:
        return {"PERSON"}
    if lower in GROUP_PRONOUNS:
        return {"ORG", "NORP"}
    return None


def resolve_pronoun(pronoun: str, entities: list[EntityMention], position: int, context=None) -> str | None:
    """he/she: a preceding person; they/it/we: a preceding organisation; else None (names inside quotes left out)."""
    labels = _labels(pronoun)
    if labels is None:
        return None
    lower = pronoun.lower()
    quoted = context.quoted if context is not None else ()
    candidates = [
        e for e in entities if e.label in labels and e.end <= position and not any(s <= e.start < t for s, t in quoted)
    ]
    wanted = "m" if lower in {"he", "him"} else "f" if lower in {"she", "her"} else None
    if wanted is not None:
        candidates = [e for e in candidates if _gender(_fullest(e, entities, quoted)) in {wanted, None}]
    subjects = context.subjects if context is not None else set()
    sentences = context.sentences if context is not None else ()
    chained = _chained(lower, candidates, subjects, position, context, entities, quoted)
    if chained is not None or not candidates:
        return chained
    text = getattr(context, "text", "")
    recent = [
        e
        for e in candidates
        if position - e.end <= _SALIENT_CHARS and (e.start in subjects or _opens_sentence(e, text, sentences))
    ]
    if recent:
        return _fullest(recent[-1], entities, quoted)
    nearest = candidates[-1]
    sentence = next(((s, t) for s, t in sentences if s <= nearest.start < t), None)
    if sentence is not None:
        nearest = next(e for e in candidates if e.start >= sentence[0])
    return _fullest(nearest, entities, quoted)


def _chained(lower: str, candidates, subjects, position: int, context, entities, quoted) -> str | None:
    """The referent of the last same pronoun that spoke, unless a different compatible name has spoken since."""
    chain = getattr(context, "chain", None)
    if not chain or lower not in chain:
        return None
    at, referent = chain[lower]
    if position - at > _CHAIN_CHARS:
        return None
    text = getattr(context, "text", "")
    sentences = context.sentences if context is not None else ()
    for entity in candidates:
        if entity.start <= at or _fullest(entity, entities, quoted) == referent:
            continue
        if entity.start in subjects or _opens_sentence(entity, text, sentences):
            return None  # someone else has been made the speaker, or the subject, since
    return referent


def _opens_sentence(entity: EntityMention, text: str, sentences) -> bool:
    """The name is its sentence's subject: a few title or noun words before it and no verb, preposition or comma
    ("Secretary General Ban Ki-moon condemned", "Conservative economist Aparna Mathur, who ...", "In May, Ham said")."""
    start = next((s for s, t in sentences if s <= entity.start < t), None)
    if start is None or not text:
        return False
    start = max(start, text.rfind("\n", start, entity.start) + 1)  # a paragraph starts a sentence
    before = text[start : entity.start]
    opening = before.split(maxsplit=1)
    if "," in before and opening and opening[0].lower() in _PREPOSITIONS:
        before = before.split(",", 1)[1]  # "In an interview with X, Ham made it clear": after the opening adverbial
    words = {w.lower() for w in before.split()}
    return len(words) <= 5 and not _NOT_SUBJECT_BEFORE.search(before) and not (_PREPOSITIONS | _VERBS) & words


def remember_speaker(entity: EntityMention, entities: list[EntityMention], position: int, context) -> None:
    """A named speaker starts a chain: the next "he said" ("she", "they" for a group) goes on with them."""
    quoted = context.quoted if context is not None else ()
    name = _fullest(entity, entities, quoted)
    if entity.label == "PERSON":
        gender = _gender(name)
        pronouns = {"m": ("he",), "f": ("she",)}.get(gender, ("he", "she"))
    elif entity.label == "ORG":
        pronouns = ("they", "it")
    else:
        return
    for pronoun in pronouns:
        remember(pronoun, name, position, context)


def remember(pronoun: str, referent: str | None, position: int, context) -> None:
    """Note that ``pronoun`` at ``position`` spoke as ``referent`` (the next same pronoun may continue it)."""
    chain = getattr(context, "chain", None)
    if chain is not None and referent is not None and _labels(pronoun) is not None:
        chain[pronoun.lower()] = (position, referent)


def _fullest(entity: EntityMention, entities: list[EntityMention], quoted=()) -> str:
    """The longest earlier form of a person's name ("Donald Trump" for "Trump"), names inside quotation marks
    left out ("Crooked Hillary Clinton" is a quoted epithet, not how the story names her)."""
    if entity.label != "PERSON":
        return entity.text
    last = entity.text.split()[-1]
    forms = [
        e.text
        for e in entities
        if e.label == "PERSON"
        and e.start <= entity.start
        and e.text.split()[-1] == last
        and not any(s <= e.start < t for s, t in quoted)
    ]
    return max(forms, key=len) if forms else entity.text


@cache
def _first_names() -> dict[str, str]:
    rows = resources.files("newsfuse.extract").joinpath("data", "first_names.csv").read_text(encoding="utf-8")
    pairs = (line.split(",") for line in rows.splitlines() if line and not line.startswith(("#", "name,")))
    return {name: gender for name, gender in pairs}


def _gender(name: str) -> str | None:
    """The pronoun a name usually takes ("m", "f"), from an honorific or a common first name; None: unknown."""
    words = name.replace(".", "").split()
    if not words:
        return None
    if words[0] in {"Mr", "Sir", "Lord", "King", "Prince"}:
        return "m"
    if words[0] in {"Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess"}:
        return "f"
    return _first_names().get(words[0].lower()) if len(words) > 1 else None
