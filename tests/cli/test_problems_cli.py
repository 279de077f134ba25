"""Poison pills through the CLI: a 1.2-million-character article and a year-one date beside three good reports.

Ingest exits 0 with every article stored and every event fused, the good reports fused into one record;
``process`` afterwards exits 0 and has nothing left to do; ``problems`` lists both bad articles with
their reasons (both are handled within a limit: the long text is read in part, the date dropped).
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")]


def long_text(chars: int) -> str:
    words = "the minister said a report on trade talks in the capital was expected soon while officials waited".split()
    pick = random.Random(5)
    sentences, size = [], 0
    while size < chars:
        sentence = " ".join(pick.choice(words) for _ in range(15)).capitalize() + ". "
        sentences.append(sentence)
        size += len(sentence)
    return "".join(sentences)[:chars]


def poisoned_jsonl(path: Path) -> Path:
    rows = []
    for number, seed in enumerate(sorted(SEEDS.iterdir())):
        title, _, body = seed.read_text(encoding="utf-8").strip().partition("\n")
        rows.append(
            {"id": f"good-{number}", "title": title.strip(), "text": body.strip(), "source": f"outlet {number}"}
        )
    rows.insert(
        1, {"id": "huge", "title": "A very long report", "text": long_text(1_200_000), "published": "2025-08-21"}
    )
    year_one = "Heavy rain flooded the valley town of Aldmoor on Monday, officials said. Hundreds were evacuated."
    rows.insert(2, {"id": "ancient", "title": "Flood in Aldmoor", "text": year_one, "published": "0001-01-01"})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def newsfuse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsfuse.cli.main", *args], capture_output=True, text=True, timeout=900
    )


def test_poison_pills_never_block_the_good_reports(tmp_path):
    db = str(tmp_path / "p.db")
    ingested = newsfuse("ingest", str(poisoned_jsonl(tmp_path / "mix.jsonl")), "--db", db, "--format", "json")
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout)["new"] == 5
    assert "Traceback" not in ingested.stderr and "E088" not in ingested.stderr
    conn = sqlite3.connect(db)
    external = dict(conn.execute("SELECT external_id, id FROM articles"))
    members = dict(conn.execute("SELECT article_id, event_id FROM event_members"))
    assert len(members) == 5
    good_events = {members[external[f"good-{n}"]] for n in range(3)}
    assert len(good_events) == 1  # the three seed reports are one event
    records = dict(conn.execute("SELECT id, article_count FROM event_records"))
    assert records[good_events.pop()] == 3
    assert set(records) == set(members.values())  # every event fused, the bad ones' too
    assert conn.execute("SELECT published FROM articles WHERE id = ?", (external["ancient"],)).fetchone()[0] is None
    assert len(conn.execute("SELECT text FROM articles WHERE id = ?", (external["huge"],)).fetchone()[0]) == 1_200_000

    again = newsfuse("process", "--db", db, "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["articles"] == 0  # nothing left undone

    listed = newsfuse("problems", "--db", db, "--format", "json")
    assert listed.returncode == 0, listed.stderr
    reasons = {(p["id"], p["stage"], p["kind"]): p["reason"] for p in json.loads(listed.stdout)}
    assert "1200000 characters" in reasons[(external["huge"], "extract", "limited")]
    assert "0001-01-01" in reasons[(external["ancient"], "ingest", "limited")]
    assert len(reasons) == 2
    stats = json.loads(newsfuse("stats", "--db", db, "--format", "json").stdout)
    assert (stats["problems_limited"], stats["problems_skipped"]) == (2, 0)
