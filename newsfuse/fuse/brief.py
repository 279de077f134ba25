"""The Markdown brief of one event record: what an analyst would forward, every line traced to its sources."""

from __future__ import annotations

from newsfuse.fuse.values import describe
from newsfuse.records.claims import MODALITIES, Claim, EventRecord, Evidence

MAX_CLAIMS = 20
MAX_QUOTE_CHARS = 220


def render_brief(record: EventRecord, max_claims: int = MAX_CLAIMS) -> str:
    lines = [f"# {record.headline}", ""]
    lines += _overview(record)
    if record.summary:
        lines += ["", "## Summary", ""]
        lines += [f"> {s.text} [{_source_tag(record, s.article_id)}]" for s in record.summary]
    lines += ["", "## What the reports say", ""]
    # the record's own order (fuse/summary.rank_key: the main happening first, background last), as the web UI shows it
    for n, claim in enumerate(record.claims[:max_claims], start=1):
        lines += _claim_lines(record, n, claim)
    if record.contradictions:
        lines += ["", "## Where reports disagree", ""]
        for contradiction in record.contradictions:
            claim = record.claim(contradiction.claim_id)
            lines.append(f"- **{contradiction.slot}** of “{claim.statement if claim else contradiction.claim_id}”:")
            for side in contradiction.sides:
                where = "; ".join(_cite(record, e) for e in side.evidence[:3])
                lines.append(f"  - {describe(side.value)} ({side.independent_sources} independent): {where}")
            if contradiction.note:
                lines.append(f"  - note: {contradiction.note}")
    lines += _participants(record)
    lines += _coverage(record)
    lines += _sources(record)
    return "\n".join(lines).rstrip() + "\n"


def _overview(record: EventRecord) -> list[str]:
    span = record.time.start or "unknown"
    if record.time.end and record.time.end != record.time.start:
        span = f"{record.time.start} to {record.time.end}"
    places = ", ".join(_place(p) for p in record.places[:4]) or "unknown"
    out = [
        f"- **When:** {span} ({record.time.derived_from})",
        f"- **Where:** {places}",
        f"- **Sources:** {len(record.sources)} reports, {record.independent_sources} independent",
        f"- **First seen:** {record.first_seen or 'unknown'}; **last updated:** {record.last_updated or 'unknown'}",
    ]
    if record.key_figures:
        figures = "; ".join(f"{f.text} ({f.kind})" for f in record.key_figures[:4])
        out.append(f"- **Key figures:** {figures}")
    for related in record.related:
        when = f" {related.time.start} to {related.time.end}" if related.time and related.time.start else ""
        places = f", including {', '.join(related.places)}" if related.places else ""
        target = f" (event {related.event_id})" if related.event_id else ""
        out.append(f"- **Part of:** {related.label}{when}{places}{target}")
    return out


def _place(place) -> str:
    if place.latitude is not None and place.longitude is not None:
        return f"{place.name} ({place.latitude:.2f}, {place.longitude:.2f})"
    return place.name


def _claim_lines(record: EventRecord, n: int, claim: Claim) -> list[str]:
    support = claim.support
    modalities = ", ".join(f"{m}: {k}" for m, k in support.by_modality) if support else claim.modality
    header = f"{n}. **{shorten(claim.statement)}**"
    lines = [
        header,
        f"   - {support.independent_sources if support else 1} independent source(s), {len(support.articles) if support else 1} report(s); {modalities}",
    ]
    for value, sources in zip(claim.values, claim.value_sources or (None,) * len(claim.values), strict=True):
        stated = f" ({sources} independent)" if sources else ""
        lines.append(f"   - {value.kind}: {describe(value)}{stated}")
    for evidence in _distinct(claim.evidence)[:3]:
        lines.append(f"   - {_cite(record, evidence)}: “{shorten(evidence.text)}”")
    return lines


def _distinct(evidence: tuple[Evidence, ...]) -> list[Evidence]:
    """One sentence per report first (reports of what happened before plans), then the rest."""
    order = {m: n for n, m in enumerate(MODALITIES)}
    seen, first, rest = set(), [], []
    articles: set[str] = set()
    for item in sorted(evidence, key=lambda e: order.get(e.modality, 5)):
        key = (item.article_id, item.sentence_start)
        if key in seen:
            continue
        seen.add(key)
        (rest if item.article_id in articles else first).append(item)
        articles.add(item.article_id)
    return first + rest


def _cite(record: EventRecord, evidence: Evidence) -> str:
    said = ""
    if evidence.attribution:
        channel = f" on {evidence.channel}" if evidence.channel and evidence.channel != evidence.attribution else ""
        said = f", citing {evidence.attribution}{channel}"
    return f"[{_source_tag(record, evidence.article_id)}{said}; {evidence.modality}]"


def _source_tag(record: EventRecord, article_id: str) -> str:
    for n, source in enumerate(record.sources, start=1):
        if source.article_id == article_id:
            return f"S{n}"
    return article_id


def shorten(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """The text on one line, cut at ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _participants(record: EventRecord) -> list[str]:
    people = [p for p in record.participants if p.label in {"PERSON", "ORG"}][:10]
    if not people:
        return []
    lines = ["", "## Participants", ""]
    for p in people:
        roles = f" — {'; '.join(p.roles)}" if p.roles else ""
        aliases = f" (also: {', '.join(p.aliases[:3])})" if p.aliases else ""
        lines.append(f"- {p.name} [{p.label}]{roles}{aliases}")
    return lines


def _coverage(record: EventRecord) -> list[str]:
    lines = ["", "## What only one source reports", ""]
    found = False
    for n, source in enumerate(record.sources, start=1):
        statements = [record.claim(cid).statement for cid in source.unique_claims[:4] if record.claim(cid)]
        if statements:
            found = True
            lines.append(
                f"- S{n} ({source.outlet or source.title or source.article_id}): "
                + "; ".join(shorten(s) for s in statements)
            )
    return lines if found else []


def _sources(record: EventRecord) -> list[str]:
    lines = ["", "## Sources", ""]
    for n, source in enumerate(record.sources, start=1):
        relation = ""
        if source.relation:
            relation = f" — {source.relation.replace('_', ' ')} S{_index(record, source.origin_id)}, counted with it"
        name = source.outlet or "unknown outlet"
        title = f" “{source.title}”" if source.title else ""
        lines.append(f"- S{n}: {name}{title}, {source.published or 'undated'} ({source.article_id}){relation}")
    return lines


def _index(record: EventRecord, article_id: str) -> int:
    return next((n for n, s in enumerate(record.sources, start=1) if s.article_id == article_id), 0)
