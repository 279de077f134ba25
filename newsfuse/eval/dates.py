"""``newsfuse eval dates``: TIMEX3 value accuracy on a MEANTIME-format corpus, resolved against each document's DCT.

Each gold TIMEX3 written in the text is matched to the first extracted date mention that
overlaps it; the gold value must equal the mention's value (for a range mention, the end value
when the gold span lies in the range's second half). A gold timex with no overlapping mention
counts as wrong. DURATION timexes are scored against the extracted durations (ISO 8601). The
extraction runs through ``extract_and_resolve``, the code path ``newsfuse extract`` runs.

Two DATE figures are reported: ``date_accuracy`` counts the creation time's own mention (the
dateline, an easy absolute date), ``date_accuracy_excluding_dct`` does not. Both are given for
the whole corpus and for each sub-corpus (the folder a file sits in). ``spurious`` counts the
extracted date mentions that overlap no gold TIMEX3 at all, the precision side accuracy hides;
MEANTIME marks timexes only in a document's first sentences (the headline, the dateline and the
first few sentences of the body), so only mentions up to the last sentence that holds a TIMEX3
anywhere in the corpus are counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.eval.meantime import MeantimeDocument, Mention, iter_corpus
from newsfuse.records import Article
from newsfuse.records.mentions import DateMention, QuantityMention


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0  # an overlapping mention exists
    correct: int = 0  # and its value is the gold value

    @property
    def accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    def to_json(self) -> dict:
        return {"gold": self.gold, "found": self.found, "correct": self.correct, "accuracy": round(self.accuracy, 4)}


@dataclass
class DateReport:
    documents: int = 0
    by_type: dict[str, TypeScore] = field(default_factory=dict)
    creation_time: TypeScore = field(default_factory=TypeScore)  # DATE timexes that are the DCT's own mention
    errors: list[dict] = field(default_factory=list)
    predicted: int = 0  # extracted date mentions
    spurious: int = 0  # of which overlap no gold TIMEX3
    by_corpus: dict[str, DateReport] = field(default_factory=dict)

    def summary(self) -> dict:
        date = self.by_type.get("DATE", TypeScore())
        return {
            "documents": self.documents,
            "date_gold": self.all_dates().gold,
            "date_accuracy": round(self.date_accuracy(), 4),
            "date_gold_excluding_dct": date.gold,
            "date_accuracy_excluding_dct": round(date.accuracy, 4),
            "predicted_dates": self.predicted,
            "spurious_dates": self.spurious,
        }

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "by_type": {k: v.to_json() for k, v in sorted(self.by_type.items())},
            "creation_time": self.creation_time.to_json(),
            "date_all": self.all_dates().to_json(),
            "date_accuracy": round(self.date_accuracy(), 4),
            "date_accuracy_excluding_dct": round(self.by_type.get("DATE", TypeScore()).accuracy, 4),
            "predicted_dates": self.predicted,
            "spurious_dates": self.spurious,
            "by_corpus": {name: sub.summary() for name, sub in sorted(self.by_corpus.items())},
            "errors": self.errors,
        }

    def all_dates(self) -> TypeScore:
        """Every gold DATE: the body's and the creation time's own mentions (MEANTIME annotates the dateline)."""
        body, dateline = self.by_type.get("DATE", TypeScore()), self.creation_time
        return TypeScore(body.gold + dateline.gold, body.found + dateline.found, body.correct + dateline.correct)

    def date_accuracy(self) -> float:
        return self.all_dates().accuracy


def document_article(doc: MeantimeDocument) -> Article:
    """The MEANTIME document as the Article a user would ingest: its text, its creation time as publication date."""
    return Article(id=f"meantime_{doc.doc_id}", text=doc.text, title=doc.title, published=doc.dct, origin=doc.path)


def predicted_value(gold: Mention, mentions: Iterable[DateMention | QuantityMention]) -> tuple[bool, str | None]:
    for mention in mentions:
        if mention.start < gold.end and gold.start < mention.end:
            if getattr(mention, "end_value", None) and gold.start > (mention.start + mention.end) // 2:
                return True, mention.end_value
            return True, mention.value
    return False, None


def annotated_sentences(docs: Iterable[MeantimeDocument]) -> int:
    """The last sentence index that holds a TIMEX3 in any document: where the timex annotation stops."""
    last = 0
    for doc in docs:
        starts = {t.t_id: t.sentence for t in doc.tokens}
        for gold in doc.timexes():
            last = max([last] + [starts[t] for t in gold.t_ids if t in starts])
    return last


def score_document(
    doc: MeantimeDocument,
    dates: list[DateMention],
    report: DateReport,
    durations: list[QuantityMention] = (),
    last_sentence: int | None = None,
) -> None:
    """Score every gold TIMEX3; DURATION timexes are matched against the duration quantities.

    Date mentions before the end of sentence ``last_sentence`` (all, when None) count as predicted,
    and as spurious when they overlap no gold TIMEX3.
    """
    golds = doc.timexes()
    scope = [t.end for t in doc.tokens if last_sentence is None or t.sentence <= last_sentence]
    scoped = [m for m in dates if m.start < max(scope, default=0)]
    report.predicted += len(scoped)
    report.spurious += sum(not any(m.start < g.end and g.start < m.end for g in golds) for m in scoped)
    for gold in golds:
        kind = gold.attrs.get("type", "DATE")
        is_dct = gold.attrs.get("functionInDocument") == "CREATION_TIME"
        score = report.creation_time if is_dct else report.by_type.setdefault(kind, TypeScore())
        found, value = predicted_value(gold, durations if kind == "DURATION" else dates)
        score.gold += 1
        score.found += found
        if value == gold.attrs.get("value"):
            score.correct += 1
        elif not is_dct:
            report.errors.append(
                {
                    "doc": doc.doc_id,
                    "type": kind,
                    "text": gold.text,
                    "gold": gold.attrs.get("value"),
                    "predicted": value,
                    "dct": doc.dct,
                }
            )


def evaluate_dates(corpus: str | Path, models, limit: int | None = None) -> DateReport:
    """Score date extraction on every CAT XML file under ``corpus``."""
    from newsfuse.extract import extract_and_resolve

    docs = list(iter_corpus(corpus))[:limit]
    report = DateReport(documents=len(docs))
    last_sentence = annotated_sentences(docs)
    extractions = extract_and_resolve([document_article(d) for d in docs], models)
    for doc, extraction in zip(docs, extractions, strict=True):
        durations = [q for q in extraction.quantities if q.kind == "duration"]
        sub = report.by_corpus.setdefault(Path(doc.path).parent.name, DateReport())
        sub.documents += 1
        score_document(doc, list(extraction.dates), report, durations, last_sentence)
        score_document(doc, list(extraction.dates), sub, durations, last_sentence)
    return report


def error_summary(report: DateReport) -> Counter:
    return Counter((e["text"].lower(), e["gold"], e["predicted"]) for e in report.errors)
