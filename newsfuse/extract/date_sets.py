"""Recurring times as TIMEX3 SET values: "every Monday", "each spring", "on Sundays", "twice a week", "annual".

A recurring time names no calendar day, so reading it as one is an error, not a loss of detail:
"the council meets every Monday" in a Thursday article is not the coming Monday. TimeML gives a
set the value of one of its members with the varying part unspecified ("every Monday" is
XXXX-WXX-1, "each May" XXXX-05) or, for a bare frequency, the period ("every day", "daily" and
"$5 a day" are P1D; "every other week" P2W). Sets need no anchor and never bound an event's time
(``fuse.values.day_bounds`` reads no calendar day from them).
"""

from __future__ import annotations

import re

from newsfuse.extract.date_absolute import DateContext
from newsfuse.extract.date_relative import PARTS_OF_DAY, SEASONS
from newsfuse.extract.quantities import iso_duration
from newsfuse.extract.timex import WEEKDAYS
from newsfuse.ingest.dates import month_number

_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
# Lower case only, so names of newspapers ("Daily Mail", "The Weekly Standard") are not sets.
_ADVERBS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annual": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
}
# "15 a year", "5% a year", "$2 billion a year", "3,000 flights a day": a rate after a figure, within two words.
_FIGURE_BEFORE = re.compile(r"(?:\d|%|\b(?:percent|thousand|million|billion))\S*(?:\s+[a-z]+)?\s+$")
_COUNT_WORDS = r"once|twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) times"

# "every Monday", "every other week", "every spring", "each May", "every morning", "on Sundays",
# "twice a week", "15 a year" (after a figure: "$5 a day", "3,000 flights a day"; not "$5 billion a year ago"), "annual".
SET_PATTERN = (
    r"\b(?:(?i:every(?: other)?|each) (?:(?P<wd>" + _WEEKDAY + r")|(?P<mon>" + _MONTH + r")|"
    r"(?i:(?P<season>spring|summer|autumn|fall|winter)|(?P<part>morning|afternoon|evening|night)|"
    r"(?P<weekend>weekend)|(?P<unit>day|week|month|year|quarter|hour)))"
    r"|(?:(?<=\bon )|(?<=\bOn ))(?P<wds>" + _WEEKDAY + r")s"
    r"|(?:(?P<count>" + _COUNT_WORDS + r") )?(?P<rate>an?|per) (?P<per>day|week|month|year|hour)"
    r"(?!\s+(?:ago|earlier|later|before|after|from now)\b)"
    r"|(?P<adverb>" + "|".join(_ADVERBS) + r"))\b"
)


def recurring(match: re.Match, ctx: DateContext) -> tuple | None:
    """``(value, "set", False)`` for a recurring time; the anchor plays no part. None for "a day" that is no rate."""
    groups = match.groupdict()
    if groups["rate"] in {"a", "an"} and not groups["count"]:
        if not _FIGURE_BEFORE.search(ctx.text[max(0, match.start() - 40) : match.start()]):
            return None  # "spent a day there": a length of time, not a rate
    if groups["wd"] or groups["wds"]:
        value = f"XXXX-WXX-{WEEKDAYS[(groups['wd'] or groups['wds']).lower()] + 1}"
    elif groups["mon"]:
        value = f"XXXX-{month_number(groups['mon']):02d}"
    elif groups["season"]:
        value = f"XXXX-{SEASONS[groups['season'].lower()]}"
    elif groups["part"]:
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[groups['part'].lower()]}"
    elif groups["weekend"]:
        value = "XXXX-WXX-WE"
    elif groups["unit"] or groups["per"]:
        unit = (groups["unit"] or groups["per"]).lower()
        count = (3 if unit == "quarter" else 1) * (2 if " other " in match.group(0).lower() else 1)
        value = iso_duration(count, "month" if unit == "quarter" else unit)  # "every other week": P2W
    else:
        value = _ADVERBS[groups["adverb"]]
    return value, "set", False
