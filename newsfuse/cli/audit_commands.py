"""CLI command ``eval audit``: write a fixed-seed claim-audit sheet from a store, or count a graded one."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_table, message
from newsfuse.cli.stores import DB_HELP, existing_store
from newsfuse.errors import InputError
from newsfuse.settings import load_settings


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    eval_app.command("audit")(eval_audit_command)


def eval_audit_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    seed: int = typer.Option(2026, "--seed", help="Seed of the random draw; state it with the figures."),
    claims: int = typer.Option(60, "--claims", min=1, help="Draw events until the sample holds this many claims."),
    random_count: int = typer.Option(20, "--random", min=0, help="Claims drawn at random from the whole store."),
    min_reports: int = typer.Option(3, "--min-reports", min=1, help="Only events with this many reports."),
    per_event: int = typer.Option(20, "--per-event", min=0, help="Claims shown per event, first first (0: all)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the sheet here (default: stdout)."),
    score: Path | None = typer.Option(None, "--score", help="Count a graded sheet instead of writing one."),
    output_format: OutputFormat = typer.Option(OutputFormat.table, "--format", help="With --score: table or json."),
) -> None:
    """Audit fused claims by reading (../shared/CLAIM_AUDIT.md): write a sheet to grade, then count it with --score.

    Example: newsfuse eval audit --db news.db --seed 7 -o audit.md   (fill in the blank lines, then)
    newsfuse eval audit --score audit.md
    """
    from newsfuse.eval.audit import draw_sample, render_sheet, tally

    if score is not None:
        try:
            text = score.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(score), f"cannot read the graded sheet: {exc}") from exc
        result = tally(text).to_json()
        if output_format is OutputFormat.table:
            _emit_tally(result)
        else:
            emit_json(result)
        return
    with existing_store(load_settings(db=db)) as store:
        sample = draw_sample(
            store.iter_event_records(), seed, claims, random_count, min_reports=min_reports, per_event=per_event
        )
    if not sample.events and not sample.random_claims:
        message(f"no fused events with {min_reports}+ reports in the store; run `newsfuse fuse` first")
    sheet = render_sheet(sample)
    if output is None:
        sys.stdout.write(sheet)
    else:
        output.write_text(sheet, encoding="utf-8")
        message(f"{output}: {len(sample.events)} events, {len(sample.random_claims)} random claims; seed {seed}")


def _emit_tally(result: dict) -> None:
    rows = []
    for name in ("events_sample", "store_sample"):
        part = result[name]
        rows.append(
            (
                name,
                part["claims"],
                part["correct_share"],
                part["correct_or_partly_share"],
                part["wrong"],
                part["junk"],
                part["duplicate"],
            )
        )
    emit_table("claim audit", ("sample", "claims", "correct", "correct or partly", "wrong", "junk", "duplicate"), rows)
    flags, speakers = result["contradiction_flags"], result["speakers"]
    message(f"main happening first: {result['main_happening_first']}; key figures: {result['key_figures']}")
    message(f"contradiction flags: {flags}; speakers: {speakers}")
    message(f"events with junk in their first 10 claims: {result['events_with_junk_in_first_10'] or 'none'}")
    if result["ungraded"] or result["invalid"]:
        message(f"ungraded blanks: {result['ungraded']}; invalid answers: {result['invalid']}")
