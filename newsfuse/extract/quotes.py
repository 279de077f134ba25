"""Quotes and attributions: direct quotes with their speaker, reported claims with their source.

Direct quotes are the text between paired quotation marks; the speaker comes from the
attribution next to them (`"...," Güler wrote in a post on social media`, `Güler said: "..."`),
a pronoun resolves to the last person named before, and an unattributed quote that follows
another continues its speaker. Reported claims are sentences attributed by "according to X",
"X reported (that)" or a closing ", a diplomatic source said."; unnamed sources are anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.extract.languages import is_english, language_code
from newsfuse.extract.languages import quotes as other_languages
from newsfuse.extract.referents import remember, remember_speaker, with_surnames
from newsfuse.extract.speakers import (
    CUE,
    is_pronoun,
    reporting_subjects,
    resolve_pronoun,
    speaker_after_cue,
    speaker_before_cue,
    speaker_between,
)
from newsfuse.records.mentions import EntityMention, Quote

_OPEN_CLOSE = re.compile(r"“(?P<a>[^”\n]{3,}?)”|\"(?P<b>[^\"\n]{3,}?)\"")
# A quote never spans a paragraph break: a quote running on into the next paragraph has no
# closing mark at the break, so pairing across it would swallow the narration in between.
_CHANNEL = re.compile(
    r"\b(?:on|in|via|to)\s+(?:a\s+post\s+on\s+)?(?:the\s+|his\s+|her\s+|its\s+|their\s+)?"
    r"(?P<channel>(?:[\w'-]+\s+){0,2}?social media(?:\s+platform\s+[A-Z]\w+)?|[A-Z][\w.]+(?:\s[A-Z][\w.]+)*)"
)
_ANONYMOUS = re.compile(
    r"\b(?:sources?|officials?|diplomats?|insiders?|people|persons?|person|analysts?|spokes(?:man|woman|person))\b"
    r"(?:\s+familiar\s+with[\w\s]*)?",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<src>[^,.;]{2,80}?)(?=[,.;]|$)")
_REPORTED_THAT = re.compile(
    r"^(?P<src>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}|(?:[A-Z]\w+\s+)?media(?:\s+reports)?)\s+"
    r"(?P<cue>reported|reports|noted|notes|said|says|wrote|announced|confirmed|indicated|indicate|added)\s+(?:that\s+)?"
)
_TRAILING = re.compile(
    r",\s*(?P<src>[^,;\"“”]{2,80}?)\s+(?P<cue>said|says|added|told\s+[\w ]+?|reported|noted)\s*\.?\s*$"
)
# A sentence ends inside a window: ". The", except after a title or an initial ("Rep. Jerry", "H. Tribe").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!Mrs)(?<!Rep)(?<!Sen)(?<!Gov)[.!?]\s+(?=[A-Z“\"])"
)
# After a quote closed by a full stop, a cue whose clause goes on with "that" or another quote opens a new
# sentence: its speaker is not this quote's.
_NEXT_SENTENCE = re.compile(r"\s*(?:that\b|[^.]*[“\"])")
_BYLINE = re.compile(r"\s*[―—–]\s*(?=[A-Z])")
_AFTER_WINDOW = 160
_TITLE_WORD = re.compile(r"^(?:[A-Z][\w.-]*|the|The|former|Former)$")  # "Democratic Sen.", "Former Gov."
_BEFORE_REST = 80  # most characters between a cue and the quote it introduces ("told the crowd in Ohio:")


def _channel(rest: str) -> str | None:
    match = _CHANNEL.search(rest or "")
    return match.group("channel").strip().rstrip(".") if match else None


@dataclass(frozen=True, slots=True)
class _Context:
    """What speaker finding reads besides the text: the entities, sentences and quoted stretches."""

    entities: list[EntityMention]
    sentences: list[tuple[int, int]]
    quoted: list[tuple[int, int]]
    subjects: set[int]  # starts of names that are the subject of a reporting verb or a quote's speaker
    text: str = ""
    chain: dict = field(default_factory=dict)  # pronoun -> (position, referent) of the last one that spoke


def _clause_window(text: str, start: int) -> str:
    """The text after a closing quote up to the end of its sentence (or paragraph)."""
    window = text[start : start + _AFTER_WINDOW].split("\n", 1)[0]
    end = _SENTENCE_END.search(window)
    return window[: end.start() + 1] if end else window


def _speaker_text(text: str, span: tuple[int, int] | None, context: _Context, position: int) -> str | None:
    if span is None:
        return None
    words = text[span[0] : span[1]]
    if is_pronoun(words):
        referent = resolve_pronoun(words, context.entities, position, context)
        remember(words, referent, position, context)
        return referent
    for entity in context.entities:  # a named speaker (the name that ends the phrase) is the one followed now
        if span[0] <= entity.start and entity.end == span[1] and entity.label in {"PERSON", "ORG"}:
            context.subjects.add(entity.start)
            remember_speaker(entity, context.entities, position, context)
    if sum(c.isalpha() for c in words) <= 2 and not any(
        e.start == span[0] and e.end == span[1] for e in context.entities
    ):
        return None  # a fragment ("9", "Re"), not a name: only a recognised name may be that short ("Oz")
    return words


def _attribution_after(text: str, quote_end: int, context: _Context) -> tuple[str | None, str | None, str | None]:
    """Speaker, cue and channel of ``"...," X said`` / ``"...," said X`` / ``"...," according to X``."""
    window = _clause_window(text, quote_end)
    byline = _BYLINE.match(window)
    if byline:  # a quote signed with a dash: `"..." ― Pamela Padilla`
        span = speaker_after_cue(text, quote_end + byline.end(), context.entities)
        if span is not None:
            return text[span[0] : span[1]], byline.group().strip(), None
    cue = CUE.search(window)
    if cue is None or (window[: cue.start()].strip(" ,") and "“" in window[: cue.start()]):
        return None, None, None
    if text[quote_end - 2 : quote_end - 1] == "." and _NEXT_SENTENCE.match(window[cue.end() :]):
        return None, None, None  # `..." Russia insisted that Pyongyang "...`: the next sentence's own attribution
    lead = window[: cue.start()].strip(" ,—–")
    if lead:
        span = speaker_between(text, quote_end, quote_end + cue.start(), context.entities)
    else:
        span = speaker_after_cue(text, quote_end + cue.end(), context.entities)
    if span is None:
        return None, None, None
    speaker = _speaker_text(text, span, context, quote_end)
    rest = text[max(span[1], quote_end + cue.end()) : quote_end + len(window)]
    return speaker, cue.group(), _channel(rest)


def _attribution_before(text: str, sentence_start: int, quote_start: int, context: _Context):
    """Speaker, cue and channel of ``X said: "..."`` / ``X told reporters, "..."``."""
    piece = text[sentence_start:quote_start]
    cues = [m for m in CUE.finditer(piece) if len(piece) - m.end() <= _BEFORE_REST]
    if not cues:
        return None, None, None
    cue = cues[-1]
    participle = cue.group().endswith("ing")
    # "Jobs resigned in a letter to the board stating, ...": a participle's subject is its clause's, not the
    # phrase just before it (an object or a prepositional complement)
    speaker = _participle_subject(text, sentence_start, cue.start(), context, quote_start) if participle else None
    if speaker is None:
        if cue.group().lower() == "according to":
            span = speaker_after_cue(text, sentence_start + cue.end(), context.entities)
        else:
            span = speaker_before_cue(text, sentence_start, sentence_start + cue.start(), context.entities)
        speaker = _speaker_text(text, span, context, quote_start)
    return speaker, cue.group(), _channel(piece[cue.end() :])


def _participle_subject(text: str, clause_start: int, cue_offset: int, context: _Context, quote_start: int):
    """ "X emphasized ..., stating:" / "X praised ..., writing:": a participle's subject is its clause's, the
    subject of the clause's first reporting verb or else the name the clause opens with."""
    piece = text[clause_start : clause_start + cue_offset]
    finite = [m for m in CUE.finditer(piece) if not m.group().endswith(("ing", "to"))]
    if finite:
        span = speaker_before_cue(text, clause_start, clause_start + finite[0].start(), context.entities)
        if span is not None:
            return _speaker_text(text, span, context, quote_start)
    return _subject_at(text, clause_start, clause_start + cue_offset, context)


def _clause_start(text: str, sentences: list[tuple[int, int]], position: int, quotes: list[Quote]) -> int:
    """Where the words introducing a quote may start: its sentence, or the paragraph before when that ends
    in a colon ("He said:" then the quote as its own paragraph), never before the previous quote."""
    starts = [s for s, e in sentences if s <= position]
    start = starts[-1] if starts else 0
    if not text[start:position].strip() and len(starts) > 1 and text[:position].rstrip().endswith(":"):
        start = starts[-2]
    return max(start, quotes[-1].end if quotes else 0)


def _inside_sentence(text: str, position: int, context: _Context) -> bool:
    """The quote does not open its sentence (or paragraph): words of the sentence come before it."""
    start = max([s for s, e in context.sentences if s <= position + 1] or [0])  # the tagger may start it after the mark
    start = max(start, text.rfind("\n", start, position) + 1)
    return bool(text[start:position].strip())


def _sentence_subject(text: str, position: int, context: _Context) -> str | None:
    """Words quoted inside a sentence with no reporting verb ("Reid has called Trump a “human leech”"):
    the sentence's subject, when it opens with a name or a he/she/they."""
    start = max([s for s, e in context.sentences if s <= position] or [0])
    return _subject_at(text, start, position, context)


def _subject_at(text: str, start: int, position: int, context: _Context) -> str | None:
    """The subject a clause from ``start`` opens with: a he/she/they resolved, or a name after title words."""
    if start >= position:
        return None
    opening = text[start:position].split(maxsplit=1)
    if opening and is_pronoun(opening[0]) and opening[0].lower() not in {"i", "you", "it"}:
        return resolve_pronoun(opening[0], context.entities, start, context)
    for entity in context.entities:
        if entity.start >= position:
            break
        if entity.label in {"PERSON", "ORG", "GPE"} and entity.start >= start:
            leading = text[start : entity.start].split()
            if not all(_TITLE_WORD.match(w) for w in leading) or text[entity.end : entity.end + 2] in {"’s", "'s"}:
                return None  # "Woltering's family put out a statement": the possessor is not the subject
            return _person_after_title(text, entity, position, context) or entity.text
    return None


def _person_after_title(text: str, entity: EntityMention, position: int, context: _Context) -> str | None:
    """ "Interim DNC Chairwoman Donna Brazile", "House Speaker Paul Ryan": an organisation that opens a title is
    not the subject; the person the title-case words lead to is."""
    if entity.label == "PERSON":
        return None
    for other in context.entities:
        if other.start >= entity.end and other.start < position and other.label == "PERSON":
            between = text[entity.end : other.start].split()
            return other.text if len(between) <= 3 and all(w[:1].isupper() for w in between) else None
    return None


def _is_title(inner: str) -> bool:
    """ "Face the Nation", "Fox News Sunday", "Contract with America": a short title-case name, not speech."""
    words = inner.strip(" ,.").split()
    small = {"the", "a", "an", "of", "on", "in", "and", "with", "for", "to", "at", "it", "is"}
    return len(words) <= 6 and words[0][:1].isupper() and all(w[:1].isupper() or w in small for w in words)


def _same_paragraph(text: str, start: int, end: int) -> bool:
    """An unattributed quote in the paragraph of the one before goes on with its speaker."""
    return end - start < 80 or "\n" not in text[start:end]


def direct_quotes(text: str, sentences: list[tuple[int, int]], entities: list[EntityMention]) -> list[Quote]:
    quotes: list[Quote] = []
    matches = list(_OPEN_CLOSE.finditer(text))
    quoted = [(m.start(), m.end()) for m in matches]
    entities = with_surnames(entities, text)
    context = _Context(entities, sentences, quoted, reporting_subjects(text, entities), text)
    for match in matches:
        inner = match.group("a") or match.group("b")
        if len(inner.split()) < 3 or _is_title(inner):
            continue  # scare quotes and titles, not speech
        speaker, cue, channel = _attribution_after(text, match.end(), context)
        if cue is None:
            speaker, cue, channel = _attribution_before(
                text, _clause_start(text, sentences, match.start(), quotes), match.start(), context
            )
        embedded = _inside_sentence(text, match.start(), context)
        if speaker is None and cue is None and embedded:
            # "Japan branded North Korea an "outlaw nation"": a quote inside a sentence with its own subject
            speaker = _sentence_subject(text, match.start(), context)
        if speaker is None and quotes and _same_paragraph(text, quotes[-1].end, match.start()):
            speaker, channel = quotes[-1].speaker, quotes[-1].channel  # the same speaker goes on
        if speaker is None and cue is None and not embedded:
            speaker = _sentence_subject(text, match.start(), context)
        quotes.append(
            Quote(
                match.start(),
                match.end(),
                match.group(0),
                "direct",
                speaker,
                anonymous=bool(speaker and _is_anonymous(speaker)),
                cue=cue,
                channel=channel,
            )
        )
    return quotes


def _is_anonymous(source: str) -> bool:
    """ "a diplomatic source", "officials": no named person or outlet stands behind the claim."""
    return bool(_ANONYMOUS.search(source)) and not re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b", source)


def reported_claims(text: str, sentences: list[tuple[int, int]], quoted: list[Quote]) -> list[Quote]:
    claims = []
    for start, end in sentences:
        sentence = text[start:end]
        if any(q.start < end and start < q.end for q in quoted):
            continue  # direct speech already attributed
        found = _ACCORDING.search(sentence)
        cue = "according to"
        if not found:
            found = _REPORTED_THAT.match(sentence)
            cue = found.group("cue") if found else None
        if not found:
            found = _TRAILING.search(sentence)
            cue = found.group("cue") if found else None
        if not found:
            continue
        source = found.group("src").strip()
        channel = (
            source
            if re.search(r"\b(?:Times|Post|News|Journal|Agency|Reuters|media|press|reports?)\b", source)
            else None
        )
        claims.append(
            Quote(start, end, sentence, "reported", source, anonymous=_is_anonymous(source), cue=cue, channel=channel)
        )
    return claims


def sentence_spans(doc, text: str | None = None) -> list[tuple[int, int]]:
    """Sentence offsets with surrounding whitespace (paragraph breaks) trimmed off.

    ``text`` is ``doc.text`` when the caller already holds it: ``Doc.text`` and ``Span.text`` rebuild
    their strings token by token, while slicing the article text by character offsets is the same string.
    """
    text = doc.text if text is None else text
    spans = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


def find_quotes(
    doc,
    entities: list[EntityMention],
    *,
    text: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
    language: str | None = None,
) -> list[Quote]:
    """Direct quotes and reported claims; ``text`` and ``sentences`` save recomputing them from ``doc``.

    A ``language`` other than English has its own quotation marks and reporting verbs (``extract.languages``).
    """
    text = doc.text if text is None else text
    sentences = sentence_spans(doc, text) if sentences is None else sentences
    if not is_english(language):
        return other_languages.find_quotes(text, sentences, entities, language_code(language))
    direct = direct_quotes(text, sentences, entities)
    return sorted(direct + reported_claims(text, sentences, direct), key=lambda q: q.start)
