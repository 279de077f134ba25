"""Choosing an engine from the CLI: one clear line when Ray is asked for but missing; the local executor's map."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from newsfuse.engine import open_engine
from newsfuse.engine.stages import EMBED
from newsfuse.settings import Settings

REPO = Path(__file__).resolve().parents[2]


def newsfuse(*args, pythonpath: list[Path]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, [*pythonpath, REPO]))}
    return subprocess.run(
        [sys.executable, "-m", "newsfuse.cli.main", *map(str, args)], capture_output=True, text=True, env=env
    )


def test_engine_ray_without_ray_installed_is_one_line(tmp_path):
    # A ray that cannot be imported, first on the path: as on a machine without the extra.
    (tmp_path / "no_ray").mkdir()
    (tmp_path / "no_ray" / "ray.py").write_text("raise ImportError(\"No module named 'ray'\")\n")
    for command in ("process", "recluster", "extract"):
        result = newsfuse(command, "--db", tmp_path / "news.db", "--engine", "ray", pythonpath=[tmp_path / "no_ray"])
        assert result.returncode != 0, result.stderr
        lines = result.stderr.strip().splitlines()
        assert lines == ["error: --engine ray needs Ray, which is not installed (hint: pip install 'newsfuse[ray]')"]


def test_ray_address_needs_engine_ray(tmp_path):
    result = newsfuse("process", "--db", tmp_path / "news.db", "--ray-address", "auto", pythonpath=[])
    assert result.returncode == 2 and "--ray-address needs --engine ray" in result.stderr


def test_local_executor_maps_a_stage_over_batches_in_order():
    texts = ["Fire in Lima", "Quake hits Chile", "Fire in Lima", "Talks resume in Geneva"]
    with open_engine("local", Settings()) as executor:
        results = list(executor.map(EMBED, [texts[:3], texts[3:]]))
        models = executor.models(EMBED)
    assert [len(vectors) for vectors, _ in results] == [3, 1]
    assert {name for _, name in results} == {models.name}
    vectors = np.vstack([v for v, _ in results])
    assert np.array_equal(vectors[0], vectors[2]) and not np.array_equal(vectors[0], vectors[1])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
