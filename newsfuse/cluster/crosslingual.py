"""Clustering signals that hold across languages: names folded to one spelling, amounts and dates as values.

A report and its translation share few words, but they name the same people, companies and places
and give the same figures and dates, spelled by each language's rules: "Türkiye" / "Turkiye",
"Перес" / "Peres", "$40 billion" / "40.000 millones de dólares" / "40 miliardi" / "40 miljard",
"2.3%" / "2,3 %", "March 1, 2008" / "1 de marzo de 2008". Here each becomes one comparable key:
names without diacritics and transliterated, numbers as values (the language's decimal separator and
scale words), dates as ISO days. Plain regexes and tables, no models: they run on every article.
Stop words of each language come from spaCy's per-language lists (read without importing spaCy).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from pathlib import Path

# Letters NFKD does not decompose into a base letter and a mark, and two scripts transliterated letter
# by letter (a name in Cyrillic or Greek is then comparable with its Latin spelling in most cases).
_FOLD = str.maketrans(
    {"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ŀ": "l"}
    | dict(zip("абвгдезийклмнопрстуфыэ", "abvgdezijklmnoprstufye", strict=True))
    | {"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu"}
    | {"я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g"}
    | dict(zip("αβγδεζηικλμνξοπρστυφωάέήίόύώϊϋς", "abgdeziiklmnxoprstyfoaeiioyoiys", strict=True))
    | {"θ": "th", "χ": "ch", "ψ": "ps"}
)

# Thousands and decimal separators: English writes "12,345.6", most others "12.345,6".
_POINT_DECIMAL = frozenset({"en", "ja", "zh", "ko", "he", "th", "hi", "ms", "tl"})
# Scale words after a number, per language ("mil millones": both multiply). English "billion" is 1e9,
# Spanish "billón" 1e12: the table is per language, English's applies to every language as well.
_SCALES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "billion": 1e9, "billions": 1e9,
           "bn": 1e9, "trillion": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
           "billón": 1e12, "billones": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "mln": 1e6, "miliardo": 1e9, "miliardi": 1e9,
           "mld": 1e9, "mrd": 1e9},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "mln": 1e6, "miljard": 1e9, "mld": 1e9, "biljoen": 1e12},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9,
           "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
           "mds": 1e9, "billion": 1e12},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9, "bi": 1e9, "mi": 1e6},
    "tr": {"bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12},
}  # fmt: skip
_PERCENT_WORDS = r"%|(?:percent|per cent|por ciento|per cento|procent|prozent|pour cent|por cento)\b"
# A number (grouped by spaces only as "12 345"), then a percent sign or word, or up to two words that
# may be scale words ("40 mil millones", "US$40bn"); Turkish writes the percent sign first ("%2,3").
_NUMBER_WORDS = re.compile(
    r"(?<![\w.,])(%)?[ ]?(\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|\d[\d.,]*\d|\d)"
    rf"(?:[ \u00a0]?({_PERCENT_WORDS})|((?:[ \u00a0]*[^\W\d_]+\.?){{0,2}}))",
    re.IGNORECASE,
)
_GROUPED = {  # separator of thousands -> a number written with it, whole
    ",": re.compile(r"\d{1,3}(?:,\d{3})+"),
    ".": re.compile(r"\d{1,3}(?:\.\d{3})+"),
}

# Months in the tabled languages come from the date extractor's lexicon (dateparser's data): each month's full
# names and forms of four letters or more ("janv", "juil"), but not other languages' three-letter abbreviations,
# which are words elsewhere ("out" in "5 out of 10" is Portuguese October). English news abbreviates ("Aug. 19",
# "Sept. 3"), so all of its forms count.
_MONTH_LANGUAGES = ("en", "es", "it", "nl", "de", "fr", "pt", "tr")


@functools.cache
def _month_patterns() -> tuple[dict[str, int], re.Pattern, re.Pattern]:
    from newsfuse.extract.languages.dates import lexicon

    numbers: dict[str, int] = {}
    for language in _MONTH_LANGUAGES:
        months = lexicon(language).months
        longest = {n: max(len(form) for form, m in months.items() if m == n) for n in set(months.values())}
        numbers |= {
            form: n for form, n in months.items() if language == "en" or len(form) >= 4 or len(form) == longest[n]
        }
    month = "|".join(re.escape(name) for name in sorted(numbers, key=len, reverse=True))
    # "1 de marzo de 2008", "1. März 2008", "1 maart 2008", "March 1, 2008", "March 01 2008", "1er mars 2008"
    day_first = re.compile(rf"\b(\d{{1,2}})(?:\.|er|º|°)?\s+(?:de\s+)?({month})\b\.?(?:\s+(?:de\s+)?(\d{{4}}))?", re.I)
    month_first = re.compile(rf"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s+(\d{{4}}))?", re.I)
    return numbers, day_first, month_first


# Characters that start a capitalised word in any script: the clustering name scan needs them beyond A-Z
# ("Öztürk", "Åkesson", "Škoda").
UPPER = "".join(chr(c) for c in range(0x41, 0x590) if chr(c).isupper() and chr(c).isalpha())


# Before an apostrophe in a name: an elided article or preposition ("l'Aquila", "dell'Eni", "d'Italia");
# after one: a case suffix ("Ankara'da", "Baykar'ı" in Turkish). The name is the other part.
_ELISIONS = frozenset("l d dell all nell sull dall quell un qu j n s c m t".split())


def stems(run: str) -> list[str]:
    """The words of a capitalised run without elided articles or case suffixes set off by an apostrophe."""
    words = []
    for word in run.replace("\u2019", "'").split():
        head, mark, tail = word.partition("'")
        if mark and tail:
            word = tail if head.casefold() in _ELISIONS else head
        words.append(word)
    return words


def fold(word: str) -> str:
    """``word`` casefolded, without diacritics, Cyrillic and Greek letters transliterated: one key per name."""
    lowered = word.casefold()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


@functools.cache
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words of ``language`` (empty for a language it has none for), folded as names are.

    The list files are read directly: importing spaCy would cost seconds in processes that never parse.
    """
    if not language or not language.isalpha():
        return frozenset()
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / language.lower() / "stop_words.py"
    if not path.is_file():
        return frozenset()
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # a literal set, no imports
    words = namespace.get("STOP_WORDS", set())
    return frozenset(w.casefold() for w in words) | frozenset(fold(w) for w in words)


def number_value(digits: str, language: str | None) -> float | None:
    """The value of a number as written in ``language`` ("12.345,6" in Spanish, "12,345.6" in English)."""
    digits = re.sub(r"[\u00a0\u202f ]", "", digits)
    thousands, decimal = (",", ".") if (language or "en") in _POINT_DECIMAL else (".", ",")
    if _GROUPED[thousands].fullmatch(digits.split(decimal)[0]):
        digits = digits.replace(thousands, "")
    elif thousands in digits:
        return None  # a list ("1,2,3") or a separator the language does not use here
    try:
        return float(digits.replace(decimal, "."))
    except ValueError:
        return None


def _scale(words: str, language: str | None) -> float:
    tables = (_SCALES.get(language or "", {}), _SCALES["en"]) if language != "en" else (_SCALES["en"],)
    factor = 1.0
    for word in words.split():
        word = word.casefold().rstrip(".")
        found = next((table[word] for table in tables if word in table), None)
        if found is None:
            break
        factor *= found
    return factor


def value_keys(text: str, language: str | None) -> list[str]:
    """Amounts and percentages of ``text`` as values: "#4e+10" for "$40 billion", "%2.3" for "2,3 %".

    Plain numbers of three digits or more are kept too ("#737", "#12345" for "12.345,67"): smaller ones
    are too common to tell two happenings apart.
    """
    keys = []
    for match in _NUMBER_WORDS.finditer(text):
        value = number_value(match.group(2), language)
        if value is None:
            continue
        if match.group(1) or match.group(3):
            keys.append(f"%{value:g}")
            continue
        factor = _scale(match.group(4) or "", language)
        if factor > 1.0:
            keys.append(f"#{value * factor:.3g}")
        elif value >= 100:
            keys.append(f"#{int(value)}")
    return keys


def date_keys(text: str) -> list[str]:
    """Calendar dates written out in any of the tabled languages, as "@2008-03-01" and "@03-01" (the latter alone without a year)."""
    numbers, day_first, month_first = _month_patterns()
    keys = []
    for day, month, year in day_first.findall(text):
        keys += _date_key(year, numbers[month.casefold()], day)
    for month, day, year in month_first.findall(text):
        if month[0].islower():  # month-first is the English order, which capitalises months ("may 5" is a verb)
            continue
        keys += _date_key(year, numbers[month.casefold()], day)
    return keys


def _date_key(year: str, month: int, day: str) -> list[str]:
    number = int(day)
    if not 1 <= number <= 31:
        return []
    # The day without its year as well: a translation or a follow-up often leaves the year out.
    return (
        [f"@{year}-{month:02d}-{number:02d}", f"@{month:02d}-{number:02d}"] if year else [f"@{month:02d}-{number:02d}"]
    )
