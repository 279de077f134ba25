"""The spaCy pipeline each language is read with, loaded on first use: the English model stays the pipeline of
English (and of articles without a language), ``fr_core_news_md``'s NER reads French, and every other language
gets spaCy's blank tokenizer for it (or the multi-language one) with a sentencizer. No English model ever
reads another language: its entities would be guesses from English capitalisation and context."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

import spacy
from spacy.language import Language

from newsfuse.extract.languages import language_code, profile
from newsfuse.extract.languages.names import NameIndex

# The NER of the French package has its own tok2vec: the rest only costs time.
_EXCLUDED = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]


def _load(language: str) -> Language:
    model = profile(language).model
    if model is not None:
        try:
            nlp = spacy.load(model, exclude=_EXCLUDED)
        except OSError:  # the package is not installed here: names from rules instead
            nlp = _blank(language)
    else:
        nlp = _blank(language)
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp


def _blank(language: str) -> Language:
    try:
        return spacy.blank(language)
    except Exception:  # unknown to spaCy, or its tokenizer needs a package (ja, zh, th, ...)
        return spacy.blank("xx")


class LanguageModels:
    """Per-language pipelines and the multilingual name index, each loaded the first time it is needed."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.pipelines: dict[str, Language] = {}
        self.index: NameIndex | None = None

    def nlp(self, language: str) -> Language:
        if language not in self.pipelines:
            self.pipelines[language] = _load(language)
        return self.pipelines[language]

    def names(self) -> NameIndex:
        if self.index is None:
            self.index = NameIndex.build(self.gazetteer)
        return self.index


def pipe_by_language(models, stream: Iterable[tuple[str, object]], batch_size: int) -> Iterator[tuple[object, object]]:
    """``nlp.pipe(stream, as_tuples=True)`` with each run of same-language articles read by its language's
    pipeline, in input order. A stream of English articles is one run through the English pipeline."""
    for language, run in groupby(stream, key=lambda pair: language_code(getattr(pair[1], "language", None))):
        nlp = models.nlp if language == "en" else models.language_models().nlp(language)
        yield from nlp.pipe(run, as_tuples=True, batch_size=batch_size)
