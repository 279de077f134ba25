"""Entry point of the ``newsfuse`` command: builds the Typer app from each stage's command module."""

from __future__ import annotations

import os
import sys
from importlib import import_module

import typer

from newsfuse.errors import NewsfuseError

app = typer.Typer(
    name="newsfuse",
    help="Turn news reports into deduplicated, corroborated event records with provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score newsfuse against gold-annotated corpora.", no_args_is_help=True)
export_app = typer.Typer(help="Write stored results as files for other tools.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(export_app, name="export")

# Each module defines ``register(app, eval_app, export_app)`` and adds its own commands.
COMMAND_MODULES = [
    "newsfuse.cli.ingest_commands",
    "newsfuse.cli.cluster_commands",
    "newsfuse.cli.pipeline_commands",
    "newsfuse.cli.extract_commands",
    "newsfuse.cli.serve_commands",
    "newsfuse.cli.fuse_commands",
    "newsfuse.cli.audit_commands",
    "newsfuse.cli.analyst_commands",
    "newsfuse.cli.watch_commands",
    "newsfuse.cli.alert_commands",
    "newsfuse.cli.copy_commands",
    "newsfuse.cli.multilingual_commands",
]


def build_app() -> typer.Typer:
    for name in COMMAND_MODULES:
        import_module(name).register(app, eval_app, export_app)
    return app


def single_thread_blas() -> None:
    """Ask OpenBLAS for one thread, before numpy loads it (the command modules import numpy).

    newsfuse's matrix products are small, and its parallel work runs in worker processes (extraction)
    or onnxruntime's own threads (embeddings). OpenBLAS's helper threads only spin beside them, and a
    process that has started threads runs spaCy's per-token loop ~20% slower, in forked workers too.
    A value the user set is kept.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    single_thread_blas()
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        build_app()(standalone_mode=True)
    except NewsfuseError as exc:
        if debug:
            raise
        print(f"error: {exc.one_line()}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
