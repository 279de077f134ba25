"""Event frames from spaCy dependency parses: trigger, its own tokens, agent, modality, attribution.

A frame is one event-denoting verb or noun with the tokens that belong to it (its subtree minus
the sub-clauses that hold frames of their own). Mentions found by extraction are then assigned
to frames by token (claims.py). Frames nested in other frames (``where he will visit``,
``... and meet``) inherit the time, place and subject their clause leaves unstated.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsfuse.fuse.lexicon import (
    DIRECTIVES,
    EVENT_NOUNS,
    LIGHT_VERBS,
    MODAL_FRAMES,
    NON_EVENT_VERBS,
    PREDICATE_CLASSES,
    RECORD_ORDINALS,
    REPORTING_VERBS,
)
from newsfuse.fuse.status import modality

CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "conj", "parataxis", "xcomp", "csubj", "acl", "pcomp", "appos"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}
_MAX_CLIMB = 8
_NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


@dataclass(frozen=True, slots=True)
class Frame:
    trigger: int  # token index in the Doc
    lemma: str
    predicate: str  # class from the lexicon, or the lemma for other verbs
    known: bool  # the predicate is in the lexicon
    modality: str
    own: frozenset[int]  # token indexes that belong to this frame
    agent: int | None  # token index heading the subject phrase
    parent: int | None  # trigger index of the frame this one is nested in
    qualifiers: tuple[str, ...]
    attribution: tuple[int, int] | None  # char span of "The Japan Times" in "The Japan Times reported that"
    attribution_cue: str | None


def is_trigger(token: Token) -> bool:
    """An event verb or noun that heads a frame of its own."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if token.lower_ == "according" or token.dep_ in {"amod", "compound", "nmod"}:
            return False  # "according to", and participles used as adjectives ("Turkey-backed firms")
        if lemma in MODAL_FRAMES or lemma in REPORTING_VERBS or lemma in LIGHT_VERBS and _light_object(token):
            return False
        return lemma not in NON_EVENT_VERBS or lemma in PREDICATE_CLASSES
    if token.pos_ == "NOUN":
        return lemma in EVENT_NOUNS or token.text.lower() in EVENT_NOUNS
    return False


def _light_object(token: Token) -> Token | None:
    """The event noun a light verb carries: ``held [talks]``, ``pay an official [visit]``."""
    for child in token.children:
        if (
            child.dep_ in {"dobj", "attr"}
            and child.pos_ == "NOUN"
            and (child.lemma_.lower() in EVENT_NOUNS or child.text.lower() in EVENT_NOUNS)
        ):
            return child
    return None


def find_frames(sentence: Span, every_verb: bool = False) -> list[Frame]:
    """Every frame whose trigger lies in ``sentence``, outermost first.

    Clauses headed by verbs outside the lexicon stay part of the frame above them ("an agreement
    to expand cooperation"), and also make frames of their own, kept only when they link entities.
    """
    triggers = [t for t in sentence if is_trigger(t) or every_verb and t.pos_ == "VERB"]
    trigger_set = {t.i for t in triggers if every_verb or _known(t)}
    restated = {t.i for t in triggers if t.i in trigger_set and _restates_head(t)}
    triggers = [t for t in triggers if t.i not in restated]
    trigger_set -= restated
    frames = []
    absorbed: set[int] = set()
    for token in (t for t in triggers if t.i in trigger_set):
        absorbed |= _own_tokens(token, trigger_set) - {token.i}
    for token in (t for t in triggers if t.i in trigger_set or t.i not in absorbed):
        lemma = token.lemma_.lower() if token.pos_ == "VERB" else _noun_lemma(token)
        predicate = PREDICATE_CLASSES.get(lemma, lemma)
        own = _own_tokens(token, trigger_set)
        head = _light_head(token) or _support_verb(token, trigger_set)
        if head is not None:
            own |= {
                t.i
                for c in head.children
                if c.i != token.i
                and c.dep_ not in {"nsubj", "nsubjpass"}
                and not any(x.i in trigger_set for x in c.subtree)
                and not _foreign_clause(c, trigger_set, True)
                for t in c.subtree
            }
            own.add(head.i)
        attribution, cue = _attribution(token)
        frames.append(
            Frame(
                trigger=token.i,
                lemma=lemma,
                predicate=predicate,
                known=lemma in PREDICATE_CLASSES,
                modality=modality(token),
                own=frozenset(own),
                agent=_agent(token),
                parent=_parent_trigger(token, trigger_set),
                qualifiers=_qualifiers(token),
                attribution=attribution,
                attribution_cue=cue,
            )
        )
    return frames


def _restates_head(token: Token) -> bool:
    """ "met Wang Li in a meeting of two hours": an event noun under a preposition of a verb of its own class."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    verb = token.head.head
    return verb.pos_ == "VERB" and PREDICATE_CLASSES.get(verb.lemma_.lower()) == PREDICATE_CLASSES.get(
        _noun_lemma(token)
    )


def _support_verb(token: Token, triggers: set[int]) -> Token | None:
    """ "The meeting lasted two hours", "the talks took place in Ankara": the verb says more about its event-noun subject."""
    head = token.head
    if token.pos_ != "NOUN" or token.dep_ != "nsubj" or head.i in triggers or head.pos_ not in {"VERB", "AUX"}:
        return None
    lemma = head.lemma_.lower()
    if lemma in REPORTING_VERBS or lemma in MODAL_FRAMES:
        return None
    return head


def _known(token: Token) -> bool:
    lemma = token.lemma_.lower() if token.pos_ == "VERB" else _noun_lemma(token)
    return lemma in PREDICATE_CLASSES


def _noun_lemma(token: Token) -> str:
    text = token.text.lower()
    return text if text in PREDICATE_CLASSES and text.endswith("s") else token.lemma_.lower()


def _own_tokens(token: Token, triggers: set[int]) -> set[int]:
    """The trigger's subtree, less the frames nested in it and less clauses about someone else.

    A nested frame's subtree is its own. A clause that holds a nested frame is dropped whole,
    unless it is the trigger's complement ("decided [to initiate consultations ...]"). Deeper
    relative and adverbial clauses that name entities ("a NATO member keen to expand ties beyond
    Europe") describe another participant, not this event.
    """
    own = {token.i}
    stack = [(c, True) for c in token.children]
    while stack:
        child, direct = stack.pop()
        if child.i in triggers:
            continue
        if _foreign_clause(child, triggers, direct) or child.lower_ == "according":
            continue  # "according to Reuters" says who reports it, not who takes part
        own.add(child.i)
        stack.extend((c, False) for c in child.children)
    return own


def _foreign_clause(child: Token, triggers: set[int], direct: bool) -> bool:
    """A clause that belongs to another frame, or to another actor, rather than to this event."""
    if child.dep_ not in CLAUSE_DEPS or child.dep_ == "xcomp":
        return False
    if any(t.i in triggers for t in child.subtree):
        return True
    if not direct and child.dep_ in {"relcl", "acl", "advcl"} and any(t.ent_type_ in _NAMED for t in child.subtree):
        return True
    # "..., as Tokyo expands its forces": a clause with an actor of its own
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.ent_type_ in _NAMED for c in child.children)


def _light_head(token: Token) -> Token | None:
    """ "held [talks]", "[talks] will be held": the light verb whose tense, time and place the event noun takes."""
    if (
        token.pos_ == "NOUN"
        and token.dep_ in {"dobj", "attr", "nsubjpass"}
        and token.head.lemma_.lower() in LIGHT_VERBS
    ):
        return token.head
    return None


def _parent_trigger(token: Token, triggers: set[int]) -> int | None:
    current = token
    for _ in range(_MAX_CLIMB):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.i in triggers:
            return current.i
    return None


def _agent(token: Token) -> int | None:
    """The subject of the event, looking through light verbs, control verbs, conjunctions and clauses."""
    current, came_by = token, None
    for _ in range(_MAX_CLIMB):
        if current.i != token.i and current.lemma_.lower() in REPORTING_VERBS:
            break  # the speaker of a report is its source, not the event's subject
        controller = _object_controller(current, came_by)
        if controller is not None:
            return controller.i  # "urged parliament to pass": parliament is to pass, not who urged it
        for child in current.children:
            if child.dep_ == "nsubj" and _time_phrase(child):
                continue  # "but this time signed a waiver": a time adverbial the parser took for the subject
            passive_frame = child.dep_ == "nsubjpass" and current.lemma_.lower() in MODAL_FRAMES
            if (child.dep_ in {"nsubj", "poss"} or passive_frame) and child.lemma_.lower() not in {
                "which",
                "that",
                "who",
            }:
                return child.i
            if child.dep_ == "prep" and child.lower_ == "by" and current.pos_ == "NOUN":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0].i
        if current.dep_ == "nsubjpass" or current.head.i == current.i:
            break
        if current.i == token.i and token.dep_ == "acl" and token.tag_ in {"VBN", "VBD"} and token.head.pos_ != "VERB":
            return None  # "three bank workers killed when ...": a reduced passive says what was done to the noun
        if (
            current.i == token.i
            and token.pos_ == "NOUN"
            and token.dep_ == "pobj"
            and token.head.lower_ in {"in", "on", "at"}
        ):
            holder = token.head.head  # "Haluk Görgün also in attendance": the noun the phrase describes
            if holder.pos_ == "PROPN":
                return holder.i
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"} and current.head.dep_ not in {"attr"}:
            return current.head.i if current.head.pos_ == "PROPN" else None
        if current.dep_ in {"nsubj"}:
            break
        came_by, current = current.dep_, current.head
    passive = [c for c in current.children if c.dep_ == "nsubjpass"]
    return passive[0].i if passive and current.i != token.i else None


def _object_controller(verb: Token, came_by: str | None) -> Token | None:
    """The object of a verb of directing whose infinitive we climbed from ("urged [parliament] to pass", "asked
    [police] to investigate"): the one who is to do it."""
    if came_by != "xcomp" or verb.lemma_.lower() not in DIRECTIVES or any(c.dep_ == "prt" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


# Nouns of time: "this time", "that day", "last week" head adverbials of time, never a subject
_TIME_NOUNS = set("time day night morning afternoon evening week weekend month year hour moment".split())
_TIME_DETERMINERS = {"this", "that", "next", "last", "every", "each", "one", "same"}


def _time_phrase(token: Token) -> bool:
    """ "this time", "that night", "last week": a noun of time with a deictic determiner."""
    return token.lemma_.lower() in _TIME_NOUNS and any(
        c.dep_ in {"det", "amod"} and c.lower_ in _TIME_DETERMINERS for c in token.children
    )


def _qualifiers(token: Token) -> tuple[str, ...]:
    """Record ordinals on the trigger or the noun it describes ("the first minister to visit")."""
    found = []
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "amod" and child.lower_ in RECORD_ORDINALS:
                found.append(child.lower_)
        if current.head.i == current.i:
            break
        current = current.head
    return tuple(dict.fromkeys(found))


def _attribution(token: Token) -> tuple[tuple[int, int] | None, str | None]:
    """Who the sentence says states this: the subject of a reporting verb above it, or "according to X"."""
    current = token
    for _ in range(_MAX_CLIMB + 4):
        for child in current.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                target = next((g for g in child.subtree if g.dep_ == "pobj"), None)
                if target is not None:
                    return _phrase_span(target), "according to"
        lemma = current.lemma_.lower()
        if current.i != token.i and lemma in REPORTING_VERBS and current.pos_ == "VERB":
            subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                return _phrase_span(subject), lemma
        if current.head.i == current.i:
            break
        current = current.head
    # "..., a diplomatic source said": the reporting verb may sit beside the clause, not above it
    root = token.sent.root
    for child in root.children:
        if (
            child.dep_ in {"parataxis", "advcl", "ccomp"}
            and child.lemma_.lower() in REPORTING_VERBS
            and child.i > token.i
        ):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return _phrase_span(subject), child.lemma_.lower()
    return None, None


def _phrase_span(token: Token) -> tuple[int, int]:
    tokens = [t for t in token.subtree if t.dep_ not in {"relcl", "punct"} or t.i == token.i]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def sentences(doc: Doc, bounds: list[tuple[int, int]] | None = None) -> list[Span]:
    """The doc's sentences, or spans cut at the extraction's sentence bounds when given."""
    if not bounds:
        return list(doc.sents)
    out = []
    for start, end in bounds:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out
