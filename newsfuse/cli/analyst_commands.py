"""CLI for the analyst: corrections (split, merge, move, pin, claim, outlet, undo), the audit log, record
history, users, ``events`` with filters, ``search`` and ``--version``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsfuse import __version__
from newsfuse.cli.find_commands import emit_rows
from newsfuse.cli.output import OutputFormat, emit_json, emit_table, message
from newsfuse.cli.stores import DB_HELP, existing_store
from newsfuse.curate.corrections import Curator
from newsfuse.curate.history import describe
from newsfuse.errors import InputError, NotFoundError
from newsfuse.records.corrections import Correction
from newsfuse.settings import load_settings
from newsfuse.store import open_store

NOTE_HELP = "Why: kept in the audit log."
USER_HELP = "Who the audit log names (default: NEWSFUSE_USER, else your login name)."
FORMAT_HELP = "table, json or jsonl on stdout."
Note = Annotated[str, typer.Option("--note", help=NOTE_HELP)]
UserName = Annotated[str | None, typer.Option("--user", help=USER_HELP)]
Db = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]
Format = Annotated[OutputFormat, typer.Option("--format", help=FORMAT_HELP)]


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    from newsfuse.cli import find_commands

    app.callback(invoke_without_command=True)(version_callback)
    for name, command in (
        ("split", split_command),
        ("merge", merge_command),
        ("move", move_command),
        ("pin", pin_command),
        ("claim", claim_command),
        ("outlet", outlet_command),
        ("undo", undo_command),
        ("corrections", corrections_command),
        ("history", history_command),
        ("user", user_command),
    ):
        app.command(name)(command)
    find_commands.register(app, eval_app, export_app)


def version_callback(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Turn news reports into deduplicated, corroborated event records with provenance."""
    if version:
        typer.echo(f"newsfuse {__version__}")
        raise typer.Exit()


def _curator(db: Path | None, user: str | None) -> Curator:
    settings = load_settings(db=db, user=user)
    return Curator(existing_store(settings), settings, settings.user)


def _done(curator: Curator, correction: Correction, output: OutputFormat) -> None:
    curator.store.close()
    if output is OutputFormat.table:
        message(f"{correction.id}: {correction.kind} {correction.target} by {correction.user}; records re-fused")
    else:
        emit_json(correction.to_json())


def split_command(
    event_id: str = typer.Argument(..., help="The event the articles leave."),
    article_ids: list[str] = typer.Argument(..., help="Articles (ids, input ids or id prefixes) to split out."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Take articles out of an event into a new one; later clustering keeps them apart.

    Example: newsfuse split e_ee78b33010bd a_23703d7f2936 --note "wire copy of another visit"
    """
    curator = _curator(db, user)
    _done(curator, curator.split(event_id, article_ids, note), output)


def merge_command(
    event_ids: list[str] = typer.Argument(..., help="Two events or more; all join the first."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Merge events into the first one; later clustering keeps them together.

    Example: newsfuse merge e_ee78b33010bd e_5f1c0a9e33d2 --note "same visit"
    """
    curator = _curator(db, user)
    _done(curator, curator.merge(event_ids, note), output)


def move_command(
    article_id: str = typer.Argument(..., help="The article to move."),
    event_id: str = typer.Argument(..., help="The event it belongs to."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Move one article into another event.

    Example: newsfuse move a_23703d7f2936 e_ee78b33010bd
    """
    curator = _curator(db, user)
    _done(curator, curator.move(article_id, event_id, note), output)


def pin_command(
    event_id: str = typer.Argument(..., help="The event."),
    headline: str = typer.Option(..., "--headline", help="The headline to keep, whatever fusion picks."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Pin an event's headline.

    Example: newsfuse pin e_ee78b33010bd --headline "Japan's defence minister visits Türkiye"
    """
    curator = _curator(db, user)
    _done(curator, curator.pin(event_id, headline, note), output)


def claim_command(
    claim_id: str = typer.Argument(..., help="A claim id, or EVENT#N: the N-th claim of an event (from 1)."),
    reject: bool = typer.Option(False, "--reject", help="The claim is wrong: drop it from the record."),
    confirm: bool = typer.Option(False, "--confirm", help="The claim is checked: mark it confirmed."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Reject or confirm one claim; the verdict holds through re-fusion.

    Example: newsfuse claim c_4e1f0b2a --reject --note "misread date"
    """
    if reject == confirm:
        raise InputError("claim", "give exactly one of --reject and --confirm")
    curator = _curator(db, user)
    _done(curator, curator.claim(claim_id, "reject" if reject else "confirm", note), output)


def outlet_command(
    host: str = typer.Argument(..., help="The host of the outlet's URLs (or the source name reports carry)."),
    name: str = typer.Option(..., "--name", help="The outlet's name as it should read."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Name an outlet: every report from the host shows under that name.

    Example: newsfuse outlet dailysabah.com --name "Daily Sabah"
    """
    curator = _curator(db, user)
    _done(curator, curator.outlet(host, name, note), output)


def undo_command(
    correction_id: str = typer.Argument(..., help="The correction to revert (c_N, from `newsfuse corrections`)."),
    note: Note = "",
    user: UserName = None,
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Revert one correction (the log keeps both).

    Example: newsfuse undo c_2
    """
    curator = _curator(db, user)
    _done(curator, curator.undo(correction_id, note), output)


def corrections_command(
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """The audit log: every correction, who made it, when, and why, oldest first.

    Example: newsfuse corrections --format json
    """
    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        rows = [c.to_json() for c in store.corrections()]
    emit_rows(
        output,
        rows,
        lambda: emit_table(
            f"{len(rows)} corrections",
            ["id", "when", "user", "kind", "target", "note", "undone by"],
            [(r["id"], r["created_at"], r["user"], r["kind"], r["target"], r["note"], r["undone_by"]) for r in rows],
        ),
    )


def history_command(
    event_id: str = typer.Argument(..., help="Event id (an id merged into it, or an article of it)."),
    db: Db = None,
    output: Format = OutputFormat.table,
) -> None:
    """Every version of an event's record: when, what changed, and why.

    Example: newsfuse history e_ee78b33010bd --format json
    """
    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        resolved = Curator(store, settings).event_id(event_id)
        versions = store.record_versions(resolved)
    if not versions:
        raise NotFoundError(f"no versions of event {event_id!r} in {settings.db}")
    rows = [{**v.to_json(), "summary": describe(v.changes)} for v in versions]
    emit_rows(
        output,
        rows,
        lambda: emit_table(
            f"{resolved}: {len(rows)} versions",
            ["version", "stored", "why", "what changed"],
            [(r["version"], r["stored_at"], r["reason"], r["summary"]) for r in rows],
        ),
    )


def user_command(
    name: str = typer.Argument(..., help="The user's name, as the audit log will show it."),
    role: str = typer.Option("write", "--role", help="read, write or admin."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Add a user to the store (or give them a new token); prints the token once, on stdout.

    Example: newsfuse user alice --role write --db news.db
    """
    from newsfuse.curate.users import new_user

    settings = load_settings(db=db)
    with open_store(settings.db) as store:
        token = new_user(store, name, role)
    typer.echo(token)
    message(f"user {name} ({role}) added; send the token as `Authorization: Bearer TOKEN`")
