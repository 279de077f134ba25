"""Which mention fills which slot of a frame: subject, objects and their roles, time, place, values, attribution.

Mentions come from extraction as character spans; each is placed in the parse by its root
token and belongs to a frame when that token is among the frame's own tokens. Its role is the
preposition that governs it ("in" Lima, "from" the United States) or its relation to the trigger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsfuse.fuse.frames import Frame
from newsfuse.fuse.lexicon import EVENT_NOUNS
from newsfuse.fuse.participants import PRONOUNS, EntityIndex
from newsfuse.fuse.roles import modifier_name
from newsfuse.fuse.values import date_value, money_in_text, quantity_value, typed_kind
from newsfuse.records import Article
from newsfuse.records.claims import Claim, ClaimArgument, ClaimValue, PlaceRef
from newsfuse.records.mentions import ArticleExtraction, EntityMention, Quote

PLACE_PREPS = {"in", "at", "near", "inside", "across"}
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}


@dataclass
class FrameContext:
    article: Article
    extraction: ArticleExtraction
    doc: Doc
    entities: EntityIndex
    entity_roots: list[tuple[int, EntityMention]]
    last_person: str | None = None


def agent_phrase_tokens(doc: Doc, agent: int | None) -> set[int]:
    if agent is None:
        return set()
    keep = {"conj", "cc", "compound", "appos", "poss", "case", "amod", "det", "flat", "prep", "pobj", "punct", "nmod"}
    out, stack = set(), [doc[agent]]
    while stack:
        token = stack.pop()
        out.add(token.i)
        stack.extend(
            c for c in token.children if c.dep_ in keep and not (c.dep_ == "prep" and c.lower_ not in {"of", "along"})
        )
    return out


def subjects_of(ctx: FrameContext, frame: Frame, agent_tokens: set[int]) -> tuple[ClaimArgument, ...]:
    """Named subjects; else a pronoun's or a role phrase's person ("Japan's defence minister"); else the words."""
    if frame.agent is None:
        return ()
    head = ctx.doc[frame.agent]
    if head.pos_ == "NOUN" and (head.lemma_.lower() in EVENT_NOUNS or head.lower_ in EVENT_NOUNS):
        # "Nakatani's visit ... included talks": the talks are Nakatani's
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return ()
        head, agent_tokens = owner, {t.i for t in owner.subtree}
    found = [(root, m) for root, m in ctx.entity_roots if root in agent_tokens]
    named = [(r, m) for r, m in found if m.label != "NORP" or ctx.doc[r].pos_ == "PROPN"]
    # "A Texas inmate escaped", "Hamad's son fired": a name qualifying the subject's noun is not who acted
    named = [(r, m) for r, m in named if not modifier_name(ctx.doc[r], m, ctx.doc[frame.trigger])]
    people = [(r, m) for r, m in named if m.label == "PERSON"]
    role_phrase = head.pos_ == "NOUN" and not people
    if role_phrase:
        person = ctx.entities.person_for_role(head.lemma_ or head.lower_, {ctx.entities.key(m) for _, m in found})
        if person:
            return (ClaimArgument("subject", phrase_text(ctx.doc, agent_tokens), person, "PERSON"),)
        if len(agent_tokens) > 1 and any(c.dep_ == "poss" for c in head.children):
            return (
                ClaimArgument("subject", phrase_text(ctx.doc, agent_tokens)),
            )  # "Japan's defence minister", unresolved
    chosen = people or named
    if chosen:
        return tuple(ClaimArgument("subject", m.text, ctx.entities.key(m), m.label) for _, m in chosen)
    if head.lower_ in PRONOUNS and ctx.last_person:
        return (ClaimArgument("subject", head.text, ctx.last_person, "PERSON"),)
    words = phrase_text(ctx.doc, agent_tokens)
    if head.pos_ == "NOUN" and len(words.split()) <= 6 and not any(c.isdigit() for c in words):
        return (ClaimArgument("subject", words),)  # "The two sides", "Our negotiators": unnamed but said
    return ()


def phrase_text(doc: Doc, tokens: set[int]) -> str:
    return doc[min(tokens) : max(tokens) + 1].text.strip(" ,")


def role_of(doc: Doc, root: int, frame: Frame) -> str:
    """The preposition governing the mention ("in" Lima), else its relation to the trigger (subject/object)."""
    while doc[root].dep_ == "conj" and doc[root].head.i != frame.trigger:
        root = doc[root].head.i  # "from the United States and Australia": both come "from"
    if doc[root].dep_ == "pobj" and doc[root].head.dep_ == "prep" and doc[root].head.i != frame.trigger:
        return doc[root].head.lower_
    token, previous = doc[root], None
    for _ in range(12):
        if token.i == frame.trigger or token.head.i == token.i:
            break
        previous, token = token, token.head
    if previous is None:
        return "object"
    if previous.dep_ == "prep":
        return previous.lower_
    if previous.dep_ in {"nsubj", "poss", "agent"}:
        return "subject"
    return "object"


def modifier(doc: Doc, root: int, frame: Frame) -> bool:
    """ "Türkiye's leading producer Baykar": Türkiye qualifies another noun, it is not what was visited."""
    token = doc[root]
    return token.dep_ in {"poss", "compound", "amod", "nmod"} and token.head.i != frame.trigger


def is_location(doc: Doc, root: int, frame: Frame, mention: EntityMention) -> bool:
    """A GPE or LOC under "in"/"at" is where the event happens, not who takes part in it."""
    if mention.label not in {"GPE", "LOC", "FAC"}:
        return mention.label == "NORP"
    return role_of(doc, root, frame) in PLACE_PREPS


def time_of(ctx: FrameContext, frame: Frame) -> ClaimValue | None:
    candidates = []
    for mention in ctx.extraction.dates:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not any(t.i in frame.own for t in span):
            continue
        value = date_value(mention)
        if value is not None:
            candidates.append((abs(span.root.i - frame.trigger), value))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def place_of(ctx: FrameContext, frame: Frame) -> PlaceRef | None:
    """Where the event happens: a place under "in"/"at" (not a destination or an origin)."""
    found = []
    for mention in ctx.extraction.places:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.i in frame.own and role_of(ctx.doc, span.root.i, frame) in PLACE_PREPS:
            found.append(mention)
    if found:
        best = min(found, key=lambda m: _PLACE_RANK.get(m.kind, 1))
        return PlaceRef(best.name, best.country_code, best.country, best.latitude, best.longitude, best.kind)
    # no gazetteer place: a named place under "in"/"at" still says where, without coordinates
    for root, mention in ctx.entity_roots:
        if root in frame.own and mention.label in {"GPE", "LOC", "FAC"} and is_location(ctx.doc, root, frame, mention):
            key = ctx.entities.key(mention)
            return PlaceRef(ctx.entities.name(key), kind="unknown", entity_id=key)
    return None


def inherited_place(ctx: FrameContext, parent: Claim) -> PlaceRef | None:
    """A nested frame happens where its parent does, or where the parent travels to ("travel to Istanbul, where ...")."""
    if parent.place is not None:
        return parent.place
    if parent.predicate != "visit":
        return None
    for target in parent.objects:
        if target.label in {"GPE", "LOC"}:
            for mention in ctx.extraction.places:
                if mention.text == target.text or mention.name == target.text:
                    return PlaceRef(
                        mention.name,
                        mention.country_code,
                        mention.country,
                        mention.latitude,
                        mention.longitude,
                        mention.kind,
                    )
            return PlaceRef(target.text, kind="unknown", entity_id=target.entity_id)
    return None


def values_of(ctx: FrameContext, frame: Frame) -> tuple[ClaimValue, ...]:
    values = []
    for mention in ctx.extraction.money:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.i in frame.own and mention.conversion_of is None:
            value = money_in_text(ctx.article.text, mention)
            if value is not None:
                values.append(value)
    for mention in ctx.extraction.quantities:
        if mention.qualifier == "vague":
            continue  # "for years" is no figure to compare across reports
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and any(t.i in frame.own for t in span) and not offset(ctx.article.text, mention):
            values.append(typed_kind(quantity_value(mention), ctx.article.text, mention.start, mention.end))
    return tuple(values)


_OFFSET = re.compile(r"^\W{0,2}(?:after|before|later|earlier|ago|since|into|from now)\b", re.IGNORECASE)


def offset(text: str, mention) -> bool:
    """A duration that places the happening in time ("two days after the break-in", "a week later", "44 seconds
    into the round"), not how long it lasted: never compared with another report's duration."""
    return mention.kind == "duration" and bool(_OFFSET.match(text[mention.end : mention.end + 14]))


def description_of(doc: Doc, frame: Frame, agent_tokens: set[int]) -> str:
    """The frame's own words from the trigger's modifiers on (its object phrase), without the subject."""
    trigger = doc[frame.trigger]
    first = min([c.i for c in trigger.lefts if c.dep_ in {"amod", "compound", "nummod"}] + [frame.trigger])
    tokens = sorted(i for i in frame.own if i not in agent_tokens and i >= first)
    words = [doc[i] for i in tokens if not doc[i].is_space]
    while words and (words[-1].is_punct or words[-1].lower_ in {"and", "or", "but", "with"}):
        words.pop()
    text = "".join(w.text_with_ws for w in words).strip()
    return text[:200]


def attribution_of(ctx: FrameContext, frame: Frame) -> dict:
    char = ctx.doc[frame.trigger].idx
    quote = quote_at(ctx.extraction.quotes, char)
    if quote is not None and quote.speaker:
        return {
            "attribution": quote.speaker,
            "attribution_kind": quote.kind,
            "anonymous": quote.anonymous,
            "channel": quote.channel,
        }
    if frame.attribution is not None:
        start, end = frame.attribution
        speaker = ctx.article.text[start:end]  # Doc.text rebuilds the whole text
        anonymous = speaker.lower().split()[0] in {"a", "an"} or "source" in speaker.lower()
        return {"attribution": speaker, "attribution_kind": "reported", "anonymous": anonymous, "channel": None}
    return {}


def quote_at(quotes: tuple[Quote, ...], char: int) -> Quote | None:
    inside = [q for q in quotes if q.start <= char < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None
