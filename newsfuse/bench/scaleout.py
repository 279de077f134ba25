"""Scale-out: the whole pipeline in-process against Ray with 1 and 2 workers, on the same stored articles, in one run.

ECB+ articles (``../shared/data/ecbplus``, or NEWSFUSE_SHARED) are ingested once (store only) and
the store is copied per configuration; each configuration then runs ``pipeline.process`` in a
fresh process of its own (a Ray driver's threads must not colour the in-process run):

- in-process (the baseline): ``--engine local``, extraction in forked workers, one per core;
- Ray, 1 worker and 2 workers: ``--engine ray`` on a local Ray of that many CPUs (one actor each),
  the driver clustering, resolving and writing.

Start-up (Ray and every worker's models) is timed apart from the pipeline, which is timed per
stage: the in-process rows are the per-core rates ``docs/scaling.md`` plans with, and the driver's
share shows where the bottleneck moves once the heavy stages are spread out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from newsfuse.bench.report import BenchRow

CONFIGS = {"in-process": ("local", 0), "ray-1": ("ray", 1), "ray-2": ("ray", 2)}
STAGES = ("dedup", "cluster", "extract", "fuse")


def _corpus() -> Path | None:
    shared = Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")
    path = shared / "data" / "ecbplus" / "articles.jsonl"
    return path if path.exists() else None


def run(quick: bool) -> list[BenchRow]:
    corpus = _corpus()
    if corpus is None:
        return [BenchRow("scaleout", "articles/s", 0.0, "articles/s", note="skipped: ../shared/data/ecbplus not found")]
    count = 48 if quick else 150
    with tempfile.TemporaryDirectory(prefix="newsfuse-scaleout-") as folder:
        base = _ingested(corpus, count, Path(folder))
        timings = {name: _child(name, base, Path(folder)) for name in CONFIGS}
    return _rows(timings, count)


def _ingested(corpus: Path, count: int, folder: Path) -> Path:
    from newsfuse.ingest import ingest
    from newsfuse.settings import load_settings
    from newsfuse.store import open_store

    source = folder / "articles.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        source.write_text("".join(islice(lines, count)), encoding="utf-8")
    db = folder / "ingested.db"
    with open_store(db) as store:
        ingest([str(source)], store, load_settings(db=db))
    return db


def _child(name: str, base: Path, folder: Path) -> dict:
    db = folder / f"{name}.db"
    shutil.copy(base, db)
    engine, workers = CONFIGS[name]
    command = [sys.executable, "-m", "newsfuse.bench.scaleout", engine, str(workers), str(db)]
    print(f"scaleout: {name} ...", file=sys.stderr)
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout)


def _rows(timings: dict[str, dict], count: int) -> list[BenchRow]:
    base = timings["in-process"]
    rows = []
    for name, seen in timings.items():
        baseline = None if name == "in-process" else count / base["pipeline_s"]
        stages = ", ".join(f"{s} {seen['stages'][s]:.1f}s" for s in STAGES)
        rows.append(
            BenchRow(
                "scaleout",
                f"{name}: articles/s, whole pipeline after start-up",
                count / seen["pipeline_s"],
                "articles/s",
                baseline,
                None if baseline is None else "in-process",
                f"{count} ECB+ articles; {stages}; start-up {seen['startup_s']:.1f}s",
            )
        )
    for name, seen in timings.items():
        rows.append(BenchRow("scaleout", f"{name}: start-up (engine, models)", seen["startup_s"], "s"))
    return rows


def child(engine: str, workers: int, db: Path) -> dict:
    """Runs in the configuration's own process: start-up, then ``pipeline.process`` timed per stage."""
    from newsfuse.pipeline import PipelineModels, pending_articles, process
    from newsfuse.settings import load_settings
    from newsfuse.store import open_store

    started = time.perf_counter()
    settings = load_settings(db=db, workers=workers or None)
    executor = None
    if engine == "ray":
        import ray

        from newsfuse.engine import open_engine

        ray.init(num_cpus=workers, include_dashboard=False, object_store_memory=200 * 1024 * 1024)
        executor = open_engine("ray", settings)
    models = PipelineModels(settings, engine=executor)
    with open_store(db) as store:
        ids = pending_articles(store)
        _warm(models, executor, store.get_articles(ids[:1]))
        startup = time.perf_counter() - started
        marks: list[tuple[str, float]] = []
        begun = time.perf_counter()
        process(store, ids, settings, models, on_stage=lambda stage: marks.append((stage, time.perf_counter())))
        ended = time.perf_counter()
    if executor is not None:
        executor.close()
    bounds = [t for _, t in marks] + [ended]
    stages = {stage: bounds[i + 1] - t for i, (stage, t) in enumerate(marks)}
    return {"startup_s": startup, "pipeline_s": ended - begun, "stages": stages}


def _warm(models, executor, sample) -> None:
    """Every model loaded before the clock starts: here, or on every worker (one batch each, in turn)."""
    from newsfuse.engine.stages import EMBED, EXTRACT, FUSION_PARSER

    models.extraction(), models.cluster(), models.fusion()
    if executor is not None:
        turns = executor.workers()
        for stage, batch in ((EXTRACT, sample), (EMBED, ["warm-up"]), (FUSION_PARSER, [None])):
            list(executor.map(stage, [batch] * turns))


if __name__ == "__main__":
    from newsfuse.cli.main import single_thread_blas

    single_thread_blas()
    sys.stdout.write(json.dumps(child(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))) + "\n")
