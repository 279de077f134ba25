"""The same input in the same order gives the same links and events in every run.

Python randomises string hashing per process, so anything that iterates a set of ids (LSH answers,
posting lists) can reorder ties and change a decision. Two processes with different hash seeds
must agree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

_RUN = """
import json, random, sys, tempfile
from pathlib import Path
from newsfuse import cluster, dedup
from newsfuse.eval.cluster import read_articles
from newsfuse.ingest import store_articles
from newsfuse.settings import Settings
from newsfuse.store import open_store

settings = Settings(use_embeddings=False)
articles = read_articles(sys.argv[1], settings)
random.Random(2).shuffle(articles)  # an order in which hash-ordered ties used to change events
with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "run.db") as store:
    ids = list(store_articles(articles, store, 200).new)
    links = sorted(repr(link) for link in dedup.update(store, ids, settings))
    cluster.update(store, ids, settings, None)
    print(json.dumps({"links": links, "events": {a.id: store.event_of(a.id) for a in articles}}))
"""


def _run(corpus, hash_seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    done = subprocess.run([sys.executable, "-c", _RUN, str(corpus)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_runs_with_different_string_hashing_agree(shared_dir):
    corpus = shared_dir / "data" / "ecbplus" / "articles.jsonl"
    if not corpus.is_file():
        pytest.skip("ECB+ articles not found")
    first, second = _run(corpus, "1"), _run(corpus, "2")
    assert first["links"] and first["links"] == second["links"]
    assert first["events"] == second["events"]
