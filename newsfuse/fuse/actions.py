"""Action classes: which event words name the same kind of happening ("killed", "death", "murder" -> kill).

A small class lexicon of news actions plus a normaliser for the morphology the lemmatizer leaves
("shooting" the noun, "checks", "dies"). Two event words of one event with the same action key
are taken to report the same happening unless their claims say otherwise (merge.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsfuse.fuse.eventive import body_sense, happening_suffix_noun, in_name

_CLASSES = {
    "attack": "attack assault raid bomb bombing airstrike ambush offensive shelling",
    "shoot": "shoot shot shooting gunfire gunshot fire",
    "kill": "kill murder slay slaying killing homicide dead death die fatal execute assassinate suicide succumb",
    "injure": "injure injured injury wound wounded hurt",
    "arrest": "arrest capture detain detention apprehend custody nab",
    "charge": "charge accuse indict indictment",
    "quake": "earthquake quake temblor tremor",
    "hit": "hit strike",
    "meet": "meet meeting talk talks summit negotiation negotiate discuss discussion confer",
    "riot": "riot rioting unrest clash clashes",
    "visit": "visit tour trip travel journey arrive",
    "agree": "agree agreement accord deal pact sign",
    "announce": "announce announcement unveil launch introduce release issue",
    "win": "win victory beat triumph lose loss defeat",  # one contest: the winner's win is the loser's loss
    "rehab": "rehab rehabilitation",
    "nominate": "nominate nominee nomination appoint appointment name",
    "foil": "foil thwart",
    "drunk": "dui drunk drunken",
    "find": "find discover",
    "fix": "fix plug patch resolve",
    "fire": "blaze fire burn inferno wildfire",  # the noun; the verb "fire" is shoot (word_key)
    "resign": "resign resignation quit",
    "appoint": "hire",
    "fire_staff": "sack dismiss",
    "crash": "crash collide collision accident ram smash",
    "rob": "rob robbery heist steal theft burglary snatch",
    "damage": "damage destroy devastate sever wreck cut",
    "escape": "escape flee abscond",
    "explode": "explode explosion blast detonate",
    "admit": "admit enter",  # "entered rehab", "was admitted to", "checked into"
    "sentence": "sentence convict conviction",
    "say": "say tell state report add note claim confirm",
    "acquire": "acquire acquisition buy purchase takeover",
    "outage": "outage downtime blackout disruption",
}
ACTION_CLASS: dict[str, str] = {}
for _name, _words in _CLASSES.items():
    for _word in _words.split():
        ACTION_CLASS.setdefault(_word, _name)

# Verbs too general to say which happening they name: they never join words of other sentences.
GENERIC = {
    "be", "have", "do", "get", "make", "take", "give", "go", "come", "put", "set", "keep", "let",
    "become", "seem", "appear", "remain", "include", "use", "see", "want", "need", "try", "know",
    "think", "believe", "look", "begin", "start", "continue", "happen", "occur", "leave", "call",
}  # fmt: skip
# Nouns that name a happening though they are in no action class and carry no event suffix:
# contests, proceedings, crimes, gatherings, failures ("the trial", "a heist", "the outage").
EVENT_NOUNS = set(
    """
    trial hearing case game match playoff final round tournament race season record party ceremony vigil
    funeral wedding rally protest riot demonstration strike war battle fight clash conflict offer bid
    arson fraud piracy crime incident storm flood
    outage downtime problem failure attempt surgery concert show festival election vote campaign
    scandal sequel premiere
    """.split()
)
REPORTING = {"say", "tell", "state", "report", "add", "note", "claim", "confirm", "explain", "write", "quote"}
# Nouns that name happenings when they are the word itself, beside the class lexicon's nouns
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing")
# Nouns in -ing that are no verb's happening: times of day, things, kin ("late into the evening", "the building")
NOT_EVENT_ING = set(
    """
    evening morning building ceiling clothing thing something nothing anything everything spring wing ring king
    string sibling earring railing lining
    """.split()
)
_ADJECTIVES = {"dead", "injured", "wounded", "drunk", "drunken", "fatal"}


def normal_lemma(lemma: str) -> str:
    """The lemma with the inflection the lemmatizer missed cut off ("shooting" -> "shoot", "checks" -> "check")."""
    lemma = lemma.lower()
    if lemma in ACTION_CLASS:
        return lemma
    # a headline's word keeps its inflection ("Dies", "Charged"): a lexicon word under it comes first
    # only the endings an inflection leaves: "Chargers", "Blazers", "Protesters" are people, not charges or blazes
    bases = [lemma[:-1]] if lemma.endswith(("s", "d")) and not lemma.endswith(("ers", "ors")) else []
    bases += [lemma[:-2]] if lemma.endswith(("es", "ed")) else []
    bases += [lemma[:-3] + "y"] if lemma.endswith(("ies", "ied")) else []
    bases += [lemma[:-3], lemma[:-3] + "e"] if lemma.endswith("ing") else []
    for base in bases:
        if len(base) >= 3 and (base in ACTION_CLASS or base in EVENT_NOUNS):
            return base
    for suffix in ("ing", "es", "s", "ed"):
        base = lemma[: -len(suffix)]
        if lemma.endswith(suffix) and len(base) >= 4:
            return base if base in ACTION_CLASS or suffix != "es" else lemma[:-1]
    return lemma


def action_key(lemma: str) -> str:
    """The action class of a lemma, or its derivational family for words outside the lexicon."""
    base = normal_lemma(lemma)
    return ACTION_CLASS.get(base) or family(base)


# Noun suffixes that make a happening of a verb, longest first ("investigation" of "investigate")
_NOUN_SUFFIXES = ("ation", "ion", "ment", "al", "ure")


def family(lemma: str) -> str:
    """A derivational family: the verb and the nouns made of it share it ("investigate", "investigation").

    The noun suffix is cut, then the verb ending ("-ate", "-e"; "-y" as "-i": "deny", "denial"), so
    "arrive"/"arrival", "elect"/"election", "approve"/"approval" and "fail"/"failure" meet. A noun
    whose verb is in the lexicon takes its class ("statement" -> say). Stems under four letters are
    left whole: "nation" is not "nate".
    """
    lemma = lemma.lower()
    stem = lemma
    for suffix in _NOUN_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            stem = lemma[: -len(suffix)]
            for verb in (stem + "e", stem + "ate", stem):
                if verb in ACTION_CLASS:
                    return ACTION_CLASS[verb]
            break
    if stem.endswith("ate") and len(stem) > 6:
        stem = stem[:-3]
    elif stem.endswith("e") and len(stem) > 4:
        stem = stem[:-1]
    elif stem.endswith("y") and len(stem) > 4:
        stem = stem[:-1] + "i"
    return stem


# Phrasal verbs whose particle changes the happening: "passed away" died, "checked into" rehab, "gunned down".
PHRASAL = {("pass", "away"): "kill", ("check", "into"): "admit", ("check", "in"): "admit", ("gun", "down"): "shoot",
           ("open", "fire"): "shoot", ("run", "away"): "escape", ("run", "off"): "escape", ("break", "out"): "escape",
           ("walk", "away"): "escape", ("walk", "out"): "escape", ("catch", "fire"): "fire", ("mow", "down"): "hit",
           ("set", "fire"): "fire", ("step", "down"): "resign", ("return", "fire"): "shoot",
           ("exchange", "fire"): "shoot"}  # fmt: skip


def word_key(token: Token) -> str:
    """The action key of an event word in its parse: a phrasal verb's own class first ("passed away": kill).

    The particle is read from the parse, or from the next word where a title-case headline
    ("Checks Into Rehab") leaves it unattached. A noun is keyed as a noun: "the fire" is a blaze,
    "fired" a shot; "the issue" is not a release.
    """
    lemma = normal_lemma(token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_)
    noun = light_object(token)
    if noun is not None:
        return word_key(noun)  # "made an arrest" is the arrest, "held talks" the meeting
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and (normal_lemma(token.head.lemma_.lower()), lemma) in PHRASAL:
        return PHRASAL[(normal_lemma(token.head.lemma_.lower()), lemma)]  # the "fire" of "opened fire" is gunfire
    sense = word_sense(token, lemma)
    if sense is not None:
        return sense
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    for particle in [c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "dobj", "advmod"}] + [following]:
        if (lemma, particle) in PHRASAL:
            return PHRASAL[(lemma, particle)]
    if token.pos_ in {"NOUN", "PROPN"}:
        if lemma in NOUN_KEYS:
            return NOUN_KEYS[lemma]
        if lemma in VERB_ONLY:
            return family(lemma)
    return action_key(lemma)


# Objects that make "fire" a dismissal ("fired its head coach"), "release" a freeing, "cut" a score
_STAFF = set(
    "coach manager employee employees worker workers staff staffer director chief ceo executive teacher".split()
)
_MARGINS = {"lead", "deficit", "margin", "gap"}
_RELEASED_PEOPLE = set("man woman suspect prisoner prisoners inmate inmates hostage hostages patient victim".split())
# Places one is admitted to ("entered rehab", "entered a treatment program")
_ADMITTED = set("rehab rehabilitation hospital clinic facility center centre treatment program programme care".split())
_HOMES = {"ORG", "FAC"}  # "entered Promises", "entered Cedars-Sinai"
# Verbs of a game whose object "shot" is a try at goal, not gunfire ("blocked six shots", "missed a shot")
_GAME_SHOT_VERBS = {"block", "miss", "make", "sink", "attempt", "convert", "alter", "contest", "hit", "swat"}
_GAME_SHOT_KINDS = {"blocked", "missed", "jump", "free", "point", "3-point", "three-point", "tying", "open", "goal"}


def word_sense(token: Token, lemma: str) -> str | None:
    """The key of a word whose class depends on the words around it, or None where the lexicon's class holds."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma == "hang":  # people are hanged ("was hanged", "hanged himself"); "hung with Creighton" is no death
        reflexive = any(c.lower_ in {"himself", "herself", "themselves"} for c in objects)
        return "kill" if token.lower_ == "hanged" or reflexive else "hang"
    if lemma == "fire" and token.pos_ == "VERB" and any(_person(c) for c in objects):
        return "fire_staff"  # "fired its head coach", "the manager was fired"
    if lemma == "release" and token.pos_ == "VERB" and _freed(token, objects):
        return "free"  # "treated and released", "released from custody"; "released the name" or a patch is told
    if lemma == "cut" and any(c.lemma_.lower() in _MARGINS for c in objects):
        return "cut"  # "cut the lead to three": a score, no damage
    measures = [c for c in token.children if c.dep_ in {"dobj", "npadvmod", "attr"}]
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)  # "were shot, one fatally": people
    if (
        lemma == "shoot"
        and token.pos_ == "VERB"
        and not passive
        and any(c.like_num or c.lower_ in {"percent", "%"} for c in measures)
    ):
        return "shoot_score"  # "shot 35 percent from the field", "shot a 68": a score, not gunfire
    if lemma == "shot" and token.pos_ == "NOUN" and _game_shot(token):
        return "shot"  # "blocked six shots", "six blocked shots", "a 3-point shot"
    if lemma == "lose" and token.pos_ == "VERB" and objects and not any(_contest(c) for c in objects):
        return "lose"  # "families who lost loved ones", "lost his job": no contest lost
    if lemma == "launch" and any(c.lemma_.lower() in _PROJECTILES for c in objects):
        return "attack"  # "launched rocks and petrol bombs at the officers": no product launched
    if lemma == "strike" and token.pos_ == "NOUN":
        kinds = {c.lemma_.lower() for c in token.children if c.dep_ in {"amod", "compound", "nmod"}}
        harm = token.dep_ == "nsubj" and ACTION_CLASS.get(token.head.lemma_.lower()) in {"kill", "injure", "damage"}
        return "attack" if kinds & _STRIKE_WEAPONS or harm else "strike"  # "a general strike", a walkout
    if lemma == "talk" and token.dep_ == "compound":
        return "talk"  # "talk show host": a kind of show, no talks
    if lemma == "deal" and token.pos_ == "VERB":
        return "deal"  # "hard to deal with": coping, not an agreement
    if lemma == "enter" and not _admitted(token, objects):
        return "enter"  # "Entering February", "entered a plea", "bullets entered his body": no admission to a clinic
    if lemma == "break" and any(c.lower_ == "out" for c in token.children):
        return _broke_out(token)
    return None


def _admitted(token: Token, objects: list[Token]) -> bool:
    """Entered a clinic: the object's own noun phrase ("entered a treatment program", "entered Promises"), or
    what one enters "into", names a place of care; the rest of the clause ("..., according to the Office of the
    Chief Medical Examiner") is not where one entered."""
    into = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"into", "to"} for g in c.children]
    phrase = [t for o in objects + into for t in o.subtree if t.i <= o.i or t.head.i == o.i and t.dep_ != "prep"]
    return any(t.lemma_.lower() in _ADMITTED or t.ent_type_ in _HOMES for t in phrase)


def _broke_out(token: Token) -> str:
    """ "broke out of jail" is an escape; "a fire broke out" the fire itself; "fighting broke out" the fighting."""
    after = token.doc[token.i + 1 : token.i + 3]
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) or "of" in {t.lower_ for t in after}:
        return "escape"
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and is_event_word(subject):
        return word_key(subject)
    return "break"


# What one wins or loses in a contest ("lost the game", "lost the election", "lost 3-1"), as against "lost loved ones"
_CONTESTS = set(
    "game match election race title final series seat vote bout fight contest battle war case appeal bid cup "
    "championship tournament point set round lead majority".split()
)
_PROJECTILES = set("rock stone missile rocket bomb grenade firework projectile mortar shell tear bottle".split())
_STRIKE_WEAPONS = {"air", "drone", "missile", "military", "aerial", "nuclear", "rocket", "artillery", "precision"}


def _contest(token: Token) -> bool:
    return token.lemma_.lower() in _CONTESTS or token.like_num or token.ent_type_ in {"ORG", "EVENT"}


def _game_shot(shot: Token) -> bool:
    """A try at goal: the object of a game's verb, or a shot of a kind a game has ("blocked", "jump", "3-point")."""
    if shot.dep_ == "dobj" and shot.head.lemma_.lower() in _GAME_SHOT_VERBS:
        return True  # "blocked six shots"; but "a single shot hit him" is gunfire
    kinds = {c.lemma_.lower() for c in shot.children if c.dep_ in {"amod", "compound", "nmod"}}
    return bool(kinds & (_GAME_SHOT_VERBS | _GAME_SHOT_KINDS))


def _freed(token: Token, objects: list[Token]) -> bool:
    """Someone let go: a person released, or released from custody, a hospital, on bail."""
    if any(_person(c) or c.lemma_.lower() in _RELEASED_PEOPLE for c in objects):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children):
        return True
    if any(t.lemma_.lower() in {"bail", "bond", "parole", "probation"} for t in _pobjects(token)):
        return True
    return not objects and token.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in token.children)


def _pobjects(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def _person(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in _STAFF


# Verbs that say little themselves and take their happening from their object ("took a shot", "held talks")
LIGHT = {"make", "take", "have", "give", "hold", "conduct", "carry", "stage", "do", "launch", "suffer"}


def light_object(token: Token) -> Token | None:
    """The event noun a light verb is made of ("made an arrest": arrest), if it is one."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in LIGHT:
        return None
    for child in token.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and is_event_word(child):
            return child
    return None


# Nouns whose happening is not their verb's: the noun "fire" is a blaze, the verb a shot.
NOUN_KEYS = {"fire": "fire"}
# Words of a class only as verbs: as nouns ("the issue", "his name", "tax cuts") they name no happening of it.
VERB_ONLY = {"issue", "name", "resolve", "burn", "cut"}


def action_class(lemma: str) -> str | None:
    """The lexicon's class (attack, kill, meet, ...) or None."""
    return ACTION_CLASS.get(normal_lemma(lemma))


def key_class(key: str) -> str | None:
    """The class of an action key (``word_key``), or None where the word's sense in its sentence is outside the
    lexicon: the key says what the word names there ("passed away": kill; "a general strike": a walkout, no
    hit), where its lemma's class (``action_class``) would name the word's usual sense."""
    return key if key in _CLASSES else None


def names_happening(lemma: str) -> bool:
    """A word a reader takes as naming a happening by itself: an action class or an event noun."""
    return action_class(lemma) is not None or normal_lemma(lemma) in EVENT_NOUNS


def is_event_word(token: Token) -> bool:
    """A word that may name a happening: a content verb, an event noun, or a state like "dead"."""
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return False  # "according to police" names a source
    if sum(c.isalpha() for c in token.text) < 2:
        return False  # a clitic split off by spaced-out copy ("I ’ m", "Carmichael ’ s") or a stray letter
    if token.pos_ == "VERB":
        if token.dep_ in {"aux", "auxpass", "amod"}:
            return False
        return lemma not in GENERIC or light_object(token) is not None
    if token.pos_ == "NOUN":
        if lemma in VERB_ONLY:
            return lemma in EVENT_NOUNS
        if _fixed_adverbial(token, lemma):
            return False
        return happening_noun(token, lemma)
    if token.pos_ == "PROPN":  # headlines in title case: "Gunman Kills Two In Mall Shooting", "Checks Into Rehab"
        if in_name(token):
            return False  # "1915 Floral Avenue", "Sgt. Mourad Mourad": a word of a name, not a headline's verb
        return (
            normal_lemma(token.lower_) in ACTION_CLASS
            or normal_lemma(token.lower_) in EVENT_NOUNS
            or (word_key(token) in _CLASSES)
        )
    if token.pos_ == "ADJ":
        return lemma in _ADJECTIVES
    return False


def happening_noun(token: Token, lemma: str) -> bool:
    """A common noun naming a happening: a lexicon word ("the arrest"), an event noun ("the trial", a party held,
    not a political party) or a noun made of a verb ("the election"; not "the apartment", eventive.py)."""
    if lemma in ACTION_CLASS or token.lower_ in ACTION_CLASS:
        return True
    if lemma in EVENT_NOUNS:
        return not body_sense(token, lemma)
    return lemma.endswith(EVENT_SUFFIXES) and lemma not in NOT_EVENT_ING and happening_suffix_noun(token, lemma)


# Prepositions that make a fixed adverbial of a bare noun: "in case", "without incident", "in protest"
_IDIOM_PREPOSITIONS = {"in", "without"}


def _fixed_adverbial(token: Token, lemma: str) -> bool:
    """A bare noun outside the action lexicon in a fixed adverbial ("in case", "without incident"): no
    determiner, no modifier, so it names no happening of the story. Lexicon nouns keep their reading
    ("in custody", "under arrest").

    Compound modifiers ("the scandal sheet") were measured too: ECB+ annotates them as mentions
    ("election campaign"), and leaving them out cost 0.005 CoNLL, so they stay event words.
    """
    if lemma in ACTION_CLASS or token.lower_ in ACTION_CLASS:
        return False
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in _IDIOM_PREPOSITIONS
        and not any(True for _ in token.children)
        and token.tag_ == "NN"
    )


# The head word of an event's name and the happening it names: "the Academy Awards", "the 86th Oscars"
# and "the ceremony" are one award show; "the Super Bowl", "the World Cup" are contests.
EVENT_NAME_HEADS = {
    "awards": "award", "oscars": "award", "grammys": "award", "emmys": "award", "globes": "award",
    "games": "games", "olympics": "games", "cup": "contest", "championship": "contest", "championships": "contest",
    "bowl": "contest", "series": "contest", "marathon": "race", "derby": "race", "prix": "race",
    "festival": "festival", "summit": "meet", "conference": "conference", "expo": "conference",
}  # fmt: skip
_NOT_EVENT_NAMES = {"PERSON", "GPE", "LOC", "NORP", "FAC"}


def named_event_key(token: Token, label: str, end: int) -> str | None:
    """The action key of a name's last word when the name is an event's ("Academy Awards"), else None."""
    if label in _NOT_EVENT_NAMES or token.idx + len(token.text) != end:
        return None
    return EVENT_NAME_HEADS.get(token.lower_)


def misnamed(token: Token, name: str) -> bool:
    """An action word the entity tagger took for a one-word name (``name``: "DUI" as an organisation, "Shooting" in
    a title). A word of a longer name is the name's ("Red Wing Avenue", "Indiana State"), even where its stem is an
    action's."""
    return len(name.split()) == 1 and token.pos_ in {"PROPN", "NOUN"} and normal_lemma(token.lower_) in ACTION_CLASS
