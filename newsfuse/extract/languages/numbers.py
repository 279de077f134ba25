"""Numbers and money in a non-English article: local separators ("1.000,5", "3 000"), scale words ("200 milyar yen",
"1,4 mil millones de dólares", "1,4 Milliarden Dollar") and currency words, symbols and codes on either side.

English amounts stay with ``extract.money``; the USD conversion at the article's date and the linking of an
article's own conversion ("200 milyar yen (yaklaşık 1,4 milyar dolar)") are shared with it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfuse.extract.languages import words
from newsfuse.extract.money import CURRENCY_SYMBOLS, link_conversions, usd_rate
from newsfuse.extract.timex import parse_anchor
from newsfuse.records.mentions import MoneyMention

# Languages writing a decimal comma; French groups thousands with (narrow) spaces, the others with dots.
DECIMAL_COMMA = frozenset({"es", "fr", "de", "it", "nl", "pt", "tr"})
_SPACE_GROUPED = frozenset({"fr"})
# Symbols and codes read the same in every language; Brazilian reais and Turkish "TL" added.
_SYMBOLS = {**CURRENCY_SYMBOLS, "r$": "BRL", "brl": "BRL", "tl": "TRY"}
_SYMBOL = r"(?:US\$|R\$|\$|€|£|¥|₺|₹|₩|\b(?:USD|EUR|GBP|JPY|CNY|TRY|CHF|BRL)\b)"


def parse_number(text: str, language: str) -> float | None:
    """ "1.000,5" -> 1000.5 (decimal comma languages), "1,4" -> 1.4, "3 000" -> 3000; None when not a number.

    For a language whose convention is not known here, a separator followed by exactly three digits groups
    thousands unless it is the only separator and a comma ("2,500" stays ambiguous and reads as 2500).
    """
    clean = re.sub(r"[\s\u00a0\u202f']", "", text)
    if language in DECIMAL_COMMA:
        clean = clean.replace(".", "").replace(",", ".")
    elif "," in clean and "." in clean:
        decimal = max(clean.rfind(","), clean.rfind("."))
        clean = re.sub(r"[.,]", "", clean[:decimal]) + "." + clean[decimal + 1 :]
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", clean):
        clean = re.sub(r"[.,]", "", clean)
    else:
        clean = clean.replace(",", ".")
    try:
        return float(clean)
    except ValueError:
        return None


def _number_pattern(language: str) -> str:
    group = r"[\s\u00a0\u202f.]" if language in _SPACE_GROUPED else r"\."
    if language in DECIMAL_COMMA:
        return rf"\d{{1,3}}(?:{group}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
    return r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _alternation(items) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


@lru_cache(maxsize=32)
def money_pattern(language: str) -> re.Pattern:
    """Amount patterns of ``language``: [qualifier] [symbol] number [scale] [de] [currency word or symbol]."""
    number = _number_pattern(language)
    scales = words.SCALES.get(language, {})
    currencies = words.CURRENCY_WORDS.get(language, {})
    qualifiers = words.QUALIFIERS.get(language, {})
    qual = rf"(?:(?P<qual>{_alternation(qualifiers)})\s+)?" if qualifiers else ""
    scale = rf"(?:[ \u00a0]?(?P<scale>{_alternation(scales)})\b\.?)?" if scales else ""
    links = words.CURRENCY_LINK.get(language, ())
    # "millones de dólares", "millones de US$": the currency after its scale, joined by "de"; never across a line.
    link = rf"(?:[ \u00a0]+(?:{_alternation(links)})[ \u00a0]*)?" if links else ""
    after = rf"{link}[ \u00a0]?(?P<sym2>{_SYMBOL})"
    if currencies:
        after = rf"{link}[ \u00a0]?(?:(?P<word>{_alternation(currencies)})(?!\w)|(?P<sym2>{_SYMBOL}))"
    pattern = rf"{qual}(?:(?P<sym>{_SYMBOL})[ \u00a0]?(?P<num>{number}){scale}|(?P<num2>{number}){scale.replace('scale', 'scale2')}{after})"
    return re.compile(pattern, re.IGNORECASE)


def _currency(match: re.Match, language: str) -> str | None:
    groups = match.groupdict()
    symbol = groups["sym"] or groups["sym2"]
    if symbol:
        return _SYMBOLS.get(symbol.lower())
    word = groups.get("word")
    return words.CURRENCY_WORDS.get(language, {}).get(re.sub(r"\s+", " ", word.lower())) if word else None


def find_money(text: str, published: str | None, converter, language: str) -> list[MoneyMention]:
    """Money mentions of a ``language`` text, converted to USD at the publication date when it is known."""
    on = parse_anchor(published)
    scales = {k.casefold(): v for k, v in words.SCALES.get(language, {}).items()}
    qualifiers = words.QUALIFIERS.get(language, {})
    found: list[MoneyMention] = []
    for match in money_pattern(language).finditer(text):
        groups = match.groupdict()
        currency = _currency(match, language)
        number = parse_number(groups["num"] or groups["num2"], language)
        if currency is None or number is None:
            continue
        scale = (groups.get("scale") or groups.get("scale2") or "").casefold().rstrip(".")
        amount = number * scales.get(scale, scales.get(scale + ".", 1.0))
        qualifier = qualifiers.get((groups.get("qual") or "").lower(), "exact")
        rate = usd_rate(converter, currency, on) if on else None
        usd = round(amount * rate[0], 2) if rate else None
        start, end = match.span()
        found.append(
            MoneyMention(start, end, text[start:end], amount, currency, usd, rate[1] if rate else None, qualifier)
        )
    return link_conversions(text, found)
