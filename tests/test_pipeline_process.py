"""``pipeline.process`` forks extraction workers for large batches and stops only the ones it started."""

from __future__ import annotations

from newsfuse.extract import start_workers, stop_workers
from newsfuse.extract.pipeline import WORKER_CHUNK
from newsfuse.pipeline import PipelineModels, process
from newsfuse.records import Article
from newsfuse.settings import Settings

_STORY = (
    "Maria Keller{n}, the chief executive of Helios Energy, said on Monday that the company would invest "
    "${n}.2 billion in Berlin. Keller{n} said talks with Chancellor Olaf Brandt lasted more than {n} hours."
)


def _stored(store, count: int) -> list[str]:
    articles = [
        Article(id=f"a_{i:04d}", text=_STORY.format(n=i + 2), title=f"Helios {i}", published="2025-08-19")
        for i in range(count)
    ]
    store.add_articles(articles)
    return [a.id for a in articles]


def test_a_large_batch_gets_workers_for_the_call_only(store):
    settings = Settings(db=store.location, use_embeddings=False, workers=2)
    models = PipelineModels(settings)
    ids = _stored(store, 2 * WORKER_CHUNK * 2 + 1)
    report = process(store, ids, settings, models)
    assert report.extracted == len(ids) and report.records >= 1
    assert models.extraction().worker_pool is None  # stopped at the end of the call
    # Fusion's parse of every article was made once, by extraction's workers, and kept for fusion to read.
    from newsfuse.fuse.parse import parser_name

    assert models.extraction().parser_key == parser_name(models.fusion().nlp)
    assert set(store.load_parses(models.extraction().parser_key, ids)) == set(ids)


def test_workers_the_caller_started_outlive_the_call(store):
    settings = Settings(db=store.location, use_embeddings=False, workers=2)
    models = PipelineModels(settings)
    start_workers(models.extraction())
    try:
        pool = models.extraction().worker_pool
        assert pool is not None
        report = process(store, _stored(store, 2 * WORKER_CHUNK * 2 + 1), settings, models)
        assert report.extracted and models.extraction().worker_pool is pool
    finally:
        stop_workers(models.extraction())


def test_fusion_gets_clustering_embedder_only_when_asked(tmp_path):
    # Statement similarity in fusion costs 2.4x the fusion time for little gain, so it is opt-in; when on,
    # fusion reuses the embedder clustering loaded rather than loading a second model.
    assert PipelineModels(Settings(db=tmp_path / "a.db")).fusion().embedder is None
    models = PipelineModels(Settings(db=tmp_path / "b.db", fusion_embeddings=True, english_embeddings=True))
    assert models.fusion().embedder is models.cluster().embedder is not None


def test_fusion_loads_its_own_embedder_when_english_clustering_runs_without_one(tmp_path):
    models = PipelineModels(Settings(db=tmp_path / "c.db", fusion_embeddings=True))
    assert models.cluster().embedder is None  # the default: English clustering without MiniLM
    assert models.fusion().embedder is not None
