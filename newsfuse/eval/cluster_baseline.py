"""The plain baseline ``eval cluster`` prints beside newsfuse: TF-IDF average-link at one fixed threshold.

Every corpus is scored at the same cosine threshold (0.25, chosen once; never per corpus), so the gap
between newsfuse and a plain method is always in view and cannot be closed by tuning the baseline.
Sub-linear term frequencies, English stopwords, title and body together, as a textbook would do it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.eval.metrics import ClusterScores, score_clusters
from newsfuse.records.article import Article

BASELINE_THRESHOLD = 0.25  # cosine similarity at which average-link stops merging, for every corpus


def baseline_labels(texts: Sequence[str], threshold: float = BASELINE_THRESHOLD) -> list[int]:
    """Cluster labels of ``texts`` by TF-IDF cosine, average linkage, cut at ``threshold``."""
    if len(texts) < 2:
        return [1] * len(texts)
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    similarity = (matrix @ matrix.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(label) for label in fcluster(tree, 1.0 - threshold, criterion="distance")]


def baseline_scores(articles: Sequence[Article], gold: dict[str, str]) -> ClusterScores:
    """The baseline's scores on the gold-labelled ``articles`` (the same documents newsfuse is scored on)."""
    scored = [a for a in articles if a.external_id in gold]
    labels = baseline_labels([f"{a.title}\n{a.text}" if a.title else a.text for a in scored])
    return score_clusters({a.external_id: label for a, label in zip(scored, labels, strict=True)}, gold)
