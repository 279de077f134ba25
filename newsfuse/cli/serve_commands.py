"""CLI command ``serve``: the REST API and web UI over a store, on loopback by default."""

from __future__ import annotations

import ipaddress
import signal
from pathlib import Path

import typer

from newsfuse.cli.output import message
from newsfuse.cli.stores import DB_HELP
from newsfuse.settings import load_settings
from newsfuse.store import open_store


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
    watch: list[str] = typer.Option(
        [], "--watch", help="Also follow this source (URL, path or listing file) in a watcher process; repeatable."
    ),
    every: float = typer.Option(600.0, "--every", min=1.0, help="With --watch: seconds between polls of a source."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="With --watch: allow fetching from (and webhooks to) private addresses."
    ),
) -> None:
    """Serve the web UI at / and the REST API at /api (schema: /api/openapi.json).

    Reads are open; POST /api/ingest needs NEWSFUSE_TOKEN to be set (the server is read-only otherwise).
    With --watch, a watcher follows the given sources into the same store and the feed updates live.

    Example: NEWSFUSE_TOKEN=s3cret newsfuse serve --db news.db --port 8080 --watch https://example.com/rss.xml
    """
    settings = load_settings(db=db, allow_private=allow_private or None)
    if watch:
        open_store(settings.db).close()  # created and migrated here, not by two processes at once
    watcher = start_watcher(watch, settings, every) if watch else None
    # uvicorn re-raises the SIGTERM it shut down on: exit through ``finally`` (stopping the watcher) with status 0.
    signal.signal(signal.SIGTERM, _exit_quietly)
    try:
        _serve(settings, host, port, log_level)
    finally:
        if watcher is not None:
            stop_watcher(watcher)


def _exit_quietly(*_: object) -> None:
    raise SystemExit(0)


def _watch_child(sources: list[str], settings, every: float) -> None:
    from newsfuse.cli.watch_commands import run_watch
    from newsfuse.lifetime import die_with_parent

    die_with_parent(signal.SIGTERM)  # a server killed outright does not leave its watcher running
    run_watch(sources, settings, every=every, batch=50, once=False, quiet=False)


def start_watcher(sources: list[str], settings, every: float):
    """``newsfuse watch`` in a forked child process, so the server's threads never slow its models."""
    import multiprocessing

    from newsfuse.watch import parse_sources

    parse_sources(sources, every)  # a bad source fails now, before the server starts
    child = multiprocessing.get_context("fork").Process(
        target=_watch_child, args=(sources, settings, every), name="newsfuse-watch"
    )
    child.start()
    return child


def stop_watcher(child) -> None:
    """SIGTERM (the watcher finishes its batch), then wait; killed only if it does not end in a minute."""
    if child.is_alive():
        child.terminate()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
        child.join()


def _serve(settings, host: str, port: int, log_level: str) -> None:
    import uvicorn

    from newsfuse.api import create_app
    from newsfuse.api.protocol import http_protocol

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
