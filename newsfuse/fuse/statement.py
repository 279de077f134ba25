"""A claim's text: the clearest of its sources' own sentences, never a generated template.

The sentence chosen states the claim with the claim's own status (a "happened" claim is read from
a report that says it happened), is complete but not overlong, and comes from as early in its
report as possible (leads state the main facts). An overlong sentence is cut to the clause that
holds the claim (the span its evidence gives, which ends at a clause boundary of the parse).
"""

from __future__ import annotations

import re

from newsfuse.records.claims import Claim, Evidence

MIN_WORDS = 6
MAX_WORDS = 60


# Page furniture: a sentence holding it is no statement of the news ("sign up for ... delivered to your
# inbox", "Photo: ... Caption Close Image 1 of 6", "| Share")
FURNITURE = re.compile(
    r"rights reserved|copyright|click here|subscribe|sign up|newsletter|cookies|to your inbox|"
    r"\bcaption\b|\bimage \d+ of\b|\|\s*share\b|\bphoto:|\bbuy photo\b|"
    r"^\s*\d{1,2}:\d{2}\s+(?![ap]\.?\s?m\b)\w|"  # a video playlist entry: its running time, then its title
    # a link to another story ("RELATED ARTICLE - 2 killed in ...", "Read more: ..."): its headline is not this report's
    r"^\W*(?:related(?: articles?| stor(?:y|ies)| coverage| content| links?)?|read more|see also|more coverage)\s*[:\-–—|]|"
    # an appeal for tips ("Anyone with information ... is asked to call 555-0100"): boilerplate, no statement of news
    r"\banyone with (?:any )?information\b|\bcrime ?stoppers\b|\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b",
    re.IGNORECASE,
)


def furniture(sentence: str) -> bool:
    """Whether a sentence is (or carries) page furniture rather than reporting."""
    return bool(FURNITURE.search(sentence))


def line_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The part of the sentence ``text[start:end]`` on the line holding offset ``at``.

    A line break ends a statement even where the parser ran on: a headline, a dateline or a
    "Published: ..." line glued to the first sentence of the body is not part of it.
    """
    start, end = _whole_sentence(text, start, end)
    first = text.rfind("\n", start, at) + 1 or start
    last = text.find("\n", at, end)
    first = max(first, start)
    last = end if last < 0 else last
    while first < last and text[first].isspace():
        first += 1
    return first, last


# Abbreviations the parser takes for a sentence's end: titles before a name, street types, "No."
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Sgt|Lt|Capt|Col|Gen|Cpl|Det|Insp|Supt|Officer|Mr|Mrs|Ms|Dr|Prof|Rev|Gov|Sen|Rep|Sens|Reps|"
    r"Rd|St|Ave|Blvd|Dr|Ln|Mt|Ft|No|Nos|Jr|Sr|Co|Corp|Inc|Ltd|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|D\.C)\.[ \t]*$"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=[ \t]+[\"“‘']?[A-Z0-9])|\n")
_LOOK = 600  # characters searched either side for the rest of a split sentence


def _after_abbreviation(text: str, at: int) -> bool:
    return bool(_ABBREVIATION.search(text, max(0, at - 12), at))


def _whole_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence ``text[start:end]`` joined to its neighbours on the line where the parser split it at an
    abbreviation ("... pointed a gun at Sgt. | Mourad Mourad and Officer ... opened fire."): a part cut at "Sgt."
    or "Rd." is a fragment of one statement, never a statement of its own."""
    if start > 0 and _after_abbreviation(text, start):
        ends = [m for m in _SENTENCE_END.finditer(text, max(0, start - _LOOK), max(0, start - 1))]
        ends = [m for m in ends if m.group() == "\n" or not _after_abbreviation(text, m.end())]
        start = ends[-1].end() if ends else max(0, start - _LOOK)
        while start < len(text) and text[start].isspace():
            start += 1
    if _after_abbreviation(text, end):
        ends = _SENTENCE_END.finditer(text, end, min(len(text), end + _LOOK))
        stop = next((m for m in ends if m.group() == "\n" or not _after_abbreviation(text, m.end())), None)
        end = stop.start() if stop is not None and stop.group() == "\n" else stop.end() if stop else end
    return start, end


def _text(evidence: Evidence) -> str:
    if evidence.clause_only:  # the sentence tells another happening with another status: this clause only
        offset = evidence.start - evidence.sentence_start
        return evidence.text[max(0, offset) : max(0, offset) + evidence.end - evidence.start].strip()
    words = len(evidence.text.split())
    if words > MAX_WORDS and evidence.end > evidence.start and evidence.end - evidence.start < len(evidence.text):
        clause = evidence.end - evidence.start
        if len(evidence.text[:clause].split()) >= MIN_WORDS:
            offset = evidence.start - evidence.sentence_start
            return evidence.text[max(0, offset) : max(0, offset) + clause].strip()
    return evidence.text


def clearest(claim: Claim) -> Evidence:
    """The evidence whose sentence states the claim best (status first, then length, then position)."""

    names = {a.text for a in (*claim.subjects, *claim.objects) if a.entity_id}

    def rank(evidence: Evidence) -> tuple:
        words = len(evidence.text.split())
        return (
            evidence.modality != claim.modality,
            furniture(evidence.text),
            sum(name not in evidence.text for name in names),  # the sentence that names who took part
            evidence.attribution_kind == "direct" and claim.predicate != "say",
            not MIN_WORDS <= words <= MAX_WORDS,
            evidence.sentence_start > 0 and evidence.sentence_start > 400,
            words,
        )

    return min(claim.evidence, key=rank)


def statement(claim: Claim) -> str:
    """The claim's text, as one of its sources wrote it."""
    return _text(clearest(claim)) if claim.evidence else claim.statement
