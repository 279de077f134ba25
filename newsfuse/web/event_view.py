"""The event page's view model: a fused ``EventRecord`` JSON reshaped for reading.

Builds the brief, the claims with their source chips and evidence, the contradictions, the
side-by-side per-source view and the timeline. Pure functions over plain JSON: no store access,
so the page can be tested from a record alone. All text stays raw here; templates escape it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from newsfuse.api.summaries import text_of

MODALITY_WORDS = {
    "happened": "reported as done",
    "planned": "planned or scheduled",
    "intended": "stated intention",
    "speculated": "speculation",
    "denied": "denied",
    "negated": "reported as not done",
    "alleged": "alleged",
    "claimed": "claimed by one side",
    "conditional": "conditional",
}


RELATION_WORDS = {"derived_from": "rewrite of another report", "duplicate_of": "copy of another report"}


def claim_statement(claim: Mapping[str, Any]) -> str:
    """The claim's own readable line, or one assembled from its parts when fusion left it empty."""
    if claim.get("statement"):
        return claim["statement"]
    subjects = ", ".join(a.get("text", "") for a in claim.get("subjects") or ())
    objects = ", ".join(a.get("text", "") for a in claim.get("objects") or ())
    parts = [subjects, claim.get("predicate") or claim.get("trigger") or "", objects or claim.get("description") or ""]
    return " ".join(p for p in parts if p) or claim.get("id", "")


def evidence_view(evidence: Mapping[str, Any], relation_of: Mapping[str, str | None]) -> dict[str, Any]:
    """One evidence sentence split around the clause that states the claim, for highlighting."""
    sentence = evidence.get("text") or ""
    offset = evidence.get("sentence_start") or 0
    start, end = (evidence.get("start") or offset) - offset, (evidence.get("end") or offset) - offset
    if not (0 <= start < end <= len(sentence)):
        start, end = 0, 0
    return {
        "article_id": evidence.get("article_id"),
        "outlet": evidence.get("source") or evidence.get("outlet") or "",
        "published": evidence.get("published"),
        "before": sentence[:start],
        "clause": sentence[start:end],
        "after": sentence[end:] if end else sentence,
        "modality": evidence.get("modality"),
        "attribution": evidence.get("attribution"),
        "attribution_kind": evidence.get("attribution_kind"),
        "anonymous": bool(evidence.get("anonymous")),
        "channel": evidence.get("channel"),
        "relation": relation_of.get(evidence.get("article_id") or ""),
    }


def claims_view(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    relation_of = {s.get("article_id", ""): s.get("relation") for s in record.get("sources") or ()}
    contradicted = {c.get("claim_id") for c in record.get("contradictions") or ()}
    out = []
    for claim in record.get("claims") or ():
        support = claim.get("support") or {}
        evidence = [evidence_view(e, relation_of) for e in claim.get("evidence") or ()]
        chips = list({(e["article_id"], e["outlet"], e["relation"]): None for e in evidence})
        out.append(
            {
                "id": claim.get("id"),
                "statement": claim_statement(claim),
                "modality": claim.get("modality") or "happened",
                "modality_words": MODALITY_WORDS.get(claim.get("modality") or "", claim.get("modality") or ""),
                "time": text_of(claim.get("time")) if claim.get("time") else "",
                "time_value": (claim.get("time") or {}).get("value"),
                "place": (claim.get("place") or {}).get("name"),
                "values": [v.get("text") or v.get("value") for v in claim.get("values") or ()],
                "quote": claim.get("quote"),
                "independent_sources": support.get("independent_sources", 0),
                "article_count": len(support.get("articles") or ()),
                "outlets": list(support.get("outlets") or ()),
                "chips": [{"article_id": a, "outlet": o or a, "relation": r} for a, o, r in chips],
                "evidence": evidence,
                "contradicted": claim.get("id") in contradicted,
            }
        )
    return out


def contradictions_view(record: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    statement_of = {c["id"]: c["statement"] for c in claims}
    out = []
    for item in record.get("contradictions") or ():
        sides = [
            {
                "value": text_of(side.get("value")),
                "independent_sources": side.get("independent_sources", 0),
                "outlets": list(dict.fromkeys(e.get("source") or "" for e in side.get("evidence") or ())),
                "evidence": [evidence_view(e, {}) for e in side.get("evidence") or ()],
            }
            for side in item.get("sides") or ()
        ]
        out.append(
            {
                "claim_id": item.get("claim_id"),
                "claim": statement_of.get(item.get("claim_id"), ""),
                "slot": item.get("slot"),
                "note": item.get("note") or "",
                "sides": sides,
            }
        )
    return out


def sources_view(record: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Side by side: for each report, the claims it states (and how) and what only it reports."""
    statement_of = {c["id"]: c["statement"] for c in claims}
    title_of = {s.get("article_id"): s.get("outlet") or s.get("title") for s in record.get("sources") or ()}
    columns = []
    for source in record.get("sources") or ():
        article_id = source.get("article_id")
        stated = []
        for claim in claims:
            modalities = [e["modality"] for e in claim["evidence"] if e["article_id"] == article_id]
            if modalities:
                stated.append(
                    {
                        "id": claim["id"],
                        "statement": claim["statement"],
                        "modality": modalities[0],
                        "contradicted": claim["contradicted"],
                    }
                )
        unique = [statement_of.get(c, c) for c in source.get("unique_claims") or ()]
        origin = source.get("origin_id")
        columns.append(
            {
                "article_id": article_id,
                "outlet": source.get("outlet") or source.get("source") or "",
                "title": source.get("title") or "",
                "language": source.get("language"),
                "published": source.get("published"),
                "url": source.get("url") or "",
                "relation": source.get("relation"),
                "origin": title_of.get(origin) if origin and origin != article_id else None,
                "origin_id": origin if origin != article_id else None,
                "claims": stated,
                "unique_claims": unique,
            }
        )
    return columns


def timeline_view(record: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Dated claims and report publications, in time order."""
    entries = []
    for claim in claims:
        if claim["time_value"]:
            entries.append(
                {
                    "when": claim["time_value"],
                    "kind": "claim",
                    "text": claim["statement"],
                    "modality": claim["modality"],
                    "claim_id": claim["id"],
                }
            )
    for source in record.get("sources") or ():
        if source.get("published"):
            entries.append(
                {
                    "when": source["published"],
                    "kind": "report",
                    "text": f"reported by {source.get('outlet') or source.get('title') or source.get('article_id')}",
                    "modality": None,
                    "article_id": source.get("article_id"),
                }
            )
    for related in record.get("related") or ():
        span = related.get("time") or {}
        if span.get("start"):
            entries.append(
                {
                    "when": span["start"],
                    "kind": "storyline",
                    "text": related.get("label") or "",
                    "modality": None,
                    "event_id": related.get("event_id"),
                }
            )
    entries.sort(key=lambda e: (str(e["when"]), e["kind"] != "storyline", e["kind"] != "claim"))
    return entries


def event_page_model(record: Mapping[str, Any]) -> dict[str, Any]:
    claims = claims_view(record)
    time = record.get("time") or {}
    return {
        "id": record.get("id"),
        "headline": record.get("headline") or "(untitled event)",
        "summary": [s.get("text", "") if isinstance(s, Mapping) else str(s) for s in record.get("summary") or ()],
        "time": time,
        "places": list(record.get("places") or ()),
        "participants": list(record.get("participants") or ()),
        "key_figures": list(record.get("key_figures") or ()),
        "independent_sources": record.get("independent_sources", 0),
        "article_count": len(record.get("sources") or ()),
        # The reports' languages, most reports first: an event told in several is shown as such.
        "languages": [
            code for code, _ in Counter(s.get("language") for s in record.get("sources") or ()).most_common() if code
        ],
        "first_seen": record.get("first_seen"),
        "last_updated": record.get("last_updated"),
        "claims": claims,
        "modality_counts": sorted(Counter(c["modality"] for c in claims).items(), key=lambda item: -item[1]),
        "contradictions": contradictions_view(record, claims),
        "sources": sources_view(record, claims),
        "timeline": timeline_view(record, claims),
        "related": list(record.get("related") or ()),
    }
