"""``newsfuse eval fusion``: cross-document entity resolution (B-cubed) and event time anchors on MEANTIME-format corpora.

Entities: every gold ``ENTITY_MENTION`` that refers to a cross-document instance (an ``ENTITY``
with an ``instance_id``) is a gold item, clustered by instance. Its system cluster is the
``entity_id`` (or folded-name key, as fusion uses it) of the extracted mention over the gold
mention's head word (``gold_head``: "Boeing" in "United States airframer Boeing", "company" in "the
parent company of Airbus"), else of the one overlapping it most; unmatched gold mentions are
singletons. Largest overlap alone gave "the American computer company Apple" to "American". B-cubed precision, recall and F1 are averaged over
gold items, over all of them and over the proper-name mentions alone (``syntactic_type`` NAM,
PRE.NAM), since pronouns and common nouns are beyond name resolution. Extraction runs across the
whole corpus with resolution, as ``newsfuse extract`` does.

Time anchors: an ``EVENT_MENTION`` that a TLINK ties (SIMULTANEOUS, IS_INCLUDED, INCLUDES, DURING)
to a dated TIMEX3 has that TIMEX3 value as its gold anchor. The system anchor is the time of the
claim whose event word overlaps the mention, or, without one, the article's publication date
(the record's own fallback). Scored: exact value, and compatible (one value's span contains the
other's); the same scores for always answering the creation time are reported as a baseline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.eval.dates import document_article
from newsfuse.eval.entities import matching_mention
from newsfuse.eval.meantime import MeantimeDocument, Mention, iter_corpus
from newsfuse.fuse.claims import FusionModels, build_claims, with_entities
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.values import day_bounds
from newsfuse.records.mentions import ArticleExtraction
from newsfuse.resolve.coref import coreferent_mentions
from newsfuse.settings import Settings

ANCHOR_RELATIONS = {"SIMULTANEOUS", "IS_INCLUDED", "INCLUDES", "DURING"}


@dataclass
class AnchorScore:
    gold: int = 0
    exact: int = 0
    compatible: int = 0
    from_claims: int = 0  # anchors taken from a claim's own time (not the publication-date fallback)
    baseline_exact: int = 0
    baseline_compatible: int = 0

    def rate(self, count: int) -> float:
        return round(count / self.gold, 4) if self.gold else 0.0


@dataclass
class FusionReport:
    documents: int = 0
    entity_items: int = 0
    entity_instances: int = 0
    bcubed_precision: float = 0.0
    bcubed_recall: float = 0.0
    named_items: int = 0  # gold mentions that are proper names (syntactic_type NAM / PRE.NAM)
    named_precision: float = 0.0
    named_recall: float = 0.0
    anchors: AnchorScore = field(default_factory=AnchorScore)

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def to_json(self) -> dict:
        a = self.anchors
        return {
            "documents": self.documents,
            "entities": {
                "gold_mentions": self.entity_items,
                "gold_instances": self.entity_instances,
                "bcubed_precision": round(self.bcubed_precision, 4),
                "bcubed_recall": round(self.bcubed_recall, 4),
                "bcubed_f1": self.bcubed_f1,
                "named_mentions": self.named_items,
                "named_bcubed_precision": round(self.named_precision, 4),
                "named_bcubed_recall": round(self.named_recall, 4),
                "named_bcubed_f1": _f1(self.named_precision, self.named_recall),
            },
            "time_anchors": {
                "gold_events": a.gold,
                "accuracy": a.rate(a.exact),
                "compatible": a.rate(a.compatible),
                "from_claims": a.rate(a.from_claims),
                "baseline_creation_time": {
                    "accuracy": a.rate(a.baseline_exact),
                    "compatible": a.rate(a.baseline_compatible),
                },
            },
        }

    def table_rows(self) -> list[tuple[str, str]]:
        data = self.to_json()
        rows = [("documents", str(self.documents))]
        rows += [(f"entities {k}", str(v)) for k, v in data["entities"].items()]
        anchors = data["time_anchors"]
        rows += [(f"time anchors {k}", str(v)) for k, v in anchors.items() if k != "baseline_creation_time"]
        rows += [
            (f"time anchors baseline (creation time) {k}", str(v)) for k, v in anchors["baseline_creation_time"].items()
        ]
        return rows


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def evaluate_fusion(corpus: str | Path, settings: Settings | None = None, *, limit: int | None = None) -> FusionReport:
    from newsfuse.extract import extract_and_resolve, load_models

    settings = settings or Settings()
    documents = list(iter_corpus(corpus))[:limit] if limit else list(iter_corpus(corpus))
    articles = [document_article(d) for d in documents]
    extractions = list(extract_and_resolve(articles, load_models(settings.gazetteers)))
    by_article = {x.article_id: x for x in extractions}
    report = FusionReport(documents=len(documents))
    entities = EntityIndex.build(extractions)
    _score_entities(documents, [by_article.get(a.id) for a in articles], entities, report)
    models = FusionModels.load()
    for document, article, doc in zip(documents, articles, models.nlp.pipe(a.text for a in articles), strict=True):
        extraction = by_article.get(article.id) or ArticleExtraction(article.id, None, article.published)
        doc = with_entities(doc, extraction)  # the fusion parser runs no NER: extraction's entities go on it
        claims = build_claims(article, extraction, models, entities, doc=doc, every_event=True)
        _score_anchors(document, claims, report.anchors)
    return report


def gold_entity_items(document: MeantimeDocument) -> list[tuple[Mention, str]]:
    """Entity mentions referring to a cross-document instance, with that instance's id."""
    return [(m, i.instance_id) for m, i in document.entity_mentions() if i is not None and i.instance_id]


def _score_entities(documents, extractions, entities: EntityIndex, report: FusionReport) -> None:
    """B-cubed over all gold cross-document mentions, and over the proper-name ones alone."""
    gold: list[str] = []
    system: list[str] = []
    named: list[bool] = []
    for n, (document, extraction) in enumerate(zip(documents, extractions, strict=True)):
        # names first, so a pronoun or description overlapping a gold mention as much as a name does not win
        mentions = [*extraction.entities, *coreferent_mentions(extraction)] if extraction else []
        for k, (mention, instance) in enumerate(gold_entity_items(document)):
            best = matching_mention(document.text, mention.start, mention.end, mentions)
            gold.append(instance)
            system.append(entities.key(best) if best is not None else f"unmatched:{n}:{k}")
            named.append(mention.attrs.get("syntactic_type") in {"NAM", "PRE.NAM"})
    report.entity_items = len(gold)
    report.entity_instances = len(set(gold))
    report.bcubed_precision, report.bcubed_recall = bcubed(gold, system)
    keep = [i for i, is_name in enumerate(named) if is_name]
    report.named_items = len(keep)
    report.named_precision, report.named_recall = bcubed([gold[i] for i in keep], [system[i] for i in keep])


def bcubed(gold: list[str], system: list[str]) -> tuple[float, float]:
    """B-cubed precision and recall of ``system`` labels against ``gold`` labels over the same items."""
    if not gold:
        return 0.0, 0.0
    pair = Counter(zip(gold, system, strict=True))
    gold_size, system_size = Counter(gold), Counter(system)
    precision = sum(pair[(g, s)] / system_size[s] for g, s in zip(gold, system, strict=True)) / len(gold)
    recall = sum(pair[(g, s)] / gold_size[g] for g, s in zip(gold, system, strict=True)) / len(gold)
    return precision, recall


def gold_anchors(document: MeantimeDocument) -> list[tuple[Mention, str]]:
    """Event mentions with the dated TIMEX3 value a TLINK anchors them to."""
    by_id = {m.m_id: m for m in document.mentions}
    anchors: dict[str, tuple[Mention, str]] = {}
    for relation in document.relations:
        if relation.tag != "TLINK" or relation.attrs.get("reltype") not in ANCHOR_RELATIONS:
            continue
        ends = [by_id.get(x) for x in (*relation.sources, *relation.targets)]
        events = [m for m in ends if m is not None and m.tag == "EVENT_MENTION"]
        timexes = [m for m in ends if m is not None and m.tag == "TIMEX3" and m.attrs.get("type", "DATE") == "DATE"]
        if len(events) == 1 and len(timexes) == 1 and day_bounds(timexes[0].attrs.get("value")):
            anchors.setdefault(events[0].m_id, (events[0], timexes[0].attrs["value"]))
    return list(anchors.values())


def _compatible(a: str | None, b: str | None) -> bool:
    span_a, span_b = day_bounds(a), day_bounds(b)
    if span_a is None or span_b is None:
        return False
    return span_a[0] <= span_b[0] and span_b[1] <= span_a[1] or span_b[0] <= span_a[0] and span_a[1] <= span_b[1]


def _score_anchors(document: MeantimeDocument, claims, score: AnchorScore) -> None:
    by_trigger: dict[int, list] = defaultdict(list)
    for claim in claims:
        evidence = claim.evidence[0]
        if evidence.trigger_start is not None:
            by_trigger[evidence.trigger_start].append(claim)
    dct = document.dct[:10] if document.dct else None
    for mention, value in gold_anchors(document):
        found = [c for start, cs in by_trigger.items() if mention.start <= start < mention.end for c in cs]
        timed = next((c.time.value for c in found if c.time and c.time.value and "/" not in c.time.value), None)
        predicted = timed or dct
        score.gold += 1
        score.from_claims += timed is not None
        score.exact += predicted == value
        score.compatible += _compatible(predicted, value)
        score.baseline_exact += dct == value
        score.baseline_compatible += _compatible(dct, value)
