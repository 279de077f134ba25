"""CLI commands that run the whole pipeline: ``process`` (stages after ingest), ``demo``, and ``problems``."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path

import typer

from newsfuse.cli.engine_options import ENGINE, RAY_ADDRESS, EngineName, engine_for
from newsfuse.cli.output import emit_json, emit_table, message
from newsfuse.cli.stores import DB_HELP, existing_store
from newsfuse.ingest import ingest as run_ingest
from newsfuse.pipeline import PipelineModels, ProcessReport, resume
from newsfuse.settings import Settings, load_settings
from newsfuse.store import SQLiteStore, open_store
from newsfuse.store.problems import SKIPPED, Problem


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("process")(process_command)
    app.command("demo")(demo_command)
    app.command("problems")(problems_command)


def run_pipeline(store: SQLiteStore, settings: Settings, quiet: bool = False, engine=None) -> ProcessReport | None:
    """Dedup, cluster, extract and fuse what is pending (new articles, and what an interrupted run left),
    telling the user each stage on stderr and each record a stage skipped or limited; None if nothing was.
    ``engine``: an ``engine`` executor for the heavy stages (None: in this process)."""
    started = time.perf_counter()

    def tell(stage: str) -> None:
        if not quiet:
            message(f"[dim]{stage} ({time.perf_counter() - started:.1f}s)[/dim]")

    report = resume(store, settings, PipelineModels(settings, engine=engine), on_stage=tell)
    if report is None:
        return None
    for problem in report.problems:
        # plain echo, not rich: one unwrapped line per problem, and "[...]" in a reason is not markup
        typer.echo(problem_line(problem), err=True)
    return report


def problem_line(problem: Problem) -> str:
    what = "skipped" if problem.kind == SKIPPED else "limited"
    return f"{what}: {problem.stage} {problem.item_id}: {problem.reason}"


def process_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    json_output: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No stage messages on stderr."),
    engine: EngineName = ENGINE,
    ray_address: str | None = RAY_ADDRESS,
) -> None:
    """Run dedup, clustering, extraction and fusion over stored articles that have not been processed yet.

    Also finishes what an interrupted run left undone (unclustered, unextracted or unfused records).
    `newsfuse ingest` does this itself unless given --store-only. Example: newsfuse process --db news.db
    (on Ray: newsfuse process --db news.db --engine ray --ray-address auto)
    """
    settings = load_settings(db=db)
    with open_store(settings.db) as store, engine_for(engine, settings, ray_address) as executor:
        report = run_pipeline(store, settings, quiet, executor) or ProcessReport(0, 0, (), 0, 0)
    if json_output:
        emit_json(report.to_json())
    elif not quiet:
        message(f"{report.articles} articles processed, {len(report.events_affected)} events updated")


class ProblemFormat(StrEnum):
    table = "table"
    json = "json"


def problems_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    stage: str | None = typer.Option(None, "--stage", help="Only this stage: ingest, dedup, cluster, extract, fuse."),
    output: ProblemFormat = typer.Option(ProblemFormat.table, "--format", help="table or json."),
) -> None:
    """Records a stage skipped (and retries once its code or the record changes) or handled only within a limit.

    Example: newsfuse problems --db news.db --format json
    """
    settings = load_settings(db=db)
    with existing_store(settings) as store:
        found = store.problems(stage=stage)
    if output is ProblemFormat.json:
        emit_json([p.to_json() for p in found])
    else:
        rows = [(p.stage, p.item_id, p.kind, p.reason, p.recorded_at) for p in found]
        emit_table(f"{len(rows)} problems", ("stage", "id", "kind", "reason", "recorded"), rows)


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
        run_pipeline(store, settings)
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
