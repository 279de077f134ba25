"""A subprocess killed with SIGKILL mid-ingest leaves a database that opens, is intact, and holds only whole batches."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from newsfuse.ingest import ingest
from newsfuse.settings import Settings
from newsfuse.store import open_store

WRITER = """
import sys
from newsfuse.ingest import ingest
from newsfuse.settings import Settings
from newsfuse.store import open_store

class FixedLanguage:  # language detection is not under test; keep the writer light
    def detect(self, text):
        return "en"

with open_store(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, Settings(batch_size=3), detector=FixedLanguage())
"""


def test_sigkill_mid_ingest_leaves_only_whole_batches(tmp_path):
    source = tmp_path / "many.jsonl"
    with source.open("w") as out:
        for i in range(20_000):
            out.write(
                json.dumps({"id": f"k{i}", "text": f"Report number {i} on the storm that hit the coast overnight."})
                + "\n"
            )
    db = tmp_path / "crash.db"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.getcwd(), *sys.path]))
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(source)], env=env)
    try:
        _wait_for_some_batches(db, process, minimum=20)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    batches = dict(connection.execute("SELECT id, article_count FROM ingest_batches"))
    rows = dict(connection.execute("SELECT batch_id, COUNT(*) FROM articles GROUP BY batch_id"))
    connection.close()
    assert batches, "the writer was killed before committing anything"
    assert rows == batches  # every committed batch whole, no rows from an uncommitted one
    assert sum(rows.values()) < 20_000, "the writer finished before it was killed"
    assert all(count == 3 for count in rows.values())

    # the store still opens, its index agrees, and a re-run stores exactly what the killed run left out
    with open_store(db) as store:
        done = store.count_articles()
        fts = store.db.query("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'storm'")[0][0]
        assert fts == done
        report = ingest([str(source)], store, Settings(batch_size=1000), detector=FixedLanguage())
        assert (len(report.new), len(report.already_stored)) == (20_000 - done, done)
        assert store.count_articles() == 20_000


class FixedLanguage:
    def detect(self, text: str) -> str:
        return "en"


def _wait_for_some_batches(db, process, minimum: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                connection = sqlite3.connect(db, timeout=0.2)
                count = connection.execute("SELECT COUNT(*) FROM ingest_batches").fetchone()[0]
                connection.close()
                if count >= minimum:
                    return
            except sqlite3.OperationalError:
                pass  # schema not created yet, or the writer holds the lock
        time.sleep(0.02)
