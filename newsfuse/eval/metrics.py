"""Clustering scores over two labellings of the same items: pairwise P/R/F1, B-cubed, ARI, V-measure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure


@dataclass(frozen=True, slots=True)
class ClusterScores:
    items: int
    predicted_clusters: int
    gold_clusters: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    ari: float
    v_measure: float

    def to_json(self) -> dict:
        return {
            name: (round(getattr(self, name), 4) if isinstance(getattr(self, name), float) else getattr(self, name))
            for name in self.__slots__
        }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(predicted: list[Hashable], gold: list[Hashable]) -> tuple[float, float, float]:
    """Precision, recall and F1 over item pairs put together (counted from the contingency table)."""
    joint = sum(_pairs(n) for n in Counter(zip(predicted, gold, strict=True)).values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted).values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold).values())
    precision = joint / predicted_pairs if predicted_pairs else 1.0
    recall = joint / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def bcubed(predicted: list[Hashable], gold: list[Hashable]) -> tuple[float, float, float]:
    """Item-averaged precision and recall of each item's cluster against its gold cluster."""
    joint = Counter(zip(predicted, gold, strict=True))
    predicted_sizes, gold_sizes = Counter(predicted), Counter(gold)
    n = len(predicted)
    if not n:
        return 1.0, 1.0, 1.0
    precision = sum(count * count / predicted_sizes[p] for (p, _), count in joint.items()) / n
    recall = sum(count * count / gold_sizes[g] for (_, g), count in joint.items()) / n
    return precision, recall, _f1(precision, recall)


def score_clusters(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> ClusterScores:
    """Scores over the items both labellings cover (items missing from ``predicted`` become singletons)."""
    items = sorted(gold)
    pred = [predicted.get(item, ("singleton", item)) for item in items]
    truth = [gold[item] for item in items]
    pp, pr, pf = pairwise(pred, truth)
    bp, br, bf = bcubed(pred, truth)
    _, _, v = homogeneity_completeness_v_measure([str(x) for x in truth], [str(x) for x in pred])
    return ClusterScores(
        items=len(items),
        predicted_clusters=len(set(pred)),
        gold_clusters=len(set(truth)),
        pairwise_precision=pp,
        pairwise_recall=pr,
        pairwise_f1=pf,
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=bf,
        ari=float(adjusted_rand_score([str(x) for x in truth], [str(x) for x in pred])),
        v_measure=float(v),
    )
