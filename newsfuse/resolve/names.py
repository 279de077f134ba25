"""Name normalisation for matching: diacritics and transliteration folded, case, punctuation and titles removed."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Letters NFKD does not decompose into a base letter plus marks.
_TRANSLITERATE = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        "’": "'",
        "‘": "'",
    }
)
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")

# Honorifics and job titles that may prefix a name in running text ("Defense Minister Gen Nakatani").
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady h.e. his her excellency president vice prime minister
    deputy foreign defense defence finance interior trade economy chancellor secretary general gen. lt
    col. colonel admiral adm. sgt. capt. captain major commander chief chairman chairwoman chair ceo cfo
    coo founder director spokesman spokeswoman spokesperson ambassador governor mayor senator sen. rep.
    representative king queen prince princess pope judge justice minister-president premier""".split()
)


def fold(text: str) -> str:
    """Strip diacritics and transliterate special letters: "Yaşar Güler" -> "Yasar Guler"."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    return "".join(c for c in text if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """Matching key: folded, case-folded, possessive and punctuation removed, leading "the" dropped."""
    text = _POSSESSIVE.sub("", fold(name.strip()))
    text = _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip().casefold()
    return text[4:] if text.startswith("the ") else text


def match_key(name: str) -> str:
    """Key for looking a name up: ``name_key``, except that short acronyms keep their case ("US" is not "Us")."""
    bare = name.replace(".", "").strip()
    if bare.isupper() and len(bare) <= 4:
        return "=" + bare
    return name_key(name)


def strip_titles(name: str) -> str:
    """Drop leading honorifics/titles: "Defense Minister Yasar Guler" -> "Yasar Guler" (keeps at least one word)."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(",") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def surname(name: str) -> str:
    """Last word of a person's name, folded: the key that surname-only mentions use."""
    words = name_key(strip_titles(name)).split()
    return words[-1] if words else ""


def entity_id_for(label: str, canonical: str) -> str:
    """Content-hash id of a canonical entity: the same name and kind give the same id everywhere."""
    kind = "GPE" if label in {"GPE", "LOC"} else label
    digest = hashlib.sha256(f"{kind}\n{name_key(canonical)}".encode()).hexdigest()
    return f"ent_{digest[:16]}"
