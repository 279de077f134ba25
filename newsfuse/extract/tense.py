"""Tense of the clause around a position, from words alone: is "on Tuesday" in the future or the past?

The pipeline runs without tagger and parser (they would cost half the extraction time), so the
clause is approximated by the text between the nearest clause boundaries around the position,
and tense by the auxiliaries and constructions found in it ("will", "is set to", "scheduled to").
"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|shall|won't|'ll|would|is going to|are going to|(?:is|are|was|were)\s+(?:also\s+)?(?:set|due|expected|scheduled|"
    r"slated|poised|likely|to)\b|(?:scheduled|slated|expected|set|due|plans?|planned|planning|intends?|aims?|hopes?|prepares?)\s+to\b|"
    r"to be held|upcoming|next|expects?|anticipates?|predicts?|forecasts?)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|has been|have been|\w+ed|said|told|met|made|took|began|came|went|held|gave|saw|spent|paid|"
    r"won|lost|left|flew|sold|bought|led|rose|fell|became|brought|ran|wrote|spoke|found|thought|got|kept|sent)\b",
    re.IGNORECASE,
)
# Clause edges: sentence punctuation, semicolons, and ", which"/", where"-style relative clauses.
_BOUNDARY = re.compile(r"[.;!?\n]|,\s+(?:which|where|when|who|while|but|and)\b|\bthat\b")


def _clause(text: str, position: int) -> tuple[str, str]:
    """The text of the clause before and after ``position`` (up to its boundaries)."""
    window_start = max(0, position - 200)
    before = text[window_start:position]
    edges = list(_BOUNDARY.finditer(before))
    if edges:
        before = before[edges[-1].end() :]
    after = text[position : position + 120]
    edge = _BOUNDARY.search(after)
    return before, after[: edge.start()] if edge else after


def direction_in_text(text: str, position: int) -> str | None:
    """ "future", "past" or None (no tense marker in the clause)."""
    before, after = _clause(text, position)
    if _FUTURE.search(before) or re.match(r"^\S+\s+(?:will|is to|are to)\b", after):
        return "future"
    if _PAST.search(before) or _PAST.search(after):
        return "past"
    return None


def direction_at(doc, char: int) -> str | None:
    """The same for a spaCy ``Doc`` (kept for callers holding one)."""
    return direction_in_text(doc.text, char)
