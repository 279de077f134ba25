"""One readable line per claim: "Gen Nakatani met Yaşar Güler in Ankara on 2025-08-19 (lasting at least PT1H30M)"."""

from __future__ import annotations

from newsfuse.fuse.values import describe
from newsfuse.records.claims import Claim, ClaimValue

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
    """Subject, verb with its modality, what (objects, amounts or the object phrase), where, when, how long."""
    subject = _names(claim.subjects) or "(unnamed)"
    if claim.predicate == "say":
        channel = next((e.channel for e in claim.evidence if e.channel and e.channel != e.attribution), None)
        where = f" on {channel}" if channel else ""
        return f"{subject} said{where}: “{claim.quote}”"
    if claim.modality == "happened":
        verb = past_tense(claim.predicate)
    else:
        verb = f"{_MODAL_PHRASE[claim.modality]} {claim.predicate}"
    parts = [subject, verb]
    direct_roles = {"object", "subject", "including", "among"} | ({"to"} if claim.predicate == "visit" else set())
    direct = _names(o for o in claim.objects if o.role in direct_roles)
    amounts = [describe(v) for v in claim.values if v.kind == "money"]
    if direct:
        parts.append(direct)
    if amounts:
        parts.append(" and ".join(amounts))
    if not direct and not amounts and claim.description and sum(1 for a in claim.subjects if a.entity_id) < 2:
        what = head_phrase(claim.description, claim.trigger) if claim.objects else short_description(claim.description)
        if what:
            parts.append(f"({what})")
    for role in dict.fromkeys(o.role for o in claim.objects if o.role not in _PLACE_ROLES | direct_roles):
        parts.append(f"{role} {_names(o for o in claim.objects if o.role == role)}")
    if claim.qualifiers:
        parts.append(f"(the {', '.join(claim.qualifiers)} such)")
    # "in Turkey" says no more than "in Ankara" once Ankara is known to be in Turkey
    country = claim.place.country if claim.place else None
    locations = [o.text for o in claim.objects if o.role in _PLACE_ROLES and o.text != country]
    if len(locations) > 1 or locations and not claim.place:
        parts.append(f"in {_names_of(locations)}")
    elif claim.place:
        parts.append(f"in {claim.place.name}")
    if claim.time:
        parts.append(_when(claim.time))
    for value in claim.values:
        if value.kind == "duration":
            parts.append(f"lasting {describe(value)}")
        elif value.kind != "money":
            parts.append(f"({value.kind}: {describe(value)})")
    return " ".join(parts)


def _when(time: ClaimValue) -> str:
    if time.qualifier == "by":
        return f"by {time.value}"
    if time.value and "/" in time.value:
        first, last = time.value.split("/")
        return f"from {first} to {last}"
    return f"on {time.value}" if time.value and len(time.value) == 10 else f"in {time.value or time.text}"


_PHRASE_END = {
    "from",
    "in",
    "on",
    "at",
    "that",
    "which",
    "of",
    "to",
    "into",
    "between",
    "with",
    "by",
    "for",
    "including",
}


def head_phrase(description: str, trigger: str) -> str:
    """ "integrating air, sea and underwater drones into the forces" -> "air, sea and underwater drones"."""
    words = description.split()
    if words and words[0].lower().startswith(trigger[:4].lower()) and len(words) > 1:
        words = words[1:]  # the verb itself ("integrating"); nouns ("regional tour") keep theirs
    out = []
    for word in words:
        if word.lower() in _PHRASE_END:
            break
        out.append(word)
    return " ".join(out[:8]).strip(" ,;:")


def short_description(text: str, limit: int = 90) -> str:
    """The object phrase cut at a word boundary, without dangling function words."""
    words = text.split()
    out: list[str] = []
    for word in words:
        if len(" ".join([*out, word])) > limit:
            break
        out.append(word)
    while out and out[-1].lower().strip(",;:(") in {
        "to",
        "from",
        "of",
        "and",
        "or",
        "in",
        "on",
        "for",
        "with",
        "the",
        "a",
        "an",
        "(",
    }:
        out.pop()
    text = " ".join(out).rstrip(",;:(")
    if text.count("(") > text.count(")"):
        text += ")"
    return text


def _names(arguments) -> str:
    return _names_of([a.text for a in arguments])


def _names_of(texts: list[str]) -> str:
    names = list(dict.fromkeys(texts))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
