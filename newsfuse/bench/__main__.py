"""``python -m newsfuse.bench [NAME ...] [--quick]``: run the stage benchmarks, print a table and JSON."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from newsfuse.bench.report import print_report

# Each module defines ``run(quick: bool) -> list[BenchRow]``.
BENCHMARKS = {
    "ingest": "newsfuse.bench.ingest",
    "cluster": "newsfuse.bench.cluster",
    "extract": "newsfuse.bench.extract",
    "serve": "newsfuse.bench.serve",
    "fusion": "newsfuse.bench.fusion",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsfuse.bench", description=__doc__)
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})")
    parser.add_argument("--quick", action="store_true", help="smaller corpora, for a smoke run")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    rows = []
    for name in args.names or list(BENCHMARKS):
        print(f"running benchmark {name} ...", file=sys.stderr)
        rows.extend(import_module(BENCHMARKS[name]).run(quick=args.quick))
    print_report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
