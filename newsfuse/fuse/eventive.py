"""Which nouns name a happening: "the shooting", "the arrest", "the election", not "the apartment" or "the department".

A noun with an event suffix (-tion, -sion, -ment, -ing) names a happening when it is made of a
verb ("election" of "elect", "settlement" of "settle"): the verb is looked up in the English
lemmatizer's verb index (WordNet's verb lemmas, shipped with the spaCy model). Nouns that are
made of a verb yet name a thing, a place or a body ("department", "government", "station",
"information") are listed. A word of a proper name ("Floral Avenue", "Police Department") names
the bearer of the name, never a happening, except in a title-case headline.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Token

# Nouns made of a verb (or looking so) that name a thing, a place, a body, a document or a state
OBJECT_NOUNS = set(
    """
    department government apartment equipment basement parliament document element garment instrument monument
    environment compartment supplement pavement sentiment
    nation station location information population section foundation organization
    organisation administration institution association corporation federation constitution generation
    television mansion pension version dimension division commission edition fraction function
    portion ration jurisdiction intersection junction legislation collection publication reservation
    delegation direction nutrition profession motion notion lotion potion fashion passion cushion
    opinion union region religion legion million billion occasion vision provision
    description prescription subscription recreation transportation destination reputation
    accommodation medication vaccination citation casing ammunition enforcement precision
    installment instalment shortcoming upbringing neighbouring neighboring rating phrasing
    housing clothing funding parking ceiling wiring siding bedding feeling being
    """.split()
)
_POLITICAL_HEADS = {"leader", "leaders", "member", "members", "chairman", "chair", "official", "officials", "line"}
# What sides and bodies do: a party as their subject is a side ("the parties agreed"), no celebration
_AGENT_VERBS = set(
    "agree meet say sign negotiate reach vote win lose nominate announce accuse deny claim call want support oppose "
    "reject accept demand urge ask decide elect form join lead govern".split()
)
# Names whose words are names, not happenings: a person, a body, a place, a building
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"}
# Words that make "party" a political body, not a celebration ("the ruling party", "party leaders")
_POLITICAL = set(
    "political ruling opposition democratic republican communist labour labor conservative liberal green socialist "
    "nationalist third coalition both".split()
)


@cache
def verb_index() -> frozenset[str]:
    """The English verb lemmas of the spaCy model's rule lemmatizer (WordNet's), or empty where it has none."""
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        from newsfuse.fuse.parse import SPACY_MODEL

        found = sorted(Path(get_package_path(SPACY_MODEL)).glob("*/lemmatizer/lookups/lookups.bin"))
        if not found:
            return frozenset()
        lookups = Lookups().from_disk(found[0].parent)
        return frozenset(lookups.get_table("lemma_index").get("verb", ()))
    except (OSError, ValueError, KeyError, ImportError):
        return frozenset()


def _stems(noun: str) -> list[str]:
    """The verbs a noun may be made of: "election" -> elect, "explosion" -> explode, "settlement" -> settle."""
    out = [noun]  # "a sanction", "the mention": the noun is the verb
    if noun.endswith("ing"):
        stem = noun[:-3]
        out += [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    elif noun.endswith("ment"):
        stem = noun[:-4]
        out += [stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem]
    elif noun.endswith(("tion", "sion")):
        stem = noun[:-3]  # "elect", "invas", "discuss"
        out += [stem, stem + "e"]
        for ending, verb in (("ation", ""), ("ation", "e"), ("ation", "ate"), ("ication", "y"), ("ition", "e"),
                             ("ption", "be"), ("ception", "ceive"), ("uction", "uce"), ("ension", "end"), ("sion", "de"), ("ssion", "t"),
                             ("ention", "ene"), ("olution", "olve"), ("ution", "ute"), ("otion", "ote"),
                             ("ition", ""), ("ition", "ize"), ("ation", "ize"), ("ization", "ize"), ("isation", "ise")):  # fmt: skip
            if noun.endswith(ending):
                out.append(noun[: -len(ending)] + verb)
    return [s for s in out if len(s) >= 3]


def deverbal(noun: str) -> bool:
    """Whether a noun with an event suffix is made of a verb; True where no verb index is at hand."""
    verbs = verb_index()
    return not verbs or any(stem in verbs for stem in _stems(noun))


def happening_suffix_noun(token: Token, lemma: str) -> bool:
    """An -ing/-ment/-tion/-sion noun naming a happening: made of a verb, no thing's name, no word of a name."""
    return lemma not in OBJECT_NOUNS and not in_name(token) and deverbal(lemma)


def body_sense(token: Token, lemma: str) -> bool:
    """ "party" as a political party ("the ruling party", "party leaders", "the party's candidate"), no party held."""
    if lemma != "party":
        return False
    if token.dep_ == "poss" or token.ent_type_ in NAME_LABELS or token.head.lower_ in _POLITICAL_HEADS:
        return True  # "the party's candidate", "party leaders" (but "party girl", "party guests" are a party's)
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in _AGENT_VERBS:
        return True  # "the parties will meet", "both parties agreed": sides, not a party held
    return any(c.lower_ in _POLITICAL or c.ent_type_ == "NORP" for c in token.children)


def in_name(token: Token) -> bool:
    """A word of a proper name of more than one word ("1915 Floral Avenue", "Sgt. Mourad Mourad", "Police
    Department"), outside a title-case headline where every word is capitalised."""
    if token.ent_type_ == "EVENT":
        return False  # "World War II", "the MVC Tournament": a happening's name
    if token.ent_type_ in NAME_LABELS and _entity_length(token) > 1:
        return not title_case_line(token)
    if token.pos_ != "PROPN" or title_case_line(token) or happening_name(token):
        return False
    neighbours = [token.head] if token.dep_ in {"compound", "flat"} else []
    neighbours += [c for c in token.children if c.dep_ in {"compound", "flat"}]
    return any(n.pos_ == "PROPN" for n in neighbours)


def happening_name(token: Token) -> bool:
    """An untagged name whose last word names a happening ("Missouri Valley Conference Tournament", "Winter
    Meetings", "World War II"): a word of it is a word of the happening's name, counted with the happening."""
    words = [t for t in token.doc[token.left_edge.i : token.head.i + 1] if t.pos_ == "PROPN"] if token.dep_ in {
        "compound", "flat"} else [token]  # fmt: skip
    last = {t.lower_.rstrip("s") for t in words[-2:]} | {t.lower_ for t in words[-2:]}
    return bool(last & _HAPPENING_HEADS)


# Last words of a happening's name
_HAPPENING_HEADS = set(
    "war tournament meeting meetings conference championship cup series games olympics bowl awards summit "
    "election festival marathon derby prix reserve trial".split()
)


def _entity_length(token: Token) -> int:
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - start


_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as", "is", "from"}


def title_case_line(token: Token) -> bool:
    """Whether the token's line is in title case ("Gunman Kills Two In Mall Shooting"): most words capitalised."""
    doc, start, end = token.doc, token.i, token.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and token.i - start < 40:
        start -= 1
    while end < len(doc) - 1 and "\n" not in doc[end].text_with_ws and end - token.i < 40:
        end += 1
    words = [t.text for t in doc[start : end + 1] if t.is_alpha and t.lower_ not in _SMALL]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.8
