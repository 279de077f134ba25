"""One readable line per claim: "Gen Nakatani met Yaşar Güler in Ankara on 2025-08-19 (lasting at least PT1H30M)"."""

from __future__ import annotations

from newsfuse.fuse.values import describe
from newsfuse.records.claims import Claim

# Past tense of the predicate classes and common irregular verbs; other verbs get "-ed".
_PAST = {
    "meet": "met",
    "visit": "visited",
    "agree": "agreed",
    "allocate": "allocated",
    "consider": "considered",
    "acquire": "acquired",
    "supply": "supplied",
    "brief": "briefed",
    "attend": "attended",
    "integrate": "integrated",
    "condemn": "condemned",
    "say": "said",
    "hold": "held",
    "make": "made",
    "take": "took",
    "buy": "bought",
    "sell": "sold",
    "spend": "spent",
    "win": "won",
    "lose": "lost",
    "send": "sent",
    "leave": "left",
    "begin": "began",
    "give": "gave",
    "tell": "told",
    "build": "built",
    "fight": "fought",
    "bring": "brought",
}
_PLACE_ROLES = {"in", "at", "near", "inside", "across"}
_MODAL_PHRASE = {
    "planned": "is scheduled to",
    "intended": "intends to",
    "speculated": "may",
    "denied": "did not",
}


def past_tense(verb: str) -> str:
    if verb in _PAST:
        return _PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def render(claim: Claim) -> str:
    subject = _names(claim.subjects) or "(unnamed)"
    if claim.predicate == "say":
        channel = next((e.channel for e in claim.evidence if e.channel), None)
        where = f" on {channel}" if channel else ""
        return f"{subject} said{where}: “{claim.quote}”"
    verb = (
        past_tense(claim.predicate)
        if claim.modality == "happened"
        else f"{_MODAL_PHRASE[claim.modality]} {claim.predicate}"
    )
    parts = [subject, verb]
    objects = _names(o for o in claim.objects if o.role not in _PLACE_ROLES)
    if objects:
        parts.append(objects)
    elif claim.description and sum(1 for a in claim.subjects if a.entity_id) < 2:
        parts.append(f"({claim.description})")
    if claim.qualifiers:
        parts.append(f"[{', '.join(claim.qualifiers)} such]")
    locations = [o.text for o in claim.objects if o.role in _PLACE_ROLES]
    if claim.place:
        parts.append(f"in {claim.place.name}")
    elif locations:
        parts.append(f"in {_names_of(locations)}")
    if claim.time:
        parts.append(("on " if claim.time.qualifier == "exact" else "") + describe(claim.time))
    for value in claim.values:
        parts.append(f"({value.kind}: {describe(value)})")
    return " ".join(parts)


def _names(arguments) -> str:
    return _names_of([a.text for a in arguments])


def _names_of(texts: list[str]) -> str:
    names = list(dict.fromkeys(texts))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
