"""Roles from titles and appositions, as person-role-organisation/country facts.

"Japanese Defense Minister Gen Nakatani" -> (Nakatani, defence minister, Japan);
"Baykar Chairman Selçuk Bayraktar and CEO Haluk Bayraktar" -> chairman and ceo of Baykar;
"Gen Nakatani, Minister of Defense of Japan," -> defence minister of Japan;
"his Turkish counterpart, Yaşar Güler" -> the role of the person he is the counterpart of, for Türkiye.
"""

from __future__ import annotations

import re

from newsfuse.records.mentions import EntityMention, RoleFact

_ROLE_HEAD = (
    r"(?i:Prime Minister|Minister|Secretary(?: General)?|Chairman|Chairwoman|Chair|CEO|Chief Executive(?: Officer)?|"
    r"President|Vice President|Spokesman|Spokeswoman|Spokesperson|Director(?: General)?|Ambassador|Governor|"
    r"Mayor|Chief|Head|Premier|Chancellor|Founder|Commander|Chief of Staff|CFO|COO|Undersecretary|Deputy)"
)
# Capitalised words ("Defense Industries"), or the lowercase fields news style writes ("defence minister").
_MODIFIER = (
    r"(?:[A-Z][\w-]*|of|and|for|the|defen[cs]e|foreign|finance|interior|trade|economy|economic|justice|health|"
    r"education|energy|industry|transport|agriculture|environment|labou?r|home|prime|deputy|vice|chief|executive|"
    r"senior|acting|former)"
)
_TITLE_BEFORE = re.compile(rf"(?P<title>(?:{_MODIFIER}\s+){{0,4}}?{_ROLE_HEAD})\s+$")
_INNER_TITLE = re.compile(rf"^(?P<title>(?:{_MODIFIER}\s+){{0,4}}?{_ROLE_HEAD})\s+")
_APPOSITION = re.compile(
    rf"^,\s+(?:the\s+|a\s+)?(?P<title>(?:{_MODIFIER}\s+){{0,4}}?{_ROLE_HEAD}"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*){0,2})\s*[,.;]"
)
_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?:(?P<norp>[A-Z]\w+)\s+)?counterpart,?\s+$")
_OF_TYPES = {"GPE", "NORP", "ORG", "LOC"}


def normalise_role(title: str) -> str:
    """ "Defense Minister", "Minister of Defense", "defence minister" -> "defence minister"; "Chief Executive" -> "ceo"."""
    text = re.sub(r"\s+", " ", title.strip().casefold())
    text = re.sub(r"\bdefense\b", "defence", text)
    text = re.sub(r"\bchief executive(?: officer)?\b", "ceo", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    match = re.match(
        r"^(?P<head>[\w ]+?) of (?:the )?(?P<field>defence|foreign affairs|finance|interior|trade|justice|state|"
        r"economy|health|education|energy|industry|agriculture|transport)\b",
        text,
    )
    if match:
        text = f"{match.group('field')} {match.group('head')}"
    text = re.sub(r" of [\w .'-]+$", "", text)  # "minister of japan": the country is the fact's other end
    return text.replace("foreign affairs", "foreign")


def _entity_before(entities: list[EntityMention], position: int, text: str) -> EntityMention | None:
    """The GPE/NORP/ORG entity that ends right before ``position`` ("Japanese ", "Turkey's ", "Baykar ")."""
    for mention in reversed(entities):
        if mention.end <= position and mention.label in _OF_TYPES:
            gap = text[mention.end : position]
            return mention if re.fullmatch(r"(?:['’]s)?\s*", gap) else None
        if mention.end <= position:
            return None
    return None


def _entity_inside(entities: list[EntityMention], start: int, end: int) -> EntityMention | None:
    inside = [m for m in entities if start <= m.start and m.end <= end and m.label in _OF_TYPES]
    return inside[-1] if inside else None


def find_roles(text: str, entities: list[EntityMention]) -> list[RoleFact]:
    """Role facts for every person mention with a title before it or an apposition after it."""
    facts: list[RoleFact] = []
    ordered = sorted(entities, key=lambda m: m.start)
    for index, person in enumerate(ordered):
        if person.label != "PERSON" or not person.entity_id:
            continue
        line_start = max(text.rfind("\n", 0, person.start), text.rfind(". ", 0, person.start)) + 1
        fact = _title_before(text, ordered[:index], person, line_start, facts) or _apposition(text, ordered, person)
        if fact is None:
            fact = _counterpart(text, ordered[:index], person, line_start, facts)
        if fact is not None:
            facts.append(fact)
    return facts


def _title_before(text, before, person, line_start, facts) -> RoleFact | None:
    inner = _INNER_TITLE.match(person.text)
    if inner and len(person.text.split()) > len(inner.group("title").split()) + 1:
        # The person span itself starts with the title ("Defense Minister Yaşar Güler" tagged whole).
        title_start, title_end = person.start, person.start + inner.end("title")
    else:
        people_before = [m.end for m in before if m.label == "PERSON"]
        region = max([line_start, *people_before])
        match = _TITLE_BEFORE.search(text[region : person.start])
        if not match:
            return None
        title_start, title_end = region + match.start("title"), region + match.end("title")
    of = _entity_before(before, title_start, text)
    leading = [m for m in before if m.start == title_start and m.end < title_end and m.label in _OF_TYPES]
    if leading:  # "Baykar Chairman", "Japanese Defense Minister": the entity is what the role is for
        of, title_start = leading[0], leading[0].end
    connector = re.match(r"\s*(?:(?:['’]s|and|of|for|the)\s+)*", text[title_start:title_end])
    title_start += connector.end()
    title = text[title_start:title_end].strip()
    start = of.start if of else title_start
    if of is None and facts and before and before[-1].label == "PERSON":
        if re.fullmatch(r"\s*and\s+", text[before[-1].end : title_start]):
            of_id = facts[-1].of_entity_id  # "Baykar Chairman Selçuk Bayraktar and CEO Haluk Bayraktar"
            return RoleFact(person.entity_id, normalise_role(title), of_id, start, person.end, text[start : person.end])
    return RoleFact(
        person.entity_id,
        normalise_role(title),
        of.entity_id if of else None,
        start,
        person.end,
        text[start : person.end],
    )


def _apposition(text, entities, person) -> RoleFact | None:
    match = _APPOSITION.match(text[person.end : person.end + 120])
    if not match:
        return None
    start, end = person.end + match.start("title"), person.end + match.end("title")
    of = _entity_inside(entities, start, end)
    return RoleFact(
        person.entity_id,
        normalise_role(match.group("title")),
        of.entity_id if of else None,
        person.start,
        end,
        text[person.start : end],
    )


def _counterpart(text, before, person, line_start, facts) -> RoleFact | None:
    match = _COUNTERPART.search(text[line_start : person.start])
    if not match or not facts:
        return None
    other = next((f for f in reversed(facts) if f.person_entity_id != person.entity_id), None)
    if other is None:
        return None
    start = line_start + match.start()
    of = _entity_inside(before, start, person.start)
    return RoleFact(
        person.entity_id, other.role, of.entity_id if of else None, start, person.end, text[start : person.end]
    )
