"""Who said a quote: the whole noun phrase of its reporting clause, before or after the quote, never a fragment.

The pipeline runs no dependency parser (it would cost more than the rest of extraction), so the
subject of the reporting verb is found from the clause's shape and the NER spans: the words
between the quote and its cue (`"...," the senior aide said`), after the cue (`"...," said Rep.
Jerry Nadler (D-N.Y.)`) or before it (`Trump told reporters: "..."`). A named entity next to the
cue wins, extended by the titles before it ("Rep.", "Sen.", "White House press secretary"); else
the clause must read as a noun phrase (determiners, names, nouns and adjectives, "of"/"for"
phrases; no verbs, relative pronouns or conjunctions), or there is no speaker. A pronoun speaker
resolves to the nearest compatible preceding name: he/she to a person, they/it to an organisation;
unresolved, it is None.
"""

from __future__ import annotations

import re

from newsfuse.extract.referents import GROUP_PRONOUNS, PERSON_PRONOUNS, resolve_pronoun
from newsfuse.records.mentions import EntityMention

__all__ = ["CUE", "is_pronoun", "reporting_subjects", "resolve_pronoun", "speaker_after_cue", "speaker_before_cue"]

CUES = (
    "said|says|say|saying|wrote|writes|told|tells|added|adds|stated|states|posted|noted|notes|explained|"
    "explains|asked|asks|tweeted|emphasized|emphasised|stressed|continued|announced|insisted|insists|argued|"
    "argues|warned|warns|declared|remarked|reported|reports|indicated|confirmed|commented|replied|responded|"
    "recalled|joked|claimed|claims|acknowledged|admitted|conceded|predicted|suggested|shouted|urged|observed|"
    "concluded|quipped|vowed|promised|complained|boasted|cautioned|agreed|countered|mused|recounted|lamented|"
    "demanded|wondered|testified|reiterated|retorted|exclaimed|pleaded|pointed out|"
    # participles that close a clause naming the speaker earlier ("X emphasized ..., stating on social media:")
    "stating|writing|adding|noting|posting|telling|explaining|warning|insisting|arguing|declaring|"
    "[Aa]ccording to"
)
CUE = re.compile(rf"\b(?:{CUES})\b")
# Words that may stand between a subject and its verb ("Trump also said", "she has repeatedly argued").
_BETWEEN = frozenset(
    "also later then once previously recently repeatedly just again has had have would will could might "
    "often frequently further simply flatly only even quickly still yesterday today".split()
)
# Lower-case words a speaker phrase never contains: verbs, relatives, conjunctions, clause openers.
_NOT_IN_NP = frozenset(
    """is was were are be been being has had have do does did who whom whose which that when while where
    why how if because although though as and but or so than then after before since until into onto
    it he she they we i you him her them us me this these those there here not no also would will could
    should can may might must to by with on in about over under what whether said says told added""".split()
)
_DETERMINERS = frozenset("the a an another one some two three several many his her its their our this that".split())
_INNER_PREPOSITIONS = frozenset({"of", "for", "at", "from", "with", "in", "on", "to"})
_TITLE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Lt|Gen|Col|Sgt|Capt|Adm|Prof|Rev|Maj|Cmdr|Supt|Det|Atty|Jr|Sr|St|Del|Amb|Sec|"
    r"Pres|Hon|Insp|Cpl|Pvt|Fr|Msgr|Reps|Sens)\.$"
)
_CLAUSE_END = re.compile(r"[,;:!?\"“”\n—–()]|\.(?=\s|$)")
_TOKEN = re.compile(r"\([^()]{1,20}\)|[\w’'&./-]+|[^\w\s]")
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_MAX_WORDS = 12
# "Fowler said", "Anderson largely agreed", "Scott Pruitt, the attorney general, said", "his aunt, Ana Ruiz, said"
_SUBJECT_BEFORE_CUE = re.compile(rf"(?:,[^,]{{0,60}},|,)?\s+(?:(?:{'|'.join(_BETWEEN)}|\w+ly)\s+)*(?:{CUES})\b")
# The inverted order ("said X") is the speaker only after a quote or a comma (`"...," said 9/11 widow Terry
# Strada`, `..., noted NBC's Dante Chinni`), or after "according to": in "McLenney said Clinton doesn't ..."
# the name after the verb is the subject of what was said.
_CUE_BEFORE_SUBJECT = re.compile(rf"(?:[,”\"]\s*(?:{CUES})|\b[Aa]ccording to)\s+(?:[^\s,;:”\"]+\s+){{0,4}}$")


def _tokens(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(text)]


def _is_np_word(word: str) -> bool:
    if word[0] == "(":
        return True  # "(D-N.Y.)", a party and state after a name
    if word[0].isupper() or word[0].isdigit():
        return True
    lower = word.lower()
    return word[0].isalpha() and lower not in _NOT_IN_NP


def noun_phrase(words: list[str]) -> bool:
    """The words read as one noun phrase: no verb, relative pronoun or conjunction, a head word that is not a preposition."""
    if not words or len(words) > _MAX_WORDS:
        return False
    if any(not _is_np_word(w) and w.lower() not in _INNER_PREPOSITIONS for w in words):
        return False
    if words[-1].lower() in _INNER_PREPOSITIONS | _DETERMINERS or words[0].lower() in _INNER_PREPOSITIONS:
        return False
    first = words[0]
    named = any(w[0].isupper() for w in words[1:])  # "panel Chairman Rep. Jason Chaffetz"
    return first[0].isupper() or first.lower() in _DETERMINERS or len(words) <= 4 or (named and len(words) <= 8)


def _entity_at(entities: list[EntityMention], start: int, end: int) -> EntityMention | None:
    """The speaker-like entity covering exactly [start, end) or ending/starting there."""
    for entity in entities:
        if entity.label in _SPEAKER_LABELS and entity.start == start and entity.end == end:
            return entity
    return None


def speaker_between(text: str, start: int, end: int, entities: list[EntityMention]) -> tuple[int, int] | None:
    """The span of a speaker phrase filling ``text[start:end]`` (adverbs before the cue trimmed), or None."""
    tokens = _tokens(text[start:end], start)
    while tokens and tokens[-1][0].lower() in _BETWEEN:
        tokens.pop()
    while tokens and tokens[0][0] in {",", "—", "–"}:
        tokens.pop(0)
    if not tokens or any(t[0] in {";", ":", '"', "“", "”"} for t in tokens):
        return None
    breaks = [i for i, t in enumerate(tokens) if t[0] in {",", "—", "–"}]
    if breaks:
        # `"..." for criminal behaviour, she said`: only a pronoun or a whole name after the last comma
        tail = tokens[breaks[-1] + 1 :]
        if len(tail) == 1 and is_pronoun(tail[0][0]):
            return tail[0][1], tail[0][2]
        if tail and _entity_at(entities, tail[0][1], tail[-1][2]):
            return tail[0][1], tail[-1][2]
        # `"...," Scott Pruitt, the attorney general of Oklahoma, said`: the name before its apposition
        head = _without_parentheses(tokens[: breaks[0]])
        if head and noun_phrase([t[0] for t in head]) and any(t[0][0].isupper() for t in head):
            return head[0][1], head[-1][2]
        return None
    if len(tokens) == 1 and is_pronoun(tokens[0][0]):
        return tokens[0][1], tokens[0][2]
    tokens = _without_parentheses(tokens)
    if tokens and noun_phrase([t[0] for t in tokens]):
        return tokens[0][1], tokens[-1][2]
    return None


def _without_parentheses(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A name without the party and state after it: "Rep. Jim Jordan (R-Ohio)" -> "Rep. Jim Jordan"."""
    while tokens and tokens[-1][0].startswith("("):
        tokens = tokens[:-1]
    return tokens


def speaker_after_cue(text: str, start: int, entities: list[EntityMention]) -> tuple[int, int] | None:
    """The speaker phrase that follows a cue ("said Rep. Jerry Nadler (D-N.Y.), who ..."): up to the clause's end."""
    window = text[start : start + 160]
    piece = window[: clause_stop(window)]
    tokens = _tokens(piece, start)
    # "said in a statement", "said on Monday": the cue's own complements, not a speaker
    if not tokens or tokens[0][0].lower() in _INNER_PREPOSITIONS | {"that", "it", "the"} and not _named(tokens):
        return None
    words: list[tuple[str, int, int]] = []
    person_ends = {e.end for e in entities if e.label == "PERSON"}
    for token in tokens:
        if not _is_np_word(token[0]) and token[0].lower() not in _INNER_PREPOSITIONS:
            break
        if words and token[0].lower() in _INNER_PREPOSITIONS and words[-1][2] in person_ends:
            break  # "said Cameron Easley for Morning Consult": the name, not its affiliation
        words.append(token)
    words = _without_parentheses(words)
    while words and words[-1][0].lower() in _INNER_PREPOSITIONS | _DETERMINERS:
        words.pop()
    if words and noun_phrase([w[0] for w in words]):
        return words[0][1], _with_title_period(text, words[-1][2])
    return None


def clause_stop(window: str) -> int:
    """Where the clause in ``window`` ends: a comma, colon, dash, quote mark or line break, or a full stop
    that is not a title's or an initial's ("Rep. Jim Clyburn", "Laurence H. Tribe")."""
    for match in _CLAUSE_END.finditer(window):
        if match.group() != "." or not _TITLE.search(window[max(0, match.start() - 4) : match.end()]):
            if match.group() != "." or not re.search(r"(?:^|\s)[A-Z]$", window[: match.start()]):
                return match.start()
    return len(window)


def _named(tokens: list[tuple[str, int, int]]) -> bool:
    return tokens[0][0].lower() == "the" and len(tokens) > 1 and tokens[1][0][:1].isupper()


def _with_title_period(text: str, end: int) -> int:
    return end + 1 if text[end : end + 1] == "." and _TITLE.search(text[max(0, end - 4) : end + 1]) else end


def speaker_before_cue(
    text: str, clause_start: int, cue_start: int, entities: list[EntityMention]
) -> tuple[int, int] | None:
    """The subject just before a cue ("In a statement, Trump said:"): an entity ending there, else a noun phrase."""
    tokens = _tokens(text[clause_start:cue_start], clause_start)
    while tokens and tokens[-1][0].lower() in _BETWEEN:
        tokens.pop()
    tokens = _without_parentheses(_without_aside(tokens))
    if not tokens:
        return None
    end = tokens[-1][2]
    if is_pronoun(tokens[-1][0]):
        return tokens[-1][1], end
    entity = next((e for e in entities if e.label in _SPEAKER_LABELS and e.end == end), None)
    if entity is not None:
        return _extend_titles(text, clause_start, entity.start), end
    # the noun phrase after the clause's last boundary
    words: list[tuple[str, int, int]] = []
    for token in reversed(tokens):
        if token[0] in {",", ";", ":", "—", "–", "(", ")"} or token[0].lower() in _NOT_IN_NP:
            break
        words.insert(0, token)
    while words and words[0][0].lower() in _INNER_PREPOSITIONS:
        words.pop(0)
    if words and noun_phrase([w[0] for w in words]) and _starts_phrase(words[0][0]):
        return words[0][1], end
    return None


def _without_aside(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "Hillary Clinton, at a later press gaggle, said": the subject before the aside set off by commas."""
    if len(tokens) < 3 or tokens[-1][0] != ",":
        return tokens
    opening = max((i for i, t in enumerate(tokens[:-1]) if t[0] == ","), default=None)
    if opening is None or len(tokens) - opening > 12 or opening == 0:
        return tokens
    return tokens[:opening]


def _starts_phrase(word: str) -> bool:
    return word[0].isupper() or word.lower() in _DETERMINERS


def _extend_titles(text: str, floor: int, start: int) -> int:
    """Move a name's start back over the titles and determiners before it ("Rep.", "Sen.", "The")."""
    tokens = _tokens(text[floor:start], floor)
    while tokens:
        word = tokens[-1][0]
        if _TITLE.search(word) or word.rstrip(".").lower() in {"the", "president", "senator", "representative"}:
            start = tokens[-1][1]
            tokens.pop()
            continue
        break
    return start


def reporting_subjects(text: str, entities: list[EntityMention]) -> set[int]:
    """Starts of the names that are the subject of a reporting verb ("Fowler said", "said Donna Brazile")."""
    subjects = set()
    for entity in entities:
        after = text[entity.end : entity.end + 40]
        before = text[max(0, entity.start - 60) : entity.start]
        if _SUBJECT_BEFORE_CUE.match(after) or _CUE_BEFORE_SUBJECT.search(before):
            subjects.add(entity.start)
    return subjects


def is_pronoun(text: str) -> bool:
    return text.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you"}
