"""Claims from one article: event frames of its parse filled with the extraction's mentions.

Each frame (frames.py) becomes a claim: subject and objects from the entity mentions in its
agent phrase and its own tokens, time from its date mentions (or the frame it is nested in),
place from its place mentions, values from its money and quantity mentions, modality from the
parse, and attribution from the reporting verb above it or the extraction's quotes. Pronoun and
role-phrase subjects ("he", "Japan's defence minister") are resolved to the event's people.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsfuse.fuse.actions import key_class, word_key
from newsfuse.fuse.arguments import (
    PLACE_PREPS,
    FrameContext,
    agent_phrase_tokens,
    attribution_of,
    description_of,
    inherited_place,
    modifier,
    place_of,
    role_of,
    subjects_of,
    time_of,
    values_of,
)
from newsfuse.fuse.clauses import cut_to_clauses
from newsfuse.fuse.figures import figures_for
from newsfuse.fuse.frames import Frame, find_frames
from newsfuse.fuse.lexicon import PREDICATE_CLASSES
from newsfuse.fuse.parse import SPACY_MODEL, load_parser
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.roles import ANIMATE_ACTIONS, PLACE_LABELS, UNDERGOER_VERBS
from newsfuse.fuse.statement import furniture, line_bounds
from newsfuse.records import Article
from newsfuse.records.claims import Claim, ClaimArgument, Evidence
from newsfuse.records.mentions import ArticleExtraction, EntityMention

DISTRIBUTIVE = {"visit", "meet", "attend"}  # "toured TUSAŞ and Baykar": one claim per place or organisation
_CLASSES = set(PREDICATE_CLASSES.values())
_DEFINITE = {"the", "this", "that", "these", "those"}
_INHERITING_DEPS = {"relcl", "advcl", "xcomp", "acl", "ccomp", "appos"}


@dataclass
class FusionModels:
    """The parser fusion needs, loaded once and passed in: a full pipeline, since frames need lemmas."""

    nlp: Language
    embedder: object | None = None  # sentence vectors (clustering's MiniLM) for merging happenings; None: none
    vectors: dict = field(
        default_factory=dict, repr=False
    )  # statement -> vector: a re-fused event embeds only new ones

    @classmethod
    def load(cls, model: str = SPACY_MODEL, embedder: object | None = None) -> FusionModels:
        return cls(load_parser(model), embedder)  # extraction found the entities: no NER here


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
    doc = doc if doc is not None else with_entities(models.nlp(article.text), extraction)
    extraction = extraction if extraction.entities else _with_parser_entities(extraction, doc)
    ctx = FrameContext(article, extraction, doc, entities, _roots(doc, extraction.entities))
    claims: list[Claim] = []
    for sentence in doc.sents:
        if not every_event and furniture(sentence.text):
            continue  # page furniture ("sign up for ... delivered to your inbox") states nothing
        built: dict[int, Claim] = {}
        for frame in find_frames(sentence, every_verb=every_event):
            claim = _frame_claim(ctx, sentence, frame, built)
            if claim is not None:
                built[frame.trigger] = _resolve_anaphor(doc, frame, claim, [*claims, *built.values()])
        for claim in cut_to_clauses(doc, built).values():
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


def with_entities(doc: Doc, extraction: ArticleExtraction) -> Doc:
    """The parse with extraction's entities set on it (the fusion parser runs no NER of its own)."""
    spans = [doc.char_span(m.start, m.end, label=m.label, alignment_mode="contract") for m in extraction.entities]
    doc.ents = filter_spans([s for s in spans if s is not None and len(s)])
    return doc


def _roots(doc: Doc, mentions) -> list[tuple[int, EntityMention]]:
    out = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root.i, mention))
    return out


def _frame_claim(ctx: FrameContext, sentence: Span, frame: Frame, built: dict[int, Claim]) -> Claim | None:
    doc = ctx.doc
    parent = built.get(frame.parent) if frame.parent is not None else None
    agent_tokens = agent_phrase_tokens(doc, frame.agent)
    subjects = subjects_of(ctx, frame, agent_tokens)
    if not subjects and parent is not None and frame.agent is None and not _on_path(doc, frame, {"relcl"}):
        subjects = parent.subjects  # "scheduled to travel ..., where he will visit ... and meet": same people
    # a clause nested in another frame shares its time; coordinated or prepositional events keep their own
    inherits = parent is not None and doc[frame.trigger].dep_ in _INHERITING_DEPS and not _coordinated(doc, frame)
    objects = tuple(
        ClaimArgument(role_of(doc, root, frame), m.text, ctx.entities.key(m), m.label)
        for root, m in ctx.entity_roots
        if root in frame.own and root not in agent_tokens and m.label != "NORP" and not modifier(doc, root, frame)
    )
    if _passive(doc[frame.trigger]):  # "X was shot by Y": X is what it was done to, Y who did it
        by = {a.entity_id for a in objects if a.role == "by"}
        objects = tuple(replace(a, role="object") for a in subjects) + tuple(a for a in objects if a.role != "by")
        subjects = tuple(replace(a, role="subject") for a in (o for o in objects_of_role(ctx, frame, by)))
    elif frame.lemma in UNDERGOER_VERBS:  # "Josh Haber died": the one who died is what happened to, not who did it
        objects = tuple(replace(a, role="object") for a in subjects if a.label not in PLACE_LABELS) + objects
        subjects = ()
    time = time_of(ctx, frame) or (parent.time if inherits else None)
    place = place_of(ctx, frame) or (inherited_place(ctx, parent) if parent is not None else None)
    action = key_class(word_key(doc[frame.trigger]))  # the word's sense here, as happenings are keyed
    if action in ANIMATE_ACTIONS:  # "Texas escapee": a state does not escape
        subjects = tuple(a for a in subjects if a.label not in PLACE_LABELS)
    values = values_of(ctx, frame) + figures_for(action, ctx.article.text, sentence.start_char, sentence.end_char)
    predicate = frame.predicate
    participants = [o for o in objects if o.role not in PLACE_PREPS]
    if predicate == "meet" and participants and all(o.label not in {"PERSON", None} for o in participants):
        predicate = "visit"  # meeting "representatives of Baykar" is a visit to Baykar, not a meeting of people
    first, last = line_bounds(ctx.article.text, sentence.start_char, sentence.end_char, doc[frame.trigger].idx)
    own_chars = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in frame.own if first <= doc[i].idx < last]
    own_chars = own_chars or [(doc[frame.trigger].idx, doc[frame.trigger].idx + len(doc[frame.trigger].text))]
    evidence = Evidence(
        article_id=ctx.article.id,
        source=ctx.article.source,
        published=ctx.article.published,
        sentence_start=first,
        sentence_end=last,
        start=min(s for s, _ in own_chars),
        end=max(e for _, e in own_chars),
        text=ctx.article.text[first:last].strip(),
        modality=frame.modality,
        trigger_start=doc[frame.trigger].idx,
        trigger_end=doc[frame.trigger].idx + len(doc[frame.trigger].text),
        **attribution_of(ctx, frame),
    )
    trigger = doc[frame.trigger]
    claim = Claim(
        id=claim_id("c", ctx.article.id, trigger.idx),
        predicate=predicate,
        trigger=frame.lemma,
        subjects=subjects,
        objects=tuple(o for o in objects if o.entity_id not in {s.entity_id for s in subjects}),
        description=description_of(doc, frame, agent_tokens),
        time=time,
        place=place,
        values=values,
        qualifiers=frame.qualifiers,
        modality=frame.modality,
        evidence=(evidence,),
        action=action,
    )
    for subject in subjects:
        if subject.label == "PERSON":
            ctx.last_person = subject.entity_id
    return claim


def _passive(token) -> bool:
    """A past participle without "have": "was shot", "saw him shot", "the camp, bombed by ..."."""
    if token.pos_ != "VERB" or token.tag_ != "VBN":
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def objects_of_role(ctx: FrameContext, frame: Frame, ids: set[str]) -> list[ClaimArgument]:
    """The by-phrase's entities as arguments (the actors of a passive)."""
    return [
        ClaimArgument("subject", m.text, ctx.entities.key(m), m.label)
        for root, m in ctx.entity_roots
        if root in frame.own and ctx.entities.key(m) in ids
    ]


def _coordinated(doc: Doc, frame: Frame) -> bool:
    """Whether the way up to the parent frame passes a conjunction ("visited X on Aug. 19 and was slated to tour")."""
    return _on_path(doc, frame, {"conj"})


def _on_path(doc: Doc, frame: Frame, deps: set[str]) -> bool:
    """Whether a relation in ``deps`` lies on the way from the trigger up to its parent frame's trigger."""
    token = doc[frame.trigger]
    while token.i != frame.parent and token.head.i != token.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


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
