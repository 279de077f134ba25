"""Normalised claim values (dates, durations, money, counts) and when two of them agree within tolerance.

Every value becomes an interval in base units (days, seconds, USD, units), so "more than an
hour and a half" [5400, open) agrees with "over 90 minutes", "200 billion yen" (~USD 1.35 billion)
agrees with "$1.4 billion", and 2025-08 contains 2025-08-19, while 2025-08-19 and 2025-08-21 do not.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newsfuse.records.claims import ClaimValue
from newsfuse.records.mentions import DateMention, MoneyMention, QuantityMention

APPROXIMATE_TOLERANCE = 0.10  # "about", "approximately" and currency conversions
EXACT_TOLERANCE = 0.03  # rounding in the writer's figure ("$1.4 billion")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_FISCAL = re.compile(r"^FY(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def day_bounds(value: str | None, end_value: str | None = None) -> tuple[float, float] | None:
    """The first and last day (proleptic ordinals) a TIMEX3 value covers; None when it is not a calendar date."""
    if not value:
        return None
    try:
        first = _first_last(value)
        if first is None:
            return None
        if end_value:
            last = _first_last(end_value)
            if last is not None:
                return first[0], last[1]
        return first
    except ValueError:
        return None


def _first_last(value: str) -> tuple[float, float] | None:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
        return d, d
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        nxt = date(year + (month == 12), month % 12 + 1, 1).toordinal()
        return date(year, month, 1).toordinal(), nxt - 1
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1).toordinal(), date(int(m[1]), 12, 31).toordinal()
    if m := _FISCAL.match(value):
        # fiscal years start anywhere from October of the year before (US) to April (Japan, UK, India)
        year = int(m[1])
        return date(year - 1, 10, 1).toordinal(), date(year + 1, 3, 31).toordinal()
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
        return monday, monday + 6
    if m := _QUARTER.match(value):
        year, quarter = int(m[1]), int(m[2])
        start = date(year, 3 * quarter - 2, 1).toordinal()
        end = (date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)).toordinal() - 1
        return start, end
    return None


def date_value(mention: DateMention) -> ClaimValue | None:
    bounds = day_bounds(mention.value, mention.end_value)
    if bounds is None:
        return None
    value = mention.value if not mention.end_value else f"{mention.value}/{mention.end_value}"
    qualifier = mention.bound or "exact"
    lower, upper = bounds
    if mention.bound == "by":
        lower = None  # "by the end of fiscal 2027": any time up to then
    return ClaimValue("date", mention.text, value, lower, upper, "day", qualifier)


def money_value(mention: MoneyMention) -> ClaimValue:
    usd = mention.usd if mention.usd is not None else (mention.amount if mention.currency == "USD" else None)
    lower, upper = _bounded(usd, mention.qualifier) if usd is not None else (None, None)
    return ClaimValue(
        "money", mention.text, f"{mention.amount:.0f} {mention.currency}", lower, upper, "USD", mention.qualifier, usd
    )


# "weighing 200 pounds", "5-foot-11, 220 pounds", "120,000 pounds of food": pounds as a weight, not sterling
_WEIGHED = re.compile(r"\bweigh|\btall\b|\bfeet\b|\bfoot\b|\d\s*['’]\s*\d|\d\s*(?:inch|in\.)", re.IGNORECASE)
_POUNDS = re.compile(r"\b(?:pounds?|lbs?)\b", re.IGNORECASE)
# "$30, 000": a thousands group that the corpus's tokenisation cut from its amount with a space
_THOUSANDS = re.compile(r"^, (\d{3})(?![\d,.]\d)")


def weight_in_pounds(text: str, mention: MoneyMention) -> bool:
    """Whether a money mention in pounds is a weight: written without "£", measured by "weigh", given with a
    height, or a mass of something ("pounds of heroin")."""
    if "£" in mention.text or not _POUNDS.search(mention.text):
        return False
    before = text[max(0, mention.start - 60) : mention.start]
    return bool(_WEIGHED.search(before)) or text[mention.end : mention.end + 4].lower() == " of "


def money_in_text(text: str, mention: MoneyMention) -> ClaimValue | None:
    """A money mention's value read against its text: None for a weight in pounds; "$30, 000" as 30,000."""
    if weight_in_pounds(text, mention):
        return None
    groups = _THOUSANDS.match(text[mention.end : mention.end + 12])
    if groups is None:
        return money_value(mention)
    factor = 1000 + int(groups.group(1)) / mention.amount if mention.amount else 1000
    scaled = replace(
        mention,
        text=mention.text + groups.group(0),
        end=mention.end + len(groups.group(0)),
        amount=mention.amount * factor,
        usd=None if mention.usd is None else mention.usd * factor,
    )
    return money_value(scaled)


def quantity_value(mention: QuantityMention) -> ClaimValue:
    unit = "s" if mention.kind == "duration" else mention.unit
    return ClaimValue(mention.kind, mention.text, mention.value, mention.lower, mention.upper, unit, mention.qualifier)


def _bounded(amount: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier == "at_least":
        return amount, None
    if qualifier == "at_most":
        return None, amount
    return amount, amount


def agree(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether two values of one kind can describe the same fact, allowing for rounding and approximation."""
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return _overlap(a.lower, a.upper, b.lower, b.upper, 0.0, 0.0)
    if a.lower is None and a.upper is None or b.lower is None and b.upper is None:
        return (a.value or a.text) == (b.value or b.text)
    return _overlap(a.lower, a.upper, b.lower, b.upper, _slack(a), _slack(b))


def _slack(value: ClaimValue) -> float:
    if (
        value.qualifier == "approximate"
        or value.kind == "money"
        and value.usd is not None
        and "USD" not in (value.value or "")
    ):
        return APPROXIMATE_TOLERANCE
    return EXACT_TOLERANCE


def _overlap(a_lo, a_hi, b_lo, b_hi, a_slack: float, b_slack: float) -> bool:
    inf = float("inf")
    a_lo = -inf if a_lo is None else a_lo * (1 - a_slack)
    a_hi = inf if a_hi is None else a_hi * (1 + a_slack)
    b_lo = -inf if b_lo is None else b_lo * (1 - b_slack)
    b_hi = inf if b_hi is None else b_hi * (1 + b_slack)
    return a_lo <= b_hi and b_lo <= a_hi


def describe(value: ClaimValue) -> str:
    """A short readable form: "2025-08-19", "at least 1 h 30 min", "200 billion yen (~USD 1.35 billion)"."""
    prefix = {"at_least": "at least ", "at_most": "at most ", "approximate": "about ", "by": "by "}.get(
        value.qualifier, ""
    )
    if value.kind == "money":
        if value.usd is None:
            return value.text or value.value or ""
        usd = f"USD {value.usd / 1e9:.2f} billion" if value.usd >= 1e8 else f"USD {value.usd:,.0f}"
        if (value.value or "").endswith(" USD"):
            return prefix + usd
        return f"{value.text or value.value} (~{usd})"
    if value.kind == "duration" and value.qualifier == "vague":
        return value.text or value.value or ""  # "for years": its bound only says more than one
    if value.kind == "duration" and (value.lower or value.upper):
        return prefix + _seconds((value.lower if value.lower is not None else value.upper) or 0)
    return f"{prefix}{value.value or value.text}"


def _seconds(total: float) -> str:
    if total >= 365 * 86400:
        return f"{total / (365.25 * 86400):.3g} years"
    if total >= 60 * 86400:
        return f"{total / (30.44 * 86400):.3g} months"
    days, rest = divmod(int(total), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} d" if days else "", f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]
    return " ".join(p for p in parts if p) or f"{int(total)} s"


# What a bare count counts, from the words beside it: "24 dead", "killing five", "injured 12 people"
_COUNT_TYPES = {
    "dead": {
        "dead",
        "killed",
        "kills",
        "kill",
        "died",
        "dies",
        "deaths",
        "death",
        "killing",
        "fatalities",
        "lives",
        "bodies",
    },
    "injured": {"injured", "wounded", "wounds", "injures", "hurt", "injuring", "wounding", "injuries"},
    "arrested": {"arrested", "detained", "arrests", "detentions", "arresting", "held"},
    "missing": {"missing"},
    "displaced": {"displaced", "homeless", "evacuated", "refugees"},
}
_TYPE_OF = {word: kind for kind, words in _COUNT_TYPES.items() for word in words}
_WORDS = re.compile(r"[A-Za-z]+")


def typed_kind(value: ClaimValue, text: str, start: int, end: int) -> ClaimValue:
    """A count typed by what it counts (dead, injured, arrested, ...) or a magnitude; other values as they are."""
    if value.kind not in {"count", "number", "quantity"}:
        return value
    if is_age(text, start, end):
        return value  # "Mark Felt ... died at 95", "Garcia-Ramires, 36, ...": a person's age, not a toll
    # a comma ends the number's own phrase ("1 dead, 2 hurt": the two are hurt, not dead)
    before = _WORDS.findall(re.split(r"[,;]", text[max(0, start - 30) : start])[-1].lower())[-3:]
    after = _WORDS.findall(text[end : end + 40].lower())[:4]
    if "magnitude" in before + after[:1]:
        return replace(value, kind="magnitude")
    # the verb just before the number first ("killed at least six people, injured almost 50": six
    # dead), then the word after it ("five dead", "five people hurt")
    head = after[1:2] if after[:1] and after[0] in _COUNTED else after[:1]
    for word in _own_conjunct(before) + head + after[1:3]:
        if word in _HIT:
            return value  # "shooting three people, killing one": three were hit, not three dead
        if word in _TYPE_OF:
            return replace(value, kind=_TYPE_OF[word])
    return value


# verbs whose object counts the people hit, of whom some may have died: no toll of one type
_HIT = {"shooting", "shot", "shoots", "stabbing", "stabbed", "attacking", "attacked"}


def _own_conjunct(before: list[str]) -> list[str]:
    """The words before a number, nearest first, back to the conjunction that starts its own conjunct
    ("Woman Dead and 2 Hurt": "dead" belongs to the woman, not to the two)."""
    out = []
    for word in reversed(before):
        if word in {"and", "or", "while", "but"}:
            break
        out.append(word)
    return out


_COUNTED = {"people", "persons", "others", "civilians", "soldiers", "children", "students", "residents", "victims"}
_AGE_BEFORE = re.compile(r"(?:\bage(?:d)?(?: of)?|\b(?:died|dies|dead|death) at)\s*$", re.IGNORECASE)
# "Smith, 36,", and for several people named before it "Tennant and Hakim, both 51,"
_NAME_COMMA = re.compile(r"(?:[A-Z][\w.'-]*,|,\s*(?:both|each|all|ages|aged))\s*$")


def is_age(text: str, start: int, end: int) -> bool:
    """Whether the number ``text[start:end]`` is someone's age: "95-year-old", "at age 95", "died at 95", "Smith, 36,",
    "..., both 51, died"."""
    after = text[end : end + 12]
    before = text[max(0, start - 16) : start]
    if re.match(r"^\s*(?:-\s*)?(?:years?\s*-?\s*old|year-old)", after, re.IGNORECASE):
        return True
    if _AGE_BEFORE.search(before):
        return True
    return bool(_NAME_COMMA.search(before)) and after.lstrip().startswith(",")
