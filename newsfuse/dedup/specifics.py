"""The specifics of a happening: who (victims, suspects), how old, where exactly, when in the day.

Reports of many similar local incidents (shootings, crashes, fires in one city within weeks) share
their vocabulary, their city, police department and hospital; what tells two incidents apart is the
detail: the people named with their age ("Tenisha Mallet, 21,"), the street or block, the time. Two
reports that share such a detail are about one happening, two that both give one and differ are
about two. Cheap regexes, no parser: they run on every article clustering sees.

Dedup reads them too (two house-style briefs about different people are no rewrite of each other), and
it runs before clustering, so they live here. Kinds: ``person`` (surnames of people named with an age, or after "identified as"/"charged"), ``age``,
``street`` (street names and "block of" addresses, suffix normalised) and ``hour`` (clock times).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_NAME = r"[A-Z][a-zA-Z'\-]+(?:[ ]+(?:[A-Z]\.[ ]+)?[A-Z][a-zA-Z'\-]+){1,2}(?:[ ]+(?:Jr|Sr|II|III)\.?)?"
# Each pattern starts with the character class it needs and checks what precedes it afterwards (as in
# ``features._NAME_RUN``): a leading \b is tried at every position of the text (same matches, 2-4x faster).
# "Tenisha Mallet, 21," / "Jamal Williams (19)" / "identified as John Smith" / "charged Ray Lee"; the age is
# set off by a comma, a parenthesis or "age(d)": a bare number after a name is a station ("KSLA News 12").
_PERSON_AGE = re.compile(
    rf"([A-Z](?<!\w[A-Z]){_NAME[5:]})(?:,[ ]+(?:aged?[ ])?|[ ]+\(|,?[ ]+aged?[ ])(\d{{1,2}})\b(?!-year|\d|,\d|[ -]?[Yy]ears?\b)"
)
_PERSON_CUE = re.compile(
    r"[acinsv](?<!\w[acinsv])(?:dentified (?:him |her |them |the \w+ )?as|amed|harged|rrested|uspect|ictim|hooter)"
    rf"[ ,]+({_NAME})\b"
)
# "15-year-old Brennon Davis", "identified as 23-year-old Sean Bialas": the age before the name, as headlines
# and ledes give it (one word of who may stand between: "a 17-year-old boy, Ray Lee,").
_AGE_PERSON = re.compile(
    r"(\d(?<!\w\d)\d?)[- ]year[- ]old(?:[ ]+(?:man|woman|boy|girl|teen|teenager|son|daughter|mother|father|victim),?)?"
    rf"[ ]+({_NAME})\b"
)
_AGE = re.compile(r"(\d(?<!\w\d)\d?)[- ]year[- ]old\b", re.IGNORECASE)
_STREET_TYPES = {
    "street": "st", "st": "st", "avenue": "ave", "ave": "ave", "road": "rd", "rd": "rd", "drive": "dr", "dr": "dr",
    "boulevard": "blvd", "blvd": "blvd", "lane": "ln", "ln": "ln",
    "parkway": "pkwy", "highway": "hwy", "circle": "cir", "terrace": "ter", "way": "way", "pike": "pike",
}  # fmt: skip
_STREET_TYPE = re.compile(
    r" (Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Parkway|Highway|Circle|Terrace|Way|Pike)\b\.?"
)
# The name before a street type, read backwards from it: at most "N. 23rd Martin Luther" (the street type
# is found first, as it is rare; trying the whole pattern at every capital was most of this module's time).
_STREET_NAME = re.compile(
    r"(?<![\w'])((?:[NSEW]\.?[ ]|North |South |East |West )?(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:[ ][A-Z][a-z]+)?)\Z"
)
# "the 11600 block of S. Bishop", "13000 block of Kilbourne": police addresses often give the block and the
# street's name without its type (typed ones, "block of Newburgh Drive", are found by ``_STREET_TYPE``).
_BLOCK_OF = re.compile(
    r"\d(?<!\w\d)\d{0,4}[ -]block of ((?:[NSEW]\.?[ ]|North |South |East |West )?"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)(?:[ ][A-Z][a-z]+)?)\b(?![ ]?\.?[ ]?[A-Z0-9])"
)
_CLOCK = re.compile(r"(\d(?<!\w\d)\d?)(?::(\d{2}))?[ ]?([ap])\.?[ ]?m\b\.?", re.IGNORECASE)
_NOT_NAMES = frozenset(
    "police officer officers sheriff deputy chief sgt lt det detective officials authorities spokesman spokeswoman"
    " the a an he she they his her county city state north south east west new image photo video file copyright"
    " getty associated press staff january february march april may june july august september october november"
    " december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday"
    " sunday".split()
)
KINDS = ("person", "age", "street", "hour")
_LEAD_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s|\n")
# A happening unfolds over hours (the shots at 4 p.m., the surrender at 6 p.m., reports timing either), so
# clock times within three hours agree; two separate incidents' times fall further apart 3 times in 4.
_TOLERANCE = {"hour": {0, 1, 2, 3, 21, 22, 23}, "age": {0, 1}}
Specifics = Mapping[str, frozenset[str]]


def lead_of(text: str, sentences: int = 6) -> str:
    """The headline and first ``sentences`` (within 600 characters), where a report tells its happening's own
    details; clustering counts its first two twice (what the report is about)."""
    ends = [m.end() for m in _LEAD_END.finditer(text, 0, 600)]
    return text[: ends[sentences - 1]] if len(ends) >= sentences else text[:600]


def _surname(name: str) -> str | None:
    words = [w for w in name.replace(".", " ").split() if w not in ("Jr", "Sr", "II", "III")]
    if len(words) < 2 or any(w.casefold() in _NOT_NAMES for w in words):
        return None
    return words[-1].casefold()


def specifics_of(text: str, lead: str | None = None) -> dict[str, frozenset[str]]:
    """Each kind of specific detail ``text`` gives (only kinds found are present), and under ``"lead"`` the
    kinds its ``lead`` (headline and first sentences) gives: the happening's own details are told there,
    while people and places further down may be background (an earlier case, a quoted neighbour)."""
    found = _details(text)
    found_kinds = {kind: frozenset(value for _, value in values) for kind, values in found.items()}
    if lead is not None:
        if text.startswith(lead):  # the usual case: the lead's details are those found before its end
            in_lead = frozenset(kind for kind, values in found.items() if values[0][0] < len(lead))
        else:
            in_lead = frozenset(_details(lead))
        if in_lead:
            found_kinds["lead"] = in_lead
    return found_kinds


def _lower_case_in(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w'\-]){re.escape(word)}(?![\w'\-])", text) is not None


def _details(text: str) -> dict[str, list[tuple[int, str]]]:
    """Kind -> ``(position, value)`` of each detail, in text order (only kinds found)."""
    # "Name, 21": an age only where the name is a person's ("Posted on Thu Jun 13", "EDT May 2" are dates).
    named = [(m.start(), _surname(m.group(1)), m.group(2)) for m in _PERSON_AGE.finditer(text)]
    named += [(m.start(), _surname(m.group(2)), m.group(1)) for m in _AGE_PERSON.finditer(text)]
    named = [(at, surname, age) for at, surname, age in named if surname is not None]
    people = [(at, surname) for at, surname, _ in named]
    people += [(m.start(1), _surname(m.group(1))) for m in _PERSON_CUE.finditer(text)]
    # A word the text also writes in lower case is an ordinary word capitalised by a Title Case headline
    # ("Teen Shot 12 Times"), not a surname.
    ordinary = {s for _, s in people if s is not None and _lower_case_in(s, text)}
    people = [(at, s) for at, s in people if s is not None and s not in ordinary]
    ages = [(m.start(), m.group(1)) for m in _AGE.finditer(text)] + [
        (at, age) for at, s, age in named if s not in ordinary
    ]
    streets = []
    for match in _STREET_TYPE.finditer(text):
        name = _STREET_NAME.search(text[max(0, match.start() - 40) : match.start()])
        if name is None:
            continue
        words = _street_words(name.group(1))
        if words[-1] in _NOT_NAMES or words[-1] in _STREET_TYPES:  # "Cascades Parkway Way": one street
            continue
        streets.append(
            (match.start() - len(name.group(1)), " ".join([*words, _STREET_TYPES[match.group(1).casefold()]]))
        )
    streets += _blocks_of(text)
    hours = []
    for match in _CLOCK.finditer(text):
        hour = int(match.group(1))
        if 1 <= hour <= 12:
            hours.append((match.start(), str(hour % 12 + (12 if match.group(3).casefold() == "p" else 0))))
    found = {"person": people, "age": ages, "street": streets, "hour": hours}
    return {kind: sorted(values) for kind, values in found.items() if values}


def _blocks_of(text: str) -> list[tuple[int, str]]:
    """``(position, name)`` of each "block of" address that gives no street type: "south bishop", "kilbourne"."""
    found = []
    for match in _BLOCK_OF.finditer(text):
        words = _street_words(match.group(1))
        if any(word in _STREET_TYPES or word in _NOT_NAMES for word in words[-1:]) or words[-1] in _DIRECTIONS.values():
            continue
        found.append((match.start(1), " ".join(words)))
    return found


_DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west"}
_ORDINALS = {
    w: f"{n}{'st' if n % 10 == 1 and n != 11 else 'nd' if n % 10 == 2 and n != 12 else 'rd' if n % 10 == 3 and n != 13 else 'th'}"
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1
    )
}


def _street_words(name: str) -> list[str]:
    """A street name's words, written one way: "W. 16th" and "West 16th", "E. Fourth" and "East 4th" agree."""
    words = name.casefold().replace(".", "").split()
    if len(words) > 1 and words[0] in _DIRECTIONS:
        words[0] = _DIRECTIONS[words[0]]
    return [_ORDINALS.get(word, word) for word in words]


def _near(a: frozenset[str], b: Mapping[str, int], tolerance: set[int]) -> set[str]:
    """Values of ``a`` within the tolerance of one of ``b``: "3:47 p.m." and "about 4 p.m." agree, and so do
    ages 33 and 34 (a birthday between two reports)."""
    other = {int(v) for v in b}
    return {v for v in a if any(abs(int(v) - o) in tolerance for o in other)}


_TYPE_ABBREVIATIONS = frozenset(_STREET_TYPES.values())


def _untyped(street: str) -> str | None:
    """A street given without its type ("south bishop" from "block of S. Bishop"): its name; None for a typed one."""
    return None if street.rsplit(" ", 1)[-1] in _TYPE_ABBREVIATIONS else street


def _same_street(a: frozenset[str], b: Mapping[str, int]) -> set[str]:
    """Streets of ``a`` that one of ``b`` names too, one perhaps more fully: "high st" is "wellington high st", and
    "south bishop" (written without its type) is "south bishop st"."""
    return {v for v in a if any(_one_street(v, w) for w in b)}


def _one_street(v: str, w: str) -> bool:
    if v == w or w.endswith(" " + v) or v.endswith(" " + w):
        return True
    if _untyped(v) is None and _untyped(w) is None:
        return False
    v, w = street_name(v), street_name(w)  # one gives no type: compare the names
    return v == w or w.endswith(" " + v) or v.endswith(" " + w)


def street_name(street: str) -> str:
    """A street's name without its type: "south bishop" for "south bishop st" and for "south bishop"."""
    return street if _untyped(street) is not None or " " not in street else street.rsplit(" ", 1)[0]


def _same_name_other_type(a: frozenset[str], b: Mapping[str, int]) -> bool:
    """Whether a named (not numbered) street of ``a`` has the name of one of ``b`` with another type: reports of
    one happening write "Skillman Road" and "Skillman Street"; that is no evidence of two places."""
    names = {v.rsplit(" ", 1)[0].split()[-1] for v in b if " " in v and _untyped(v) is None}
    return any(
        not v[0].isdigit() and v.rsplit(" ", 1)[0].split()[-1] in names for v in a if " " in v and _untyped(v) is None
    )


def compare(article: Specifics, event: Mapping[str, Mapping[str, int]]) -> tuple[dict[str, list[str]], list[str]]:
    """Details shared with the event (kind -> values) and the kinds where both give some and none agree."""
    shared: dict[str, list[str]] = {}
    conflicts: list[str] = []
    leads, their_leads = article.get("lead", frozenset()), event.get("lead", {})
    for kind, values in article.items():
        theirs = event.get(kind)
        if not theirs or kind == "lead":
            continue
        if kind in _TOLERANCE:
            same = _near(values, theirs, _TOLERANCE[kind])
        elif kind == "street":
            same = _same_street(values, theirs)
        else:
            same = values & theirs.keys()
        if same:
            shared[kind] = sorted(same)
        elif kind == "street" and _same_name_other_type(values, theirs):
            continue
        elif kind in leads or kind in their_leads:  # a lead gives such a detail, and no value agrees
            conflicts.append(kind)
    return shared, conflicts


# A report listing more victims than this is a roundup (a night's shootings across a city): its ages and
# names agree with other reports by chance. An event gathers several reports' variants, so it may list more.
FINGERPRINT_MAX = {"article": 4, "event": 6}


def fingerprint(article: Specifics, event: Mapping[str, Mapping[str, int]], shared: Mapping[str, list[str]]) -> int:
    """How many details of the ``shared`` ones (``compare``) make a fingerprint: people, ages and streets (a time
    of day is too common) agreeing where neither side lists so many that agreement is chance."""
    return sum(
        len(values)
        for kind, values in shared.items()
        if kind != "hour"
        and len(article.get(kind, ())) <= FINGERPRINT_MAX["article"]
        and len(event.get(kind, ())) <= FINGERPRINT_MAX["event"]
    )


def place_and_victim(shared: Mapping[str, list[str]], agreeing: int) -> bool:
    """Whether the ``shared`` details (``compare``) give the happening's street and a victim's age again, both agreeing
    outside a roundup (``agreeing``, from ``fingerprint``): a report that names no one in full ("the 15-year-old shot
    on Blue Wing Street") is then about the same happening as one that does. A numbered street ("5th Street") runs
    through every district of a city and ties nothing on its own."""
    named = [street for street in shared.get("street", ()) if not any(word[0].isdigit() for word in street.split())]
    return bool(named) and "age" in shared and agreeing >= 2
