"""Who did what to whom, from the parse of one event word: actors and targets as resolved entities.

Actors are the active subject or the passive agent ("was shot by police": police); targets are
the direct object or the passive subject ("was shot": the one shot); coordinated names
("Kiir and Bashir") and appositions ("its president, Salva Kiir") share their head's role. The
speaker of a reporting verb above the word is its source, never its actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsfuse.fuse.participants import EntityIndex
from newsfuse.records.claims import ClaimArgument
from newsfuse.records.mentions import EntityMention

_ACTOR = {"nsubj"}
_TARGET = {"dobj", "nsubjpass", "obj"}
_SPREAD = {"conj", "appos", "compound", "flat"}


def _phrase_heads(head: Token) -> list[Token]:
    """A role's head with the names coordinated or in apposition with it."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ in _SPREAD)
    return out


def _named(tokens: list[Token], by_token: dict[int, EntityMention], entities: EntityIndex, role: str):
    found: dict[str, ClaimArgument] = {}
    for token in tokens:
        mention = by_token.get(token.i)
        if mention is not None and mention.label != "NORP" or mention is not None and token.pos_ == "PROPN":
            key = entities.key(mention)
            found.setdefault(key, ClaimArgument(role, entities.name(key), key, mention.label))
    return list(found.values())


def entity_tokens(doc: Doc, mentions: Sequence[EntityMention]) -> dict[int, EntityMention]:
    """Token index -> the entity mention covering it."""
    out: dict[int, EntityMention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                out[token.i] = mention
    return out


def roles(
    token: Token, by_token: dict[int, EntityMention], entities: EntityIndex
) -> tuple[tuple[ClaimArgument, ...], tuple[ClaimArgument, ...]]:
    """(actors, targets) of the event word ``token``; a noun's actor is its possessor ("Sudan's bombing")."""
    actors: list[Token] = []
    targets: list[Token] = []
    verb = token
    if token.pos_ != "VERB" and token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ == "VERB":
        verb = token.head  # "carried out the bombing": the light verb's subject is the actor
    for child in verb.children:
        if child.dep_ in _ACTOR or child.dep_ == "poss" and verb.pos_ == "NOUN":
            actors += _phrase_heads(child)
        elif child.dep_ in _TARGET and child.i != token.i:
            targets += _phrase_heads(child)
        elif child.dep_ == "agent":
            actors += [g for p in child.children if p.dep_ == "pobj" for g in _phrase_heads(p)]
        elif child.dep_ == "prep" and child.lower_ in {"on", "against", "of"} and verb.pos_ == "NOUN":
            targets += [g for p in child.children if p.dep_ == "pobj" for g in _phrase_heads(p)]
    with_compounds = [t for head in targets for t in head.subtree if t.dep_ in {"compound", "amod"}] + targets
    return tuple(_named(actors, by_token, entities, "actor")), tuple(
        _named(with_compounds, by_token, entities, "target")
    )
