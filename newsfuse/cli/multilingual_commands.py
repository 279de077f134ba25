"""CLI command ``eval multilingual``: clustering across languages, English-only models beside multilingual ones."""

from __future__ import annotations

from pathlib import Path

import typer

from newsfuse.cli.output import OutputFormat, emit_json, emit_table


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    eval_app.command("multilingual")(eval_multilingual_command)


def eval_multilingual_command(
    corpus: Path = typer.Option(
        ...,
        "--corpus",
        exists=True,
        file_okay=False,
        help="A folder with articles.jsonl (with language) and gold.jsonl.",
    ),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
) -> None:
    """Cluster a corpus of reports in several languages twice in one run, with English-only models and with
    multilingual ones: pair P/R/F1, cross-language pair recall, and monolingual mega-events.

    Example: newsfuse eval multilingual --corpus ../shared/data/meantime_ml
    """
    from newsfuse.cluster import load_models
    from newsfuse.eval.meantime_ml import evaluate_multilingual
    from newsfuse.settings import load_settings

    settings = load_settings(use_embeddings=True)
    runs = evaluate_multilingual(corpus, settings, load_models(settings))
    if output is not OutputFormat.table:
        emit_json({"corpus": corpus.name, "runs": [run.to_json() for run in runs]})
        return
    columns = ["models", "P", "R", "F1", "cross-language R", "events", "gold", "mega-events", "seconds"]
    rows = [
        (
            run.name,
            *(f"{v:.4f}" for v in (run.scores.pairwise_precision, run.scores.pairwise_recall, run.scores.pairwise_f1)),
            f"{run.cross_language_recall:.4f}",
            run.scores.predicted_clusters,
            run.scores.gold_clusters,
            len(run.mega_events),
            f"{run.seconds:.1f}",
        )
        for run in runs
    ]
    emit_table(f"{corpus.name}: clustering across languages", columns, rows)
