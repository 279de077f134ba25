"""Which earlier mention "it", "its", "they" or "their" refers to: the subject of its own sentence, else of the
sentence before, else the nearest.

A neuter or plural pronoun in news copy most often continues the sentence's or the previous sentence's
subject ("The Boeing 777 is a family of airliners built by Boeing Commercial Airplanes. It carries 300
people": the 777, not the nearer maker), as salience-based resolvers rank candidates (subject over
object, recent sentence over older ones: Lappin & Leass 1994, centering's preferred centre). Without a
parse, the subject of a sentence is taken to be its first compatible mention that is not a possessor
("Boeing's rival Airbus ... its": Airbus). Candidates are the named mentions and the pronouns and
descriptions already linked to one ("The plane left after its scheduled departure": the plane's
referent), so a chain of "it"s follows the entity it started with.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from newsfuse.records.mentions import EntityMention

# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital or a digit, or at a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(`]*[A-Z0-9])|\n+")
# Words whose full stop does not end a sentence: initials ("U.S."), titles, legal suffixes.
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|Gen|Sen|Rep|Gov))$")
# "Boeing's", "Airbus'" (not the closing quote of ``Dreamliner''): a possessor, not a sentence's subject.
_POSSESSOR = re.compile(r"(?:'s|’s)(?!\w)|['’](?!['’\w])")


def sentence_starts(text: str) -> list[int]:
    """Offsets where the text's sentences start: a rough splitter, for extractions without the parser's sentences."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text, max(0, match.start() - 4), match.start()):
            starts.append(match.end())
    return starts


def _is_possessor(text: str, start: int, end: int) -> bool:
    match = _POSSESSOR.match(text, end)
    return match is not None and (match.group()[-1] == "s" or text[start:end].endswith("s"))


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def salient_antecedent(
    text: str,
    starts: Sequence[int],
    candidates: Sequence[tuple[int, int, int]],
    start: int,
    fits: Callable[[EntityMention], bool],
    mentions: Sequence[EntityMention],
) -> int | None:
    """Index (into ``mentions``) of the referent of the pronoun at ``start``: the first fitting candidate of its
    own sentence before it, else the first of the sentence before, else None. ``candidates`` are
    (start, end, index of the named mention referred to), sorted by start."""
    sentence = _sentence_of(starts, start)
    for wanted in (sentence, sentence - 1):
        if wanted < 0:
            return None
        lower, upper = starts[wanted], starts[wanted + 1] if wanted + 1 < len(starts) else len(text)
        for c_start, c_end, index in candidates:
            if c_start < lower or c_end > min(upper, start) or not fits(mentions[index]):
                continue
            if not _is_possessor(text, c_start, c_end):
                return index
    return None
