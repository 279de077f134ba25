"""CLI commands over fused event records: ``fuse``, ``event``, ``timeline``, ``export events``, ``eval fusion``, ``eval claims``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table, message
from newsfuse.cli.stores import DB_HELP, existing_store
from newsfuse.errors import InputError, NotFoundError, StoreError
from newsfuse.settings import load_settings
from newsfuse.store import SQLiteStore


class BriefFormat(StrEnum):
    md = "md"
    json = "json"


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("fuse")(fuse_command)
    app.command("event")(event_command)
    app.command("timeline")(timeline_command)
    export_app.command("events")(export_events_command)
    eval_app.command("fusion")(eval_fusion_command)
    eval_app.command("claims")(eval_claims_command)


def _existing_store(db: Path | None) -> SQLiteStore:
    return existing_store(load_settings(db=db))


def fuse_command(
    event_ids: list[str] = typer.Argument(None, help="Events to (re-)fuse; default: every event in the store."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """Fuse events into records (claims, evidence, independent sources). Unchanged events are not re-fused.

    Example: newsfuse fuse --db news.db
    """
    from newsfuse.fuse import update

    settings = load_settings(db=db)
    with _existing_store(db) as store:
        ids = list(event_ids or [])
        if not ids:
            lister = getattr(store, "event_ids", None)
            if lister is None:
                raise StoreError(f"{settings.db}: no events to fuse", hint="run clustering first")
            ids = list(lister())
        records = update(store, ids, settings)
    rows = [
        {
            "event_id": r.id,
            "headline": r.headline,
            "claims": len(r.claims),
            "independent_sources": r.independent_sources,
        }
        for r in records
    ]
    _emit(rows, output, "fused events", ("event_id", "headline", "claims", "independent_sources"))
    message(f"{len(records)} event record(s) up to date")


def event_command(
    event_id: str = typer.Argument(..., help="Event id (or a unique prefix of at least 6 characters)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: BriefFormat = typer.Option(
        BriefFormat.md, "--format", help="md (a readable brief) or json (event.schema.json)."
    ),
) -> None:
    """Show one fused event: a Markdown brief an analyst can forward, or its JSON record.

    Example: newsfuse event e_1a2b3c --format md
    """
    from newsfuse.curate.precision import event_json
    from newsfuse.fuse import render_brief

    with _existing_store(db) as store:
        record = store.get_event_record(event_id)
    if record is None:
        raise NotFoundError(
            f"no fused event record {event_id!r}", hint="list events with `newsfuse events`, then `newsfuse fuse`"
        )
    if output is BriefFormat.json:
        emit_json(event_json(record))
    else:
        sys.stdout.write(render_brief(record))


def timeline_command(
    entity: str = typer.Argument(..., help="Entity id or name (diacritics and case ignored; a surname works)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    storyline: bool = typer.Option(False, "--storyline", help="Treat ENTITY as a storyline label or an event id."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """Dated claims about one entity across events, earliest first (or the events of a storyline).

    Example: newsfuse timeline "Gen Nakatani"
    """
    from newsfuse.fuse import entity_timeline, storyline_timeline

    with _existing_store(db) as store:
        if storyline:
            entries = storyline_timeline(store.iter_event_records(), entity)
        else:
            entries = entity_timeline(store.iter_event_records(entity=entity), entity)
    rows = [e.to_json() for e in entries]
    if not rows:
        message(f"nothing found for {entity!r}")
    _emit(rows, output, f"timeline: {entity}", ("date", "statement", "modality", "independent_sources", "event_id"))


def export_events_command(
    output_format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", help="json, jsonl, csv or parquet."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (json/jsonl) or directory (csv/parquet)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    entity: str | None = typer.Option(None, "--entity", help="Only events with this participant."),
    since: str | None = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)."),
    min_sources: int | None = typer.Option(
        None, "--min-sources", min=1, help="Only events with this many independent sources."
    ),
    bom: bool = typer.Option(False, "--bom", help="CSV only: start each file with a UTF-8 byte-order mark (Excel)."),
) -> None:
    """Write fused events: JSON/JSONL records (event.schema.json), or events, claims and evidence tables (CSV/Parquet).

    Examples: newsfuse export events --format jsonl > events.jsonl;
    newsfuse export events --format csv --bom --output sheets/
    """
    from newsfuse.fuse.export import write_json, write_tables

    if bom and output_format is not ExportFormat.csv:
        raise InputError("export events", f"--bom is for --format csv, not {output_format.value}")
    with _existing_store(db) as store:
        records = list(store.iter_event_records(entity=entity, since=since, min_independent_sources=min_sources))
    if output_format in (ExportFormat.csv, ExportFormat.parquet):
        if output is None:
            raise InputError(
                "export events", f"--format {output_format.value} writes three tables: give --output DIRECTORY"
            )
        paths = write_tables(records, output, output_format.value, bom=bom)
        message(f"{len(records)} event(s) written to " + ", ".join(str(p) for p in paths))
        return
    lines = output_format is ExportFormat.jsonl
    if output is None:
        count = write_json(records, sys.stdout, lines)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = write_json(records, handle, lines)
    message(f"{count} event(s) exported")


def eval_fusion_command(
    corpus: Path = typer.Argument(..., help="MEANTIME-format directory (CAT XML files, searched recursively)."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Score only the first N documents (a quick check)."),
) -> None:
    """Score fusion on MEANTIME: cross-document entity B-cubed and event time-anchor accuracy.

    Example: newsfuse eval fusion ../shared/data/meantime
    """
    from newsfuse.eval.fusion import evaluate_fusion

    if not corpus.exists():
        raise InputError(str(corpus), "no such directory")
    report = evaluate_fusion(corpus, load_settings(), limit=limit)
    if output is OutputFormat.table:
        emit_table("fusion on " + str(corpus), ("metric", "value"), report.table_rows())
    else:
        emit_json(report.to_json())


def eval_claims_command(
    mentions: Path | None = typer.Option(None, "--mentions", help="ECB+-format gold event mentions (JSONL)."),
    articles: Path | None = typer.Option(None, "--articles", help="The corpus articles (JSONL with id, title, text)."),
    meantime: Path | None = typer.Option(
        None, "--meantime", help="Score on a MEANTIME directory's cross-document events instead."
    ),
    topics: str | None = typer.Option(None, "--topics", help="Only these topics, e.g. 1-35 or 1,3,5-7."),
    all_mentions: bool = typer.Option(False, "--all-mentions", help="Score every mention, not the validated subset."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
) -> None:
    """Score claims as cross-document event coreference (MUC, B-cubed, CEAF-e, CoNLL F1, coverage) vs same-lemma.

    Example: newsfuse eval claims --mentions ecbplus/mentions.jsonl --articles ecbplus/articles.jsonl --topics 1-35
    Example: newsfuse eval claims --meantime meantime/
    """
    from newsfuse.eval.claims import evaluate_claims, meantime_mentions, parse_topics, score_claims

    if meantime is not None:
        report = score_claims(*meantime_mentions(meantime), load_settings())
        report.scope = "newsfuse events; baseline within MEANTIME sub-corpora"
    else:
        if mentions is None or articles is None:
            raise InputError("eval claims", "give --mentions and --articles, or --meantime")
        for path in (mentions, articles):
            if not path.exists():
                raise InputError(str(path), "no such file")
        report = evaluate_claims(
            mentions, articles, load_settings(), topics=parse_topics(topics), validated_only=not all_mentions
        )
    if output is OutputFormat.table:
        title = f"claims as event coreference: {report.mentions} gold mentions, {report.events} newsfuse events"
        emit_table(title, ("system", "MUC F1", "B3 F1", "CEAF-e F1", "CoNLL F1", "coverage"), report.table_rows())
    else:
        emit_json(report.to_json())


def _emit(rows: list[dict], output: OutputFormat, title: str, columns: tuple[str, ...]) -> None:
    if output is OutputFormat.json:
        emit_json(rows)
    elif output is OutputFormat.jsonl:
        emit_jsonl(rows)
    else:
        emit_table(title, columns, ([row.get(c) for c in columns] for row in rows))
