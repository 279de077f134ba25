"""CLI commands that run the whole pipeline: ``process`` (stages after ingest) and ``demo``."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from newsfuse.cli.output import emit_json, emit_table, message
from newsfuse.ingest import ingest as run_ingest
from newsfuse.pipeline import PipelineModels, ProcessReport, process, unprocessed_article_ids
from newsfuse.settings import Settings, load_settings
from newsfuse.store import SQLiteStore, open_store

DB_HELP = "SQLite store file (default: newsfuse.db, or NEWSFUSE_DB)."


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("process")(process_command)
    app.command("demo")(demo_command)


def run_pipeline(store: SQLiteStore, article_ids: list[str], settings: Settings, quiet: bool = False) -> ProcessReport:
    """Dedup, cluster, extract and fuse ``article_ids``, telling the user each stage on stderr."""
    started = time.perf_counter()

    def tell(stage: str) -> None:
        if not quiet:
            message(f"[dim]{stage} ({time.perf_counter() - started:.1f}s)[/dim]")

    report = process(store, article_ids, settings, PipelineModels(settings), on_stage=tell)
    for skipped in report.skipped:
        typer.echo(f"skipped: {skipped.describe()}", err=True)
    return report


def process_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    json_output: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No stage messages on stderr."),
) -> None:
    """Run dedup, clustering, extraction and fusion over stored articles that have not been processed yet.

    `newsfuse ingest` does this itself unless given --store-only. Example: newsfuse process --db news.db
    """
    settings = load_settings(db=db)
    with open_store(settings.db) as store:
        pending = unprocessed_article_ids(store)
        report = run_pipeline(store, pending, settings, quiet)
    if json_output:
        emit_json(report.to_json())
    elif not quiet:
        message(f"{report.articles} articles processed, {len(report.events_affected)} events updated")


def demo_command(
    db: Path = typer.Option(Path("newsfuse.db"), "--db", help=DB_HELP),
    shared: Path = typer.Option(Path("../shared"), "--shared", help="Folder holding seeds/ and data/ecbplus/."),
) -> None:
    """Ingest the seed reports (and the ECB+ articles when present), process them, print a summary."""
    settings = load_settings(db=db)
    inputs = [str(shared / "seeds")]
    ecb = shared / "data" / "ecbplus" / "articles.jsonl"
    if ecb.exists():
        inputs.append(str(ecb))
    if not (shared / "seeds").exists():
        raise typer.BadParameter(f"{shared / 'seeds'} not found; pass --shared PATH", param_hint="--shared")
    with open_store(settings.db) as store:
        report = run_ingest(inputs, store, settings, progress=True)
        message(f"{len(report.new)} new, {len(report.already_stored)} already stored, {len(report.skipped)} skipped")
        run_pipeline(store, unprocessed_article_ids(store), settings)
        _print_summary(store, shared / "seeds")
    message(f"Next: newsfuse events --db {db}   |   newsfuse serve --db {db}  (then open http://127.0.0.1:8080)")


def _print_summary(store: SQLiteStore, seeds: Path) -> None:
    stats = store.stats()
    links = (stats.get("duplicate_links") or 0) + (stats.get("derivation_links") or 0)
    emit_table(
        "newsfuse store",
        ["articles", "events", "entities", "event records", "duplicate/derived links"],
        [[stats.get("articles"), stats.get("events"), stats.get("entities"), stats.get("event_records"), links]],
    )
    seed_ids = [a.id for a in store.iter_articles() if a.origin.startswith(str(seeds))]
    events = {store.event_of(article_id) for article_id in seed_ids} - {None}
    for event_id in sorted(events):
        record = store.get_event_record(event_id)
        if record is None:
            continue
        body = record.to_json()
        span = body.get("time") or {}
        emit_table(
            f"seed event {event_id}: {body.get('headline', '')}",
            ["articles", "independent sources", "claims", "contradictions", "time span"],
            [
                [
                    len(body.get("sources", [])),
                    body.get("independent_sources"),
                    len(body.get("claims", [])),
                    len(body.get("contradictions", [])),
                    " to ".join(dict.fromkeys(v for v in (span.get("start"), span.get("end")) if v)),
                ]
            ],
        )
