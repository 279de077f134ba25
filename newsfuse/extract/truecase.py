"""Headlines recased for the NER: all-caps runs and Title Case headlines take the casing the article body uses.

The small NER model reads case as its strongest cue: "JAPAN GET LUCKY WIN, CHINA IN SURPRISE
DEFEAT" is all organisations to it, and a Title Case headline ("Hillary Clinton Was Headed to ER
But Diverted") makes names of every word. Each word of such a stretch takes the casing it has in
the rest of the article ("Japan", "win", "China"); a word the body never uses keeps its capital
where it starts the line (and in Title Case, where it is an acronym) and is lower-cased elsewhere:
a headline's names are nearly always repeated in the body, its verbs often in another form. The result has the same length as the
input, character for character, so every offset the NER returns indexes the original text, which
extraction keeps for the mentions' own text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")  # a full stop only inside ("U.S"), never a sentence's
# A dateline's place: an all-caps word opening a line, before a comma ("AL-AIN , United Arab Emirates").
_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]+(?= ?,)", re.MULTILINE)
_CAPS_RUN = re.compile(r"(?:\b[A-Z][A-Z'’.-]+\b[^\w\n]{1,4}){2,}\b[A-Z][A-Z'’.-]+\b")
_SMALL = frozenset(
    "a an the of to in on at for and or but by with from as is was were be has had are after over into against".split()
)


def _is_title_case_headline(line: str) -> bool:
    """A first line in Title Case: short, its small words capitalised ("Was", "To", "But")."""
    words = _WORD.findall(line)
    if not 3 <= len(words) <= 25:
        return False
    small = [w for w in words[1:] if w.lower() in _SMALL]
    capital_small = [w for w in small if w[0].isupper()]
    capitalised = sum(w[0].isupper() for w in words)
    return len(capital_small) >= 1 and capitalised >= 0.8 * len(words)


def _body_casing(text: str, skip: list[tuple[int, int]]) -> dict[str, str]:
    """Folded word -> its most frequent written form outside the stretches being recased; a word that opens
    a sentence counts only when the body has it nowhere else (its capital says nothing)."""
    inside: dict[str, Counter] = defaultdict(Counter)
    opening: dict[str, Counter] = defaultdict(Counter)
    for match in _WORD.finditer(text):
        if any(s <= match.start() < e for s, e in skip):
            continue
        before = text[max(0, match.start() - 3) : match.start()].rstrip(" \"“‘'(")
        forms = opening if not before or before[-1] in ".!?:\n" else inside
        forms[match.group().casefold()][match.group()] += 1
    known = {key: counter.most_common(1)[0][0] for key, counter in opening.items()}
    known.update({key: counter.most_common(1)[0][0] for key, counter in inside.items()})
    return known


def _recase(word: str, known: dict[str, str], line_start: bool, title_case: bool) -> str:
    form = known.get(word.casefold())
    if form is not None and len(form) == len(word):
        return form
    if title_case and (line_start or word.isupper()):
        return word  # the headline's first word, and acronyms ("ER", "NYPD"), as written
    if "." in word.rstrip("."):
        return word  # "U.S.", "U.N.": abbreviations keep their capitals
    lower = word.lower()
    return "-".join(part[:1].upper() + part[1:] for part in lower.split("-")) if line_start else lower


def _stretches(text: str) -> list[tuple[int, int, bool]]:
    """All-caps runs of three or more words, dateline places, and the first line when it is a Title Case headline (True)."""
    found = [(*m.span(), False) for m in _CAPS_RUN.finditer(text)]
    found += [(*m.span(), False) for m in _DATELINE.finditer(text) if not any(s <= m.start() < e for s, e, _ in found)]
    first_end = text.find("\n")
    first_end = len(text) if first_end < 0 else first_end
    if _is_title_case_headline(text[:first_end]) and not any(s < first_end for s, _, _ in found):
        found.insert(0, (0, first_end, True))
    return found


def truecase_headlines(text: str) -> str:
    """The text with its all-caps and Title Case headline stretches recased; unchanged when it has none."""
    stretches = _stretches(text)
    if not stretches:
        return text
    known = _body_casing(text, [(s, e) for s, e, _ in stretches])
    chars = list(text)
    for start, end, title_case in stretches:
        for match in _WORD.finditer(text, start, end):
            line_start = not text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip(" \"“‘'-—–")
            recased = _recase(match.group(), known, line_start, title_case)
            chars[match.start() : match.end()] = recased
    return "".join(chars)
