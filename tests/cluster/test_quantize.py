"""The int8-compute copy of the embedding model: built once, reused, close to the packaged model, safe to lack."""

from __future__ import annotations

import logging
import sys

import numpy as np
import pytest

from newsfuse.cluster.embed import MODEL_NAME, QUANTIZED_MODEL_NAME, Embedder, default_paths
from newsfuse.cluster.quantize import quantized_model

TEXTS = [
    "A strong earthquake struck southern Iran on Sunday, killing seven people.",
    "Japan's defence minister toured the drone maker's plant near Istanbul.",
    "The actress checked into a rehabilitation centre, her spokesman said.",
    "Shares of the chip maker fell 4 percent after it cut its sales forecast for the quarter.",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return cache, quantized_model(default_paths()[0], cache)


def test_the_copy_is_built_under_the_cache_and_reused(built):
    cache, path = built
    assert path is not None and path.is_file() and path.is_relative_to(cache)
    stamp = path.stat().st_mtime_ns
    assert quantized_model(default_paths()[0], cache) == path
    assert path.stat().st_mtime_ns == stamp  # not rebuilt
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".build-")]  # no leftovers


def test_vectors_stay_close_to_the_packaged_model_and_are_named_apart(built):
    cache, _ = built
    fast, packaged = Embedder(cache_dir=cache), Embedder(int8_compute=False)
    assert (fast.name, packaged.name) == (QUANTIZED_MODEL_NAME, MODEL_NAME)
    a, b = fast.embed(TEXTS), packaged.embed(TEXTS)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    assert float((a * b).sum(axis=1).min()) > 0.97
    # Same neighbourhoods: each text is still nearest to itself among the packaged vectors.
    assert (np.argmax(a @ b.T, axis=1) == np.arange(len(TEXTS))).all()


def test_a_missing_converter_falls_back_to_the_packaged_model(tmp_path, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now raises ImportError
    with caplog.at_level(logging.WARNING):
        assert quantized_model(default_paths()[0], tmp_path) is None
        embedder = Embedder(cache_dir=tmp_path)
    assert embedder.name == MODEL_NAME
    assert "onnx not installed" in caplog.text


def test_a_model_the_converter_rejects_falls_back_and_names_the_file(tmp_path, caplog):
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not an onnx graph")
    with caplog.at_level(logging.WARNING):
        assert quantized_model(broken, tmp_path / "cache") is None
    assert str(broken) in caplog.text and "conversion failed" in caplog.text
    assert not list((tmp_path / "cache" / "models").glob("*.onnx"))


def test_an_unwritable_cache_falls_back(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING):
        assert quantized_model(default_paths()[0], blocker) is None
