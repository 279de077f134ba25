"""The stage functions an executor maps over batches: extraction, embedding and fusion, each with its model loader.

Each ``Stage`` pairs a loader (settings in, models out: run once per worker) with a function
over one batch of plain, picklable inputs (articles, texts, fusion jobs) that returns one result
per input. Nothing here touches the store: the driver reads the inputs and writes the results.
Loaders and functions are module-level so Ray can ship them by reference.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newsfuse.settings import Settings


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    load: Callable[[Settings], Any]  # the stage's models, loaded once per worker
    run: Callable[[Any, Sequence], list]  # one result per item of the batch, in order


@dataclass(frozen=True, slots=True)
class Failed:
    """An article extraction failed on: the driver reports it (``on_error``) or raises it, as in-process."""

    position: int  # in its batch
    error: Exception


def load_extraction(settings: Settings):
    from newsfuse.extract import load_models

    return load_models(settings.gazetteers, processes=1)  # the worker is the process: no forked pool inside


def extract_batch(models, articles: Sequence) -> list:
    """Each article's ``ArticleExtraction``, or ``Failed`` where one of its extractors raised."""
    from newsfuse.extract import extract_articles

    failures: dict[str, Exception] = {}
    done = {
        e.article_id: e
        for e in extract_articles(articles, models, on_error=lambda a, exc: failures.update({a.id: exc}))
    }
    return [
        done[a.id] if a.id in done else Failed(i, _picklable(failures.get(a.id, RuntimeError("not extracted"))))
        for i, a in enumerate(articles)
    ]


def load_embedder(settings: Settings):
    from newsfuse.cluster.embed import Embedder

    # One thread: a worker has one CPU of its own, and the numbers do not depend on the thread count.
    return Embedder(cache_dir=settings.cache_dir, threads=1)


def embed_batch(embedder, texts: Sequence[str]) -> list:
    """``[vectors, model name]``: the model's name travels back so the driver stores vectors under it."""
    return [embedder.embed(list(texts)), embedder.name]


def load_fusion(settings: Settings):
    from newsfuse.fuse import FusionModels

    return FusionModels.load()


def fuse_batch(models, jobs: Sequence) -> list:
    """Each ``(job, stored parses)`` fused: ``(record, parser name, parses made here)`` for the driver to store."""
    from newsfuse.fuse.parse import parser_name
    from newsfuse.fuse.update import fuse_job

    out = []
    for job, stored in jobs:
        parses = ParseCache(stored)
        out.append((fuse_job(job, models, parses), parser_name(models.nlp), parses.saved))
    return out


def parser_of(models, _items: Sequence) -> list:
    from newsfuse.fuse.parse import parser_name

    return [parser_name(models.nlp)]


class ParseCache:
    """The store's stored-parse methods over what the driver sent: ``parse_articles`` reads and adds to it."""

    def __init__(self, stored: dict[str, bytes]) -> None:
        self.stored = stored
        self.saved: dict[str, bytes] = {}

    def load_parses(self, name: str, article_ids: Sequence[str]) -> dict[str, bytes]:
        return {i: self.stored[i] for i in article_ids if i in self.stored}

    def save_parses(self, name: str, parses: dict[str, bytes]) -> None:
        self.saved.update(parses)


def _picklable(exc: Exception) -> Exception:
    """The error as it can cross to the driver: itself when it pickles, else its type and message."""
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


EXTRACT = Stage("extract", load_extraction, extract_batch)
EMBED = Stage("embed", load_embedder, embed_batch)
FUSE = Stage("fuse", load_fusion, fuse_batch)
FUSION_PARSER = Stage("fuse", load_fusion, parser_of)  # same models as FUSE: loaded once per worker
