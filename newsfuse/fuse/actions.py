"""Action classes: which event words name the same kind of happening ("killed", "death", "murder" -> kill).

A small class lexicon of news actions plus a normaliser for the morphology the lemmatizer leaves
("shooting" the noun, "checks", "dies"). Two event words of one event with the same action key
are taken to report the same happening unless their claims say otherwise (merge.py).
"""

from __future__ import annotations

from spacy.tokens import Token

_CLASSES = {
    "attack": "attack assault raid bomb bombing airstrike ambush offensive shelling",
    "shoot": "shoot shot shooting gunfire gunshot fire",
    "kill": "kill murder slay slaying killing homicide dead death die fatal execute assassinate hang suicide",
    "injure": "injure injured injury wound wounded hurt",
    "arrest": "arrest capture detain detention apprehend custody nab",
    "charge": "charge accuse indict indictment",
    "quake": "earthquake quake temblor tremor",
    "hit": "hit strike",
    "meet": "meet meeting talk talks summit negotiation negotiate discuss discussion confer",
    "visit": "visit tour trip travel journey arrive",
    "agree": "agree agreement accord deal pact sign",
    "announce": "announce announcement unveil launch introduce release",
    "win": "win victory beat triumph lose loss defeat",  # one contest: the winner's win is the loser's loss
    "rehab": "rehab rehabilitation",
    "nominate": "nominate nominee nomination appoint appointment",
    "foil": "foil thwart",
    "drunk": "dui drunk drunken",
    "find": "find discover",
    "fix": "fix plug patch",
    "fire": "blaze fire",
    "resign": "resign resignation quit",
    "appoint": "name hire",
    "fire_staff": "sack dismiss",
    "crash": "crash collide collision accident",
    "rob": "rob robbery heist steal theft burglary",
    "damage": "damage destroy devastate sever wreck",
    "escape": "escape flee abscond",
    "explode": "explode explosion blast detonate",
    "admit": "admit enter",  # "entered rehab", "was admitted to", "checked into"
    "sentence": "sentence convict conviction",
    "say": "say tell state report add note claim confirm",
    "acquire": "acquire acquisition buy purchase takeover",
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
_ADJECTIVES = {"dead", "injured", "wounded", "drunk", "drunken", "fatal"}


def normal_lemma(lemma: str) -> str:
    """The lemma with the inflection the lemmatizer missed cut off ("shooting" -> "shoot", "checks" -> "check")."""
    lemma = lemma.lower()
    if lemma in ACTION_CLASS:
        return lemma
    for suffix in ("ing", "es", "s", "ed"):
        base = lemma[: -len(suffix)]
        if lemma.endswith(suffix) and len(base) >= 4:
            return base if base in ACTION_CLASS or suffix != "es" else lemma[:-1]
    return lemma


def action_key(lemma: str) -> str:
    """The action class of a lemma, or its normalised self for words outside the lexicon."""
    base = normal_lemma(lemma)
    return ACTION_CLASS.get(base, base)


# Phrasal verbs whose particle changes the happening: "passed away" died, "checked into" rehab, "gunned down".
PHRASAL = {("pass", "away"): "kill", ("check", "into"): "admit", ("check", "in"): "admit", ("gun", "down"): "shoot",
           ("open", "fire"): "shoot", ("run", "away"): "escape", ("run", "off"): "escape", ("break", "out"): "escape"}  # fmt: skip


def word_key(token: Token) -> str:
    """The action key of an event word in its parse: a phrasal verb's own class first ("passed away": kill)."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"prt", "prep", "dobj"} and (lemma, child.lower_) in PHRASAL:
            return PHRASAL[(lemma, child.lower_)]
    return action_key(lemma)


def action_class(lemma: str) -> str | None:
    """The lexicon's class (attack, kill, meet, ...) or None."""
    return ACTION_CLASS.get(normal_lemma(lemma))


def names_happening(lemma: str) -> bool:
    """A word a reader takes as naming a happening by itself: an action class or an event noun."""
    return action_class(lemma) is not None or normal_lemma(lemma) in EVENT_NOUNS


def is_event_word(token: Token) -> bool:
    """A word that may name a happening: a content verb, an event noun, or a state like "dead"."""
    lemma = token.lemma_.lower()
    if token.lower_ == "according":
        return False  # "according to police" names a source
    if token.pos_ == "VERB":
        return token.dep_ not in {"aux", "auxpass", "amod"} and lemma not in GENERIC
    if token.pos_ == "NOUN":
        return (
            lemma in ACTION_CLASS
            or token.lower_ in ACTION_CLASS
            or lemma in EVENT_NOUNS
            or lemma.endswith(EVENT_SUFFIXES)
        )
    if token.pos_ == "PROPN":  # headlines in title case: "Gunman Kills Two In Mall Shooting"
        return normal_lemma(token.lower_) in ACTION_CLASS or normal_lemma(token.lower_) in EVENT_NOUNS
    if token.pos_ == "ADJ":
        return lemma in _ADJECTIVES
    return False
