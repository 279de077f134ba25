"""Store backends: ingest and whole-pipeline throughput on PostgreSQL against SQLite, in the same run.

PostgreSQL is a local server this benchmark starts (``store/postgres/server.py``: a unix socket, small
shared_buffers, fsync off, as in the tests), so its figures are the backend's own cost, not a network's.
Corpus: ECB+ ``articles.jsonl`` from ``../shared/data`` when present (else generated reports). Rows:
the ingest stage (one process), four concurrent ingest processes of overlapping quarters, bare batch
writes (``add_articles``), and the whole pipeline (dedup, cluster, extract, fuse) on one core.
"""

from __future__ import annotations

import json
import multiprocessing
import tempfile
import time
from pathlib import Path

from newsfuse.bench.ingest import _corpus
from newsfuse.bench.report import BenchRow
from newsfuse.records import Article, content_id
from newsfuse.settings import Settings
from newsfuse.store import open_store


def run(quick: bool) -> list[BenchRow]:
    from newsfuse.store.postgres.server import start_server

    server = start_server()
    try:
        with tempfile.TemporaryDirectory(prefix="newsfuse-bench-store-") as folder:
            return _measure(Path(folder), server, quick)
    finally:
        server.stop()


def _measure(folder: Path, server, quick: bool) -> list[BenchRow]:
    corpus, label = _corpus(folder, limit=300 if quick else 1500)
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline_n = 40 if quick else 100
    stores = {"sqlite": lambda name: str(folder / f"{name}.db"), "postgresql": server.create}
    rates: dict[str, dict[str, float]] = {}
    for backend, make in stores.items():
        rates[backend] = {
            "ingest": _ingest_rate(make(f"ingest_{backend}"), corpus, len(lines)),
            "concurrent": _concurrent_rate(make(f"conc_{backend}"), folder, lines, backend),
            "bare": _bare_rate(make(f"bare_{backend}"), lines),
        }
        rates[backend]["pipeline"], rates[backend]["bytes"] = _pipeline_rate(
            make(f"pipe_{backend}"), folder, lines[:pipeline_n], backend
        )
    note = f"{len(lines)} {label} articles; pipeline on {pipeline_n}, 1 worker"
    names = {
        "ingest": "articles/s ingest stage, 1 process",
        "concurrent": "articles/s ingest, 4 processes (overlapping quarters)",
        "bare": "articles/s add_articles batches of 200",
        "pipeline": "articles/s whole pipeline, 1 core",
    }
    rows = [
        BenchRow(
            "store", f"{names[k]} PostgreSQL", rates["postgresql"][k], "articles/s", rates["sqlite"][k], "SQLite", note
        )
        for k in names
    ]
    size = "KB stored per article after the whole pipeline (tables + indexes) PostgreSQL"
    kb = {backend: rates[backend]["bytes"] / 1024 for backend in rates}
    return [*rows, BenchRow("store", size, kb["postgresql"], "KB", kb["sqlite"], "SQLite", note)]


def _ingest_rate(location: str, corpus: Path, count: int) -> float:
    from newsfuse.ingest import LanguageDetector, ingest

    detector = LanguageDetector()
    with open_store(location) as store:
        start = time.perf_counter()
        ingest([str(corpus)], store, Settings(), detector=detector, progress=False)
        return count / (time.perf_counter() - start)


def _ingest_part(location: str, path: str) -> None:
    from newsfuse.ingest import ingest

    with open_store(location) as store:
        ingest([path], store, Settings(), progress=False)


def _concurrent_rate(location: str, folder: Path, lines: list[str], backend: str) -> float:
    """Four processes, each a half of the corpus starting at another quarter: every article stored twice over."""
    quarter = len(lines) // 4
    parts = []
    for k in range(4):
        path = folder / f"{backend}_part{k}.jsonl"
        path.write_text("\n".join((lines * 2)[k * quarter : k * quarter + 2 * quarter]) + "\n", encoding="utf-8")
        parts.append(str(path))
    open_store(location).close()  # migrated once, before the writers start
    context = multiprocessing.get_context("spawn")
    start = time.perf_counter()
    writers = [context.Process(target=_ingest_part, args=(location, p)) for p in parts]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    elapsed = time.perf_counter() - start
    with open_store(location) as store:
        assert store.count_articles() == len({content_id(*_title_text(x)) for x in lines[: 4 * quarter]})
    return 8 * quarter / elapsed  # articles handled (each stored once, seen twice)


def _title_text(line: str) -> tuple[str, str]:
    record = json.loads(line)
    return record.get("title", ""), record["text"]


def _bare_rate(location: str, lines: list[str]) -> float:
    articles = [Article(id=content_id(t, x), title=t, text=x) for t, x in map(_title_text, lines)]
    with open_store(location) as store:
        start = time.perf_counter()
        for i in range(0, len(articles), 200):
            store.add_articles(articles[i : i + 200])
        return len(articles) / (time.perf_counter() - start)


def _size(store) -> int:
    if store.backend == "postgresql":
        return store.db.query("SELECT pg_database_size(current_database())")[0][0]
    store.db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(store.location).stat().st_size


def _pipeline_rate(location: str, folder: Path, lines: list[str], backend: str) -> tuple[float, float]:
    """Articles per second through dedup, cluster, extract and fuse; and bytes stored per article."""
    from newsfuse.ingest import ingest
    from newsfuse.pipeline import PipelineModels, process

    path = folder / f"{backend}_pipeline.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings(workers=1)
    with open_store(location) as store:
        empty = _size(store)
        report = ingest([str(path)], store, settings, progress=False)
        models = PipelineModels(settings)
        models.extraction(), models.cluster(), models.fusion()  # loaded before the clock starts
        start = time.perf_counter()
        process(store, list(report.new), settings, models)
        rate = len(report.new) / (time.perf_counter() - start)
        return rate, (_size(store) - empty) / max(len(report.new), 1)
