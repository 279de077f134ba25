"""The claim audit of ../shared/CLAIM_AUDIT.md as a tool: a fixed-seed sheet of fused records to grade by reading, and its tally.

No gold corpus says whether a claim can be forwarded, so claims are graded by reading them
against their evidence. ``audit_sheet`` draws the rubric's sample from a store (events with 3+
reports in a seeded random order, every claim of each in the record's order, as the brief shows them, until
the sample holds enough claims; then claims drawn at random from the whole store) and writes it
as Markdown with a blank grade line under each item. The reader fills the blanks; ``tally``
reads the graded sheet back and computes the rubric's figures, so a reported audit can be
re-counted from its sheet by anyone.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsfuse.fuse.brief import shorten
from newsfuse.fuse.values import describe
from newsfuse.records.claims import Claim, EventRecord, Evidence

GRADES = ("correct", "partly", "wrong", "junk", "duplicate")
FLAG_GRADES = ("real", "false")
SPEAKER_GRADES = ("right", "wrong", "missing")
FIRST_CLAIMS = 10  # the rubric's "no junk in any event's first 10 claims"
MAX_SENTENCE_CHARS = 400

# The blank lines a reader fills in; ``tally`` reads exactly these.
_ANSWER = re.compile(r"^[ \t]*- (grade|main happening first|key figures|flag|speaker):[ \t]*(\S*)", re.MULTILINE)
_ITEM = re.compile(r"^### (E\d+|R)\.(C\d+|X\d+|Q\d+)\b", re.MULTILINE)
_EVENT = re.compile(r"^## (E\d+)\b", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class AuditSample:
    seed: int
    events: tuple[EventRecord, ...]
    per_event: int  # claims shown per event (0: all)
    random_claims: tuple[tuple[EventRecord, Claim], ...]


def draw_sample(
    records: Iterable[EventRecord],
    seed: int,
    claims: int = 60,
    random_count: int = 20,
    min_reports: int = 3,
    per_event: int = 20,
) -> AuditSample:
    """The rubric's sample: events with ``min_reports``+ reports in seeded order until ``claims`` claims, plus random ones.

    Records are sorted by id before shuffling, so one seed draws one sample from one store
    whatever order the store lists them in.
    """
    pool = sorted(records, key=lambda r: r.id)
    rng = random.Random(seed)
    eligible = [r for r in pool if len(r.sources) >= min_reports and r.claims]
    rng.shuffle(eligible)
    chosen, count = [], 0
    for record in eligible:
        if count >= claims:
            break
        chosen.append(record)
        count += len(_shown(record, per_event))
    everything = [(r, c) for r in pool for c in r.claims]
    drawn = rng.sample(everything, min(random_count, len(everything)))
    return AuditSample(seed, tuple(chosen), per_event, tuple(drawn))


def _shown(record: EventRecord, per_event: int) -> list[Claim]:
    # the record's own order, as the brief and the web UI show it
    return list(record.claims[:per_event] if per_event else record.claims)


def render_sheet(sample: AuditSample) -> str:
    """The sample as Markdown: each event's overview, claims with every evidence sentence, flags and quotes."""
    shown = sum(len(_shown(r, sample.per_event)) for r in sample.events)
    limit = f"the first {sample.per_event} of each" if sample.per_event else "all of each"
    lines = [
        f"# Claim audit sheet (seed {sample.seed})",
        "",
        f"{len(sample.events)} events with 3+ reports, {shown} claims ({limit}, in the record's order), and "
        f"{len(sample.random_claims)} claims drawn from the whole store. Grade each item on its blank line by "
        "../shared/CLAIM_AUDIT.md: grade correct|partly|wrong|junk|duplicate; flag real|false; speaker "
        "right|wrong|missing; main happening first yes|no; key figures all|some|none. The trigger word of each "
        "evidence sentence is in ⟦ ⟧.",
        "",
    ]
    for n, record in enumerate(sample.events, start=1):
        lines += _event_lines(f"E{n}", record, _shown(record, sample.per_event))
    if sample.random_claims:
        lines += ["## R: claims drawn from the whole store", ""]
        for n, (record, claim) in enumerate(sample.random_claims, start=1):
            lines.append(f"_from event {record.id}: {record.headline}_")
            lines += _claim_lines(f"R.C{n}", record, claim)
    return "\n".join(lines).rstrip("\n") + "\n"


def _event_lines(tag: str, record: EventRecord, claims: list[Claim]) -> list[str]:
    figures = "; ".join(f"{f.text} ({f.kind}, {f.independent_sources} sources)" for f in record.key_figures[:6])
    lines = [
        f"## {tag} {record.headline}",
        "",
        f"`{record.id}`: {len(record.sources)} reports, {record.independent_sources} independent; "
        f"{len(record.claims)} claims in all, {len(claims)} shown",
        f"- key figures shown: {figures or 'none'}",
        "- main happening first: ",
        "- key figures: ",
        "",
    ]
    for n, claim in enumerate(claims, start=1):
        lines += _claim_lines(f"{tag}.C{n}", record, claim)
    for n, contradiction in enumerate(record.contradictions, start=1):
        claim = record.claim(contradiction.claim_id)
        lines += [f"### {tag}.X{n} contradiction on {contradiction.slot} of “{claim.statement if claim else '?'}”"]
        for side in contradiction.sides:
            lines.append(f"- side {describe(side.value)} ({side.independent_sources} independent):")
            lines += [f"  - {_cite(record, e)}" for e in side.evidence[:4]]
        lines += ["- flag: ", ""]
    quotes = [c for c in record.claims if c.quote]
    for n, claim in enumerate(quotes, start=1):
        speaker = claim.evidence[0].attribution if claim.evidence else None
        lines += [
            f"### {tag}.Q{n} quote by {speaker or '(no speaker)'}",
            f"- “{shorten(claim.quote or '')}”",
            f"- {_cite(record, claim.evidence[0])}" if claim.evidence else "- (no evidence)",
            "- speaker: ",
            "",
        ]
    return lines


def _claim_lines(tag: str, record: EventRecord, claim: Claim) -> list[str]:
    support = claim.support
    by_status = ", ".join(f"{m} {k}" for m, k in support.by_modality) if support else claim.modality
    independent = support.independent_sources if support else 1
    slots = [f"action {claim.action or claim.predicate} ({claim.trigger})"]
    if claim.subjects:
        slots.append("actor " + ", ".join(a.text for a in claim.subjects))
    if claim.objects:
        slots.append("target " + ", ".join(a.text for a in claim.objects))
    if claim.time:
        slots.append(f"time {describe(claim.time)}")
    if claim.place:
        slots.append(f"place {claim.place.name}")
    slots += [f"{v.kind} {describe(v)}" for v in claim.values]
    background = "; background" if claim.background else ""
    lines = [
        f"### {tag} “{shorten(claim.statement)}”",
        f"- status {claim.modality}; {independent} independent source(s) ({by_status}); "
        f"{len(claim.evidence)} evidence, {len(claim.mentions)} other mentions{background}",
        f"- {'; '.join(slots)}",
    ]
    lines += [f"- {_cite(record, e)}" for e in _distinct_sentences(claim.evidence)]
    return [*lines, "- grade: ", ""]


def _distinct_sentences(evidence: tuple[Evidence, ...]) -> list[Evidence]:
    seen, out = set(), []
    for item in evidence:
        key = (item.article_id, item.sentence_start)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _cite(record: EventRecord, evidence: Evidence) -> str:
    number, source = next(
        ((n, s) for n, s in enumerate(record.sources, 1) if s.article_id == evidence.article_id), (0, None)
    )
    tag = f"S{number}" if number else "S?"
    origin = f", counted with {source.origin_id}" if source and source.origin_id != source.article_id else ""
    said = f", citing {evidence.attribution}" if evidence.attribution else ""
    return f"[{tag} {evidence.source} {evidence.published or 'undated'}{origin}; {evidence.modality}{said}] {_marked(evidence)}"


def _marked(evidence: Evidence) -> str:
    """The evidence sentence with its trigger word bracketed, when the offsets fall inside it."""
    text = evidence.text
    start, end = evidence.trigger_start, evidence.trigger_end
    if start is not None and end is not None:
        offset = evidence.sentence_start
        if offset <= start < end <= offset + len(text):
            text = f"{text[: start - offset]}⟦{text[start - offset : end - offset]}⟧{text[end - offset :]}"
    return shorten(text, MAX_SENTENCE_CHARS)


@dataclass(slots=True)
class AuditTally:
    """The rubric's figures from a graded sheet; ``ungraded`` counts blanks left, ``invalid`` unknown answers."""

    grades: Counter = field(default_factory=Counter)  # over the event sample
    random_grades: Counter = field(default_factory=Counter)  # over the whole-store draw
    main_first: Counter = field(default_factory=Counter)
    key_figures: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    speakers: Counter = field(default_factory=Counter)
    events_with_junk_first: list[str] = field(default_factory=list)
    ungraded: int = 0
    invalid: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "events_sample": _shares(self.grades),
            "store_sample": _shares(self.random_grades),
            "main_happening_first": dict(self.main_first),
            "key_figures": dict(self.key_figures),
            "contradiction_flags": {**self.flags, "precision": _ratio(self.flags["real"], sum(self.flags.values()))},
            "speakers": {**self.speakers, "accuracy": _ratio(self.speakers["right"], sum(self.speakers.values()))},
            "events_with_junk_in_first_10": self.events_with_junk_first,
            "ungraded": self.ungraded,
            "invalid": self.invalid,
        }


def _shares(grades: Counter) -> dict:
    total = sum(grades.values())
    return {
        "claims": total,
        **{g: grades[g] for g in GRADES},
        "correct_share": _ratio(grades["correct"], total),
        "correct_or_partly_share": _ratio(grades["correct"] + grades["partly"], total),
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def tally(sheet: str) -> AuditTally:
    """Count a graded sheet's answers, item by item, in the order they appear."""
    result = AuditTally()
    marks = sorted(
        [(m.start(), "event", m.group(1)) for m in _EVENT.finditer(sheet)]
        + [(m.start(), "item", f"{m.group(1)}.{m.group(2)}") for m in _ITEM.finditer(sheet)]
        + [(m.start(), m.group(1), m.group(2).lower()) for m in _ANSWER.finditer(sheet)]
    )
    item = event = ""
    for _, kind, value in marks:
        if kind == "event":
            event, item = value, ""
        elif kind == "item":
            item = value
        else:
            _count(result, kind, value, event, item)
    return result


def _count(result: AuditTally, kind: str, value: str, event: str, item: str) -> None:
    allowed = {
        "grade": GRADES,
        "flag": FLAG_GRADES,
        "speaker": SPEAKER_GRADES,
        "main happening first": ("yes", "no"),
        "key figures": ("all", "some", "none"),
    }[kind]
    if not value:
        result.ungraded += 1
        return
    if value not in allowed:
        result.invalid.append(f"{item or event}: {kind} {value!r}")
        return
    if kind == "grade":
        random_draw = item.startswith("R.")
        (result.random_grades if random_draw else result.grades)[value] += 1
        number = int(item.split(".C")[1]) if ".C" in item else 0
        first = not random_draw and number <= FIRST_CLAIMS
        if value == "junk" and first and event not in result.events_with_junk_first:
            result.events_with_junk_first.append(event)
    elif kind == "flag":
        result.flags[value] += 1
    elif kind == "speaker":
        result.speakers[value] += 1
    elif kind == "main happening first":
        result.main_first[value] += 1
    else:
        result.key_figures[value] += 1
