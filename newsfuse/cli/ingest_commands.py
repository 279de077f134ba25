"""CLI commands over the ingest stage and the article store: ``ingest``, ``articles``, ``show``, ``stats``."""

from __future__ import annotations

from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table
from newsfuse.cli.stores import DB_HELP, existing_store
from newsfuse.errors import NotFoundError
from newsfuse.ingest import ingest as run_ingest
from newsfuse.records import Article, IngestReport
from newsfuse.settings import load_settings
from newsfuse.store import SQLiteStore, open_store


class SummaryFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("articles")(articles_command)
    app.command("show")(show_command)
    app.command("stats")(stats_command)


def ingest_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories (recursive), globs, URLs, or - for stdin."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: SummaryFormat = typer.Option(SummaryFormat.table, "--format", help="Summary as a table or JSON on stdout."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary message on stderr."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow fetching from private/loopback addresses."
    ),
    no_robots: bool = typer.Option(False, "--no-robots", help="Fetch URLs even where robots.txt disallows it."),
    batch_size: int | None = typer.Option(None, "--batch-size", min=1, help="Articles per transaction."),
    store_only: bool = typer.Option(
        False, "--store-only", help="Only store the articles; run `newsfuse process` later for events and records."
    ),
) -> None:
    """Read news reports and store them; content already stored is reported, not duplicated.

    Example: newsfuse ingest ../shared/seeds feeds/*.xml https://example.com/rss --db news.db --format json
    """
    settings = load_settings(
        db=db, batch_size=batch_size, allow_private=allow_private or None, respect_robots=False if no_robots else None
    )
    with open_store(settings.db) as store:
        report = run_ingest(inputs, store, settings, progress=not quiet)
        fresh = set(report.new)
        notes = [
            f"limited: ingest {p.item_id}: {p.reason}" for p in store.problems(stage="ingest") if p.item_id in fresh
        ]
        if not store_only:
            # The new articles and whatever an interrupted earlier run left undone (so re-running the
            # same command finishes it). Imported here: `--store-only` runs never load the models.
            from newsfuse.cli.pipeline_commands import run_pipeline

            run_pipeline(store, settings, quiet)
    for skipped in report.skipped:
        # plain echo, not rich: one unwrapped line per problem, and "[...]" in a file name is not markup
        typer.echo(f"skipped: {skipped.describe()}", err=True)
    for note in notes:
        typer.echo(note, err=True)
    if output is SummaryFormat.json:
        emit_json(report.to_json())
    else:
        _ingest_table(report)
    if not quiet:
        typer.echo(
            f"{len(report.new)} new, {len(report.already_stored)} already stored, {len(report.skipped)} skipped",
            err=True,
        )
    if not report.new and not report.already_stored:
        raise typer.Exit(1)  # nothing at all could be read


def articles_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    since: str | None = typer.Option(None, "--since", help="Published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Published on or before this date (YYYY-MM-DD)."),
    source: str | None = typer.Option(None, "--source", help="Outlet or source credit contains this text."),
    q: str | None = typer.Option(None, "--q", help="Full-text search over title and text (all words must match)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many articles."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """List stored articles, oldest first (undated last).

    Example: newsfuse articles --since 2025-08-19 --q "defence minister" --format jsonl
    """
    with _existing_store(db) as store:
        found = store.iter_articles(since=since, until=until, source=source, query=q, limit=limit)
        if output is OutputFormat.jsonl:
            emit_jsonl(article_json(a) for a in found)
        elif output is OutputFormat.json:
            emit_json([article_json(a) for a in found])
        else:
            rows = [(a.id, a.published_date or "unknown", a.source, a.language, _headline(a)) for a in found]
            emit_table(f"{len(rows)} articles", ("id", "published", "source", "lang", "title"), rows)


def show_command(
    article_id: str = typer.Argument(..., help="Article id, external id, or a unique id prefix (6+ characters)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: SummaryFormat = typer.Option(SummaryFormat.table, "--format", help="table or json."),
    versions: bool = typer.Option(False, "--versions", help="List every version of a revised article instead."),
) -> None:
    """Show one stored article with its metadata and full text.

    Example: newsfuse show a_a9260e67
    """
    with _existing_store(db) as store:
        owner = store.version_owner(article_id)  # the content id of a later version names its article too
        article = store.get_article(owner or article_id)
        history = store.article_versions(article.id) if versions and article is not None else None
    if article is None:
        raise NotFoundError(f"no article {article_id!r} in the store", hint="list ids with `newsfuse articles`")
    if history is not None:
        from newsfuse.cli.watch_commands import emit_versions

        emit_versions(article, history, output.value)
        return
    if output is SummaryFormat.json:
        emit_json(article_json(article))
        return
    fields = article_json(article)
    text = fields.pop("text")
    emit_table(article.title or article.id, ("field", "value"), [(k, _plain(v)) for k, v in fields.items()])
    typer.echo(text)  # the body follows the metadata table, on stdout


def stats_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: SummaryFormat = typer.Option(SummaryFormat.table, "--format", help="table or json."),
) -> None:
    """Counts of what the store holds.

    Example: newsfuse stats --db news.db --format json
    """
    with _existing_store(db) as store:
        stats = store.stats()
    if output is SummaryFormat.json:
        emit_json(stats)
    else:
        emit_table("newsfuse store", ("what", "value"), [(k, _plain(v)) for k, v in stats.items()])


def article_json(article: Article) -> dict[str, Any]:
    """An article as a JSON object (``published_via`` as its string value)."""
    out = asdict(article)
    out["published_via"] = article.published_via.value
    out["extra"] = dict(article.extra)
    return out


def _existing_store(db: Path | None) -> SQLiteStore:
    return existing_store(load_settings(db=db))


def _ingest_table(report: IngestReport) -> None:
    rows = [("new", len(report.new)), ("already stored", len(report.already_stored)), ("skipped", len(report.skipped))]
    emit_table("ingest", ("articles", "count"), rows)


def _headline(article: Article) -> str:
    title = article.title or article.text.split("\n", 1)[0]
    return title if len(title) <= 70 else title[:67] + "..."


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return "" if value is None else str(value)
