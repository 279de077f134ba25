"""Statement claims: a speaker's quoted words, with the channel they were said in.

Direct quotes come from extraction (``Quote(kind="direct")``). When extraction supplies none,
quoted passages are found in the text and their speaker is the subject of the reporting verb
next to them ("..., Güler wrote in a post on social media", "stating on social media: ...").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsfuse.fuse.claims import claim_id
from newsfuse.fuse.eventive import verb_index
from newsfuse.fuse.lexicon import REPORTING_VERBS
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.status import modality
from newsfuse.records import Article
from newsfuse.records.claims import Claim, ClaimArgument, Evidence
from newsfuse.records.mentions import ArticleExtraction, Quote

MIN_QUOTE_WORDS = 6  # shorter quoted strings are names, scare quotes or titles
_QUOTED = re.compile(r"[\"“]([^\"“”]{10,}?)[\"”]")
_CHANNEL_WORDS = {"media", "post", "platform", "statement", "interview", "conference", "x", "twitter", "nsosyal"}


def quote_claims(article: Article, extraction: ArticleExtraction, doc: Doc, entities: EntityIndex) -> list[Claim]:
    quotes = [q for q in extraction.quotes if q.kind == "direct"] or find_quotes(doc, article.text)
    claims = []
    for quote in quotes:
        if len(quote.text.split()) < MIN_QUOTE_WORDS or not _whole_name(quote.speaker) or title_like(quote.text):
            continue
        if _modifier_speaker(doc, quote):
            continue  # "The California native ... was promoted as '...'": a place word describing someone
        quote = _with_cued_speaker(doc, quote)
        speaker_key = quote.speaker_entity_id or _speaker_key(extraction, entities, quote)
        if speaker_key and entities.label(entities.canonical_id(speaker_key)) in _NOT_SPEAKERS:
            speaker_key = None  # the words as written ("Holland"), not the place's name ("Netherlands")
        sentence = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        sent_start = sentence[0].sent.start_char if sentence is not None else quote.start
        sent_end = sentence[-1].sent.end_char if sentence is not None else quote.end
        first, last = quote_lines(article.text, min(sent_start, quote.start), max(sent_end, quote.end), quote)
        evidence = Evidence(
            article_id=article.id,
            source=article.source,
            published=article.published,
            sentence_start=first,
            sentence_end=last,
            start=quote.start,
            end=quote.end,
            text=article.text[first:last].strip(),
            modality=quote_status(doc, quote),
            attribution=quote.speaker,
            attribution_kind="direct",
            anonymous=quote.anonymous,
            channel=quote.channel,
        )
        claims.append(
            Claim(
                id=claim_id("c", article.id, "quote", quote.start),
                predicate="say",
                trigger=quote.cue or "say",
                subjects=(ClaimArgument("subject", quote.speaker, speaker_key, "PERSON" if speaker_key else None),),
                quote=quote.text.strip(' "“”'),
                evidence=(evidence,),
            )
        )
    return claims


# Verbs that introduce the words someone utters: the reporting verbs and the manner of speech
SPEECH_VERBS = REPORTING_VERBS | set(
    "yell shout scream cry exclaim whisper ask reply respond answer recall chant sing shriek holler mutter "
    "plead beg order demand tweet".split()
)


def _with_cued_speaker(doc: Doc, quote: Quote) -> Quote:
    """The quote with the speaker of the verb that introduces it in its own sentence ("one cop ... said, 'Oh,
    God!'", "When the driver yelled, 'Don't move!'", "the crowd chanted, '...'"): words reported inside a
    witness's account are the person who uttered them, not the witness recalling them, nor the speaker of the
    quote before. Speakers found by extraction stay where no such verb stands right before the quote, or where
    its subject is a pronoun (extraction resolved it); a leading gerund is cut from a speaker's name ("Having
    Jackman host ..." -> "Jackman")."""
    speaker = _cued_subject(doc, quote)
    if speaker is not None and speaker != quote.speaker:
        return replace(quote, speaker=speaker, speaker_entity_id=None)
    trimmed = _without_gerund(_before_glued_sentence(quote.speaker))
    return quote if trimmed == quote.speaker else replace(quote, speaker=trimmed, speaker_entity_id=None)


# "Shirlene Moore.She said", "Scott Small.Action News spoke with": a sentence end run into the next sentence
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def _before_glued_sentence(speaker: str | None) -> str | None:
    """A speaker's name ends where a sentence ends, even one glued to the next without a space."""
    if not speaker:
        return speaker
    return _GLUED_SENTENCE.split(speaker, maxsplit=1)[0]


def _cued_subject(doc: Doc, quote: Quote) -> str | None:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    i, between = span.start - 1, []
    while i >= 0 and (doc[i].is_punct or doc[i].is_space or doc[i].is_quote):
        between.append(doc[i].text)
        i -= 1
    if i < 0 or not any(mark in {",", ":"} for mark in between):
        return None  # '..." he said' or 'said "..."' inside a sentence: extraction reads those
    verb = doc[i]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subject = _subject_token(verb)
    if subject is None or subject.pos_ == "PRON":
        return None
    words = doc[subject.left_edge.i : subject.right_edge.i + 1]  # "a spokesman for Waitrose", "Mark and Condon"
    if any(t.pos_ in {"VERB", "AUX"} or t.is_quote or t.text in {"—", "–", "("} for t in words) or len(words) > 8:
        people = [subject] + [c for c in subject.conjuncts if c.i > subject.i]
        words = doc[subject.left_edge.i : max(t.i for t in people) + 1]
    if any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in words) or len(words) > 8:
        return None
    found = words.text.strip()
    named = (quote.speaker or "").split()
    if named and found.split()[-1] == named[-1] and len(named) >= len(found.split()) - 1:
        return quote.speaker  # "Mr. Cerar" is extraction's "John C. Cerar", named in full
    return found


_CLAUSE_LINKS = {"conj", "xcomp", "advcl"}  # "one cop put both hands on his head and said": the subject of "put"


def _subject_token(verb: Token, through: set[str] | None = _CLAUSE_LINKS) -> Token | None:
    """The subject of ``verb``, or of a verb up to two heads above it, climbing only through ``through``
    dependencies (any, where None)."""
    current = verb
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if through is not None and (current.dep_ not in through or current.head.i == current.i):
            return None
        current = current.head
    return None


def _without_gerund(speaker: str | None) -> str | None:
    """ "Having Jackman" -> "Jackman": a name run together with the verb before it by the entity tagger."""
    words = (speaker or "").split()
    if len(words) < 2 or not words[0].endswith("ing") or not words[0][:1].isupper():
        return speaker
    stem = words[0].lower()[:-3]
    if any(v in verb_index() for v in (stem, stem + "e")):
        return " ".join(words[1:])
    return speaker


def title_like(text: str) -> bool:
    """A quoted title ("Take Me Out to the Ball Game"), not speech: most of its words capitalised, no sentence."""
    words = [w for w in text.strip(' "“”').split() if w[:1].isalpha()]
    if len(words) < 3 or text.rstrip(' "”,').endswith((".", "?", "!")):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _modifier_speaker(doc: Doc, quote: Quote) -> bool:
    """The speaker found is a place or nationality word modifying the real subject ("the California native",
    "German officials" -> "German"): no person or body said it by that name."""
    speaker = quote.speaker or ""
    window = doc.char_span(max(0, quote.start - 300), min(len(doc.text), quote.end + 300), alignment_mode="contract")
    if window is None:
        return False
    for token in window:
        if token.text == speaker.split()[-1] and token.ent_type_ in {"GPE", "LOC", "NORP"}:
            return token.dep_ in {"compound", "amod", "nmod", "poss"} or token.ent_type_ == "NORP"
    return False


def quote_lines(text: str, start: int, end: int, quote: Quote) -> tuple[int, int]:
    """The quote's sentence, never running over a line break into the next paragraph or sentence: a parser that
    glues '"It was our pleasure to host his Excellency."' to the next line does not make them one statement."""
    first = text.rfind("\n", start, quote.start) + 1 or start
    last = text.find("\n", quote.end, end)
    first = max(first, start)
    while first < quote.start and text[first].isspace():
        first += 1
    return first, (end if last < 0 else last)


def quote_status(doc: Doc, quote: Quote) -> str:
    """The status of what the quote says: said (happened), unless the quoted words are the complement of a verb
    outside them that frames them ('are expected to "discuss ways to expand cooperation"' is planned)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return "happened"
    root = span.root
    if root.head.i == root.i or span.start <= root.head.i < span.end or root.dep_ not in {"xcomp", "dobj", "pcomp"}:
        return "happened"  # a whole quoted sentence, or a quote that is the object of its reporting verb
    if root.head.lemma_.lower() in REPORTING_VERBS:
        return "happened"
    status = modality(root)
    return status if status in {"planned", "intended", "speculated", "conditional", "negated"} else "happened"


# A place or a nationality does not speak: "said Holland", "Jordan, 42, said" are people bearing a place's name,
# never the Netherlands or Jordan; "Greeks" for "he said" is a misread antecedent
_NOT_SPEAKERS = {"GPE", "LOC", "NORP"}


def _speaker_key(extraction: ArticleExtraction, entities: EntityIndex, quote: Quote) -> str | None:
    for mention in extraction.entities:
        if mention.text == quote.speaker or mention.text.endswith(quote.speaker or "\0"):
            return None if mention.label in _NOT_SPEAKERS else entities.key(mention)
    return None


def _whole_name(speaker: str | None) -> bool:
    """A speaker named in words ("Gurrola", "officials"), not a cut-off fragment ("Th", "of", "An")."""
    if not speaker:
        return False
    words = speaker.split()
    return len(speaker) >= 4 and words[-1].lower() not in {"of", "an", "a", "the", "and"} and speaker[0].isalpha()


def find_quotes(doc: Doc, text: str | None = None) -> list[Quote]:
    """Quoted passages of at least a few words, with the speaker and channel of the nearest reporting verb."""
    found = []
    for match in _QUOTED.finditer(doc.text if text is None else text):
        start, end = match.start(1), match.end(1)
        verb = _reporting_verb(doc, match.start(), match.end())
        speaker, channel = (None, None) if verb is None else (_subject_text(verb), _channel(verb))
        found.append(
            Quote(
                start,
                end,
                match.group(1),
                "direct",
                speaker,
                cue=verb.lemma_ if verb is not None else None,
                channel=channel,
            )
        )
    return found


def _reporting_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The reporting verb outside the quote in the sentences touching it, nearest first."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentences = {t.sent for t in span}
    for index in (span[0].sent.start - 1, span[-1].sent.end):
        if 0 <= index < len(doc):
            sentences.add(doc[index].sent)
    candidates = [
        t
        for s in sentences
        for t in s
        if t.lemma_.lower() in REPORTING_VERBS and t.pos_ == "VERB" and not start <= t.idx < end
    ]
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))) if candidates else None


def _subject_text(verb: Token) -> str | None:
    subject = _subject_token(verb, through=None)  # "stating on social media" hangs off "Güler emphasized"
    if subject is None:
        return None
    return " ".join(
        t.text
        for t in subject.subtree
        if t.dep_ in {"compound", "nsubj", "nsubjpass", "flat", "det"} or t.i == subject.i
    )


def _channel(verb: Token) -> str | None:
    # the last channel word wins: "in a post on social media" is social media
    for token in reversed(list(verb.subtree)):
        if token.dep_ == "pobj" and token.lower_ in _CHANNEL_WORDS:
            words = [t for t in token.subtree if t.dep_ in {"amod", "compound"} or t.i == token.i]
            return " ".join(t.text for t in words if t.i <= token.i)
    return None
