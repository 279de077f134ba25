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
The same exact-span scores are reported on the newswire label set (PER/ORG/LOC/MISC, see
``CONLL_GOLD``/``CONLL_PREDICTED``), and cross-document resolution is scored by B-cubed over every
gold mention of a cross-document instance (and over the proper-name ones), each taking the
resolved entity id of the predicted mention overlapping it most (none: a singleton).

The headline figure is ``newswire``, scored the way a held-out newswire NER test set (CoNLL-2003 kind)
is: only the fully annotated opening of each document (``FULLY_ANNOTATED_SENTENCES``), gold names
flat and without "the"/"'s", PER/ORG/LOC/MISC, demonyms unscored (see ``newswire_gold``). The older
``strict``/``conll_strict`` figures count every name after the opening that MEANTIME left
unannotated as a false positive and keep "the" in gold spans, so they understate the tagger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from newsfuse.eval.dates import document_article
from newsfuse.eval.meantime import MeantimeDocument, iter_corpus
from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.coref import coreferent_mentions
from newsfuse.resolve.names import TITLE_WORDS

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
# The newswire (CoNLL) label set: products, financial instruments and mixed instances are MISC on the
# gold side; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW and LANGUAGE are MISC on the predicted side.
CONLL_GOLD = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC", "FIN": "MISC", "MIX": "MISC"}
CONLL_PREDICTED = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "PRODUCT": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")
# MEANTIME annotates every entity mention in sentences 0-5 (headline, dateline and the first four sentences);
# later sentences only where a mention takes part in the corpus's cross-document events, so names there
# are mostly unannotated and would count as false positives.
FULLY_ANNOTATED_SENTENCES = 5


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
    conll: dict[str, PRF] = field(default_factory=dict)  # exact span, PER/ORG/LOC/MISC (old contract)
    newswire: dict[str, PRF] = field(default_factory=dict)  # the held-out-style contract (``newswire_gold``)
    crossdoc: dict[str, dict] = field(default_factory=dict)  # B-cubed of resolved entity ids, all and names

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "strict": {t: s.to_json() for t, s in self.strict.items()},
            "overlap": {t: s.to_json() for t, s in self.overlap.items()},
            "conll_strict": {t: s.to_json() for t, s in self.conll.items()},
            "newswire": {t: s.to_json() for t, s in self.newswire.items()},
            "crossdoc_bcubed": self.crossdoc,
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


def predicted_mentions(
    mentions: list[EntityMention], mapping: dict[str, str] = LABEL_TO_MEANTIME
) -> list[tuple[int, int, str]]:
    return sorted({(m.start, m.end, mapping[m.label]) for m in mentions if m.label in mapping})


def conll_gold(doc: MeantimeDocument) -> list[tuple[int, int, str]]:
    """Proper-name gold mentions typed PER/ORG/LOC/MISC."""
    out = []
    for mention, instance in doc.entity_mentions():
        if instance is None or instance.kind not in CONLL_GOLD:
            continue
        syntactic = mention.attrs.get("syntactic_type")
        if syntactic in _NAME_TYPES or (syntactic is None and _looks_like_name(mention.text)):
            out.append((mention.start, mention.end, CONLL_GOLD[instance.kind]))
    return sorted(set(out))


_CONNECTORS = {"of", "and", "for", "de", "du", "la", "le", "&"}


def _bare_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span as flat newswire NER marks it: "the", titles, "'s" and trailing punctuation dropped, and a
    phrase around a name reduced to the name ("Irish low cost airline, Ryanair" -> "Ryanair", "Singapore
    Airlines (SIA" -> "Singapore Airlines", "Ryanair CEO, Michael O'Leary" -> "Michael O'Leary")."""
    span = text[start:end]
    if " (" in span:
        end = start + span.index(" (")
    while end > start and text[end - 1] in ",;:'’\"":
        end -= 1
    if text[start:end].endswith(("'s", "’s")) and end - start > 2:
        end -= 2
    words = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    breaks = [
        i for i, (_, w) in enumerate(words) if w.endswith((",", "'s", "’s")) or (w.islower() and w not in _CONNECTORS)
    ]
    if breaks and breaks[-1] + 1 < len(words):
        words = words[breaks[-1] + 1 :]
    while len(words) > 1 and (
        words[0][1].casefold() in _DETERMINERS or words[0][1].casefold().rstrip(".") in TITLE_WORDS
    ):  # "Mr. Lee Hsien Loong": the title's full stop does not make it part of the name
        words = words[1:]
    if words and words[0][1][:1] in "\"“`'‘" and len(words[0][1]) > 1:  # an opening quote is not part of a name
        quote = len(words[0][1]) - len(words[0][1].lstrip("\"“`'‘"))
        words[0] = (words[0][0] + quote, words[0][1][quote:])
    return (words[0][0], end) if words else (start, end)


@cache
def _demonyms() -> frozenset[str]:
    from newsfuse.extract.gazetteer import _package_csv

    return frozenset(row["demonym"] for row in _package_csv("demonyms.csv"))


def fully_annotated_end(doc: MeantimeDocument) -> int:
    """End offset of sentence ``FULLY_ANNOTATED_SENTENCES``: everything before it is annotated in full."""
    ends = [t.end for t in doc.tokens if t.sentence <= FULLY_ANNOTATED_SENTENCES]
    return max(ends, default=0)


def newswire_gold(doc: MeantimeDocument) -> list[tuple[int, int, str]]:
    """Gold names as a flat newswire NER test set would mark them, typed PER/ORG/LOC/MISC.

    Only the fully annotated opening is scored; spans lose "the" and "'s"; a name-looking mention
    without a syntactic type that contains other names ("Boeing and Lockheed Martin", "Airbus parent
    EADS") is a phrase of several names, not one; a name inside a longer name ("Airbus" in "Airbus
    A380") is not a separate span.
    """
    by_id = {t.t_id: t for t in doc.tokens}
    names = []
    for mention, instance in doc.entity_mentions():
        first = by_id.get(mention.t_ids[0]) if mention.t_ids else None
        if instance is None or instance.kind not in CONLL_GOLD or first is None:
            continue
        if first.sentence > FULLY_ANNOTATED_SENTENCES:
            continue
        syntactic = mention.attrs.get("syntactic_type") or ""
        if syntactic in _NAME_TYPES or (not syntactic and _looks_like_name(mention.text)):
            names.append((*_bare_span(doc.text, mention.start, mention.end), CONLL_GOLD[instance.kind], syntactic))
    out = set()
    for start, end, kind, syntactic in names:
        inner = [n for n in names if start <= n[0] and n[1] <= end and n[:2] != (start, end)]
        outer = [n for n in names if n[0] <= start and end <= n[1] and n[:2] != (start, end) and n[3] == "NAM"]
        if (not syntactic and inner) or (syntactic == "PRE.NAM" and outer) or doc.text[start:end] in _demonyms():
            continue  # MEANTIME types a nationality ("German") as a place; it is not scored, like NORP
        out.add((start, end, kind))
    return sorted(out)


# Where a noun phrase's head ends: a post-modifier (prepositional phrase, relative clause, apposition) follows it.
_POST_MODIFIER = re.compile(
    r",|\s\(|\s(?:of|which|who|whose|that|with|for|in|at|from|to|on|by|including|made|based|born|capable)\s"
)


def gold_head(text: str, start: int, end: int) -> tuple[int, int]:
    """The head word of an English noun phrase: the last word before its first post-modifier ("Steve Jobs,
    the Apple chief" -> "Jobs"; "the parent company of Airbus" -> "company"; "Apple's iPod" -> "iPod")."""
    cut = _POST_MODIFIER.search(text, start, end)
    stop = cut.start() if cut and cut.start() > start else end
    words = list(re.finditer(r"[\w’'.-]+", text[start:stop]))
    if not words:
        return start, end
    last = words[-1]
    return start + last.start(), start + last.end()


def matching_mention(text: str, start: int, end: int, mentions):
    """The system mention a gold mention is scored by: the one over its head word (names before pronouns and
    descriptions, as ``mentions`` lists them), else the one overlapping it most, else None."""
    head_start, head_end = gold_head(text, start, end)
    on_head = next((m for m in mentions if m.start < head_end and head_start < m.end), None)
    if on_head is not None:
        return on_head
    return max(
        (m for m in mentions if m.start < end and start < m.end),
        key=lambda m: min(m.end, end) - max(m.start, start),
        default=None,
    )


def crossdoc_items(doc: MeantimeDocument, mentions: list[EntityMention], n: int) -> list[tuple[str, str, bool]]:
    """(gold instance, predicted entity id, is a proper name) for every gold mention of a cross-document
    instance; the predicted id is that of the entity mention over its head word (``eval.fusion.matching_mention``),
    else a singleton."""
    items = []
    for k, (mention, instance) in enumerate(doc.entity_mentions()):
        if instance is None or not instance.instance_id:
            continue
        best = matching_mention(doc.text, mention.start, mention.end, mentions)
        system = best.entity_id if best is not None and best.entity_id else f"unmatched:{n}:{k}"
        items.append((instance.instance_id, system, mention.attrs.get("syntactic_type") in _NAME_TYPES))
    return items


def _bcubed(items: list[tuple[str, str, bool]]) -> dict:
    from newsfuse.eval.metrics import bcubed

    precision, recall, f1 = bcubed([s for _, s, _ in items], [g for g, _, _ in items]) if items else (0, 0, 0)
    return {"items": len(items), "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


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


def _score_newswire(doc: MeantimeDocument, entities, report: EntityReport) -> None:
    """The held-out-style contract: ``newswire_gold`` against predictions in the same opening; demonyms
    (NORP) are not scored, since MEANTIME does not annotate nationalities."""
    end = fully_annotated_end(doc)
    predicted = [m for m in entities if m.end <= end and m.label != "NORP"]
    scores = EntityReport()
    score_document(newswire_gold(doc), predicted_mentions(predicted, CONLL_PREDICTED), scores)
    for kind, score in scores.strict.items():
        if kind != "ALL":
            _add(report.newswire, kind, score.gold, score.predicted, score.true_positive)


def evaluate_entities(corpus: str | Path, models, limit: int | None = None) -> EntityReport:
    """Score entity mentions on every CAT XML file under ``corpus``."""
    from newsfuse.extract import extract_and_resolve

    docs = list(iter_corpus(corpus))[:limit]
    report = EntityReport(documents=len(docs))
    items: list[tuple[str, str, bool]] = []
    articles = [document_article(d) for d in docs]
    for n, (doc, extraction) in enumerate(zip(docs, extract_and_resolve(articles, models), strict=True)):
        limit_at = annotated_end(doc)
        predicted = [m for m in extraction.entities if m.end <= limit_at]
        score_document(gold_mentions(doc), predicted_mentions(predicted), report)
        conll = EntityReport()
        score_document(conll_gold(doc), predicted_mentions(predicted, CONLL_PREDICTED), conll)
        for kind, score in conll.strict.items():
            if kind != "ALL":  # ``_add`` counts each type into ALL itself
                _add(report.conll, kind, score.gold, score.predicted, score.true_positive)
        _score_newswire(doc, extraction.entities, report)
        items += crossdoc_items(doc, [*extraction.entities, *coreferent_mentions(extraction)], n)
    for scores, kinds in (
        (report.strict, SCORED_TYPES),
        (report.overlap, SCORED_TYPES),
        (report.conll, CONLL_TYPES),
        (report.newswire, CONLL_TYPES),
    ):
        ordered = {k: scores[k] for k in (*kinds, "ALL") if k in scores}
        scores.clear()
        scores.update(ordered)
    report.crossdoc = {"all": _bcubed(items), "proper_names": _bcubed([i for i in items if i[2]])}
    return report
