"""CLI for finding things: ``events`` with the filters the API and web feed take, ``search``, and exports for
spreadsheets (``export csv --bom``) and network tools (``export graph``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table
from newsfuse.cli.stores import DB_HELP
from newsfuse.curate.filters import EventQuery, all_events
from newsfuse.curate.precision import event_row
from newsfuse.settings import load_settings
from newsfuse.store import open_store


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    """``search``; ``events`` is registered with the cluster commands, where it always was."""
    app.command("search")(search_command)
    export_app.command("csv")(export_csv_command)
    export_app.command("graph")(export_graph_command)


def events_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    since: str | None = typer.Option(None, "--since", help="ISO date: events whose time span ends on or after it."),
    until: str | None = typer.Option(None, "--until", help="ISO date: events whose time span starts by it."),
    q: str | None = typer.Option(None, "--q", help="Words in the headline, summary or claims."),
    entity: str | None = typer.Option(None, "--entity", help="An entity id, name or alias."),
    place: str | None = typer.Option(None, "--place", help="A place name or country, in any language, or ISO code."),
    min_sources: int | None = typer.Option(
        None, "--min-sources", min=0, help="At least this many independent sources."
    ),
    language: str | None = typer.Option(None, "--language", help="With a report in this language (ISO 639-1)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Show at most this many events."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl on stdout."),
) -> None:
    """List events, latest first, narrowed by the same filters as /api/events and the web feed.

    Example: newsfuse events --place Türkiye --since 2025-08-01 --min-sources 2 --format json
    """
    query = EventQuery(q, entity, place, since, until, min_sources, language.lower() if language else None)
    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        rows = [event_row(r) for r in all_events(store, query, limit)]
        if not query.given():  # events clustered but not fused yet are listed too, from their articles
            rows += unfused_rows(store, {r["event_id"] for r in rows}, limit and limit - len(rows))
        for row in rows:  # related events of the same named people, found by clustering
            row["storyline"] = store.storyline_of(row["event_id"])
    emit_rows(
        output,
        rows,
        lambda: emit_table(
            f"{len(rows)} events",
            ["event", "reports", "sources", "when", "first reported", "headline", "storyline"],
            [
                (r["event_id"], r["article_count"], r.get("independent_sources", ""), _span(r),
                 r["first_reported"] or "", (r["headline"] or "")[:70], _storyline_cell(r["storyline"]))
                for r in rows
            ],
        ),
    )  # fmt: skip


def emit_rows(output: OutputFormat, rows: list, table: Callable[[], None]) -> None:
    """JSON or JSON lines on stdout, or the table ``table()`` prints."""
    if output is OutputFormat.json:
        emit_json(rows)
    elif output is OutputFormat.jsonl:
        emit_jsonl(rows)
    else:
        table()


def unfused_rows(store, listed: set[str], limit: int | None) -> list[dict]:
    if limit is not None and limit <= 0:
        return []
    rows = []
    for summary in store.list_events():
        if summary.event_id in listed:
            continue
        rows.append(
            {
                "event_id": summary.event_id,
                "headline": summary.title,
                "first_reported": summary.first_seen,
                "article_count": summary.article_count,
                "first_seen": summary.first_seen,
                "last_updated": summary.last_updated,
                "fused": False,
            }
        )
    return rows[:limit] if limit else rows


def _span(row: dict) -> str:
    start, end = row.get("time_start"), row.get("time_end")
    if not start:
        return ""
    return start if not end or end == start else f"{start} – {end}"


def search_command(
    query: str = typer.Argument(..., help="Words that must all appear."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many events and this many articles."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl on stdout."),
) -> None:
    """Search events (headline, summary, claims) and articles (title, text) at once.

    Example: newsfuse search "drone talks" --db news.db
    """
    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        events = [event_row(r) for r in all_events(store, EventQuery(q=query), limit)]
        articles = [
            {"kind": "article", "id": a.id, "title": a.title, "source": a.source, "published": a.published,
             "event_id": store.event_of(a.id)}
            for a in store.iter_articles(query=query, limit=limit)
        ]  # fmt: skip
    hits = [{"kind": "event", **e} for e in events] + articles
    emit_rows(
        output,
        hits,
        lambda: emit_table(
            f"{len(events)} events, {len(articles)} articles for {query!r}",
            ["kind", "id", "published", "title"],
            [
                (h["kind"], h.get("event_id") if h["kind"] == "event" else h["id"],
                 h.get("first_reported") or h.get("published") or "", (h.get("headline") or h.get("title") or "")[:70])
                for h in hits
            ],
        ),
    )  # fmt: skip


def export_csv_command(
    output: Path = typer.Option(..., "--output", "-o", help="Directory for events.csv, claims.csv, evidence.csv."),
    bom: bool = typer.Option(False, "--bom", help="Start each file with a UTF-8 byte-order mark (for Excel)."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    q: str | None = typer.Option(None, "--q", help="Words in the headline, summary or claims."),
    place: str | None = typer.Option(None, "--place", help="A place or country, in any language."),
    since: str | None = typer.Option(None, "--since", help="ISO date."),
) -> None:
    """Write events, claims and evidence as CSV tables a spreadsheet opens right.

    Example: newsfuse export csv --bom --output sheets/ --place Türkiye
    """
    from newsfuse.cli.output import message
    from newsfuse.fuse.export import write_tables

    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        records = all_events(store, EventQuery(q=q, place=place, since=since))
    paths = write_tables(records, output, "csv", bom=bom)
    message(f"{len(records)} event(s) written to " + ", ".join(str(p) for p in paths))


def export_graph_command(
    output: Path = typer.Option(..., "--output", "-o", help="The graph file to write."),
    graph_format: str = typer.Option("gexf", "--format", help="gexf (Gephi) or graphml."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    q: str | None = typer.Option(None, "--q", help="Words in the headline, summary or claims."),
    place: str | None = typer.Option(None, "--place", help="A place or country, in any language."),
    since: str | None = typer.Option(None, "--since", help="ISO date."),
) -> None:
    """Write events, their participants and the outlets reporting them as a graph for network tools.

    Example: newsfuse export graph --format graphml --output events.graphml
    """
    from newsfuse.cli.output import message
    from newsfuse.curate.exports import GRAPH_FORMATS, write_graph
    from newsfuse.errors import InputError

    if graph_format not in GRAPH_FORMATS:
        raise InputError("export graph", f"--format {graph_format!r}: use gexf or graphml")
    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        records = all_events(store, EventQuery(q=q, place=place, since=since))
    nodes, edges = write_graph(records, output, graph_format)
    message(f"{nodes} nodes and {edges} edges from {len(records)} event(s) written to {output}")


def _storyline_cell(related: list[dict]) -> str:
    """ "follow-up e_... (smith)" for each related event."""
    return "; ".join(f"{r['relation']} {r['event_id']} ({', '.join(r['shared'])})" for r in related)
