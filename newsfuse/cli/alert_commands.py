"""CLI commands ``alerts add|list|remove|fired``: saved watches over event records, and the alerts they fired."""

from __future__ import annotations

from pathlib import Path

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table, message
from newsfuse.cli.stores import DB_HELP
from newsfuse.errors import InputError, NotFoundError
from newsfuse.settings import load_settings
from newsfuse.store import open_store

alerts_app = typer.Typer(
    help="Saved watches: alert when an event matching words, an entity or a place appears, reaches a "
    "number of independent sources, or gains a contradiction (checked by `newsfuse watch`).",
    no_args_is_help=True,
)


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")


@alerts_app.command("add")
def add_command(
    name: str = typer.Argument(..., help="A name for the watch."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    words: str = typer.Option("", "--words", help="Every one of these words must appear in the event record."),
    entity: str = typer.Option("", "--entity", help="A participant's name (accents and case ignored)."),
    place: str = typer.Option("", "--place", help="A place's name, or a country code."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="Fire once this many independent sources."),
    webhook: str = typer.Option("", "--webhook", help="POST each alert as JSON to this URL (retried)."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """Save a watch; `newsfuse watch` checks it against every event it fuses.

    Example: newsfuse alerts add drones --words "Baykar drone" --min-sources 2 --db news.db
    """
    if not (words.strip() or entity.strip() or place.strip()):
        raise InputError("alerts add", "give at least one of --words, --entity or --place")
    if webhook and not webhook.startswith(("http://", "https://")):
        raise InputError("--webhook", "only http:// and https:// webhooks can be called")
    with open_store(load_settings(db=db).db) as store:
        watch = store.add_alert_watch(
            name,
            words=words.strip(),
            entity=entity.strip(),
            place=place.strip(),
            min_sources=min_sources,
            webhook=webhook,
        )
    _emit_watches([watch], output)


@alerts_app.command("list")
def list_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """List saved watches.

    Example: newsfuse alerts list --db news.db
    """
    with open_store(load_settings(db=db).db) as store:
        _emit_watches(store.alert_watches(), output)


@alerts_app.command("remove")
def remove_command(
    watch_id: str = typer.Argument(..., help="The watch's id (from `newsfuse alerts list`)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Remove a saved watch and the alerts it fired.

    Example: newsfuse alerts remove w_1a2b3c4d5e6f --db news.db
    """
    with open_store(load_settings(db=db).db) as store:
        if not store.remove_alert_watch(watch_id):
            raise NotFoundError(f"no watch {watch_id!r}", hint="list them with `newsfuse alerts list`")
    message(f"removed {watch_id}")


@alerts_app.command("fired")
def fired_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    watch_id: str | None = typer.Option(None, "--watch", help="Only this watch's alerts."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many, newest first."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """List fired alerts, newest first, with their webhook delivery state.

    Example: newsfuse alerts fired --db news.db --format json
    """
    with open_store(load_settings(db=db).db) as store:
        alerts = store.list_alerts(limit, watch_id)
    if output is OutputFormat.json:
        emit_json([a.to_json() for a in alerts])
    elif output is OutputFormat.jsonl:
        emit_jsonl(a.to_json() for a in alerts)
    else:
        rows = [
            (a.id, a.watch_id, a.event_id, a.reason, a.independent_sources, a.fired_at, _delivery(a), a.headline)
            for a in alerts
        ]
        columns = ("alert", "watch", "event", "reason", "sources", "fired", "webhook", "headline")
        emit_table(f"{len(rows)} alerts", columns, rows)


def _delivery(alert) -> str:
    if not alert.webhook:
        return ""
    if alert.delivered_at:
        return f"delivered {alert.delivered_at}"
    if alert.next_attempt_at:
        return f"pending ({alert.attempts} tries)"
    return f"failed: {alert.last_error}"


def _emit_watches(watches, output: OutputFormat) -> None:
    if output is OutputFormat.json:
        emit_json([w.to_json() for w in watches])
    elif output is OutputFormat.jsonl:
        emit_jsonl(w.to_json() for w in watches)
    else:
        rows = [(w.id, w.name, w.words, w.entity, w.place, w.min_sources, w.webhook) for w in watches]
        emit_table(f"{len(rows)} watches", ("id", "name", "words", "entity", "place", "min sources", "webhook"), rows)
