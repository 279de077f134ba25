"""Coreference scores over gold mentions: MUC, B-cubed, CEAF-e and their mean (the CoNLL F1).

Both labellings cover the same mentions (the "gold mentions" setting): ``key`` and ``response``
map each mention to a cluster label. Singletons count for B-cubed and CEAF-e, not for MUC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from newsfuse.eval.metrics import bcubed


@dataclass(frozen=True, slots=True)
class CorefScores:
    mentions: int
    key_clusters: int
    response_clusters: int
    muc: tuple[float, float, float]
    bcubed: tuple[float, float, float]
    ceafe: tuple[float, float, float]

    @property
    def conll_f1(self) -> float:
        return (self.muc[2] + self.bcubed[2] + self.ceafe[2]) / 3

    def to_json(self) -> dict:
        out: dict = {"mentions": self.mentions, "key_clusters": self.key_clusters}
        out["response_clusters"] = self.response_clusters
        for name in ("muc", "bcubed", "ceafe"):
            p, r, f = getattr(self, name)
            out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        out["conll_f1"] = round(self.conll_f1, 4)
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _clusters(labels: Mapping[str, Hashable]) -> list[set[str]]:
    groups: dict[Hashable, set[str]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return list(groups.values())


def _muc_recall(key: list[set[str]], response_of: Mapping[str, Hashable]) -> float:
    """Vilain et al.: links each key cluster needs, less the partitions the response cuts it into."""
    needed = sum(len(k) - 1 for k in key)
    if not needed:
        return 1.0
    found = sum(len(k) - len({response_of[m] for m in k}) for k in key)
    return found / needed


def muc(key: Mapping[str, Hashable], response: Mapping[str, Hashable]) -> tuple[float, float, float]:
    recall = _muc_recall(_clusters(key), response)
    precision = _muc_recall(_clusters(response), key)
    return precision, recall, _f1(precision, recall)


def ceafe(key: Mapping[str, Hashable], response: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """Luo's entity-based CEAF: the best one-to-one alignment of clusters by phi4 similarity."""
    gold, system = _clusters(key), _clusters(response)
    if not gold or not system:
        return 0.0, 0.0, 0.0
    index: dict[str, int] = {}
    for n, cluster in enumerate(system):
        for mention in cluster:
            index[mention] = n
    similarity = np.zeros((len(gold), len(system)))
    for g, cluster in enumerate(gold):
        overlaps: dict[int, int] = defaultdict(int)
        for mention in cluster:
            overlaps[index[mention]] += 1
        for s, shared in overlaps.items():
            similarity[g, s] = 2 * shared / (len(cluster) + len(system[s]))
    rows, cols = linear_sum_assignment(-similarity)
    total = similarity[rows, cols].sum()
    precision, recall = total / len(system), total / len(gold)
    return precision, recall, _f1(precision, recall)


def score_coreference(key: Mapping[str, Hashable], response: Mapping[str, Hashable]) -> CorefScores:
    """All three metrics over the key's mentions (a mention the response lacks is a singleton)."""
    items = sorted(key)
    response = {m: response.get(m, ("singleton", m)) for m in items}
    key = {m: key[m] for m in items}
    labels_key, labels_response = [key[m] for m in items], [response[m] for m in items]
    return CorefScores(
        mentions=len(items),
        key_clusters=len(set(labels_key)),
        response_clusters=len(set(labels_response)),
        muc=muc(key, response),
        bcubed=bcubed(labels_response, labels_key),
        ceafe=ceafe(key, response),
    )
