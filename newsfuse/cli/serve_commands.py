"""CLI command ``serve``: the REST API and web UI over a store, on loopback by default."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import typer

from newsfuse.cli.output import message
from newsfuse.settings import load_settings
from newsfuse.store import open_store

DB_HELP = "SQLite store file (default: newsfuse.db, or NEWSFUSE_DB)."


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def pipeline_runner(store, settings):
    """After ``POST /api/ingest``: dedup, cluster, extract and fuse the new articles (models load on first use)."""
    from newsfuse.pipeline import PipelineModels, process

    models = PipelineModels(settings)

    def run(report) -> None:
        process(store, list(report.new), settings, models)

    return run


def serve_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on; anything but loopback exposes the store."
    ),
    port: int = typer.Option(8080, "--port", min=0, max=65535, help="TCP port (0 picks a free one)."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level: debug, info, warning, error."),
) -> None:
    """Serve the web UI at / and the REST API at /api (schema: /api/openapi.json).

    Reads are open; POST /api/ingest needs NEWSFUSE_TOKEN to be set (the server is read-only otherwise).

    Example: NEWSFUSE_TOKEN=s3cret newsfuse serve --db news.db --port 8080
    """
    import uvicorn

    from newsfuse.api import create_app
    from newsfuse.api.protocol import http_protocol

    settings = load_settings(db=db)
    if not is_loopback(host):
        message(f"warning: listening on {host}, not loopback: anyone who can reach it can read the store")
    with open_store(settings.db) as store:
        app = create_app(store, settings, after_ingest=pipeline_runner(store, settings))
        writes = (
            "writes need the bearer token"
            if settings.token
            else "read-only (set NEWSFUSE_TOKEN to allow POST /api/ingest)"
        )
        message(f"serving {settings.db} at http://{host}:{port}/ ({writes})")
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, http=http_protocol())
