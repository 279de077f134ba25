"""``newsfuse demo`` on a shared folder holding only the seeds: the summary shows the fused seed event."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("NEWSFUSE_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))


def test_demo_summarises_the_seed_event(tmp_path):
    if not (SHARED / "seeds").exists():
        pytest.skip(f"shared data not found at {SHARED}")
    shutil.copytree(SHARED / "seeds", tmp_path / "shared" / "seeds")  # no data/: the demo runs on the seeds alone
    result = subprocess.run(
        [sys.executable, "-m", "newsfuse.cli.main", "demo", "--db", str(tmp_path / "demo.db"), "--shared", "shared"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="200"),
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "3 new, 0 already stored, 0 skipped" in result.stderr
    summary = result.stdout
    assert "seed event e_" in summary
    # articles, independent sources, then the time span resolved from the claims
    assert "│ 3 " in summary and "│ 2 " in summary
    assert "2025-08-19 to 2025-08-20" in summary
