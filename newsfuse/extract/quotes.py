"""Quotes and attributions: direct quotes with their speaker, reported claims with their source.

Direct quotes are the text between paired quotation marks; the speaker comes from the
attribution next to them (`"...," Güler wrote in a post on social media`, `Güler said: "..."`),
a pronoun resolves to the last person named before, and an unattributed quote that follows
another continues its speaker. Reported claims are sentences attributed by "according to X",
"X reported (that)" or a closing ", a diplomatic source said."; unnamed sources are anonymous.
"""

from __future__ import annotations

import re

from newsfuse.records.mentions import EntityMention, Quote

_CUES = (
    r"said|says|say|wrote|writes|told|tells|added|adds|stated|states|stating|posted|noted|notes|explained|asked|"
    r"tweeted|emphasized|emphasised|stressed|continued|announced|insisted|argued|warned|declared|remarked|reported|"
    r"indicated|confirmed|commented"
)
# A quote never spans a paragraph break: a quote running on into the next paragraph has no
# closing mark at the break, so pairing across it would swallow the narration in between.
_OPEN_CLOSE = re.compile(r"“(?P<a>[^”\n]{3,}?)”|\"(?P<b>[^\"\n]{3,}?)\"")
_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?P<cue1>{_CUES})\s+(?P<speaker1>[^,.;:\"“”]{{2,80}}?)|(?P<speaker2>[^,.;:\"“”]{{2,80}}?)\s+(?P<cue2>{_CUES}))"
    r"(?P<rest>[^.;\"“”]*)"
)
_BEFORE = re.compile(rf"(?P<speaker>[^,.;:\"“”]{{2,80}}?)\s+(?P<cue>{_CUES})\b(?P<rest>[^\"“”]*?)[:,]?\s*$")
_CHANNEL = re.compile(
    r"\b(?:on|in|via|to)\s+(?:a\s+post\s+on\s+)?(?:the\s+|his\s+|her\s+|its\s+|their\s+)?"
    r"(?P<channel>(?:[\w'-]+\s+){0,2}?social media(?:\s+platform\s+[A-Z]\w+)?|[A-Z][\w.]+(?:\s[A-Z][\w.]+)*)"
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
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


def _clean_speaker(text: str) -> str:
    return re.sub(r"^(?:and|but|as|while)\s+", "", text.strip(), flags=re.IGNORECASE)


def _channel(rest: str) -> str | None:
    match = _CHANNEL.search(rest or "")
    return match.group("channel").strip() if match else None


def _last_person_before(entities: list[EntityMention], position: int) -> str | None:
    people = [e for e in entities if e.label == "PERSON" and e.end <= position]
    return people[-1].text if people else None


def _speaker_from_text(raw: str, entities: list[EntityMention], position: int) -> str | None:
    speaker = _clean_speaker(raw)
    if speaker.lower() in _PRONOUNS:
        return _last_person_before(entities, position) or speaker
    return speaker or None


def direct_quotes(text: str, sentences: list[tuple[int, int]], entities: list[EntityMention]) -> list[Quote]:
    quotes: list[Quote] = []
    for match in _OPEN_CLOSE.finditer(text):
        inner = match.group("a") or match.group("b")
        if len(inner.split()) < 3:
            continue  # scare quotes and titles, not speech
        speaker = cue = channel = None
        after = _AFTER.match(text[match.end() : match.end() + 200])
        if after:
            speaker = _speaker_from_text(after.group("speaker1") or after.group("speaker2"), entities, match.start())
            cue, channel = after.group("cue1") or after.group("cue2"), _channel(after.group("rest"))
        else:
            sentence_start = max([s for s, e in sentences if s <= match.start()] or [0])
            before = _BEFORE.search(text[sentence_start : match.start()])
            if before:
                speaker = _speaker_from_text(before.group("speaker"), entities, match.start())
                cue, channel = before.group("cue"), _channel(before.group("rest"))
        if speaker is None and quotes and match.start() - quotes[-1].end < 80:
            speaker, channel = quotes[-1].speaker, quotes[-1].channel  # the same speaker goes on
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
) -> list[Quote]:
    """Direct quotes and reported claims; ``text`` and ``sentences`` save recomputing them from ``doc``."""
    text = doc.text if text is None else text
    sentences = sentence_spans(doc, text) if sentences is None else sentences
    direct = direct_quotes(text, sentences, entities)
    return sorted(direct + reported_claims(text, sentences, direct), key=lambda q: q.start)
