"""Money amounts: scale words, currency symbols and words, qualifiers, USD at the article's date (ECB rates).

"200 billion yen (approximately $1.4 billion)": the second amount is the article's own
conversion of the first; it is linked by ``conversion_of`` and flagged when it is more than 10%
off the ECB rate of the article's date (the nearest earlier rate when that day has none).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newsfuse.extract.languages import is_english, language_code
from newsfuse.extract.timex import parse_anchor
from newsfuse.records.mentions import MoneyMention

CONVERSION_TOLERANCE = 0.10
_QUALIFIERS = {
    "approximately": "approximate",
    "approx.": "approximate",
    "about": "approximate",
    "around": "approximate",
    "roughly": "approximate",
    "nearly": "approximate",
    "almost": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "close to": "approximate",
    "more than": "at_least",
    "over": "at_least",
    "at least": "at_least",
    "upwards of": "at_least",
    "just over": "at_least",
    "up to": "at_most",
    "less than": "at_most",
    "under": "at_most",
    "as much as": "at_most",
    "at most": "at_most",
    "just under": "at_most",
}
_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₺": "TRY",
    "₹": "INR",
    "₩": "KRW",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "try": "TRY",
    "inr": "INR",
    "chf": "CHF",
    "rmb": "CNY",
}
CURRENCY_SYMBOLS = _SYMBOLS  # read by ``extract.languages.numbers``
_WORDS = {
    "yen": "JPY",
    "dollar": "USD",
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "american dollar": "USD",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "hong kong dollar": "HKD",
    "singapore dollar": "SGD",
    "euro": "EUR",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "british pound": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "lira": "TRY",
    "turkish lira": "TRY",
    "rupee": "INR",
    "indian rupee": "INR",
    "won": "KRW",
    "ruble": "RUB",
    "rouble": "RUB",
    "swiss franc": "CHF",
    "franc": "CHF",
    "krona": "SEK",
    "krone": "NOK",
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

_QUAL = "(?P<qual>" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s?-?(?P<scale>thousand|million|billion|trillion|mln|bln|bn|mn|tn|m|k)\b)?"
_SYMBOL = r"(?P<sym>US\$|A\$|C\$|HK\$|S\$|NZ\$|\$|€|£|¥|₺|₹|₩|\b(?:USD|EUR|GBP|JPY|CNY|RMB|TRY|INR|CHF)\b)\s?"
_WORD = (
    r"\s(?P<word>(?:(?:US|U\.S\.|American|Australian|Canadian|Hong Kong|Singapore|British|Turkish|Indian|Swiss)\s)?"
    r"(?:yen|dollars?|euros?|pounds(?: sterling)?|pound|sterling|yuan|renminbi|liras?|rupees?|won|rubles?|roubles?|francs?|kronor|krona|kroner|krone))\b"
)
_PATTERN = re.compile(
    rf"(?:{_QUAL})?(?:{_SYMBOL}{_NUMBER}{_SCALE}|{_NUMBER.replace('num', 'num2')}{_SCALE.replace('scale', 'scale2')}{_WORD})",
    re.IGNORECASE,
)

# Every match holds a currency symbol, code or word: texts without one (most of them) skip the full
# pattern, whose optional leading qualifier makes it try every position of the text.
_ANY_CURRENCY = re.compile(
    r"[$€£¥₺₹₩]|\b(?:USD|EUR|GBP|JPY|CNY|RMB|TRY|INR|CHF)\b|\s(?:yen|dollars?|euros?|pounds|pound|sterling|yuan|"
    r"renminbi|liras?|rupees?|won|rubles?|roubles?|francs?|kronor|krona|kroner|krone)\b",
    re.IGNORECASE,
)


def _currency(match: re.Match) -> str | None:
    if match.group("sym"):
        return _SYMBOLS.get(match.group("sym").lower())
    word = re.sub(r"\s+", " ", match.group("word").lower())
    for candidate in (word, word.rstrip("s"), word.split(" ", 1)[-1], word.split(" ", 1)[-1].rstrip("s")):
        if candidate in _WORDS:
            if word.startswith(("us ", "u.s. ", "american ")):
                return "USD"
            return _WORDS[candidate]
    return None


def usd_rate(converter, currency: str, on: date) -> tuple[float, str] | None:
    """USD per unit of ``currency`` on ``on``, or on the nearest earlier day with an ECB rate."""
    if currency == "USD":
        return 1.0, on.isoformat()
    if converter is None or currency not in converter.currencies:
        return None
    bounds = converter.bounds.get(currency)
    day = min(on, bounds.last_date) if bounds else on
    for _ in range(15):
        if bounds and day < bounds.first_date:
            return None
        try:
            return converter.convert(1.0, currency, "USD", date=day), day.isoformat()
        except Exception:  # currency_converter raises RateNotFoundError for days without a fixing
            day -= timedelta(days=1)
    return None


def find_money(text: str, published: str | None, converter, language: str | None = None) -> list[MoneyMention]:
    """Money mentions, converted to USD at the publication date when it is known.

    A ``language`` other than English is read with its separators and words (``extract.languages.numbers``).
    """
    if not is_english(language):
        from newsfuse.extract.languages import numbers  # it uses this module's conversion helpers

        return numbers.find_money(text, published, converter, language_code(language))
    if not _ANY_CURRENCY.search(text):
        return []
    on = parse_anchor(published)
    found: list[MoneyMention] = []
    for match in _PATTERN.finditer(text):
        currency = _currency(match)
        number = match.group("num") or match.group("num2")
        if currency is None or number is None:
            continue
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        if scale in {"m", "k"} and not match.group("sym"):
            continue  # "5 m euros" is rare; "5 m" is usually metres
        amount = float(number.replace(",", "")) * _SCALES.get(scale, 1.0)
        qualifier = _QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
        rate = usd_rate(converter, currency, on) if on else None
        usd = round(amount * rate[0], 2) if rate else None
        found.append(
            MoneyMention(
                match.start(), match.end(), match.group(0), amount, currency, usd, rate[1] if rate else None, qualifier
            )
        )
    return link_conversions(text, found)


def link_conversions(text: str, mentions: list[MoneyMention]) -> list[MoneyMention]:
    """Mark "(approximately $1.4 billion)" right after an amount as its conversion, checked against the ECB rate."""
    out = list(mentions)
    for i in range(1, len(out)):
        previous, current = out[i - 1], out[i]
        between = text[previous.end : current.start]
        if current.currency == previous.currency or not re.fullmatch(r"\s*[(\[,–-]\s*(?:or\s+)?", between):
            continue
        off = False
        if current.usd is not None and previous.usd:
            off = abs(current.usd / previous.usd - 1.0) > CONVERSION_TOLERANCE
        out[i] = replace(current, conversion_of=i - 1, conversion_off=off)
    return out


def convert_at(mentions: tuple[MoneyMention, ...], on: str, converter) -> tuple[MoneyMention, ...]:
    """USD values for amounts that had none (an undated article), at ``on``; conversions re-checked."""
    day = parse_anchor(on)
    if day is None:
        return mentions
    out = []
    for mention in mentions:
        if mention.usd is None:
            rate = usd_rate(converter, mention.currency, day)
            if rate is not None:
                mention = replace(mention, usd=round(mention.amount * rate[0], 2), rate_date=rate[1])
        out.append(mention)
    for i, mention in enumerate(out):
        source = out[mention.conversion_of] if mention.conversion_of is not None else None
        if source is not None and source.usd and mention.usd is not None:
            out[i] = replace(mention, conversion_off=abs(mention.usd / source.usd - 1.0) > CONVERSION_TOLERANCE)
    return tuple(out)
