"""Fusion throughput and memory: events fused per second, against parsing the same texts alone in the same run.

Events are groups of real news articles: MEANTIME documents (``../shared/data/meantime``, or
NEWSFUSE_SHARED) taken five at a time in corpus order, so each group shares its company and
topic. Extraction runs first and is not timed. The baseline is the spaCy parse fusion cannot do
without (``nlp.pipe`` over the same texts), so the ratio shows what claim building, merging,
independence counting and the record cost on top of it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from newsfuse.bench.report import BenchRow, peak_rss_mb

GROUP = 5
ROUNDS = 3


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _corpus() -> Path | None:
    shared = Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
    corpus = shared / "data" / "meantime"
    return corpus if corpus.is_dir() else None


def run(quick: bool) -> list[BenchRow]:
    from newsfuse.eval.dates import document_article
    from newsfuse.eval.meantime import iter_corpus
    from newsfuse.extract import extract_and_resolve, load_models
    from newsfuse.fuse.claims import FusionModels
    from newsfuse.fuse.record import fuse_event

    corpus = _corpus()
    if corpus is None:
        return [BenchRow("fusion", "events/s", 0.0, "events/s", note="skipped: ../shared/data/meantime not found")]
    documents = list(iter_corpus(corpus))[: 10 if quick else None]
    articles = [document_article(d) for d in documents]
    extractions = {x.article_id: x for x in extract_and_resolve(articles, load_models())}
    models = FusionModels.load()
    groups = [articles[i : i + GROUP] for i in range(0, len(articles), GROUP)]

    for _ in models.nlp.pipe(a.text for a in articles[:GROUP]):
        pass  # warm-up, so neither measurement pays for first-call setup

    def parse_only() -> None:
        for group in groups:  # in the same batches fusion parses them
            for _ in models.nlp.pipe(a.text for a in group):
                pass

    claims = 0

    def fuse_all() -> None:
        nonlocal claims
        claims = 0
        for group in groups:
            record = fuse_event(group, [extractions[a.id] for a in group if a.id in extractions], [], models=models)
            claims += len(record.claims)

    # the machine is shared: alternate the two and keep each one's best of ROUNDS
    parse_seconds, fuse_seconds = float("inf"), float("inf")
    for _ in range(1 if quick else ROUNDS):
        parse_seconds = min(parse_seconds, _timed(parse_only))
        fuse_seconds = min(fuse_seconds, _timed(fuse_all))

    words = sum(len(a.text.split()) for a in articles)
    note = (
        f"{len(articles)} MEANTIME articles, {words // max(1, len(articles))} words each on average, {GROUP} per event"
    )
    return [
        BenchRow(
            "fusion",
            "articles/s fused",
            len(articles) / fuse_seconds,
            "articles/s",
            len(articles) / parse_seconds,
            "spaCy parse only",
            note,
        ),
        BenchRow("fusion", "events/s fused", len(groups) / fuse_seconds, "events/s", note=f"{claims} fused claims"),
        BenchRow("fusion", "peak memory", peak_rss_mb(), "MB", note="extraction and fusion models loaded"),
    ]
