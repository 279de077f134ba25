"""Dedup runs before clustering in the pipeline, so it must not need the clustering stage to load."""

from __future__ import annotations

import subprocess
import sys


def test_dedup_loads_without_the_clustering_stage():
    probe = (
        "import sys, newsfuse.dedup, newsfuse.dedup.index, newsfuse.dedup.specifics\n"
        "print(sorted(m for m in sys.modules if m.startswith('newsfuse.cluster')))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
