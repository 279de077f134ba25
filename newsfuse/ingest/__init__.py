"""Ingest: read news from files, directories, globs, stdin and URLs into ``Article`` records and the store.

Entry points: ``read_documents(inputs, settings)`` (no store) and ``ingest(inputs, store, settings)``.
"""

from newsfuse.ingest.detect import Format, detect_format
from newsfuse.ingest.fetch import FetchedDocument, Fetcher
from newsfuse.ingest.language import LanguageDetector
from newsfuse.ingest.pipeline import ingest, read_documents, read_source, store_articles, to_article
from newsfuse.ingest.sources import Source, expand_inputs

__all__ = [
    "FetchedDocument",
    "Fetcher",
    "Format",
    "LanguageDetector",
    "Source",
    "detect_format",
    "expand_inputs",
    "ingest",
    "read_documents",
    "read_source",
    "store_articles",
    "to_article",
]
