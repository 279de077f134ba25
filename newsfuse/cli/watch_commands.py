"""CLI commands for continuous monitoring: ``watch`` (follow sources) and ``sources`` (their checkpoints)."""

from __future__ import annotations

import signal
from pathlib import Path

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table
from newsfuse.cli.stores import DB_HELP, existing_store
from newsfuse.settings import Settings, load_settings
from newsfuse.store import open_store


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("watch")(watch_command)
    app.command("sources")(sources_command)


def watch_command(
    sources: list[str] = typer.Argument(..., help="Feed or page URLs, directories, files, or a file listing them."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    every: float = typer.Option(600.0, "--every", min=1.0, help="Seconds between polls of each source."),
    batch: int = typer.Option(50, "--batch", min=1, help="Articles per pipeline batch."),
    once: bool = typer.Option(False, "--once", help="Poll every source once, process, and exit."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow fetching from (and webhooks to) private/loopback addresses."
    ),
    no_robots: bool = typer.Option(False, "--no-robots", help="Fetch URLs even where robots.txt disallows it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No per-source status lines on stderr."),
) -> None:
    """Follow sources and keep the store current: new items go through the whole pipeline as they appear.

    Each source is polled every --every seconds (with jitter; errors back off exponentially) with
    conditional GETs. SIGTERM or Ctrl-C stops after the batch in flight; a killed watcher resumes
    where it was, storing nothing twice.

    Example: newsfuse watch https://example.com/rss.xml feeds.opml --db news.db --every 300
    """
    settings = load_settings(db=db, allow_private=allow_private or None, respect_robots=False if no_robots else None)
    run_watch(sources, settings, every=every, batch=batch, once=once, quiet=quiet)


def run_watch(sources: list[str], settings: Settings, *, every: float, batch: int, once: bool, quiet: bool) -> None:
    """Parse the sources, start the watcher and run it until a signal (also used by ``serve --watch``)."""
    from newsfuse.watch import Watcher, parse_sources
    from newsfuse.watch.webhook import alert_hooks

    tell = (lambda line: None) if quiet else (lambda line: typer.echo(f"watch: {line}", err=True))
    watched = parse_sources(sources, every)
    with open_store(settings.db) as store:
        watcher = Watcher(store, watched, settings, batch_size=batch, tell=tell, **alert_hooks(store, settings, tell))
        watcher.prepare()  # forks the extraction workers: before our handlers, so they keep the default ones
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: watcher.stop())
        tell(f"watching {len(watched)} sources into {settings.db}")
        watcher.run(once=once)
        tell("stopped")


def sources_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """List watched sources with their last fetch, status and item counts.

    Example: newsfuse sources --db news.db --format json
    """
    settings = load_settings(db=db)
    with existing_store(settings, hint="run `newsfuse watch SOURCE --db FILE` first") as store:
        states = store.list_sources()
    if output is OutputFormat.json:
        emit_json([s.to_json() for s in states])
    elif output is OutputFormat.jsonl:
        emit_jsonl(s.to_json() for s in states)
    else:
        columns = ("source", "kind", "every", "last fetch", "status", "items", "new", "revised", "detail")
        rows = [
            (
                s.name,
                s.kind,
                f"{s.interval_s:g}s",
                s.last_fetch,
                s.status,
                s.items_seen,
                s.items_new,
                s.items_revised,
                s.detail,
            )
            for s in states
        ]
        emit_table(f"{len(rows)} sources", columns, rows)


def emit_versions(article, history, output: str) -> None:
    """``newsfuse show ID --versions``: every version of an article (one, unrevised, when never revised)."""
    if not history:
        from newsfuse.store.versions import ArticleVersion

        stored = article.ingested_at
        history = [ArticleVersion(article.id, 1, article.id, article.title, article.text, article.published, stored)]
    if output == "json":
        emit_json({"article_id": article.id, "versions": [v.to_json() for v in history]})
        return
    rows, previous = [], None
    for version in history:
        change = "first" if previous is None else _word_change(previous.text, version.text)
        rows.append(
            (version.version, version.content_id, version.ingested_at, version.published, change, version.title)
        )
        previous = version
    emit_table(
        f"{article.id}: {len(history)} versions",
        ("version", "content id", "stored", "published", "change", "title"),
        rows,
    )


def _word_change(old: str, new: str) -> str:
    """``+A -R words``: how much a version added and removed against the one before."""
    import difflib

    added = removed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return f"+{added} -{removed} words"
