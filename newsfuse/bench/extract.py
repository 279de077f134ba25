"""Extraction throughput and memory on 600-word articles, against spaCy's full default pipeline in the same run.

Articles are real news (ECB+ texts from ``../shared/data``, cut to 600 words) when present, or
generated news-like text otherwise. The baseline is what a naive extractor would run: the full
``en_core_web_sm`` pipeline (tagger, parser, lemmatizer, NER) through ``nlp.pipe``, one process.
"""

from __future__ import annotations

import json
import os
import random
import resource
import time
from pathlib import Path

from newsfuse.bench.report import BenchRow, peak_rss_mb
from newsfuse.records import Article

WORDS = 600
_SENTENCES = [
    "{person}, the {title} of {org}, said on {weekday} that the company would invest {amount} in {city}.",
    "The talks in {city} lasted more than {hours} hours, according to officials familiar with the matter.",
    '"We are committed to working with our partners in {country}," {person} told reporters.',
    "{org} reported revenue of {amount} for fiscal {year}, up {percent} percent from a year earlier.",
    "Shares of {org} rose after the announcement on {month} {day}, analysts said.",
    "The agreement, signed in {city}, is expected to take effect by the end of {year}.",
]
_FILL = {
    "person": ["Maria Keller", "Ahmed Yilmaz", "Kenji Sato", "Laura Chen", "Pierre Dubois", "Olga Petrova"],
    "title": ["chief executive", "finance minister", "chairman", "spokeswoman"],
    "org": ["Northwind Aerospace", "Baltic Shipping", "Helios Energy", "Contoso Motors", "Fabrikam Bank"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "amount": ["$1.2 billion", "200 million euros", "8.8 trillion yen", "£45 million"],
    "city": ["Berlin", "Ankara", "Tokyo", "Toronto", "Madrid", "Nairobi"],
    "country": ["Germany", "Japan", "Brazil", "Kenya", "Canada"],
    "hours": ["two", "three", "four"],
    "year": ["2024", "2025", "2026"],
    "percent": ["3", "7", "12"],
    "month": ["January", "March", "August", "October"],
    "day": ["3", "14", "22", "28"],
}


def _shared_dir() -> Path:
    return Path(os.environ.get("NEWSFUSE_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared")


def _from_corpus(count: int) -> list[str]:
    path = _shared_dir() / "data" / "ecbplus" / "articles.jsonl"
    if not path.is_file():
        return []
    texts, words = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            words.extend(json.loads(line)["text"].split())
            while len(words) >= WORDS and len(texts) < count:
                texts.append(" ".join(words[:WORDS]))
                words = words[WORDS:]
            if len(texts) >= count:
                break
    return texts


def _generated(count: int) -> list[str]:
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        words: list[str] = []
        while len(words) < WORDS:
            template = rng.choice(_SENTENCES)
            words.extend(template.format(**{k: rng.choice(v) for k, v in _FILL.items()}).split())
        texts.append(" ".join(words[:WORDS]))
    return texts


def articles(count: int) -> tuple[list[Article], str]:
    texts = _from_corpus(count)
    origin = "ECB+ news"
    if len(texts) < count:
        texts, origin = _generated(count), "generated"
    return [Article(id=f"bench_{i}", text=t, published="2025-08-19") for i, t in enumerate(texts)], origin


def _rate(run, batch) -> float:
    started = time.perf_counter()
    run(batch)
    return len(batch) / (time.perf_counter() - started)


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _cpu_rate(run, batch, workers: bool = False) -> float:
    """Articles per CPU-second of this process: what one idle core does, whatever else loads the machine.

    With ``workers``, the CPU time of the worker processes it ended counts too, so parallel overheads
    (starting workers, shipping articles and records) show as a lower rate than one process's.
    """
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) if workers else (resource.RUSAGE_SELF,)
    before = sum(_cpu_seconds(w) for w in who)
    run(batch)
    used = sum(_cpu_seconds(w) for w in who) - before
    return len(batch) / used if used else 0.0


def run(quick: bool) -> list[BenchRow]:
    import spacy

    from newsfuse.extract import load_models
    from newsfuse.extract.nlp import SPACY_MODEL
    from newsfuse.extract.pipeline import extract_articles

    count = 40 if quick else 200
    batch, origin = articles(count)
    models = load_models()
    list(extract_articles(batch[:4], models))  # warm up: currency rates and place index load once
    models.processes = 1
    single = _rate(lambda b: list(extract_articles(b, models)), batch)
    per_cpu = _cpu_rate(lambda b: list(extract_articles(b, models)), batch)
    models.processes = 2
    parallel = _rate(lambda b: list(extract_articles(b, models)), batch)
    parallel_cpu = _cpu_rate(lambda b: list(extract_articles(b, models)), batch, workers=True)
    full = spacy.load(SPACY_MODEL)
    baseline = _rate(lambda b: list(full.pipe((a.text for a in b), batch_size=32)), batch)
    baseline_cpu = _cpu_rate(lambda b: list(full.pipe((a.text for a in b), batch_size=32)), batch)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    note = f"{count} articles of {WORDS} words ({origin}), {os.cpu_count()} CPUs"
    base = "full spaCy pipeline, 1 process"
    idle = "one idle core, unaffected by other load; two idle cores do about twice this"
    return [
        BenchRow("extract", "articles/s, 2 processes", parallel, "articles/s", baseline, base, note),
        BenchRow("extract", "articles/s, 1 process", single, "articles/s", baseline, base, note),
        BenchRow("extract", "articles per CPU-second", per_cpu, "articles/s", baseline_cpu, base, idle),
        BenchRow(
            "extract",
            "articles per CPU-second, 2 processes",
            parallel_cpu,
            "articles/s",
            baseline_cpu,
            base,
            "main process and workers together; n idle cores do about n times this",
        ),
        BenchRow("extract", "peak RSS, main process", peak_rss_mb(), "MB", note="includes the baseline pipeline"),
        BenchRow("extract", "peak RSS, one worker", children, "MB", note="each extra process adds this"),
    ]
