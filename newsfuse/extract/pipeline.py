"""The extraction stage: articles in, one ``ArticleExtraction`` per article out, parsed in ``nlp.pipe`` batches.

With ``models.processes > 1`` the articles are split into small chunks that worker processes
extract completely (spaCy and every extractor) and send back as ``ArticleExtraction`` records.
Sending records rather than spaCy ``Doc`` objects matters: a serialised ``Doc`` is far larger
than its records and rebuilding it in the parent costs more than the parse saved, and the
extractors would then run on one core only. Workers are forked from the parent after
``models.warm()``, so they share the loaded models (copy-on-write) instead of loading their own.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice, tee
from multiprocessing.pool import AsyncResult, Pool, RemoteTraceback
from traceback import format_exception

from threadpoolctl import threadpool_limits

from newsfuse.extract.dates import find_dates
from newsfuse.extract.entities import find_entities
from newsfuse.extract.languages import is_english, language_note
from newsfuse.extract.languages.models import pipe_by_language
from newsfuse.extract.money import find_money
from newsfuse.extract.nlp import ExtractionModels
from newsfuse.extract.places import resolve_places
from newsfuse.extract.quantities import find_quantities
from newsfuse.extract.quotes import find_quotes, sentence_spans
from newsfuse.extract.truecase import truecase_headlines
from newsfuse.lifetime import die_with_parent
from newsfuse.records import Article
from newsfuse.records.mentions import ArticleExtraction, Sentence

# Stored with each extraction; bump it when extractors change so ``update`` redoes stored articles.
EXTRACTOR_VERSION = "8"
# Articles per task sent to a worker: the NER is a few percent faster on 8 documents than on one,
# and no faster on more; the last tasks are single articles (see ``_chunks``).
WORKER_CHUNK = 8
# Chunks queued per worker: keeps the workers busy without reading the whole input ahead.
CHUNKS_IN_FLIGHT_PER_WORKER = 3

# Characters of one text the models read. spaCy refuses texts over ``nlp.max_length`` (E088) and its
# parser's memory grows with the text; a longer text (a whole report rarely passes 50,000) is read up
# to its last sentence end before the limit. The stored text stays whole, mention offsets stay valid
# (the prefix starts where the text does), and ``pipeline`` records the limit for the article.
NLP_MAX_CHARS = 100_000

ErrorHandler = Callable[[Article, Exception], None]
# An article's extraction and, when ``models.parser`` is set, fusion's parse of it (``Doc.to_bytes``).
Extracted = tuple[ArticleExtraction, bytes | None]


def for_nlp(article: Article) -> Article:
    """The article as the models read it: itself, or its text cut to ``NLP_MAX_CHARS`` at a sentence end."""
    if len(article.text) <= NLP_MAX_CHARS:
        return article
    text = article.text
    cut = max(text.rfind(". ", 0, NLP_MAX_CHARS), text.rfind("\n", 0, NLP_MAX_CHARS))
    end = cut + 1 if cut >= NLP_MAX_CHARS // 2 else NLP_MAX_CHARS
    return replace(article, text=text[:end])


def extract_doc(article: Article, doc, models: ExtractionModels) -> ArticleExtraction:
    """All mentions of one parsed article; every extractor reads the same ``Doc``."""
    text = article.text  # the tokenizer keeps every character, so this is ``doc.text`` without rebuilding it
    language = article.language  # each extractor reads a language other than English by its own rules
    entities = find_entities(doc, models, text, language)
    sentences = sentence_spans(doc, text)
    return ArticleExtraction(
        article_id=article.id,
        language=article.language,
        published=article.published,
        sentences=tuple(Sentence(start, end) for start, end in sentences),
        entities=tuple(entities),
        dates=tuple(find_dates(doc, article.published, text=text, language=language)),
        money=tuple(find_money(text, article.published, models.currency_converter(), language)),
        quantities=tuple(find_quantities(text)) if is_english(language) else (),  # English words and numbers
        quotes=tuple(find_quotes(doc, entities, text=text, sentences=sentences, language=language)),
        places=tuple(resolve_places(entities, models.place_index(), models.country_names())),
        extra=language_note(language),
    )


def extract_articles(
    articles: Iterable[Article],
    models: ExtractionModels,
    on_error: ErrorHandler | None = None,
) -> Iterator[ArticleExtraction]:
    """Extract every article, in order (``extract_with_parses`` without the parses)."""
    return (extraction for extraction, _ in extract_with_parses(articles, models, on_error))


def extract_with_parses(
    articles: Iterable[Article],
    models: ExtractionModels,
    on_error: ErrorHandler | None = None,
) -> Iterator[Extracted]:
    """Extract every article, in order, with fusion's parse of it where ``models.parser`` is set.

    Texts go through spaCy in batches of ``models.batch_size``.

    When ``on_error`` is given, an article whose extraction fails is reported to it and skipped;
    otherwise the error propagates. ``models.processes > 1`` extracts in that many forked worker
    processes (where the platform can fork; elsewhere in this process): the workers started by
    ``start_workers`` if any (for any input: the watcher's small batches use both cores), else ones
    started for this call. Without kept workers, inputs of fewer than two chunks per worker are
    extracted here, where starting workers would cost more than it saves.
    """
    if models.processes <= 1 or not _can_fork():
        return _extract_here(articles, models, on_error)
    if models.worker_pool is not None:  # kept workers cost nothing to start: a small batch is shared out too
        return _extract_in_workers(articles, models, on_error)
    stream = iter(articles)
    fewest = fewest_for_workers(models)
    head = list(islice(stream, fewest))
    if len(head) < fewest:
        return _extract_here(head, models, on_error)
    return _extract_in_workers(chain(head, stream), models, on_error)


def fewest_for_workers(models: ExtractionModels) -> int:
    """The fewest articles worth extracting in workers: two chunks per worker (below, starting them costs more)."""
    return 2 * WORKER_CHUNK * models.processes


def start_workers(models: ExtractionModels) -> None:
    """Fork ``models.processes`` workers now and keep them for every later ``extract_articles`` call.

    Start them before the process starts any thread (onnxruntime's, a pool's handler threads): a
    process that ever ran a second thread forks workers whose spaCy runs ~20% slower (measured; its
    per-token loop takes the GIL often, and locking is likely slower once a process has been
    threaded). Stop them with ``stop_workers``.
    """
    if models.processes > 1 and _can_fork() and models.worker_pool is None:
        models.worker_pool = _start_pool(models)


def stop_workers(models: ExtractionModels) -> None:
    pool, models.worker_pool = models.worker_pool, None
    if pool is not None:
        pool.terminate()
        pool.join()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _extract_here(
    articles: Iterable[Article], models: ExtractionModels, on_error: ErrorHandler | None
) -> Iterator[Extracted]:
    # BLAS on one thread while the models run: their products are small, and OpenBLAS's helper
    # threads would spin between them on the other core, or on another worker's. (The CLI asks for
    # one BLAS thread before numpy loads, which also spares spaCy the cost of a threaded process.)
    # The limit holds until the generator finishes or is closed: code the caller runs between
    # articles shares it.
    with threadpool_limits(1, user_api="blas"):
        # Same offsets: headlines are only re-cased for the NER, and long texts cut at a sentence end.
        for_ner, for_parser = tee(map(for_nlp, articles))
        stream = ((truecase_headlines(a.text), a) for a in for_ner)
        docs = pipe_by_language(models, stream, models.batch_size)  # in input order, so the parses line up
        for (doc, article), parse in zip(docs, _parses(for_parser, models), strict=True):
            try:
                yield extract_doc(article, doc, models), parse
            except Exception as exc:  # one bad article must not stop the batch
                exc.add_note(f"while extracting article {article.id!r}")
                if on_error is None:
                    raise
                on_error(article, exc)


def _parses(articles: Iterable[Article], models: ExtractionModels) -> Iterator[bytes | None]:
    """Fusion's parse of each article (the text as it is, not re-cased), serialised as ``fuse.parse`` stores it."""
    if models.parser is None:
        return (None for _ in articles)
    docs = models.parser.pipe((a.text for a in articles), batch_size=models.batch_size)
    return (doc.to_bytes(exclude=["tensor", "user_data"]) for doc in docs)


@dataclass(frozen=True, slots=True)
class _Failure:
    """An article a worker could not extract, with the error to report or raise in the parent."""

    position: int  # in its chunk
    error: Exception
    traceback: str  # formatted in the worker; the parent chains it to the error it raises


# The models of a worker process, set once by ``_init_worker`` when the pool starts the process
# (inherited from the parent by fork, not pickled); the parent process never sets it.
_worker_models: ExtractionModels | None = None


def _init_worker(models: ExtractionModels) -> None:
    global _worker_models
    die_with_parent()  # a killed parent must not leave its workers waiting for tasks forever
    _worker_models = models
    # Ctrl-C reaches the whole process group: the parent decides (and stops workers), a worker dying on its
    # own would leave its task unanswered and the parent waiting.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(articles: list[Article]) -> list[Extracted | _Failure]:
    """Runs in a worker: the records of a chunk of articles, or why each failed."""
    assert _worker_models is not None, "_extract_chunk runs only in pool workers"
    results: list[Extracted | _Failure] = []

    def failed(article: Article, exc: Exception) -> None:
        results.append(_Failure(len(results), _picklable(exc), "".join(format_exception(exc))))

    try:
        for extracted in _extract_here(articles, _worker_models, failed):
            results.append(extracted)  # results[i] belongs to articles[i]: ``failed`` appends in order too
    except Exception as exc:  # spaCy itself failed: no article of the chunk is extracted
        exc.add_note(f"while parsing articles {', '.join(repr(a.id) for a in articles)}")
        raise
    return results


def _picklable(exc: Exception) -> Exception:
    """The error as it can cross to the parent: itself when it pickles, else its type, message and notes."""
    try:
        pickle.dumps(exc)
    except Exception:
        notes = "".join(f"; {note}" for note in getattr(exc, "__notes__", ()))
        return RuntimeError(f"{type(exc).__name__}: {exc}{notes}")
    return exc


def _start_pool(models: ExtractionModels) -> Pool:
    """Forked workers holding ``models``; loaded before the fork so no worker loads anything itself."""
    models.warm()
    return multiprocessing.get_context("fork").Pool(models.processes, _init_worker, (models,))


def _extract_in_workers(
    articles: Iterable[Article], models: ExtractionModels, on_error: ErrorHandler | None
) -> Iterator[Extracted]:
    kept = models.worker_pool
    pool = kept or _start_pool(models)
    finished = False
    try:
        pending: deque[tuple[list[Article], AsyncResult]] = deque()
        for chunk in _chunks(articles, WORKER_CHUNK, tail=models.processes * WORKER_CHUNK):
            pending.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
            if len(pending) >= models.processes * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from _collect(*pending.popleft(), on_error)
        while pending:
            yield from _collect(*pending.popleft(), on_error)
        finished = True
    finally:
        if kept is None:
            pool.terminate()
            pool.join()
        elif not finished:  # tasks of this call may still be queued: later calls must not wait behind them
            stop_workers(models)


def _chunks(articles: Iterable[Article], size: int, tail: int) -> Iterator[list[Article]]:
    """Chunks of ``size`` articles, except the last ``tail`` articles, which go one by one.

    A worker handed a whole chunk as the input runs out leaves the others idle until it is done;
    single articles at the end let the workers finish together (the NER is a few percent slower
    on one document than on a batch, which matters only for those few).
    """
    buffer: deque[Article] = deque()
    for article in articles:
        buffer.append(article)
        if len(buffer) >= size + tail:
            yield [buffer.popleft() for _ in range(size)]
    while buffer:
        yield [buffer.popleft()]


def _collect(chunk: list[Article], result: AsyncResult, on_error: ErrorHandler | None) -> Iterator[Extracted]:
    for item in result.get():
        if not isinstance(item, _Failure):
            yield item
        elif on_error is None:
            raise item.error from RemoteTraceback(item.traceback)
        else:
            on_error(chunk[item.position], item.error)
