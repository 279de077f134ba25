"""A claim's own clause, for sentences that tell happenings with different statuses.

"Nakatani visited TUSAŞ on August 19 and was slated to tour Baykar on Aug. 20" tells one done and
one planned happening; "X will hold talks on Tuesday, as Tokyo expands its drone fleet" a planned
one and an ongoing one. Each claim read from such a sentence is stated by its own clause (the
clause's verb with its dependents, less the coordinated or subordinate clauses that tell the
others), so its text carries its own status and not the other clause's.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsfuse.records.claims import Claim, Evidence

MIN_CLAUSE_WORDS = 5  # a shorter clause is a fragment: the whole sentence reads better
_SPLIT_DEPS = {"advcl", "conj", "relcl", "ccomp", "parataxis", "acl"}
_CLAUSE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "parataxis"}  # clauses telling happenings of their own
_SUBORDINATORS = {
    "as",
    "while",
    "when",
    "where",
    "after",
    "before",
    "because",
    "since",
    "although",
    "though",
    "whereas",
}
_CONDITIONS = {"if", "unless"}
_CLIMB_DEPS = {"acomp", "xcomp", "dobj", "nsubjpass", "nsubj", "attr", "pobj", "prep", "aux", "auxpass"}


def clause_head(token: Token) -> Token:
    """The verb heading the clause an event word belongs to: "talks" in "will hold talks" -> "hold";
    "tour" in "was slated to tour" -> "slated" (the frame that gives the status is part of the clause)."""
    current = token
    for _ in range(6):
        if current.dep_ == "conj" and current.head.pos_ == "VERB" and not finite(current) and not finite(current.head):
            current = current.head  # "slated to tour X and meet Y": "meet" is part of the infinitive's clause
            continue
        if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
            break
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"xcomp"}:
            break
        current = current.head
    return current


def clause_tokens(head: Token, others: set[int]) -> list[Token]:
    """The clause's tokens: the head's subtree less the clauses that hold other happenings (``others``),
    their conjunctions, and leading subordinators ("as", "while") and edge punctuation."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in _SPLIT_DEPS and finite(child) and any(t.i in others for t in child.subtree):
            dropped |= {t.i for t in child.subtree}
    for child in head.children:  # the "and" before a dropped conjunct goes with it
        if child.dep_ == "cc" and any(c.i in dropped and c.i > child.i for c in head.children):
            dropped.add(child.i)
    tokens = [t for t in head.subtree if t.i not in dropped]
    run = _contiguous(tokens, head)
    # "if" and "unless" give the clause its status ("If convicted, X could face ..."): they stay with it
    while (
        run
        and run[0].lower_ not in _CONDITIONS
        and (run[0].dep_ in {"mark", "punct", "cc"} or run[0].lower_ in _SUBORDINATORS or run[0].is_space)
    ):
        run = run[1:]
    while run and (run[-1].dep_ in {"punct", "cc"} or run[-1].is_space) and run[-1].text not in {".", "!", "?"}:
        run = run[:-1]
    return run


def finite(verb: Token) -> bool:
    """A clause with a tense of its own ("expands", "was slated", "will direct"), not a participle or an
    infinitive ("to retain the titles", "knocking him down"), whose status comes from the clause above it."""
    if verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in verb.children)


def _has_subject(head: Token, run: list[Token]) -> bool:
    """The clause names who acts, or is a conjunct sharing the subject of the clause before it with a tense of its
    own ("... and was slated to tour"); a bare past conjunct ("... and missed a trey") cut alone is a fragment."""
    inside = {t.i for t in run}
    if head.dep_ == "conj":
        return head.lemma_ == "be" or any(c.dep_ in {"aux", "auxpass"} for c in head.children)  # "was due to"
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i in inside for c in head.children)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The unbroken run of token indexes around the head (a dropped clause in the middle ends it)."""
    indexes = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def cut_to_clauses(doc: Doc, claims: dict[int, Claim]) -> dict[int, Claim]:
    """Claims of one sentence (by trigger index), each cut to its own clause when their statuses differ."""
    if len({c.modality for c in claims.values()}) < 2:
        return claims
    out = {}
    for trigger, claim in claims.items():
        others = {i for i, c in claims.items() if c.modality != claim.modality}
        span = clause_span(doc, doc[trigger], others, claim.evidence[0])
        if span is None:
            out[trigger] = claim
            continue
        cut = replace(claim.evidence[0], start=span[0], end=span[1], clause_only=True)
        out[trigger] = replace(claim, evidence=(cut, *claim.evidence[1:]))
    return out


def clause_span(doc: Doc, trigger: Token, others: set[int], evidence: Evidence) -> tuple[int, int] | None:
    """Character span of the trigger's own clause without the clauses holding ``others``; None where the clause
    is no separate happening's (a relative or infinitival modifier describes a participant) or is too short."""
    head = clause_head(trigger)
    if head.dep_ not in _CLAUSE_DEPS or not finite(head):
        return None
    run = clause_tokens(head, others)
    if len(run) < MIN_CLAUSE_WORDS or not evidence.sentence_start <= run[0].idx < evidence.sentence_end:
        return None
    if not _has_subject(head, run):
        return None
    start, end = run[0].idx, min(run[-1].idx + len(run[-1].text), evidence.sentence_end)
    if end - start >= len(evidence.text):
        return None
    return start, end


def subordinate_statement(doc: Doc, claim: Claim) -> str | None:
    """For a claim read from a whole sentence whose event word sits in a subordinate or coordinated clause with
    a status of its own ("..., as Tokyo expands its drone fleet"), the text of that clause; else None."""
    from newsfuse.fuse.statement import clearest
    from newsfuse.fuse.status import modality

    evidence = clearest(claim)
    if evidence.clause_only or evidence.trigger_start is None:
        return None
    word = doc.char_span(
        evidence.trigger_start, evidence.trigger_end or evidence.trigger_start + 1, alignment_mode="expand"
    )
    if word is None or not len(word):
        return None
    trigger = word.root
    head = clause_head(trigger)
    if head.dep_ not in {"advcl", "conj"} or head.head.i == head.i:
        return None
    governing = clause_head(head.head) if head.head.pos_ != "VERB" else head.head
    if not finite(governing) or modality(trigger) == modality(governing):
        return None
    span = clause_span(doc, trigger, set(), evidence)
    return doc.text[span[0] : span[1]].strip() if span else None
