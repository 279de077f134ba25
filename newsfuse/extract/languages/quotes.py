"""Quotes in a non-English article: each language's quotation marks (« », „ “, ‹ ›, 「」) and reporting verbs
(dijo, a déclaré, sagte, ha detto, zei, disse, dedi/söyledi), with the speaker named beside them.

Attribution is looked for after the closing mark (`«...», dijo Güler`, `„...“, sagte er`, Turkish `"..." diye
yazdı`) and then before the opening one (`Güler dijo: «...»`); the speaker is the name next to the verb, else the
name the sentence opens with (Turkish puts the subject first and the verb after the quote). A quote that
follows another in its paragraph without attribution goes on with its speaker. Reported claims are sentences
opened by "según X", "selon X", "laut X", "secondo X", "volgens X", "segundo X" or holding Turkish "X'e göre".
A language without reporting verbs here keeps its direct quotes, without speakers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfuse.extract.languages import words
from newsfuse.records.mentions import EntityMention, Quote

_AFTER_WINDOW = 160
_BEFORE_REST = 80
_PRONOUN_REACH = 400  # characters back to the person a subject-less verb speaks for
_SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_ANONYMOUS = re.compile(
    r"\b(?:fuentes?|sources?|Quellen?|fonti|bronnen|bron|fontes?|kaynak(?:lar)?(?:ı|ın|a|lara)?|"
    r"funcionarios|responsables|Beamte|funzionari|ambtenaren|autoridades|yetkililer)\b",
    re.IGNORECASE,
)
_TURKISH_ACCORDING = re.compile(r"(?P<src>(?:[^\s,.;:]+\s+){0,3}[^\s,.;:]+?)(?:['’]?(?:y?[ae]|n[ae]))\s+göre\b")


@lru_cache(maxsize=32)
def _marks(language: str) -> tuple[re.Pattern, ...]:
    """One pattern per quotation mark pair, the language's own first (German „...“ before English “...”)."""
    pairs = list(words.QUOTE_MARKS.get(language, {}).items()) + list(words.QUOTE_MARKS["common"].items())
    return tuple(re.compile(rf"{re.escape(o)}(?P<inner>[^{re.escape(c)}\n]{{3,}}?){re.escape(c)}") for o, c in pairs)


@lru_cache(maxsize=32)
def _verbs(language: str) -> re.Pattern | None:
    verbs = words.phrases(words.REPORTING_VERBS, language)
    if not verbs:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(v) for v in verbs)})(?!\w)", re.IGNORECASE)


def _quoted_spans(text: str, language: str) -> list[re.Match]:
    found: list[re.Match] = []
    for pattern in _marks(language):
        for match in pattern.finditer(text):
            if not any(match.start() < m.end() and m.start() < match.end() for m in found):
                found.append(match)
    return sorted(found, key=lambda m: m.start())


def _sentence_of(sentences: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= position < end:
            return start, end
    return position, position


def _names_in(entities: list[EntityMention], start: int, end: int) -> list[EntityMention]:
    return [e for e in entities if start <= e.start and e.end <= end and e.label in _SPEAKER_LABELS]


def _speaker(entities, quote_start, quote_end, verb_start, verb_end, sentence) -> str | None:
    """The name nearest the verb outside the quote; else the name the sentence opens with before the quote."""
    outside = [e for e in _names_in(entities, *sentence) if e.end <= quote_start or e.start >= quote_end]
    people = [e for e in outside if e.label == "PERSON"] or outside
    if not people:
        return None
    return min(people, key=lambda e: min(abs(e.start - verb_end), abs(e.end - verb_start))).text


def _attribution(text, match, sentences, entities, verbs) -> tuple[str | None, str | None]:
    """(speaker, cue) from the verb after the closing mark, else the one before the opening mark."""
    sentence = _sentence_of(sentences, match.start())
    sentence = (sentence[0], max(sentence[1], match.end()))
    window_end = min(len(text), match.end() + _AFTER_WINDOW)
    after = re.split(r"[.!?\n]", text[match.end() : window_end], maxsplit=1)[0]
    verb = verbs.search(after)
    if verb is not None:
        v_start, v_end = match.end() + verb.start(), match.end() + verb.end()
        scope = (sentence[0], max(sentence[1], match.end() + len(after)))
        speaker = _speaker(entities, match.start(), match.end(), v_start, v_end, scope)
        return speaker or _last_person(entities, match.start()), verb.group()
    before = text[sentence[0] : match.start()]
    cues = [v for v in verbs.finditer(before) if len(before) - v.end() <= _BEFORE_REST]
    if not cues:
        return None, None
    verb = cues[-1]
    v_start, v_end = sentence[0] + verb.start(), sentence[0] + verb.end()
    speaker = _speaker(entities, match.start(), match.end(), v_start, v_end, sentence)
    return speaker or _last_person(entities, match.start()), verb.group()


def _last_person(entities: list[EntityMention], position: int) -> str | None:
    """ "«...», dijo." / "„...“, sagte er.": a verb without a name (a dropped or pronoun subject) speaks for
    the last person named in the few hundred characters before."""
    before = [e for e in entities if e.label == "PERSON" and position - _PRONOUN_REACH <= e.end <= position]
    return before[-1].text if before else None


def direct_quotes(
    text: str, sentences: list[tuple[int, int]], entities: list[EntityMention], language: str
) -> list[Quote]:
    verbs = _verbs(language)
    quotes: list[Quote] = []
    for match in _quoted_spans(text, language):
        if len(match.group("inner").split()) < 3:
            continue  # scare quotes and titles, not speech
        speaker, cue = _attribution(text, match, sentences, entities, verbs) if verbs else (None, None)
        if speaker is None and quotes and "\n" not in text[quotes[-1].end : match.start()]:
            speaker = quotes[-1].speaker  # the same speaker goes on in the paragraph
        anonymous = bool(speaker and _ANONYMOUS.search(speaker))
        quotes.append(Quote(match.start(), match.end(), match.group(0), "direct", speaker, None, anonymous, cue))
    return quotes


def _reported_source(sentence: str, language: str) -> tuple[str, str] | None:
    for word in words.ACCORDING_TO.get(language, ()):
        found = re.search(rf"(?<!\w){re.escape(word)}\s+(?P<src>[^,.;:]{{2,80}}?)(?=[,.;:]|$)", sentence, re.I)
        if found:
            return found.group("src").strip(), word
    if language == "tr":
        found = _TURKISH_ACCORDING.search(sentence)
        if found:
            return found.group("src").strip(), "göre"
    return None


def reported_claims(text: str, sentences: list[tuple[int, int]], quoted: list[Quote], language: str) -> list[Quote]:
    claims = []
    for start, end in sentences:
        if any(q.start < end and start < q.end for q in quoted):
            continue  # direct speech already attributed
        found = _reported_source(text[start:end], language)
        if found is None:
            continue
        source, cue = found
        anonymous = bool(_ANONYMOUS.search(source)) and not re.search(r"\b[A-ZÀ-Þİ]\w+\s+[A-ZÀ-Þİ]\w+", source)
        claims.append(Quote(start, end, text[start:end], "reported", source, None, anonymous, cue))
    return claims


def find_quotes(
    text: str, sentences: list[tuple[int, int]], entities: list[EntityMention], language: str
) -> list[Quote]:
    """Direct quotes and reported claims of a non-English text, in text order."""
    direct = direct_quotes(text, sentences, entities, language)
    return sorted(direct + reported_claims(text, sentences, direct, language), key=lambda q: q.start)
