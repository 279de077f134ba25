"""Epistemic status of an event word from its clause: happened, planned, intended, alleged, claimed, denied,
negated, speculated or conditional.

Read per source sentence from the parse: auxiliaries ("will visit"), framing verbs ("plans to",
"is expected to", "were supposed to"), negation ("did not", "have yet to", "no charges"),
conditions ("if"), reporting verbs that qualify what they report ("prosecutors allege", "denied"),
and headlinese ("DeGeneres to host Oscars").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.fuse.lexicon import (
    DELIBERATION,
    DIRECTIVES,
    FUTURE_AUX,
    MODAL_FRAMES,
    REPORTED_STATUS,
    REPORTING_VERBS,
    SPECULATIVE_AUX,
)

_MAX_CLIMB = 8


def modality(token: Token) -> str:
    """The epistemic status of an event word: happened, planned, intended, alleged, claimed, denied, negated,
    speculated or conditional, from auxiliaries, negation, conditions and the verbs framing or reporting it."""
    current, found, setting, came_from = token, None, False, None
    for _ in range(_MAX_CLIMB):
        cue = _local_modality(current, governing=current.i != token.i)
        if came_from is not None and _directed(current, came_from) and not cue:
            cue = "intended"  # "urged parliament to pass the bill": what someone is urged to do is not done
        if setting and cue in _NOT_PRESUPPOSED:
            cue = None  # "no arrests in the shooting", "not hurt in the crash": the shooting, the crash happened
        if cue in {"denied", "negated"}:
            return cue
        found = found or cue
        setting = setting or _circumstance(current)
        if current.dep_ in {"conj"} and current.head.pos_ == current.pos_:
            came_from, current = None, current.head  # "will visit ... and meet": the second verb shares the frame
            continue
        if current.dep_ not in {
            "xcomp",
            "pcomp",
            "pobj",
            "prep",
            "dobj",
            "acomp",
            "attr",
            "nsubj",
            "nsubjpass",
            "advcl",
            "relcl",
            "acl",
        }:
            break
        if current.dep_ in {"advcl", "relcl"} and found:
            break
        if _bare_participle(current):
            came_from, current = None, current.head  # "will direct the sequel, replacing Hardwicke": shares its tense
            continue
        parent = current.head
        if current.dep_ in {"advcl", "relcl", "nsubj", "nsubjpass"} and parent.lemma_.lower() not in MODAL_FRAMES:
            if current.dep_ in {"nsubj", "nsubjpass"}:
                found = found or _local_modality(parent)
            break
        came_from, current = current, parent
    if found is None and not setting and _mistagged_allegation(current):
        return "alleged"
    return found or (None if setting else reported_status(token)) or "happened"


def _directed(verb: Token, complement: Token) -> bool:
    """ "urged parliament [to pass]", "asked Gupta [to join]": an infinitive complement of a verb of directing; not
    a phrasal verb ("called in to help fight") nor an order carried out ("was ordered held on bail")."""
    if verb.lemma_.lower() not in DIRECTIVES or complement.dep_ != "xcomp" or _particle(verb):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in complement.children)


def _mistagged_allegation(clause: Token) -> bool:
    """ "Police allege Eric Kirkpatrick opened fire": the tagger read "allege" as a noun of the subject; a present
    "allege(s)" heading no clause of its own, before the clause's verb, still reports the clause as alleged."""
    return any(
        t.lower_ in {"allege", "alleges"} and t.pos_ in {"NOUN", "PROPN"} and t.i < clause.i for t in clause.subtree
    )


# Statuses a happening named in a clause's setting ("in the shooting", "after the attack") does not share
_NOT_PRESUPPOSED = {"negated", "denied"}
_SETTING_PREPOSITIONS = {"in", "at", "after", "following", "during", "since", "amid", "over"}


def _circumstance(token: Token) -> bool:
    """The noun of a setting phrase of its clause's verb ("arrested in [the shooting]", "charged with murder in
    [the death]"): the happening it names is taken as given by what the clause says of it."""
    return (
        token.dep_ == "pobj"
        and token.pos_ in {"NOUN", "PROPN"}
        and token.head.lower_ in _SETTING_PREPOSITIONS
        and token.head.head.pos_ in {"VERB", "NOUN"}
        and token.head.head.lemma_.lower() != "be"  # "no one was in custody": the state itself is negated
    )


# Sources whose account of a crime is an accusation: "prosecutors say he stole", "according to the indictment"
ACCUSERS = set(
    "prosecutor prosecution prosecutors plaintiff plaintiffs indictment complaint lawsuit suit affidavit accuser "
    "accusers petition".split()
)
# Parties to a case whose account is their side's: "the suspect told police", "the defense argued"
PARTIES = {"suspect", "defendant", "accused", "defense", "defence"}
# A lawyer is the defence's when the client is named ("his attorney", "Hamad's lawyer", "defense attorney"); a
# district attorney or attorney general is the prosecution
_COUNSEL = {"lawyer", "attorney", "counsel", "solicitor", "barrister"}
_PROSECUTING = {"district", "state", "county", "city", "general", "prosecuting", "u.s.", "us"}

# Relations a clause's status travels up: complements, conjuncts and the phrases inside one clause ("believed
# [X was responsible for [damage]]", "thinking he had happened upon a car-[crash] scene")
_REPORTED_DEPS = {"ccomp", "xcomp", "conj", "pcomp", "pobj", "prep", "compound", "acomp", "attr"}


def reported_status(token: Token) -> str | None:
    """ "Prosecutors allege [that he killed]", "Sudan denied [that it bombed]", "allegations [that he stole]": the
    verb or noun reporting the clause; what prosecutors or an indictment say ("according to prosecutors, he stole")
    is alleged; what a party to the case says ("the suspect told police", "my client was attacked") is claimed."""
    # "Prosecutors said": the saying itself is no allegation; "according to prosecutors, he stole" is
    current = token
    sourced = None if token.lemma_.lower() in REPORTING_VERBS else _source_status(token)
    for _ in range(6):
        content = current.dep_ == "acl" and current.head.lemma_.lower() in REPORTED_STATUS  # "allegations that"
        if current.dep_ not in _REPORTED_DEPS and not content or current.head.i == current.i:
            break
        if current.dep_ == "prep" and current.lower_ in _SETTING_PREPOSITIONS:
            break  # "presumed dead after [falling]", "charged in the [shooting]": the setting is taken as given
        current = current.head
        status = REPORTED_STATUS.get(current.lemma_.lower())
        if status is not None:
            return status
        sourced = sourced or _source_status(current)
    return sourced or _client_account(token)


def _source_status(verb: Token) -> str | None:
    """ "alleged" where the verb is reported by an accuser, "claimed" where by a party to the case: its subject
    ("Prosecutors said", "the suspect told police") or "according to"."""
    if verb.lemma_.lower() in REPORTING_VERBS:
        sources = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    else:
        sources = [g for c in verb.children if c.lower_ == "according" for p in c.children for g in p.children]
    if any(s.lemma_.lower() in ACCUSERS or s.lower_ in ACCUSERS or _prosecuting(s) for s in sources):
        return "alleged"
    if any(_party(s) for s in sources):
        return "claimed"
    return None


def _party(source: Token) -> bool:
    """A party to the case or its counsel: "the suspect", "the defense", "his attorney", "defense lawyer"."""
    word = source.lemma_.lower()
    if word in PARTIES or source.lower_ in PARTIES:
        return True
    if word not in _COUNSEL:
        return False
    if _prosecuting(source):
        return False
    return bool(_modifiers(source) & PARTIES) or any(c.dep_ == "poss" for c in source.children)


def _prosecuting(source: Token) -> bool:
    """ "the district attorney", "Attorney General": a lawyer for the state is the prosecution."""
    return source.lemma_.lower() in _COUNSEL and bool(_modifiers(source) & _PROSECUTING)


def _modifiers(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}


def _client_account(token: Token) -> str | None:
    """ "My client was at his house, he was attacked": a sentence in which the speaker's client is the subject
    matter is a defence lawyer's account, claimed by that side."""
    for word in token.sent:
        if word.lemma_.lower() == "client" and any(
            c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in word.children
        ):
            return "claimed"
    return None


_NOBODY = {"nobody", "none", "nothing", "noone", "neither"}


def _no(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _local_modality(token: Token, governing: bool = False) -> str | None:
    lemma = token.lemma_.lower()
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated"
    if _no(token) or any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _no(c) for c in children):
        return "negated"  # "No charges have been filed", "no charges expected", "no one was hurt"
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _NOBODY for c in children):
        return "negated"  # "Nobody was injured", "none were hurt"
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in children):
        return "speculated"  # "unclear whether anyone was arrested": not known to have happened
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in children) or any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in c.children)
        for c in children
    ):
        return "conditional"  # the "if" clause itself, and the event that depends on it
    head = token.head
    if (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in {"have", "be"}
        and any(c.lower_ == "yet" for c in head.children)
    ):
        return "negated"  # "have yet to agree"
    imminent = _imminence(token)
    if imminent is not None:
        return imminent
    if governing and _sought_outcome(token):
        return "conditional"  # "a reward for information leading to an arrest": the arrest is hoped for
    if lemma in MODAL_FRAMES and not _particle(token) and not _literal_frame(token):
        return MODAL_FRAMES[lemma]  # "set to", "is set for"; but "set aside the challenge" was done
    if governing and lemma in DELIBERATION:
        return "speculated"  # what is being considered or explored has not happened
    for child in children:
        word = child.lower_
        if child.dep_ in {"aux", "auxpass"} and word in FUTURE_AUX:
            return "planned"
        if child.dep_ in {"aux", "advmod", "amod"} and (word in SPECULATIVE_AUX or word in MODAL_FRAMES):
            if word in SPECULATIVE_AUX:
                return "speculated"
            return MODAL_FRAMES[word]
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    if infinitive and (token.dep_ == "ROOT" or _headline_subject(token) or _verbless_line(token)):
        return "planned"  # headlinese: "DeGeneres to host Oscars", "Minister to visit Ankara"
    if infinitive and token.dep_ in {"xcomp", "advcl"} and head.lemma_.lower() == "return" and _coming(head):
        return "planned"  # "DeGeneres returns (will return) to host the Oscars": a coming return, not a purpose
    if infinitive and token.tag_ == "VBG" and head.lemma_.lower() in _LOOKING_FORWARD:
        return "planned"  # "I am so excited to be hosting the Oscars"
    if token.dep_ == "xcomp" and infinitive:
        head = token.head
        if head.lemma_.lower() == "be" and head.tag_ in {"VBZ", "VBP", "VBD"}:  # "is to visit"
            return "planned"
    if token.dep_ == "advcl" and infinitive:
        return "intended"  # a purpose clause: "allocate ... to accelerate procurement"
    return None


_SOUGHT = {"information", "tip", "evidence"}


def _sought_outcome(token: Token) -> bool:
    """ "information leading to an arrest", "tips that lead to a conviction": the outcome a tip would bring."""
    if token.lemma_.lower() != "lead" or token.tag_ not in {"VBG", "VBZ", "VBP"}:
        return False
    return token.dep_ in {"acl", "relcl"} and token.head.lemma_.lower() in _SOUGHT


# "is about to hire" is a plan on the point of happening; "is close to signing" a possibility not yet done
_IMMINENT = {"about": "planned", "close": "speculated", "near": "speculated"}


def _imminence(token: Token) -> str | None:
    """ "about to hire", "close to signing", "near to agreeing": the event has not happened yet."""
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "to":
        head = head.head  # "close [to [signing]]"
    elif not (token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        return None
    if head.dep_ in {"acomp", "advmod", "amod"} and head.lower_ in _IMMINENT and head.i < token.i:
        return _IMMINENT[head.lower_]
    return None


def _bare_participle(token: Token) -> bool:
    """A participle clause with no subject or subordinator of its own ("..., replacing Catherine Hardwicke")."""
    if token.dep_ != "advcl" or token.tag_ != "VBG":
        return False
    return not any(c.dep_ in {"mark", "nsubj", "nsubjpass", "aux"} for c in token.children)


def _headline_subject(token: Token) -> bool:
    """ "Klitschko to meet Rahman" opening a line: the infinitive hangs off the name the line starts with."""
    head = token.head
    if token.dep_ != "acl" or head.pos_ != "PROPN":
        return False
    first = head.left_edge.i
    return first == 0 or "\n" in head.doc[first - 1].text_with_ws


_LOOKING_FORWARD = {"excited", "thrilled", "delighted", "eager", "honored", "honoured", "glad", "happy", "proud"}


def _coming(verb: Token) -> bool:
    """A verb in the present ("returns") or with a future auxiliary ("will return"): headline present, plan."""
    return verb.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _verbless_line(token: Token) -> bool:
    """ "Ellen DeGeneres Returns to Host the Oscars": a title-case line parsed with a noun at its root and no
    finite verb; the infinitive hanging off that noun is a headline's plan, not a done deed."""
    head = token.head
    if token.dep_ != "acl" or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    line = _line(token)
    return head in line and not any(t.tag_ in {"VBD", "VBZ", "VBP"} for t in line)


def _line(token: Token) -> list[Token]:
    """The tokens of the text line holding the token: a headline glued by the parser to the next sentence still
    ends at its newline."""
    doc, start, end = token.doc, token.i, token.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) - 1 and "\n" not in doc[end].text_with_ws:
        end += 1
    return [t for t in doc[start : end + 1] if not t.is_space]


# Frame verbs with a literal, transitive sense: "set fire to the car", "targeted the camp", "aimed the gun"
_LITERAL_WITH_OBJECT = {"set", "target", "aim"}


def _literal_frame(token: Token) -> bool:
    """ "They set fire to the vehicle": with a direct object "set" is done, not "set to" happen."""
    return token.lemma_.lower() in _LITERAL_WITH_OBJECT and any(c.dep_ == "dobj" for c in token.children)


def _particle(token: Token) -> bool:
    """A phrasal verb whose particle changes its sense ("set aside", "set up", "aim at", "try on")."""
    return any(c.dep_ == "prt" for c in token.children)
