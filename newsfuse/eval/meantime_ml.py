"""``newsfuse eval multilingual``: clustering of one corpus in several languages, English-only beside multilingual.

The corpus (``../shared/data/meantime_ml``: MEANTIME's airbus and apple reports, each in English,
Spanish, Italian and Dutch, the translations published as separate articles) is clustered twice in
the same run, by the same ``dedup.update`` and ``cluster.update`` users run: once with English-only
models (MiniLM embeds every language, as before multilingual clustering) and once with the models
given (multilingual e5 for other languages and for comparing across them). Beside pair F1: the
recall of pairs across two languages, and monolingual mega-events (one event holding reports of
several gold events in one language, the failure of an English model on foreign text).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse import cluster, dedup
from newsfuse.cluster.embed import ClusterModels
from newsfuse.eval.cluster import corpus_files, read_articles, read_gold
from newsfuse.eval.metrics import ClusterScores, score_clusters
from newsfuse.ingest import store_articles
from newsfuse.records.article import Article
from newsfuse.settings import Settings
from newsfuse.store import open_store

# An event holding this many gold events' reports, nearly all in one language, is a monolingual mega-event.
MEGA_EVENTS_FROM = 3
MONOLINGUAL_SHARE = 0.75


@dataclass(frozen=True, slots=True)
class LanguageRun:
    """One clustering of the corpus and what it got right across and within languages."""

    name: str  # "english-only" or "multilingual"
    scores: ClusterScores
    cross_language_recall: float  # gold pairs in two languages put in one event
    mega_events: list[dict] = field(default_factory=list)  # {"language", "gold_events", "days"}
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "name": self.name,
            **self.scores.to_json(),
            "cross_language_recall": round(self.cross_language_recall, 4),
            "mega_events": self.mega_events,
            "seconds": round(self.seconds, 2),
        }


def cluster_corpus(articles: list[Article], settings: Settings, models) -> tuple[dict[str, str], float]:
    """Each article's event (by its input id) after dedup and clustering in a fresh store, and the seconds taken."""
    with tempfile.TemporaryDirectory(prefix="newsfuse-eval-") as folder, open_store(Path(folder) / "eval.db") as store:
        ids = list(store_articles(articles, store, settings.batch_size).new)
        started = time.perf_counter()
        dedup.update(store, ids, settings)
        cluster.update(store, ids, settings, models)
        seconds = time.perf_counter() - started
        return {a.external_id: store.event_of(a.id) or f"none:{a.id}" for a in articles if a.external_id}, seconds


def cross_language_recall(predicted: dict[str, str], gold: dict[str, str], language: dict[str, str]) -> float:
    members = defaultdict(list)
    for item, label in gold.items():
        if item in predicted:
            members[label].append(item)
    pairs = joined = 0
    for items in members.values():
        for n, a in enumerate(items):
            for b in items[n + 1 :]:
                if language.get(a) != language.get(b):
                    pairs += 1
                    joined += predicted[a] == predicted[b]
    return joined / pairs if pairs else 1.0


def mega_events(
    predicted: dict[str, str], gold: dict[str, str], language: dict[str, str], day: dict[str, int | None]
) -> list[dict]:
    """Events holding reports of ``MEGA_EVENTS_FROM`` or more gold events, nearly all (``MONOLINGUAL_SHARE``) in
    one language, with the days they span. A storyline joined in every language is a merge, not this."""
    found = []
    by_event = defaultdict(list)
    for item, event in predicted.items():
        if item in gold:
            by_event[event].append(item)
    for items in by_event.values():
        labels = Counter(gold[i] for i in items)
        code, count = Counter(language.get(i) for i in items).most_common(1)[0]
        if len(labels) >= MEGA_EVENTS_FROM and count >= MONOLINGUAL_SHARE * len(items):
            days = [day[i] for i in items if day.get(i) is not None]
            span = max(days) - min(days) if days else None
            found.append({"language": code, "gold_events": len(labels), "reports": len(items), "days": span})
    return sorted(found, key=lambda m: (-m["reports"], str(m["language"])))


def evaluate_multilingual(folder: str | Path, settings: Settings, models: ClusterModels) -> list[LanguageRun]:
    """The corpus clustered with English-only models, then with ``models``, scored side by side."""
    from newsfuse.cluster.features import article_day

    articles_path, gold_path = corpus_files(folder)
    gold = read_gold(gold_path)
    articles = read_articles(articles_path, settings)
    language = {a.external_id: a.language or "unknown" for a in articles if a.external_id}
    day = {a.external_id: article_day(a) for a in articles if a.external_id}
    english_only = ClusterModels(models.embedder, None)
    runs = []
    for name, chosen in (("english-only", english_only), ("multilingual", models)):
        predicted, seconds = cluster_corpus(articles, settings, chosen)
        recall = cross_language_recall(predicted, gold, language)
        megas = mega_events(predicted, gold, language, day)
        runs.append(LanguageRun(name, score_clusters(predicted, gold), recall, megas, seconds))
    return runs
