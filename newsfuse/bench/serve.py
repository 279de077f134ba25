"""Serve benchmark: 200 concurrent loopback clients on /api/events and an event page, against /api/health.

Builds a store of 10k synthetic reports with their fused event records, starts ``newsfuse serve``
on it in a subprocess (as a user would), times the first (uncached) answer of each target, then
runs a closed-loop load of keep-alive clients per target and reports throughput and p50/p99
latency. ``/api/health`` (no store access, no cache) is the baseline measured in the same run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from newsfuse.bench.loadgen import LoadResult, run_load
from newsfuse.bench.report import BenchRow, peak_rss_mb
from newsfuse.bench.service_corpus import build_corpus
from newsfuse.store import open_store

HOST = "127.0.0.1"
BASELINE = "/api/health"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def populate(db: Path, n_articles: int) -> str:
    """Write the synthetic corpus; returns the id of the largest event (the page under load)."""
    corpus = build_corpus(n_articles)
    with open_store(db) as store:
        for start in range(0, len(corpus.articles), 1000):
            store.add_articles(corpus.articles[start : start + 1000], run_id="bench")
        store.put_event_records(corpus.records)
    return max(corpus.records, key=lambda r: len(r.sources)).id


def start_server(db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "newsfuse.cli.main", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "NEWSFUSE_TOKEN"}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"newsfuse serve exited: {server.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}{BASELINE}", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("newsfuse serve did not answer within 60 s")


def first_answer_ms(port: int, path: str) -> float:
    began = time.perf_counter()
    urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120).read()
    return (time.perf_counter() - began) * 1000


def rows_for(result: LoadResult, baseline: LoadResult, label: str, note: str) -> list[BenchRow]:
    extra = f"{result.clients} clients, {result.requests} requests, {result.errors} errors; {note}"
    target = "" if result is baseline else "target: < 200 ms at 200 clients on 10k articles"
    return [
        BenchRow("serve", f"{label} throughput", result.throughput, "req/s", baseline.throughput, BASELINE, extra),
        BenchRow("serve", f"{label} p50 latency", result.percentile(0.50), "ms", baseline.percentile(0.50), BASELINE),
        BenchRow(
            "serve", f"{label} p99 latency", result.percentile(0.99), "ms", baseline.percentile(0.99), BASELINE, target
        ),
    ]


def run(quick: bool) -> list[BenchRow]:
    n_articles, clients, per_client = (2_000, 200, 10) if quick else (10_000, 200, 100)
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-serve-") as folder:
        db = Path(folder) / "serve.db"
        built = time.perf_counter()
        event_id = populate(db, n_articles)
        build_seconds = time.perf_counter() - built
        port = free_port()
        server = start_server(db, port)
        try:
            targets = {"/api/events": "/api/events", "event page": f"/events/{event_id}"}
            cold = {label: first_answer_ms(port, path) for label, path in targets.items()}
            baseline = run_load(HOST, port, BASELINE, clients=clients, per_client=per_client)
            rows = rows_for(baseline, baseline, BASELINE, "uncached, no store access")
            for label, path in targets.items():
                result = run_load(HOST, port, path, clients=clients, per_client=per_client)
                rows += rows_for(result, baseline, label, f"cached read; first (uncached) answer {cold[label]:.0f} ms")
        finally:
            server.terminate()
            server.wait(timeout=10)
    rows.append(BenchRow("serve", "store build", build_seconds, "s", note=f"{n_articles} articles"))
    rows.append(BenchRow("serve", "load generator peak RSS", peak_rss_mb(), "MB"))
    return rows
