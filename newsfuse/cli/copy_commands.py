"""``newsfuse copy --from URL --to URL``: move a whole store between backends (SQLite ↔ PostgreSQL)."""

from __future__ import annotations

from enum import StrEnum

import typer

from newsfuse.cli.output import emit_json, emit_table, message
from newsfuse.cli.stores import existing_store
from newsfuse.settings import load_settings
from newsfuse.store import open_store
from newsfuse.store.copy import copy_store
from newsfuse.store.location import parse_location


class CopyFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("copy")(copy_command)


def copy_command(
    source: str = typer.Option(..., "--from", help="The store to read: a file, sqlite:///path or postgresql://..."),
    target: str = typer.Option(..., "--to", help="An empty or new store to write: a file or postgresql://..."),
    output: CopyFormat = typer.Option(CopyFormat.table, "--format", help="table (default) or json"),
) -> None:
    """Copy every table of a store into an empty one, losslessly (ids, order, vectors, the corrections log).

    Example: newsfuse copy --from news.db --to postgresql://newsfuse@db.example/news
    """
    with existing_store(load_settings(db=source)) as read:
        with open_store(target) as write:
            counts = copy_store(read, write)
    if output == CopyFormat.json:
        emit_json({"from": source, "to": parse_location(target).target, "rows": counts})
    else:
        emit_table("copied", ["table", "rows"], sorted(counts.items()))
    message(f"copied {sum(counts.values())} rows in {len(counts)} tables")
