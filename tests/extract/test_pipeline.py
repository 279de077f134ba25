"""The extraction stage in this process and in worker processes gives the same records, in order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse.extract import pipeline
from newsfuse.extract.pipeline import WORKER_CHUNK, extract_articles, start_workers, stop_workers
from newsfuse.records import Article

_TEXT = (
    "Maria Keller, the chief executive of Helios Energy, said on Monday that the company would invest $1.2 billion "
    'in Berlin. "We are committed to working with our partners in Germany," Keller told reporters. '
    "Revenue rose 7 percent in fiscal 2025, and the talks lasted more than three hours."
)


# Fewer articles than this are extracted in-process even with two workers.
WORKERS_FROM = 2 * 2 * WORKER_CHUNK


def _articles(count: int) -> list[Article]:
    # More than one worker chunk, each article different so that a reordering would show.
    return [Article(id=f"a{i}", text=_TEXT.replace("three", str(i + 2)), published="2025-08-19") for i in range(count)]


def _fail_on(marker: str, monkeypatch) -> None:
    """Make one extractor fail on texts holding ``marker``; forked workers inherit the patch."""
    real = pipeline.find_quantities

    def failing(text: str):
        if marker in text:
            raise ValueError("extractor failed")
        return real(text)

    monkeypatch.setattr(pipeline, "find_quantities", failing)


def test_workers_give_the_same_records_in_order(models):
    batch = _articles(WORKERS_FROM + 3)
    here = list(extract_articles(batch, replace(models, processes=1)))
    assert [e.article_id for e in here] == [a.id for a in batch]
    assert list(extract_articles(batch, replace(models, processes=2))) == here


@pytest.mark.parametrize("processes", [1, 2])
def test_failed_article_is_reported_with_its_id_and_skipped(models, monkeypatch, processes):
    batch = _articles(WORKERS_FROM + 2)
    batch[3] = replace(batch[3], text=batch[3].text + " BOOM")
    _fail_on("BOOM", monkeypatch)
    failed: list[tuple[str, str]] = []
    done = list(
        extract_articles(batch, replace(models, processes=processes), lambda a, e: failed.append((a.id, str(e))))
    )
    assert [e.article_id for e in done] == [a.id for i, a in enumerate(batch) if i != 3]
    assert failed == [("a3", "extractor failed")]


@pytest.mark.parametrize("processes", [1, 2])
def test_without_a_handler_the_error_names_the_article(models, monkeypatch, processes):
    batch = _articles(WORKERS_FROM + 1)
    batch[1] = replace(batch[1], text=batch[1].text + " BOOM")
    _fail_on("BOOM", monkeypatch)
    with pytest.raises(ValueError, match="extractor failed") as raised:
        list(extract_articles(batch, replace(models, processes=processes)))
    assert any("'a1'" in note for note in raised.value.__notes__)


def test_chunks_keep_order_and_end_with_single_articles():
    batch = _articles(13)
    chunks = list(pipeline._chunks(batch, 4, tail=6))
    assert [a for chunk in chunks for a in chunk] == batch
    assert [len(c) for c in chunks] == [4, 1, 1, 1, 1, 1, 1, 1, 1, 1]


def test_small_inputs_are_extracted_here_without_starting_workers(models, monkeypatch):
    def no_pool(_models):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pipeline, "_start_pool", no_pool)
    batch = _articles(WORKERS_FROM - 1)
    assert [e.article_id for e in extract_articles(iter(batch), replace(models, processes=2))] == [a.id for a in batch]


def test_started_workers_serve_every_call_until_stopped(models):
    two = replace(models, processes=2)
    batch = _articles(WORKERS_FROM + 5)
    start_workers(two)
    try:
        pool = two.worker_pool
        assert pool is not None
        first = list(extract_articles(batch, two))
        assert list(extract_articles(batch, two)) == first and two.worker_pool is pool
        assert first == list(extract_articles(batch, replace(models, processes=1)))
    finally:
        stop_workers(two)
    assert two.worker_pool is None


def test_kept_workers_extract_small_inputs_too(models, monkeypatch):
    """Workers already running cost nothing to start: a small batch is shared out among them."""
    two = replace(models, processes=2)
    start_workers(two)
    try:
        _fail_on("Keller", monkeypatch)  # patched here after the fork: the workers extract as before
        batch = _articles(3)
        assert [e.article_id for e in extract_articles(batch, two)] == [a.id for a in batch]
    finally:
        stop_workers(two)


def test_a_call_left_half_read_stops_the_kept_workers(models):
    two = replace(models, processes=2)
    start_workers(two)
    results = extract_articles(_articles(WORKERS_FROM + 5), two)
    next(results)
    results.close()  # queued tasks of this call must not delay the next one
    assert two.worker_pool is None
    assert len(list(extract_articles(_articles(WORKERS_FROM), two))) == WORKERS_FROM


@pytest.mark.parametrize("processes", [1, 2])
def test_fusion_parse_comes_with_each_extraction(models, processes):
    """With fusion's parser attached, each article comes back with its parse, as fusion would have parsed it."""
    from spacy.tokens import Doc

    from newsfuse.extract.pipeline import extract_with_parses
    from newsfuse.fuse.parse import load_parser

    parser = load_parser()
    batch = _articles(WORKERS_FROM + 3)
    pairs = list(extract_with_parses(batch, replace(models, processes=processes, parser=parser)))
    assert [x.article_id for x, _ in pairs] == [a.id for a in batch]
    for article, (_, data) in zip(batch, pairs, strict=True):
        doc, own = Doc(parser.vocab).from_bytes(data), parser(article.text)
        assert doc.text == article.text
        assert [(t.dep_, t.head.i, t.lemma_, t.pos_) for t in doc] == [
            (t.dep_, t.head.i, t.lemma_, t.pos_) for t in own
        ]
    assert all(data is None for _, data in extract_with_parses(batch[:2], models))
