"""SIGKILL ``newsfuse ingest`` during clustering, extraction or fusion, run it again, and get the same store.

Each case starts the real CLI as a subprocess, waits for the stage's progress line on stderr, sleeps
a seeded random delay and kills the process outright (no cleanup runs). The same command is then
run again and must finish the work: its store must equal one an uninterrupted run made, modulo
timestamps, and no helper process (extraction workers) may outlive the killed parent. More seeds:
``NEWSFUSE_FAULT_SEEDS=1,2,3``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_snapshot import snapshot

ECB = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ecbplus" / "articles.jsonl"
ARTICLES = 40  # enough for extraction workers to start (two chunks per worker), small enough to run quickly
SEEDS = [int(s) for s in os.environ.get("NEWSFUSE_FAULT_SEEDS", "").split(",") if s.strip()]
CASES = [
    (stage, seed)
    for stage in ("cluster", "extract", "fuse")
    for seed in (SEEDS or [{"cluster": 11, "extract": 23, "fuse": 37}[stage]])
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not ECB.exists(), reason="../shared/data/ecbplus not present"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find child processes"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "reports.jsonl"
    with ECB.open(encoding="utf-8") as source:
        lines = [line for _, line in zip(range(ARTICLES), source, strict=False)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsfuse.cli.main", "ingest", str(corpus), "--db", str(db), "--format", "json"]


def environment() -> dict[str, str]:
    # two workers whatever the machine, so the worker pool (and its cleanup) is always exercised
    return {**os.environ, "NEWSFUSE_WORKERS": "2", "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("baseline") / "base.db"
    done = subprocess.run(ingest_command(corpus, db), env=environment(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return snapshot(db)


def children_of(pid: int) -> set[int]:
    """Every living descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_during(command: list[str], stage: str, seed: int) -> set[int]:
    """Run ``command`` until its ``stage`` line appears on stderr, a random moment more, then SIGKILL it.

    Returns the helper processes it had at that moment.
    """
    process = subprocess.Popen(command, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in process.stderr:
            if line.startswith(f"{stage} ("):
                break
        else:
            pytest.fail(f"the run ended before its {stage} stage")
        time.sleep(random.Random(seed).uniform(0.0, 1.5))
        helpers = children_of(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    return helpers


@pytest.mark.parametrize(("stage", "seed"), CASES)
def test_killed_run_then_same_ingest_equals_an_uninterrupted_run(stage, seed, corpus, uninterrupted, tmp_path):
    db = tmp_path / "killed.db"
    command = ingest_command(corpus, db)
    helpers = kill_during(command, stage, seed)

    deadline = time.monotonic() + 10
    while any(alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in helpers if alive(p)], "helper processes outlived their killed parent"

    again = subprocess.run(command, env=environment(), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["already_stored"] + json.loads(again.stdout)["new"] == ARTICLES
    resumed = snapshot(db)
    for table, rows in uninterrupted.items():
        assert resumed[table] == rows, f"{table} differ after a SIGKILL during {stage} (seed {seed})"
