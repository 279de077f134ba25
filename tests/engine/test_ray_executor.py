"""The pipeline on a local Ray (2 CPUs): the same events, memberships, extractions and claims as in-process."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from engine_stores import claims_of, processed_copies

from newsfuse.cli.main import build_app

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    """One small Ray for the module: starting one is slow on a loaded machine."""
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def app():
    return build_app()


def ecbplus_head(shared_dir, tmp_path, count: int):
    source = shared_dir / "data" / "ecbplus" / "articles.jsonl"
    if not source.exists():
        pytest.skip(f"{source} not found")
    path = tmp_path / f"ecbplus_{count}.jsonl"
    with source.open(encoding="utf-8") as lines:
        path.write_text("".join(itertools.islice(lines, count)), encoding="utf-8")
    return path


def assert_same(stores: dict[str, dict]) -> None:
    local, remote = stores["local"], stores["ray"]
    assert remote["events"] == local["events"]
    assert remote["assignments"] == local["assignments"]
    assert remote["extractions"] == local["extractions"]
    assert claims_of(remote) == claims_of(local)
    assert remote["records"] == local["records"]
    assert remote["report"] == local["report"]


def test_remote_embedder_gives_the_vectors_of_the_local_model(shared_dir):
    from newsfuse.cluster.embed import Embedder
    from newsfuse.engine import open_engine
    from newsfuse.engine.hooks import RemoteEmbedder
    from newsfuse.settings import Settings

    rows = [json.loads(line) for line in (shared_dir / "data" / "ecbplus" / "articles.jsonl").open()][:70]
    texts = [f"{r['title']}\n{r['text']}" for r in rows]
    texts += texts[:5] + ["", "Short one."]  # repeats and odd sizes: one model run per unique sequence
    local = Embedder()
    with open_engine("ray", Settings()) as executor:
        remote = RemoteEmbedder(local, executor).embed(texts)
    expected = local.embed(texts)
    assert remote.shape == expected.shape == (len(texts), 384)
    assert np.array_equal(remote, expected)  # bit for bit: the same batches, run on the workers


def test_process_on_ray_equals_in_process(app, shared_dir, tmp_path):
    articles = ecbplus_head(shared_dir, tmp_path, 45)
    stores = processed_copies(app, tmp_path, [shared_dir / "seeds", articles])
    assert len(stores["local"]["events"]) >= 5 and sum(map(len, claims_of(stores["local"]).values())) > 20
    assert stores["local"]["report"]["articles"] == 48
    assert_same(stores)


@pytest.mark.slow
def test_210_ecbplus_articles_on_ray_equal_in_process(app, shared_dir, tmp_path):
    stores = processed_copies(app, tmp_path, [ecbplus_head(shared_dir, tmp_path, 210)])
    assert stores["local"]["report"]["articles"] == 210 and len(stores["local"]["events"]) >= 10
    assert_same(stores)


def test_extract_command_on_ray_gives_the_in_process_records(app, shared_dir):
    from engine_stores import run

    outputs = {}
    for engine in ("local", "ray"):
        result = run(app, "extract", shared_dir / "seeds", "--format", "json", "--engine", engine)
        assert result.exit_code == 0, result.output
        outputs[engine] = json.loads(result.stdout)
    assert len(outputs["local"]) == 3 and all(r["entities"] for r in outputs["local"])
    assert outputs["ray"] == outputs["local"]
