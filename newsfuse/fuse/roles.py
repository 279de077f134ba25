"""Who did what to whom, from the parse of one event word: actors and targets as resolved entities.

Actors are the active subject or the passive agent ("was shot by police": police); targets are
the direct object or the passive subject ("was shot": the one shot); coordinated names
("Kiir and Bashir") and appositions ("its president, Salva Kiir") share their head's role. The
speaker of a reporting verb above the word is its source, never its actor.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsfuse.fuse.actions import word_key
from newsfuse.fuse.lexicon import EVENT_NOUNS
from newsfuse.fuse.participants import EntityIndex
from newsfuse.records.claims import ClaimArgument
from newsfuse.records.mentions import EntityMention

_ACTOR = {"nsubj"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Heads a place name stands for the government or an institution of: "Howland police charged", "Texas officials"
INSTITUTIONS = set(
    "police government officials official authorities authority forces troops army military navy court "
    "prosecutors ministry department council administration leaders state legislature lawmakers".split()
)
# Happenings only a person or an animal does: a place named as their subject ("Texas escapee") is where from
ANIMATE_ACTIONS = {"escape"}
# Verbs whose subject undergoes the happening: who "died" or "drowned" is its victim, not who did it
UNDERGOER_VERBS = {"die", "perish", "drown", "succumb", "suffer"}
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


def modifier_name(token: Token, mention: EntityMention, event: Token) -> bool:
    """A name that only qualifies the noun heading its phrase, not who the phrase is: "A [Texas] inmate escaped"
    (where he is from), "[Hamad]'s son fired", "[Oscar] organizers unveiled", "[Papandreou]'s Socialists hold".
    Before an institution the name stands for it ("Howland police", "the department's detectives", "Microsoft
    engineers"); the possessor of the event word itself is its actor ("Sudan's bombing"). A capitalised word
    that names nothing is a title-case common noun ("Texas Child Molester Escaped")."""
    head, through_possessor = token, False  # climbing to the head noun, through a possessor or not
    while head.dep_ in _MODIFIER_DEPS and head.head.i != head.i:
        through_possessor = through_possessor or head.dep_ == "poss"
        head = head.head
    if head.i in {token.i, event.i} or mention.start <= head.idx < mention.end:
        return False  # the name's own head word ("New [York]", "Texas Department")
    if head.pos_ == "PROPN" and head.ent_type_:
        return through_possessor  # a name of its own: "Papandreou's Socialists"
    if head.pos_ not in {"NOUN", "PROPN"} or head.lemma_.lower() in INSTITUTIONS | EVENT_NOUNS:
        return False  # "Howland police", "Nakatani's visit": the place's police, the possessor's visit
    return mention.label != "ORG"  # an organisation acts through its staff: "Microsoft engineers"


def _named(
    tokens: list[Token], by_token: dict[int, EntityMention], entities: EntityIndex, role: str, event: Token
) -> list[ClaimArgument]:
    found: dict[str, ClaimArgument] = {}
    for token in tokens:
        mention = by_token.get(token.i)
        if mention is not None and role == "actor" and modifier_name(token, mention, event):
            continue
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
    if token.lemma_.lower() in UNDERGOER_VERBS and verb is token:
        # "Josh Haber died": who died is what happened to; a place ("SANTA ANA - A boy died") is a dateline
        undergoers = [a for a in _named(actors, by_token, entities, "target", verb) if a.label not in PLACE_LABELS]
        return (), tuple(undergoers + _named(with_compounds, by_token, entities, "target", verb))
    found = _named(actors, by_token, entities, "actor", verb)
    if word_key(token) in ANIMATE_ACTIONS:
        found = [a for a in found if a.label not in PLACE_LABELS]
    return tuple(found), tuple(_named(with_compounds, by_token, entities, "target", verb))
