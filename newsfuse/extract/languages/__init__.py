"""Per-language extraction: which languages have their own rules, which spaCy pipeline reads each, and the note
an article in any other language carries.

English keeps the TIMEX3 date rules, the English money, quote and speaker rules and the English spaCy model.
The eight supported languages (``SUPPORTED``) get their own dates, amounts with local separators, quotation
marks and reporting verbs, and entities from the best model that installs offline (``fr_core_news_md`` for
French; elsewhere capitalised names checked against the multilingual gazetteer). Any other language degrades
to language-independent signals (names from the gazetteer and capitalisation, dates from dateparser's data for
that language, amounts with currency symbols and codes) and never to English rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfuse.resolve.languages import is_english, language_code

# Languages with their own rules end to end (dates, numbers, quotes, entities).
SUPPORTED = ("en", "es", "fr", "de", "it", "nl", "pt", "tr")
# spaCy packages that install offline here and are better than capitalised-name rules. Others would
# be listed here as they become installable (a model for another spaCy version downgrades spaCy).
SPACY_MODELS = {"fr": "fr_core_news_md"}


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    code: str  # ISO 639-1, lower case; "xx" when unknown
    supported: bool  # own rules for dates, amounts, quotes and entities
    model: str | None  # spaCy package reading it; None: spaCy's blank tokenizer and rule-based names
    note: str | None  # shown with the extraction when the language only gets language-independent signals


__all__ = ["SUPPORTED", "LanguageProfile", "is_english", "language_code", "language_note", "profile"]


def profile(language: str | None) -> LanguageProfile:
    code = language_code(language)
    if code in SUPPORTED:
        return LanguageProfile(code, True, SPACY_MODELS.get(code), None)
    note = (
        f"language {code!r} has no extraction rules of its own: names from the multilingual gazetteer and "
        "capitalisation, dates from dateparser's data for it, amounts only with currency symbols or codes; "
        "quotes without speakers"
    )
    return LanguageProfile(code, False, None, note)


def language_note(language: str | None) -> dict[str, str]:
    """The ``extra`` of an extraction: ``{"language_note": ...}`` when its language has no rules of its own."""
    note = profile(language).note if not is_english(language) else None
    return {"language_note": note} if note else {}
