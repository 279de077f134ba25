"""The bundled all-MiniLM-L6-v2 int8 model: unit vectors, paraphrases closer than unrelated news."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.cluster.embed import Embedder, load_models


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(batch_size=2)


def test_vectors_have_unit_length_and_keep_input_order(embedder):
    texts = ["Earthquake kills seven on Iranian island.", "Short.", "Actress enters rehab clinic in Malibu, rep says."]
    vectors = embedder.embed(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    again = embedder.embed([texts[2]])
    assert float(again[0] @ vectors[2]) > 0.98  # batching and padding barely move a vector
    exact = Embedder(batch_size=2, int8_compute=False)
    assert np.allclose(exact.embed([texts[2]])[0], exact.embed(texts)[2], atol=1e-4)  # and do not at all here


def test_paraphrases_are_closer_than_unrelated_reports(embedder):
    quake, quake2, rehab = embedder.embed(
        [
            "A strong earthquake struck southern Iran on Sunday, killing seven people.",
            "Seven people died when a powerful quake hit the south of Iran.",
            "The actress checked into a rehabilitation centre, her spokesman said.",
        ]
    )
    assert quake @ quake2 > quake @ rehab + 0.2


def test_load_models_follows_the_embeddings_setting():
    from newsfuse.settings import Settings

    assert load_models(Settings(use_embeddings=False)).embedder is None
    assert load_models(False).embedder is None


def test_token_ids_of_cut_texts_match_whole_text_tokenization(embedder):
    long_lead = "Officials said the storm damaged hundreds of homes along the coast overnight. " * 30
    texts = [long_lead, "Short.", "", "x" * 3000, "Ünïcödé\tnews\nline " * 200, "word " * 2000]
    whole = [tuple(e.ids) for e in embedder.tokenizer.encode_batch(texts)]
    assert embedder.token_ids(texts) == whole


def test_identical_token_sequences_get_identical_vectors(embedder):
    text = "A strong earthquake struck southern Iran on Sunday, killing seven people. " * 20
    vectors = embedder.embed([text, "Something else entirely.", text + " A trailing sentence far past the cut."])
    assert np.array_equal(vectors[0], vectors[2])  # one row computed for both
    assert np.array_equal(vectors[0], embedder.embed([text, "Something else entirely."])[0])  # same input, same vector
    assert float(vectors[0] @ embedder.embed([text])[0]) > 0.98
