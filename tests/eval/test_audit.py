"""The claim-audit sheet: a seeded sample of stored records written for grading, and the tally of a graded sheet."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.eval.audit import draw_sample, render_sheet, tally
from newsfuse.records.claims import (
    Claim,
    ClaimValue,
    Contradiction,
    ContradictionSide,
    EventRecord,
    Evidence,
    SourceRef,
    Support,
    TimeSpan,
)
from newsfuse.store import open_store

SENTENCE = "Storm Alda flooded the harbour of Veldt on Monday, the mayor said."


def _evidence(article: str, text: str = SENTENCE, modality: str = "happened") -> Evidence:
    trigger = text.index("flooded")
    return Evidence(
        article,
        f"outlet-{article}",
        "2024-05-06",
        0,
        len(text),
        0,
        len(text),
        text,
        modality,
        trigger_start=trigger,
        trigger_end=trigger + len("flooded"),
    )


def _claim(n: int, articles: tuple[str, ...], value: str | None = None) -> Claim:
    values = (ClaimValue("count", value, value),) if value else ()
    return Claim(
        id=f"k_{n}",
        predicate="flood",
        trigger="flood",
        values=values,
        evidence=tuple(_evidence(a) for a in articles),
        support=Support(articles, articles, len(articles), articles, (("happened", len(articles)),)),
        statement=f"Claim number {n} of the record.",
        action="flood",
    )


def _record(event: int, reports: int, claims: int) -> EventRecord:
    articles = tuple(f"a{event}_{r}" for r in range(reports))
    sides = tuple(
        ContradictionSide(ClaimValue("count", v, v), (_evidence(a),), 1)
        for v, a in (("3", articles[0]), ("5", articles[-1]))
    )
    return EventRecord(
        id=f"e_{event:02d}",
        headline=f"Flood {event}",
        headline_article=articles[0],
        summary=(),
        time=TimeSpan("2024-05-06", "2024-05-06", "day", "test"),
        places=(),
        participants=(),
        key_figures=(),
        claims=tuple(_claim(event * 100 + c, articles) for c in range(claims)),
        contradictions=(Contradiction(f"k_{event * 100}", "count", sides),) if reports > 1 else (),
        sources=tuple(SourceRef(a, f"outlet-{a}", "", "2024-05-06", "", a) for a in articles),
        independent_sources=reports,
        first_seen=None,
        last_updated=None,
    )


def _records() -> list[EventRecord]:
    # events 0-5 have three reports and 25 claims each; 6 and 7 one report (never drawn as events)
    return [_record(e, 3 if e < 6 else 1, 25) for e in range(8)]


def test_a_seed_draws_the_same_sample_whatever_order_the_store_lists_records_in():
    first = draw_sample(_records(), seed=11, claims=30, random_count=5)
    second = draw_sample(list(reversed(_records())), seed=11, claims=30, random_count=5)
    assert [r.id for r in first.events] == [r.id for r in second.events]
    assert [c.id for _, c in first.random_claims] == [c.id for _, c in second.random_claims]
    # events are drawn until the shown claims reach 30: 20 shown per event, so two events
    assert len(first.events) == 2
    assert all(len(r.sources) >= 3 for r in first.events)
    other = draw_sample(_records(), seed=12, claims=30, random_count=5)
    assert [c.id for _, c in other.random_claims] != [c.id for _, c in first.random_claims]


def test_the_sheet_shows_claims_in_record_order_with_marked_triggers_and_blank_grades():
    sample = draw_sample(_records(), seed=3, claims=8, random_count=2, per_event=4)
    sheet = render_sheet(sample)
    event = sample.events[0]
    first_items = [line for line in sheet.splitlines() if line.startswith("### E1.C")]
    assert first_items[0].endswith(f"“Claim number {int(event.id[2:]) * 100} of the record.”")
    assert len(first_items) == 4  # per_event
    assert "⟦flooded⟧ the harbour" in sheet
    assert sheet.count("- grade: ") == 2 * 4 + 2  # two events of four shown claims, two drawn from the store
    assert "### E1.X1 contradiction on count" in sheet and "- flag: " in sheet


def _fill(sheet: str, answers: dict[str, str]) -> str:
    """Answer each blank of a kind in turn: ``answers`` maps a blank's label to comma-separated answers."""
    queues = {label: list(values.split(",")) for label, values in answers.items()}
    out = []
    for line in sheet.splitlines():
        for label, queue in queues.items():
            if line == f"- {label}: " and queue:
                line = f"- {label}: {queue.pop(0)}"
        out.append(line)
    return "\n".join(out)


def test_a_graded_sheet_is_counted_per_sample_with_junk_in_first_ten_and_flag_precision():
    sample = draw_sample(_records(), seed=3, claims=20, random_count=3, per_event=12)
    assert len(sample.events) == 2
    grades = (
        ["correct"] * 10
        + ["junk", "partly"]
        + ["correct"] * 5
        + ["junk"]
        + ["wrong"] * 6
        + ["duplicate", "partly", "correct"]
    )
    sheet = _fill(
        render_sheet(sample),
        {
            "grade": ",".join(grades),
            "flag": "real,false",
            "main happening first": "yes,no",
            "key figures": "none,some",
        },
    )
    result = tally(sheet).to_json()
    events = result["events_sample"]
    assert events["claims"] == 24 and events["correct"] == 15 and events["junk"] == 2 and events["wrong"] == 6
    assert events["correct_share"] == round(15 / 24, 3)
    assert events["correct_or_partly_share"] == round(16 / 24, 3)
    # E1's junk is its 11th claim, E2's its 6th: only E2 has junk in its first ten
    assert result["events_with_junk_in_first_10"] == ["E2"]
    assert result["store_sample"]["claims"] == 3 and result["store_sample"]["correct"] == 1
    assert result["contradiction_flags"]["precision"] == 0.5
    assert result["main_happening_first"] == {"yes": 1, "no": 1}
    assert result["ungraded"] == 0 and result["invalid"] == []


def test_blanks_and_unknown_answers_are_reported_not_counted():
    sheet = render_sheet(draw_sample(_records(), seed=1, claims=2, random_count=0, per_event=2))
    result = tally(sheet.replace("- grade: ", "- grade: maybe", 1)).to_json()
    assert result["events_sample"]["claims"] == 0
    assert result["invalid"] == ["E1.C1: grade 'maybe'"]
    assert result["ungraded"] > 0


def test_cli_writes_a_sheet_from_a_store_and_scores_it(tmp_path):
    db = tmp_path / "news.db"
    with open_store(str(db)) as store:
        store.put_event_records(_records())
    sheet_path = tmp_path / "audit.md"
    runner = CliRunner()
    written = runner.invoke(
        build_app(), ["eval", "audit", "--db", str(db), "--seed", "5", "--claims", "20", "-o", str(sheet_path)]
    )
    assert written.exit_code == 0, written.output
    sheet = sheet_path.read_text(encoding="utf-8")
    assert sheet.startswith("# Claim audit sheet (seed 5)")
    graded = tmp_path / "graded.md"
    graded.write_text(sheet.replace("- grade: ", "- grade: correct"), encoding="utf-8")
    scored = runner.invoke(build_app(), ["eval", "audit", "--score", str(graded), "--format", "json"])
    assert scored.exit_code == 0, scored.output
    result = json.loads(scored.stdout)
    assert result["events_sample"]["correct_share"] == 1.0
    assert result["events_sample"]["claims"] == 20


def test_cli_names_a_missing_sheet_in_one_line(tmp_path):
    missing = tmp_path / "nope.md"
    result = subprocess.run(
        [sys.executable, "-m", "newsfuse.cli.main", "eval", "audit", "--score", str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {missing}")
