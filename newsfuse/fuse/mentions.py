"""Which words of a report may mention a happening beyond the action lexicon: the mention-level view of fusion.

Reports name one happening with many words, most outside any lexicon of actions ("the suspicion",
"his stint", "found guilty", "took the lead"). Such a word has no statement of its own and makes
no claim, but where a claim of its event goes by the same action key it is one more mention of
that claim's happening (``happenings.attach_mentions``): content verbs, common nouns and
predicative adjectives, not auxiliaries or attributive modifiers ("the guilty party" names a
party, "was found guilty" a verdict).
"""

from __future__ import annotations

from spacy.tokens import Token

_NOT_VERBS = {"aux", "auxpass"}  # "has been arrested": the happening is the participle's
_PREDICATIVE = {"acomp", "oprd"}  # "was found guilty", "pleaded not guilty"


def mention_word(token: Token) -> bool:
    """A word that may mention a happening a claim of its event names: a content verb, a common noun, or a
    predicative adjective."""
    if token.pos_ == "VERB":
        return token.dep_ not in _NOT_VERBS
    if token.pos_ == "NOUN":
        return True
    return token.pos_ == "ADJ" and token.dep_ in _PREDICATIVE
