"""Whole-pipeline throughput as the watcher runs it, against spaCy's small full pipeline over the same texts.

The watcher's path: articles stored, then dedup, cluster (with embeddings), extract and fuse in
batches of 50 with models loaded once and indexes kept (``PipelineModels(keep_indexes=True)``),
extraction and fusion's parse in ``Settings.extraction_workers()`` worker processes.
Model loading is not timed (the watcher pays it once a day); a warm-up batch of other articles
runs first. The baselines, over the same texts in the same run: ``spacy.load(en_core_web_sm)``
with every component as shipped (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner; thinc's
default blis), ``nlp.pipe(texts, batch_size=32)`` in one process, before and after the pipeline,
and the same with ``n_process`` equal to the pipeline's worker count, twice after it (the faster
run of each counts).
Rates are per wall second and per CPU-second (this process, its children and its workers), since
other load on a shared machine slows both sides alike in wall time but not in CPU time. Each
stage's share of the pipeline's wall time is reported too.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from pathlib import Path

from newsfuse.bench.report import BenchRow, peak_rss_mb
from newsfuse.records import Article, content_id

BATCH = 50


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")


def ecb_articles(count: int, skip: int = 0) -> list[Article]:
    """ECB+ news reports (whole articles, in file order), or an empty list when the data is absent."""
    path = shared_dir() / "data" / "ecbplus" / "articles.jsonl"
    if not path.is_file():
        return []
    out = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n < skip or not line.strip():
                continue
            row = json.loads(line)
            title, text = row.get("title") or "", row["text"]
            out.append(
                Article(
                    id=content_id(title, text),
                    text=text,
                    title=title,
                    source=row.get("source") or "",
                    published=row.get("published"),
                    external_id=row.get("id"),
                    language="en",
                )
            )
            if len(out) >= count:
                break
    return out


def cpu_seconds(pids: list[int] = ()) -> float:
    """CPU seconds of this process, its finished children, and the running processes ``pids`` (Linux /proc)."""
    own = sum(
        getattr(resource.getrusage(who), f)
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        for f in ("ru_utime", "ru_stime")
    )
    ticks = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        own += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return own


def timed(work, pids: list[int] = ()) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, its children and ``pids``) of ``work()``."""
    wall, cpu = time.perf_counter(), cpu_seconds(pids)
    work()
    return time.perf_counter() - wall, cpu_seconds(pids) - cpu


def worker_pids(models) -> list[int]:
    pool = models.extraction().worker_pool
    return [p.pid for p in getattr(pool, "_pool", [])] if pool is not None else []


def run(quick: bool) -> list[BenchRow]:
    import spacy

    from newsfuse.extract.nlp import SPACY_MODEL
    from newsfuse.extract.pipeline import start_workers, stop_workers
    from newsfuse.pipeline import PipelineModels, process
    from newsfuse.settings import Settings
    from newsfuse.store import open_store

    count = 50 if quick else 150
    warm, batch = ecb_articles(10, skip=600), ecb_articles(count)
    if len(batch) < count:
        raise SystemExit("the watch benchmark needs ../shared/data/ecbplus/articles.jsonl")
    # The baseline runs before and after the pipeline and its faster run counts: other load on the
    # machine that comes and goes then cannot make the pipeline look better than it is.
    nlp = spacy.load(SPACY_MODEL)
    list(nlp.pipe(a.text for a in warm))
    settings = Settings()
    workers = settings.extraction_workers()
    texts = [a.text for a in batch]

    def spacy_alone(processes: int):
        return timed(lambda: list(nlp.pipe(texts, batch_size=32, n_process=processes)))

    # The n_process baseline runs only after the pipeline: its queue threads would slow the pipeline's
    # workers forked later (see ``start_workers``); it runs twice, the faster counts.
    baseline = [spacy_alone(1)]
    stages: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-") as folder:
        settings = Settings(db=Path(folder) / "w.db")
        with open_store(settings.db) as store:
            models = PipelineModels(settings, keep_indexes=True)
            start_workers(models.extraction())  # as the watcher does, before onnxruntime's threads
            store.add_articles(warm)
            process(store, [a.id for a in warm], settings, models)

            def pipeline() -> None:
                for start in range(0, count, BATCH):
                    chunk = batch[start : start + BATCH]
                    marks = [("store", time.perf_counter())]
                    store.add_articles(chunk, revisions=True)
                    process(store, [a.id for a in chunk], settings, models, on_stage=_marker(marks))
                    marks.append(("", time.perf_counter()))
                    for (name, began), (_, ended) in zip(marks, marks[1:], strict=False):
                        stages[name] = stages.get(name, 0.0) + ended - began

            wall, cpu = timed(pipeline, worker_pids(models))
            events = store.event_stats()["events"]
            stop_workers(models.extraction())
            parses = spacy_parts(models.extraction(), batch)
    baseline.append(spacy_alone(1))
    parallel = [spacy_alone(workers), spacy_alone(workers)]
    base_wall, base_cpu = min(wall for wall, _ in baseline), min(cpu for _, cpu in baseline)
    parallel_wall = min(wall for wall, _ in parallel)
    note = f"{count} ECB+ articles, batches of {BATCH}, {events} events, {workers} workers, {os.cpu_count()} CPUs"
    base = "spaCy en_core_web_sm full pipeline, 1 process"
    return [
        BenchRow(
            "watch", "whole pipeline articles/s (wall)", count / wall, "articles/s", count / base_wall, base, note
        ),
        BenchRow(
            "watch",
            "whole pipeline articles/s (wall), same process count",
            count / wall,
            "articles/s",
            count / parallel_wall,
            f"spaCy en_core_web_sm full pipeline, nlp.pipe(n_process={workers})",
            note,
        ),
        BenchRow(
            "watch",
            "whole pipeline articles per CPU-second",
            count / cpu,
            "articles/s",
            count / base_cpu,
            base,
            "this process and its extraction workers",
        ),
        *[
            BenchRow("watch", f"{name} share of pipeline wall time", seconds / wall, "share")
            for name, seconds in stages.items()
        ],
        *[
            BenchRow(
                "watch",
                f"{name} share of pipeline CPU",
                seconds / cpu,
                "share",
                note="the same texts through that part alone, one process, after the pipeline",
            )
            for name, seconds in parses.items()
        ],
        BenchRow("watch", "peak RSS", peak_rss_mb(), "MB"),
    ]


def spacy_parts(extraction, articles: list[Article]) -> dict[str, float]:
    """CPU seconds of the spaCy parts of the pipeline over ``articles``, one process: the NER on the
    re-cased text, fusion's parser, and each one's tokenizer alone (the two tokenisations of a text)."""
    from threadpoolctl import threadpool_limits

    from newsfuse.extract.truecase import truecase_headlines

    cased = [truecase_headlines(a.text) for a in articles]
    texts = [a.text for a in articles]
    size = extraction.batch_size
    with threadpool_limits(1, user_api="blas"):  # as the extraction workers run
        parts = {
            "spaCy NER (extraction)": lambda: list(extraction.nlp.pipe(cased, batch_size=size)),
            "spaCy parser (fusion)": lambda: list(extraction.parser.pipe(texts, batch_size=size)),
            "tokenizers (both)": lambda: [
                (extraction.nlp.tokenizer(a), extraction.parser.tokenizer(b)) for a, b in zip(cased, texts, strict=True)
            ],
        }
        return {name: timed(work)[1] for name, work in parts.items()}


def _marker(marks: list[tuple[str, float]]):
    """An ``on_stage`` callback noting when each stage starts."""
    return lambda name: marks.append((name, time.perf_counter()))
