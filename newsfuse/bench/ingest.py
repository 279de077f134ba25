"""Ingest throughput: the full stage against a bare JSON-to-SQLite loop, measured in the same run.

Corpus: ECB+ ``articles.jsonl`` from ``../shared/data`` (or ``NEWSFUSE_SHARED``) when present,
otherwise generated reports of similar length, so the benchmark always runs.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from newsfuse.bench.report import BenchRow, peak_rss_mb
from newsfuse.ingest import LanguageDetector, ingest
from newsfuse.ingest.html import read_html
from newsfuse.records import Article, content_id
from newsfuse.settings import Settings
from newsfuse.store import open_store


def run(quick: bool) -> list[BenchRow]:
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-") as folder:
        corpus, label = _corpus(Path(folder), limit=200 if quick else None)
        count = sum(1 for line in corpus.open() if line.strip())
        detector = LanguageDetector()
        baseline = _timed(lambda: _bare_load(corpus, Path(folder) / "bare.db"))
        with open_store(Path(folder) / "full.db") as store:
            full = _timed(lambda: ingest([str(corpus)], store, Settings(), detector=detector))
            again = _timed(lambda: ingest([str(corpus)], store, Settings(), detector=detector))
        pages = _pages(40 if quick else 200)
        html = _timed(lambda: [list(read_html(page, f"page-{i}.html")) for i, page in enumerate(pages)])
    note = f"{count} articles, {label}"
    return [
        BenchRow(
            "ingest",
            "articles/s JSONL, full stage",
            count / full,
            "articles/s",
            count / baseline,
            "json.loads+insert",
            note,
        ),
        BenchRow(
            "ingest",
            "articles/s re-ingest (all already stored)",
            count / again,
            "articles/s",
            count / full,
            "first ingest",
            note,
        ),
        BenchRow(
            "ingest", "pages/s HTML main-text extraction", len(pages) / html, "pages/s", note="trafilatura + htmldate"
        ),
        BenchRow("ingest", "peak RSS", peak_rss_mb(), "MB"),
    ]


def _bare_load(corpus: Path, db: Path) -> None:
    """The floor: parse each line and insert it in batches of the same size, no readers, no language."""
    with open_store(db) as store:
        batch: list[Article] = []
        for line in corpus.open(encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            batch.append(
                Article(
                    id=content_id(record.get("title", ""), record["text"]),
                    text=record["text"],
                    title=record.get("title", ""),
                )
            )
            if len(batch) >= 200:
                store.add_articles(batch)
                batch.clear()
        if batch:
            store.add_articles(batch)


def _corpus(folder: Path, limit: int | None) -> tuple[Path, str]:
    shared = Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
    ecb = shared / "data" / "ecbplus" / "articles.jsonl"
    lines: list[str]
    if ecb.is_file():
        lines, label = ecb.read_text(encoding="utf-8").splitlines(), "ECB+"
    else:
        sentence = "The council met on Tuesday to discuss the budget for road repairs in the northern districts."
        lines = [
            json.dumps({"id": f"g{i}", "title": f"Report {i}", "text": f"{sentence} Item {i}. " * 12})
            for i in range(2000)
        ]
        label = "generated"
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(lines[:limit]) + "\n", encoding="utf-8")
    return corpus, label


def _pages(count: int) -> list[str]:
    paragraph = "<p>The regional council approved the plan on Tuesday after a long debate about costs and timing.</p>"
    return [
        f"<html><head><title>Plan {i}</title><meta property='article:published_time' content='2024-03-0{1 + i % 9}'>"
        f"</head><body><nav>Home Sport Weather</nav><article><h1>Plan {i}</h1>{paragraph * 8}</article>"
        f"<footer>Copyright</footer></body></html>"
        for i in range(count)
    ]


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return max(time.perf_counter() - start, 1e-9)
