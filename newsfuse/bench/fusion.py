"""Fusion as the pipeline runs it, against the previous fusion path on the same input in the same run.

Events are groups of real news articles: MEANTIME documents (``../shared/data/meantime``, or
NEWSFUSE_SHARED) taken five at a time in corpus order. Reports arrive one by one, and after each
arrival its event is fused again, as ``pipeline.process`` does for a stream. Extraction runs
first and is not timed.

- current: the fusion parser without NER (extraction found the entities), each article's parse
  kept in the store (``article_parses``), so a re-fusion parses only the new report;
- baseline (the previous path): the full spaCy pipeline, NER included, re-parsing every member of
  the event at each re-fusion, as fusion did before.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from newsfuse.bench.report import BenchRow, peak_rss_mb

GROUP = 5
ROUNDS = 2


def _corpus() -> Path | None:
    shared = Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
    corpus = shared / "data" / "meantime"
    return corpus if corpus.is_dir() else None


def _stream(groups, extractions, models, store) -> tuple[float, int]:
    """Fuse each event after each of its reports arrives; seconds and the claims of the final records."""
    from newsfuse.fuse.parse import parse_articles
    from newsfuse.fuse.record import fuse_event

    started, claims = time.perf_counter(), 0
    for group in groups:
        for n in range(1, len(group) + 1):
            members = group[:n]
            found = [extractions[a.id] for a in members if a.id in extractions]
            docs = parse_articles(members, models.nlp, store) if store is not None else None
            record = fuse_event(members, found, [], models=models, docs=docs)
        claims += len(record.claims)
    return time.perf_counter() - started, claims


def run(quick: bool) -> list[BenchRow]:
    import spacy

    from newsfuse.eval.dates import document_article
    from newsfuse.eval.meantime import iter_corpus
    from newsfuse.extract import extract_and_resolve, load_models
    from newsfuse.fuse.claims import FusionModels
    from newsfuse.fuse.parse import SPACY_MODEL
    from newsfuse.store import open_store

    corpus = _corpus()
    if corpus is None:
        return [BenchRow("fusion", "articles/s", 0.0, "articles/s", note="skipped: ../shared/data/meantime not found")]
    documents = list(iter_corpus(corpus))[: 10 if quick else 30]
    articles = [document_article(d) for d in documents]
    extractions = {x.article_id: x for x in extract_and_resolve(articles, load_models())}
    current, previous = FusionModels.load(), FusionModels(spacy.load(SPACY_MODEL))
    groups = [articles[i : i + GROUP] for i in range(0, len(articles), GROUP)]
    for models in (current, previous):
        list(models.nlp.pipe(a.text for a in articles[:GROUP]))  # warm-up
    new_seconds, old_seconds, claims = float("inf"), float("inf"), 0
    for _ in range(1 if quick else ROUNDS):  # alternate the two, keep each one's best: the machine is shared
        with tempfile.TemporaryDirectory(prefix="newsfuse-bench-") as folder, open_store(Path(folder) / "b.db") as s:
            seconds, claims = _stream(groups, extractions, current, s)
        new_seconds = min(new_seconds, seconds)
        old_seconds = min(old_seconds, _stream(groups, extractions, previous, None)[0])
    note = f"{len(articles)} MEANTIME articles, {GROUP} per event, re-fused after each arrival"
    return [
        BenchRow(
            "fusion",
            "articles/s through streamed fusion",
            len(articles) / new_seconds,
            "articles/s",
            len(articles) / old_seconds,
            "previous fusion (full pipeline with NER, every member re-parsed)",
            note,
        ),
        BenchRow("fusion", "claims in final records", float(claims), "claims"),
        BenchRow("fusion", "peak memory", peak_rss_mb(), "MB", note="extraction and both fusion parsers loaded"),
    ]
