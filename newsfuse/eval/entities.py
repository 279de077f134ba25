"""``newsfuse eval entities``: named entity mention precision, recall and F1 by type on a MEANTIME-format corpus.

Gold: proper-name ``ENTITY_MENTION``s (``syntactic_type`` NAM or PRE.NAM, or mentions added at
the cross-document stage without a syntactic type whose words are all capitalised), typed by
the instance they refer to (PER, ORG, LOC, PRO). Some MEANTIME documents are annotated only in
their first sentences, so predictions are scored up to the last annotated sentence of each document.
Predictions: entity mentions from ``extract_and_resolve`` (cross-document resolution, as
``newsfuse extract`` runs it) with OntoNotes labels mapped onto those types (GPE/LOC/FAC -> LOC,
PRODUCT -> PRO); labels with no MEANTIME counterpart (NORP, LAW, EVENT, ...) are not scored.
A prediction is correct when its span matches a gold span of the same type exactly ("strict")
or overlaps one ("overlap"). MEANTIME leaves many names unannotated, so precision is a floor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.eval.dates import document_article
from newsfuse.eval.meantime import MeantimeDocument, iter_corpus
from newsfuse.records.mentions import EntityMention

LABEL_TO_MEANTIME = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "LOC",
    "PRODUCT": "PRO",
}
_NAME_TYPES = {"NAM", "PRE.NAM"}
_DETERMINERS = {"the", "a", "an"}
_PRONOUNS = {
    "i",
    "he",
    "she",
    "it",
    "we",
    "they",
    "you",
    "me",
    "him",
    "her",
    "us",
    "them",
    "his",
    "its",
    "our",
    "their",
    "my",
}
SCORED_TYPES = ("PER", "ORG", "LOC", "PRO")


@dataclass
class PRF:
    true_positive: int = 0
    gold: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "correct": self.true_positive,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class EntityReport:
    documents: int = 0
    strict: dict[str, PRF] = field(default_factory=dict)
    overlap: dict[str, PRF] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "strict": {t: s.to_json() for t, s in self.strict.items()},
            "overlap": {t: s.to_json() for t, s in self.overlap.items()},
        }


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if len(words) == 1 and words[0].casefold() in _PRONOUNS:
        return False
    if words and words[0].casefold() in _DETERMINERS:
        words = words[1:]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def annotated_end(doc: MeantimeDocument) -> int:
    """End offset of the last sentence holding any annotation: the part of the document that was annotated."""
    by_id = {t.t_id: t for t in doc.tokens}
    sentences = [by_id[t].sentence for m in doc.mentions for t in m.t_ids if t in by_id]
    last = max(sentences, default=-1)
    ends = [t.end for t in doc.tokens if t.sentence == last]
    return max(ends) if ends else len(doc.text)


def gold_mentions(doc: MeantimeDocument) -> list[tuple[int, int, str]]:
    out = []
    for mention, instance in doc.entity_mentions():
        if instance is None or instance.kind not in SCORED_TYPES:
            continue
        syntactic = mention.attrs.get("syntactic_type")
        if syntactic in _NAME_TYPES or (syntactic is None and _looks_like_name(mention.text)):
            out.append((mention.start, mention.end, instance.kind))
    return sorted(set(out))


def predicted_mentions(mentions: list[EntityMention]) -> list[tuple[int, int, str]]:
    return sorted({(m.start, m.end, LABEL_TO_MEANTIME[m.label]) for m in mentions if m.label in LABEL_TO_MEANTIME})


def _add(scores: dict[str, PRF], kind: str, gold: int = 0, predicted: int = 0, correct: int = 0) -> None:
    for key in (kind, "ALL"):
        score = scores.setdefault(key, PRF())
        score.gold += gold
        score.predicted += predicted
        score.true_positive += correct


def score_document(
    gold: list[tuple[int, int, str]], predicted: list[tuple[int, int, str]], report: EntityReport
) -> None:
    for mode, scores in (("strict", report.strict), ("overlap", report.overlap)):
        unmatched = list(gold)
        for start, end, kind in predicted:
            hit = next(
                (
                    g
                    for g in unmatched
                    if g[2] == kind
                    and ((g[0], g[1]) == (start, end) if mode == "strict" else g[0] < end and start < g[1])
                ),
                None,
            )
            if hit is not None:
                unmatched.remove(hit)
            _add(scores, kind, predicted=1, correct=int(hit is not None))
        for _, _, kind in gold:
            _add(scores, kind, gold=1)


def evaluate_entities(corpus: str | Path, models, limit: int | None = None) -> EntityReport:
    """Score entity mentions on every CAT XML file under ``corpus``."""
    from newsfuse.extract import extract_and_resolve

    docs = list(iter_corpus(corpus))[:limit]
    report = EntityReport(documents=len(docs))
    for doc, extraction in zip(docs, extract_and_resolve([document_article(d) for d in docs], models), strict=True):
        limit_at = annotated_end(doc)
        predicted = [m for m in extraction.entities if m.end <= limit_at]
        score_document(gold_mentions(doc), predicted_mentions(predicted), report)
    for scores in (report.strict, report.overlap):
        ordered = {k: scores[k] for k in (*SCORED_TYPES, "ALL") if k in scores}
        scores.clear()
        scores.update(ordered)
    return report
