"""``python -m newsfuse.bench [NAME ...] [--quick]``: run the stage benchmarks, print a table and JSON.

Each benchmark runs in a fresh process of its own, so that one benchmark's threads, caches and
peak memory do not colour the next one's figures (a process that has started threads, as the
embedding benchmark's does, forks slower extraction workers), and "peak memory" rows are that
benchmark's alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import asdict
from importlib import import_module

from newsfuse.bench.report import BenchRow, print_report
from newsfuse.cli.main import single_thread_blas

# Each module defines ``run(quick: bool) -> list[BenchRow]``.
BENCHMARKS = {
    "ingest": "newsfuse.bench.ingest",
    "cluster": "newsfuse.bench.cluster",
    "extract": "newsfuse.bench.extract",
    "serve": "newsfuse.bench.serve",
    "fusion": "newsfuse.bench.fusion",
    "watch": "newsfuse.bench.watch",
    "soak": "newsfuse.bench.soak",
    "startup": "newsfuse.bench.startup",
    "latency": "newsfuse.bench.latency",
    "scaleout": "newsfuse.bench.scaleout",
    "store": "newsfuse.bench.store",
}
_ONE = "--run-one"  # internal: run one benchmark here and write its rows as JSON to stdout


def run_in_subprocess(name: str, quick: bool) -> list[BenchRow]:
    command = [sys.executable, "-m", "newsfuse.bench", _ONE, name] + (["--quick"] if quick else [])
    # Progress and errors pass through to stderr; stdout carries the rows.
    finished = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if finished.returncode != 0:
        raise SystemExit(f"benchmark {name} failed (exit status {finished.returncode})")
    return [BenchRow(**row) for row in json.loads(finished.stdout)]


def main(argv: list[str] | None = None) -> int:
    single_thread_blas()  # as the CLI runs; the subprocesses inherit it
    parser = argparse.ArgumentParser(prog="python -m newsfuse.bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})")
    parser.add_argument("--quick", action="store_true", help="smaller corpora, for a smoke run")
    parser.add_argument(_ONE, dest="one", choices=list(BENCHMARKS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        rows = import_module(BENCHMARKS[args.one]).run(quick=args.quick)
        sys.stdout.write(json.dumps([asdict(row) for row in rows]) + "\n")
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    rows = []
    for name in args.names or list(BENCHMARKS):
        print(f"running benchmark {name} ...", file=sys.stderr)
        rows.extend(run_in_subprocess(name, args.quick))
    print_report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
