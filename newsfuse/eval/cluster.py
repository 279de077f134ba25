"""``newsfuse eval cluster``: ingest a gold-annotated corpus into a fresh store, cluster it, score it.

Articles are JSONL read by the ingest stage (``{"id", "title", "text", ...}``); gold is JSONL of
``{"id", <cluster field>}`` where the cluster field is ``subtopic``, ``event`` or ``cluster``. The same
``dedup.update`` and ``cluster.update`` users run produce the clusters. ``orders`` > 1 re-runs on
shuffled input orders to show how much the streaming result depends on arrival order. Beside each
corpus's figures: the fixed-threshold TF-IDF baseline on the same documents (``cluster_baseline.py``)
and the ``duplicate_of`` / ``derived_from`` links that join two different gold clusters (should be 0).
A corpus folder holds ``articles.jsonl`` and ``gold.jsonl``; several are scored in one run.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse import cluster, dedup
from newsfuse.errors import InputError
from newsfuse.eval.cluster_baseline import BASELINE_THRESHOLD, baseline_scores
from newsfuse.eval.metrics import ClusterScores, score_clusters
from newsfuse.ingest import read_documents, store_articles
from newsfuse.records.article import Article
from newsfuse.settings import Settings
from newsfuse.store import open_store

_GOLD_FIELDS = ("subtopic", "event", "cluster", "event_id", "label")


@dataclass(frozen=True, slots=True)
class OrderRun:
    seed: int | None  # None: the input order as given
    scores: ClusterScores
    seconds: float
    cross_links: dict[str, int] = field(default_factory=dict)  # relation -> links joining two gold clusters
    # The same run scored on the gold clusters of two reports or more: the shape of a curated incident corpus
    # (few singletons), where recall weighs more than on a pool of mostly single reports.
    multi: ClusterScores | None = None


@dataclass(slots=True)
class ClusterEvalReport:
    articles: int
    embeddings: bool
    runs: list[OrderRun] = field(default_factory=list)
    baseline: ClusterScores | None = None  # TF-IDF average-link at BASELINE_THRESHOLD, same documents
    name: str = ""

    def f1_spread(self) -> float:
        values = [r.scores.pairwise_f1 for r in self.runs]
        return max(values) - min(values) if values else 0.0

    def to_json(self) -> dict:
        f1 = [r.scores.pairwise_f1 for r in self.runs]
        return {
            "name": self.name,
            "articles": self.articles,
            "embeddings": self.embeddings,
            "runs": [
                {
                    "seed": r.seed,
                    "seconds": round(r.seconds, 2),
                    "cross_links": r.cross_links,
                    **r.scores.to_json(),
                    "multi_report_clusters": None if r.multi is None else r.multi.to_json(),
                }
                for r in self.runs
            ],
            "baseline": None
            if self.baseline is None
            else {"method": "tfidf-average-link", "threshold": BASELINE_THRESHOLD, **self.baseline.to_json()},
            "pairwise_f1_mean": round(statistics.fmean(f1), 4) if f1 else None,
            "pairwise_f1_spread": round(self.f1_spread(), 4),
        }


def read_gold(path: str | Path) -> dict[str, str]:
    gold: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not JSON: {exc.msg}", f"line {number}") from exc
            label = next((record[f] for f in _GOLD_FIELDS if f in record), None)
            if "id" not in record or label is None:
                raise InputError(str(path), f"needs 'id' and one of {', '.join(_GOLD_FIELDS)}", f"line {number}")
            gold[str(record["id"])] = str(label)
    return gold


def read_articles(path: str | Path, settings: Settings) -> list[Article]:
    """The corpus as the ingest stage reads it (skipped records are left out, as ingest would)."""
    return [item for item in read_documents([str(path)], settings) if isinstance(item, Article)]


def run_once(
    articles: list[Article],
    gold: dict[str, str],
    settings: Settings,
    models,
    seed: int | None,
    vectors: dict | None = None,
) -> tuple[OrderRun, dict]:
    """Ingest ``articles`` (shuffled by ``seed``) into a temporary store, dedup, cluster, score."""
    ordered = list(articles)
    if seed is not None:
        random.Random(seed).shuffle(ordered)
    with tempfile.TemporaryDirectory(prefix="newsfuse-eval-") as folder, open_store(Path(folder) / "eval.db") as store:
        report = store_articles(ordered, store, settings.batch_size)
        if vectors and models is not None and getattr(models, "embedder", None) is not None:
            store.save_vectors(models.embedder.name, {k: v for k, v in vectors.items() if k in set(report.new)})
        started = time.perf_counter()
        ids = list(report.new)
        dedup.update(store, ids, settings)
        cluster.update(store, ids, settings, models)
        seconds = time.perf_counter() - started
        # An article in no event (a page with no content of its own) is a cluster of its own.
        event_of = {a.id: store.event_of(a.id) or f"none:{a.id}" for a in ordered}
        predicted = {a.external_id: event_of[a.id] for a in ordered if a.external_id in gold}
        cross = cross_cluster_links(store, {a.id: gold.get(a.external_id or "") for a in ordered})
        kept = {}
        if models is not None and getattr(models, "embedder", None) is not None and settings.use_embeddings:
            kept = store.load_vectors(models.embedder.name, ids)
    return OrderRun(seed, score_clusters(predicted, gold), seconds, cross, multi_report_scores(predicted, gold)), kept


def multi_report_scores(predicted: dict[str, str], gold: dict[str, str]) -> ClusterScores | None:
    """Scores over the articles whose gold cluster has two reports or more (None when there are none)."""
    sizes = Counter(gold[key] for key in predicted if key in gold)
    kept = {key: label for key, label in gold.items() if key in predicted and sizes[label] >= 2}
    if not kept:
        return None
    return score_clusters({key: predicted[key] for key in kept}, kept)


def cross_cluster_links(store, gold_of: dict[str, str | None]) -> dict[str, int]:
    """Copy and rewrite links whose two articles belong to different gold clusters, by relation."""
    counts = {"duplicate_of": 0, "derived_from": 0}
    for link in store.iter_links():
        source, target = gold_of.get(link.article_id), gold_of.get(link.target)
        if source is not None and target is not None and source != target:
            counts[link.relation] += 1
    return counts


def evaluate_clusters(
    articles_path: str | Path, gold_path: str | Path, settings: Settings | None = None, models=None, orders: int = 1
) -> ClusterEvalReport:
    """Score clustering on a corpus; ``orders`` runs (the first in input order, then shuffled)."""
    settings = settings or Settings()
    gold = read_gold(gold_path)
    articles = read_articles(articles_path, settings)
    if not articles:
        raise InputError(str(articles_path), "no articles could be read")
    with_embeddings = settings.use_embeddings and getattr(models, "embedder", None) is not None
    report = ClusterEvalReport(len(articles), with_embeddings, baseline=baseline_scores(articles, gold))
    report.name = Path(articles_path).parent.name
    vectors: dict = {}
    for run in range(orders):
        result, kept = run_once(articles, gold, settings, models, None if run == 0 else run, vectors)
        vectors = vectors or kept
        report.runs.append(result)
    return report


def corpus_files(folder: str | Path) -> tuple[Path, Path]:
    """``articles.jsonl`` and ``gold.jsonl`` of a corpus folder."""
    folder = Path(folder)
    paths = folder / "articles.jsonl", folder / "gold.jsonl"
    for path in paths:
        if not path.is_file():
            raise InputError(str(folder), f"no {path.name} in this corpus folder")
    return paths
