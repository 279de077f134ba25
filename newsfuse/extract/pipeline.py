"""The extraction stage: articles in, one ``ArticleExtraction`` per article out, parsed in ``nlp.pipe`` batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from newsfuse.extract.dates import find_dates
from newsfuse.extract.entities import find_entities
from newsfuse.extract.money import find_money
from newsfuse.extract.nlp import ExtractionModels
from newsfuse.extract.places import resolve_places
from newsfuse.extract.quantities import find_quantities
from newsfuse.extract.quotes import find_quotes, sentence_spans
from newsfuse.records import Article
from newsfuse.records.mentions import ArticleExtraction, Sentence

# Stored with each extraction; bump it when extractors change so ``update`` redoes stored articles.
EXTRACTOR_VERSION = "1"


def extract_doc(article: Article, doc, models: ExtractionModels) -> ArticleExtraction:
    """All mentions of one parsed article; every extractor reads the same ``Doc``."""
    entities = find_entities(doc, models)
    return ArticleExtraction(
        article_id=article.id,
        language=article.language,
        published=article.published,
        sentences=tuple(Sentence(start, end) for start, end in sentence_spans(doc)),
        entities=tuple(entities),
        dates=tuple(find_dates(doc, article.published)),
        money=tuple(find_money(article.text, article.published, models.currency_converter())),
        quantities=tuple(find_quantities(article.text)),
        quotes=tuple(find_quotes(doc, entities)),
        places=tuple(resolve_places(entities, models.place_index(), models.country_names())),
    )


def extract_articles(
    articles: Iterable[Article],
    models: ExtractionModels,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[ArticleExtraction]:
    """Extract every article, in order. Texts go through spaCy in batches of ``models.batch_size``.

    When ``on_error`` is given, an article whose extraction fails is reported to it and skipped;
    otherwise the error propagates.
    """
    stream = ((a.text, a) for a in articles)
    pipe = models.nlp.pipe(stream, as_tuples=True, batch_size=models.batch_size, n_process=max(1, models.processes))
    for doc, article in pipe:
        try:
            yield extract_doc(article, doc, models)
        except Exception as exc:  # one bad article must not stop the batch
            if on_error is None:
                raise
            on_error(article, exc)
